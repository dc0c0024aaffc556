"""The explorer's HTML: a small shell, the build's data as JSON, Cytoscape.js and the page's own script.

Nothing from the corpus is written as HTML: it travels as JSON in a <script type="application/json">
(escaped by ``script_json``) and the page's script puts it on screen as text. A Content Security
Policy lets the page load nothing from anywhere, so no request can leave the machine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dominate import document as html_document
from dominate.tags import button, div, h1, header, input_, main, meta, nav, noscript, script, section, style
from dominate.util import raw

from isis_kg.report.payload import script_json

STATIC = Path(__file__).resolve().parent / "static"
TABS = (("overview", "Overview"), ("network", "Network"), ("timeline", "Timeline"), ("queue", "Review queue"))
# inline scripts and styles only; no fetch, image, font or frame from anywhere
POLICY = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"


def _static(name: str) -> str:
    text = (STATIC / name).read_text(encoding="utf-8")
    if "</script" in text.lower() or "<!--" in text:
        raise ValueError(f"{name} cannot be inlined: it holds '</script' or '<!--'")
    return text


def render(data: dict[str, Any]) -> str:
    """The page for the explorer's ``data`` (see payload.py)."""
    page = html_document(title=f"isis-kg explorer: {data['build']}")
    page.set_attribute("lang", "en")
    with page.head:
        meta(charset="utf-8")
        meta(**{"http-equiv": "Content-Security-Policy", "content": POLICY})
        meta(name="viewport", content="width=device-width, initial-scale=1")
        style(raw(_static("explorer.css")))
    with page:
        with header():
            h1("isis-kg explorer")
            with nav(role="tablist"):
                for key, title in TABS:
                    button(title, type="button", role="tab", id=f"tab-{key}", data_tab=key)
            input_(type="search", id="search", placeholder="Search names and aliases", autocomplete="off")
            div(id="search-results", hidden="hidden")
        with main():
            for key, _title in TABS:
                section(id=f"view-{key}", cls="panel", hidden="hidden")
        div(id="card", role="dialog", hidden="hidden")
        noscript("The explorer needs JavaScript to show the build.")
        script(raw(script_json(data)), type="application/json", id="explorer-data")
        script(raw(_static("cytoscape.min.js")))
        script(raw(_static("explorer.js")))
    return page.render()
