"""The README's screenshots of the explorer: the overview, the network and a card, 800 and 1,400 px wide.

Writes the explorer page of the committed graph/ and photographs it in Chromium (offline, as the
report's tests do) into docs/explorer/, each PNG reduced to 256 colours to stay small.

    .venv/bin/python tools/screenshots.py
"""

from __future__ import annotations

import io
import shutil
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import Page, sync_playwright

from isis_kg.reference import load_reference
from isis_kg.report import write_report

PROJECT = Path(__file__).resolve().parents[1]
OUT = PROJECT / "docs" / "explorer"
WIDTHS = (800, 1400)
CARD = "Islamic State – Khorasan Province"


def _save(page: Page, name: str) -> None:
    image = Image.open(io.BytesIO(page.screenshot()))
    image.convert("RGB").quantize(colors=256).save(OUT / f"{name}.png", optimize=True)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        report = write_report(PROJECT / "graph", load_reference(), Path(folder) / "report.html")
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            for width in WIDTHS:
                page = browser.new_context(viewport={"width": width, "height": 800}, offline=True).new_page()
                page.goto(report.as_uri())
                page.wait_for_selector("html[data-ready=true]")
                _save(page, f"overview-{width}")
                page.locator("#tab-network").click()
                page.wait_for_function("() => window.explorer.cy !== null")
                _save(page, f"network-{width}")
                page.locator("#search").fill("Khorasan")
                page.locator("#search-results button", has_text=CARD).first.click()
                page.locator("#card").wait_for(state="visible")
                _save(page, f"card-{width}")
                page.context.close()
            browser.close()
    for path in sorted(OUT.glob("*.png")):
        print(f"{path.relative_to(PROJECT)}: {path.stat().st_size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
