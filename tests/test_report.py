"""isis-kg report: the explorer page of a build, checked as a reader uses it in headless Chromium."""

import hashlib
import json
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page, sync_playwright

from isis_kg import build
from isis_kg.cli import main
from isis_kg.curate import load_curation
from isis_kg.query import open_graph
from isis_kg.reference import ReferenceData
from isis_kg.report.page import STATIC
from isis_kg.report.payload import script_json

from conftest import GRAPH, PROJECT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# As the machine's notes advise: no sandbox as root, and no background calls to Google's hosts.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOSTILE = (
    "Aanslag in Parijs\n\n"
    'Volgens de krant <script>document.title = "hacked"</script> is ISIS actief in Libië '
    "<img src=x onerror=\"document.title='hacked'\">.\n"
    "De groepering ISIS is ook actief in Afghanistan.\n"
    "Volgens een blog </script><script>document.title = 'broken out'</script><!-- is ISIS actief in Mali.\n"
)
BROKEN_OUT = "Volgens een blog </script><script>document.title = 'broken out'</script><!-- is ISIS actief in Mali."
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
IKG = "https://w3id.org/isis-kg/ontology#"


@pytest.fixture(scope="module")
def corpus_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    assert main(["report", "--graph", str(GRAPH), "--out", str(out)]) == 0
    return out


def _hostile_corpus(folder: Path, decisions: list[dict[str, str]]) -> Path:
    (folder / "corpus").mkdir(exist_ok=True)
    (folder / "corpus" / "nieuws.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "corpus" / "curation.yaml").write_text(yaml.safe_dump({"decisions": decisions}), encoding="utf-8")
    return folder / "corpus"


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build of a text full of markup, with one decision that applies and one that no longer does."""
    folder = tmp_path_factory.mktemp("hostile")
    decisions = [
        {
            "action": "reject",
            "subject": "isis",
            "predicate": "operatesIn",
            "object": "afghanistan",
            "by": "A. <b>Analyst</b>",
            "date": "2026-11-20",
            "reason": "Not in this text <i>at all</i>.",
        },
        {
            "action": "reject",
            "subject": "isis",
            "predicate": "operatesIn",
            "object": "irak",
            "by": "A. Analyst",
            "date": "2026-11-21",
            "reason": "An old fact.",
        },
    ]
    result = build([_hostile_corpus(folder, decisions)], folder / "graph")
    assert result.conforms
    assert main(["report", "--graph", str(folder / "graph")]) == 0
    return folder / "graph" / "report.html"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if CHROMIUM is None:
        pytest.fail("the browser tests need Chromium: install Debian's package chromium (make test does)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _open(browser: Browser, report: Path, width: int = 1280, tab: str = "") -> tuple[Page, list[str]]:
    """The page in a fresh offline window, and a list that collects its console errors and warnings,
    uncaught exceptions and every request for anything but the page itself."""
    context = browser.new_context(viewport={"width": width, "height": 900}, offline=True)
    page = context.new_page()
    troubles: list[str] = []
    page.on("console", lambda m: troubles.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: troubles.append(f"exception: {error}"))
    page.on("request", lambda r: troubles.append(f"request: {r.url}") if r.url != report.as_uri() else None)
    page.goto(report.as_uri() + (f"#{tab}" if tab else ""))
    page.wait_for_selector("html[data-ready=true]")
    return page, troubles


@pytest.fixture
def page(browser: Browser, corpus_report: Path) -> Iterator[Page]:
    opened, troubles = _open(browser, corpus_report)
    yield opened
    assert troubles == []
    opened.context.close()


def _count(query: str) -> int:
    return sum(1 for _ in open_graph(GRAPH).query(query))


def _search(page: Page, words: str, pick: str) -> None:
    page.locator("#search").fill(words)
    page.locator("#search-results button", has_text=pick).first.click()
    page.locator("#card").wait_for(state="visible")


def _network(page: Page) -> None:
    page.locator("#tab-network").click()
    page.wait_for_function("() => window.explorer.cy !== null && window.explorer.cy.nodes(':visible').length > 0")


def test_the_explorer_opens_fast_with_no_console_error_and_no_request(browser: Browser, corpus_report: Path) -> None:
    started = time.perf_counter()
    page, troubles = _open(browser, corpus_report)
    seconds = time.perf_counter() - started
    assert seconds < 2.0, f"the explorer took {seconds:.2f} s to open"
    assert page.title().startswith("isis-kg explorer")
    for tab in ("network", "timeline", "queue", "overview"):  # every view, drawn, asks for nothing either
        page.locator(f"#tab-{tab}").click()
        assert page.locator(f"#view-{tab}").is_visible()
    assert troubles == []


def test_the_overview_gives_the_counts_the_shacl_result_and_the_build_record(page: Page) -> None:
    regions = page.locator("#class-counts tbody tr", has_text="ikg:Region").locator("td").nth(1).inner_text()
    assert int(regions) == _count(f"SELECT ?r WHERE {{ ?r a <{IKG}Region> }}")
    assert page.locator("#document-counts tbody tr").count() == 5
    assert page.locator("#validation").inner_text().count("The graph conforms to the SHACL shapes.") == 1
    record = page.locator("#build-record").inner_text()
    assert "ikg:inputsHash" in record and "spacy 3.8" in record and "ikg:ontologyVersion" in record
    statements = _count(f"SELECT ?st WHERE {{ ?st a <{RDF}Statement> }}")
    assert f"{statements} statements of fact" in page.locator("#summary").inner_text()


def test_every_fact_is_in_the_review_queue(page: Page) -> None:
    page.locator("#tab-queue").click()
    statements = _count(f"SELECT ?st WHERE {{ ?st a <{RDF}Statement> }}")
    assert page.locator("#queue-count").inner_text() == f"{statements} of {statements} facts"
    assert page.locator("#queue-list li.fact").count() == 100  # drawn a hundred at a time, as they come into sight
    page.locator("#queue-list li.fact").last.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelectorAll('#queue-list li.fact').length === 200")


def test_clicking_a_network_node_opens_its_card_with_its_facts_and_evidence(page: Page) -> None:
    _network(page)
    name = "Islamic State – Khorasan Province"
    where = page.evaluate(
        "(name) => explorer.cy.nodes().filter(n => n.data('label') === name)[0].renderedPosition()", name
    )
    box = page.locator("#network-canvas").bounding_box()
    page.mouse.click(box["x"] + where["x"], box["y"] + where["y"])
    card = page.locator("#card")
    card.wait_for(state="visible")
    assert card.locator("h2").inner_text() == name
    fact = card.locator("li.fact", has_text="ikg:franchiseOf").first
    assert "Khorasan" in fact.locator(".evidence").inner_text()  # the sentence it was read from
    meta = fact.locator(".meta").inner_text()
    assert "Een perspectief op de transformatie van ISIS" in meta  # its document
    assert "Cites: When the Caliphate Crumbles" in meta  # the source its footnote cites
    assert "Pattern: name/franchiseOf" in meta and "Confidence: 0.95" in meta


def _edges(page: Page) -> list[dict]:
    return page.evaluate(
        "() => explorer.cy.edges().not('.hidden').map(e => ({relation: e.data('relation'), "
        "hedged: e.hasClass('hedged'), source: e.source().data('node'), target: e.target().data('node')}))"
    )


def test_the_network_filters_hide_what_they_should(page: Page) -> None:
    _network(page)
    every = _edges(page)
    assert {"ikg:franchiseOf", "ikg:operatesIn", "ikg:leaderOf"} <= {e["relation"] for e in every}
    page.locator("input[data-relation='ikg:operatesIn']").uncheck()
    without = _edges(page)
    assert without and all(e["relation"] != "ikg:operatesIn" for e in without)
    assert len(without) == sum(1 for e in every if e["relation"] != "ikg:operatesIn")
    page.locator("input[data-relation='ikg:operatesIn']").check()
    page.locator("#filter-hedging").select_option("hedged")
    hedged = _edges(page)
    assert 0 < len(hedged) < len(every) and all(e["hedged"] for e in hedged)
    page.locator("#filter-hedging").select_option("all")
    page.locator("#filter-document").select_option(label="Leven bij ISIS, de mythe ontrafeld")
    one = _edges(page)
    assert 0 < len(one) < len(every)
    count = page.locator("#network-count").inner_text()
    assert count.endswith(f"{len(one)} relations shown")


@pytest.mark.parametrize("width", [800, 1400])
def test_the_network_is_laid_out_by_cytoscape_readable_at_the_width(
    browser: Browser, corpus_report: Path, width: int
) -> None:
    page, troubles = _open(browser, corpus_report, width=width, tab="network")
    page.wait_for_function("() => window.explorer.cy !== null")
    lock = json.loads((PROJECT / "tools" / "vendor" / "package-lock.json").read_text(encoding="utf-8"))
    assert page.evaluate("cytoscape.version") == lock["packages"]["node_modules/cytoscape"]["version"]
    canvas = page.locator("#network-canvas").bounding_box()
    assert canvas["x"] >= 0 and canvas["x"] + canvas["width"] <= width  # nothing cut off at the side
    inside = page.evaluate(
        "() => { const w = explorer.cy.width(), h = explorer.cy.height(); return explorer.cy.nodes(':visible')"
        ".sort((a, b) => b.degree() - a.degree()).slice(0, 10).map(n => n.renderedPosition())"
        ".every(p => p.x >= 0 && p.x <= w && p.y >= 0 && p.y <= h); }"
    )
    assert inside  # the most connected nodes in the window, the rest a drag away
    assert page.evaluate("explorer.cy.zoom()") >= 0.75  # names at 11 px drawn no smaller than 8 px
    # names are drawn over the lines, on an opaque ground: no edge crosses a label
    node, edge = page.evaluate(
        "() => [explorer.cy.nodes()[0], explorer.cy.edges()[0]].map(e => [e.style('z-index'), "
        "e.style('text-background-opacity') || ''])"
    )
    assert int(node[0]) > int(edge[0]) and node[1] == "1"
    assert troubles == []
    page.context.close()


def test_the_network_is_laid_out_the_same_at_every_opening(browser: Browser, corpus_report: Path) -> None:
    layouts = []
    for _ in range(2):
        page, troubles = _open(browser, corpus_report, tab="network")
        page.wait_for_function("() => window.explorer.cy !== null")
        layouts.append(page.evaluate("() => explorer.cy.nodes().map(n => [n.id(), n.position('x'), n.position('y')])"))
        assert troubles == []
        page.context.close()
    assert layouts[0] == layouts[1] and len(layouts[0]) > 50


def test_the_timeline_puts_each_event_once_at_its_date_and_a_click_opens_it(page: Page) -> None:
    page.locator("#tab-timeline").click()
    marks = page.locator("#timeline-picture g.event")
    dates = marks.evaluate_all("gs => gs.map(g => [g.dataset.date, g.getBBox().x, g.dataset.precision])")
    assert dates
    keys = marks.evaluate_all("gs => gs.map(g => g.dataset.node)")
    assert len(keys) == len(set(keys))  # one mark per event
    assert {"year", "month", "day"} <= {p for _d, _x, p in dates}
    undated = _count(
        f"SELECT ?e WHERE {{ ?e a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* <{IKG}Event> "
        f"FILTER NOT EXISTS {{ ?e <{IKG}date> ?d }} }}"
    )
    assert page.locator("#undated-events li").count() == undated
    page.locator("#timeline-picture g.event", has_text="proclamation of the caliphate").click()
    assert page.locator("#card h2").inner_text() == "proclamation of the caliphate"
    assert "ikg:date" in page.locator("#card .fact-list").inner_text()


def test_the_timeline_marks_stand_in_date_order(page: Page) -> None:
    page.locator("#tab-timeline").click()
    marks = page.locator("#timeline-picture g.event .mark")
    found = marks.evaluate_all("ms => ms.map(m => [m.parentNode.dataset.date, m.getBBox().x])")
    years = sorted((date[:4], x) for date, x in found)
    lefts = [x for _year, x in years]
    assert lefts == sorted(lefts)  # a later year starts further right


def test_the_timeline_marks_the_events_a_text_hedges(tmp_path: Path, browser: Browser) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "nieuws.txt").write_text(
        "Bericht\n\nISIS zou op 22 maart 2016 een aanslag in Brussel hebben gepleegd.\n\n"
        "Op 13 november 2015 pleegde ISIS een aanslag in Parijs.\n",
        encoding="utf-8",
    )
    assert build([tmp_path / "corpus"], tmp_path / "graph").conforms
    assert main(["report", "--graph", str(tmp_path / "graph")]) == 0
    page, troubles = _open(browser, tmp_path / "graph" / "report.html", tab="timeline")
    brussels = page.locator("#timeline-picture g.event[data-date='2016-03-22']")
    paris = page.locator("#timeline-picture g.event[data-date='2015-11-13']")
    assert "hedged" in (brussels.get_attribute("class") or "") and brussels.locator(".hedged-mark").count() == 1
    assert (brussels.locator("text").text_content() or "").endswith(" ?")
    assert "hedged" not in (paris.get_attribute("class") or "") and paris.locator(".hedged-mark").count() == 0
    assert troubles == []
    page.context.close()


def test_an_event_card_gives_the_casualties_each_text_counts(page: Page) -> None:
    _search(page, "attack in Baghdad", "attack in Baghdad")
    killed = page.locator("#card li.fact", has_text="ikg:killed")
    assert (
        killed.locator(".claim").inner_text().startswith("attack in Baghdad (2019-03) ikg:killed 3")
    )  # "zeker drie doden"


def test_the_review_queue_puts_hedged_and_unsure_facts_first(page: Page) -> None:
    page.locator("#tab-queue").click()
    rows = page.locator("#queue-list li.fact")
    hedged = [bool(h) for h in rows.evaluate_all("ls => ls.map(l => l.classList.contains('hedged'))")]
    confidences = [float(c) for c in rows.evaluate_all("ls => ls.map(l => l.dataset.confidence)") if c]
    all_hedged = _count(f"SELECT ?st WHERE {{ ?st <{IKG}hedged> true }}")
    first = hedged.index(False)
    assert first == min(all_hedged, 100) and not any(hedged[first:])
    assert confidences[first:] == sorted(confidences[first:])
    badges = rows.nth(first).locator(".badge").all_inner_texts()
    assert "low confidence" in badges


def test_search_finds_names_and_aliases_and_links_wikidata(page: Page) -> None:
    page.locator("#search").fill("ISIS-K")  # an alias
    assert page.locator("#search-results button").first.inner_text().startswith("Islamic State – Khorasan Province")
    _search(page, "Islamitische Staat", "Islamic State")
    link = page.locator("#card .wikidata a").first
    assert link.inner_text() == "wd:Q2429253"
    assert link.get_attribute("href") == "http://www.wikidata.org/wiki/Q2429253"


def test_the_queue_filter_narrows_to_facts_about_a_name(page: Page) -> None:
    page.locator("#tab-queue").click()
    total = int(page.locator("#queue-count").inner_text().split()[0])
    page.locator("#queue-filter").fill("khorasan")
    page.wait_for_function(f"() => !document.getElementById('queue-count').textContent.startsWith('{total} ')")
    shown = int(page.locator("#queue-count").inner_text().split()[0])
    assert 0 < shown < total
    claims = page.locator("#queue-list .claim").all_inner_texts()
    assert len(claims) == shown and all("Khorasan" in claim for claim in claims)


def test_text_from_the_corpus_is_shown_as_text_never_run(browser: Browser, hostile_report: Path) -> None:
    page, troubles = _open(browser, hostile_report, tab="queue")
    assert page.title().startswith("isis-kg explorer")  # neither script nor onerror ran
    assert page.locator("img").count() == 0
    evidence = page.locator("#queue-list .evidence").all_inner_texts()
    assert any('<script>document.title = "hacked"</script>' in text for text in evidence)
    assert BROKEN_OUT in evidence  # '</script>' and '<!--' in a text end nothing
    html = hostile_report.read_text(encoding="utf-8")
    assert html.count("</script>") == 3  # the page's own three: its data, Cytoscape.js, its script
    assert troubles == []
    page.context.close()


def test_curation_decisions_show_in_the_overview(browser: Browser, hostile_report: Path) -> None:
    page, troubles = _open(browser, hostile_report)
    rows = page.locator("#curation-table tbody tr")
    assert rows.count() == 2
    applied, stale = rows.nth(0).locator("td").all_inner_texts(), rows.nth(1).locator("td").all_inner_texts()
    assert applied[1] == "A. <b>Analyst</b>" and applied[5] == "yes"
    assert applied[3] == "Islamic State ikg:operatesIn Afghanistan"
    assert stale[5] == "no longer" and "stale" in (rows.nth(1).get_attribute("class") or "")
    assert "2 decisions from curation.yaml, 1 of which no longer apply." in page.locator("#view-overview").inner_text()
    page.locator("#tab-queue").click()
    assert page.locator("#queue-list li.fact", has_text="Afghanistan").count() == 0
    assert troubles == []
    page.context.close()


def test_a_reject_entry_copied_from_a_card_rejects_the_fact(
    browser: Browser, hostile_report: Path, tmp_path: Path
) -> None:
    page, troubles = _open(browser, hostile_report)
    _search(page, "Islamitische Staat", "Islamic State")
    fact = page.locator("#card li.fact", has_text="ikg:operatesIn").filter(has_text="Mali").first
    fact.locator("summary").click()
    entry = fact.locator("pre.snippet").inner_text()
    page.context.close()
    assert troubles == []
    decisions = yaml.safe_load("decisions:\n" + entry)["decisions"]
    assert decisions[0]["action"] == "reject" and decisions[0]["object"] == "mali"
    graph = tmp_path / "graph"
    assert build([_hostile_corpus(tmp_path, [{**decisions[0], "by": "B", "reason": "not so"}])], graph).conforms
    mali = f"?st <{RDF}subject> <https://w3id.org/isis-kg/id/isis> ; <{RDF}object> <https://w3id.org/isis-kg/id/mali>"
    assert sum(1 for _ in open_graph(graph).query(f"SELECT ?st WHERE {{ {mali} }}")) == 0


def test_the_entity_entries_are_what_curation_yaml_takes(page: Page, tmp_path: Path, reference: ReferenceData) -> None:
    _search(page, "Islamitische Staat", "Islamic State")
    curation = page.locator("#card .entity-curation")
    curation.locator("input[aria-label='Your name']").fill('A. "Analyst"')
    curation.locator("input[aria-label='Reason']").fill("checked: the item's page")
    curation.locator("details[data-action=merge] summary").click()
    curation.locator("input[aria-label='key of the entity to keep']").fill("al-qaida")
    curation.locator("details[data-action=retype] summary").click()
    curation.locator("details[data-action=retype] select").select_option("Franchise")
    curation.locator("details[data-action=link] summary").click()
    curation.locator("input[aria-label='QID (Q…)']").fill("Q2429253")
    curation.locator("input[aria-label='where you checked it (URL)']").fill("https://www.wikidata.org/wiki/Q2429253")
    entries = "".join(curation.locator("pre.snippet").all_inner_texts())
    path = tmp_path / "curation.yaml"
    path.write_text("decisions:\n" + entries, encoding="utf-8")
    decisions = load_curation([path], reference)
    assert [d.action for d in decisions] == ["merge", "retype", "link"]
    assert {d.by for d in decisions} == {'A. "Analyst"'} and decisions[0].get("into") == "al-qaida"
    assert decisions[1].get("class") == "Franchise" and decisions[2].get("wikidata") == "Q2429253"


def test_report_without_a_build_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["report", "--graph", str(tmp_path)]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith("isis-kg: error:") and "build the graph first" in error
    assert len(error.splitlines()) == 1
    assert not (tmp_path / "report.html").exists()


def test_the_same_build_gives_the_same_page_byte_for_byte(corpus_report: Path, tmp_path: Path) -> None:
    assert main(["report", "--graph", str(GRAPH), "--out", str(tmp_path / "again.html")]) == 0
    assert (tmp_path / "again.html").read_bytes() == corpus_report.read_bytes()


def test_a_javascript_iri_is_no_link_and_bidi_controls_and_line_separators_are_harmless(
    tmp_path: Path, browser: Browser
) -> None:
    (tmp_path / "corpus").mkdir()
    # a right-to-left override or isolate makes what follows it read otherwise than it is written
    (tmp_path / "corpus" / "nieuws.txt").write_text(
        "Bericht\n\n\u2067Volgens de krant\u2069 is ISIS actief in Libië \u202ezegt AD\u202c.\n", encoding="utf-8"
    )
    assert build([tmp_path / "corpus"], tmp_path / "graph").conforms
    graph = tmp_path / "graph" / "graph.ttl"
    with graph.open("a", encoding="utf-8") as turtle:  # what a graph from elsewhere may say
        isis = "<https://w3id.org/isis-kg/id/isis>"
        turtle.write(f"\n{isis} <http://www.w3.org/2002/07/owl#sameAs> <javascript:alert(1)> .\n")
        alias = "Dawla\\u2028</SCRIPT><!--\\u2029"
        turtle.write(f'{isis} <http://www.w3.org/2004/02/skos/core#altLabel> "{alias}" .\n')
        # a statement about a node, from a document, that the graph says nothing else of
        statement = "<https://w3id.org/isis-kg/id/statement/elsewhere>"
        turtle.write(
            f"{statement} a <{RDF}Statement> ; <{RDF}subject> <https://w3id.org/isis-kg/id/stranger> ; "
            f'<{RDF}predicate> <{IKG}opposes> ; <{RDF}object> {isis} ; <{IKG}evidence> "Een vreemde zin." ; '
            f"<http://www.w3.org/ns/prov#wasDerivedFrom> <https://w3id.org/isis-kg/id/document/elsewhere> ; "
            f'<{IKG}pattern> "elsewhere" .\n'
        )
    assert main(["report", "--graph", str(tmp_path / "graph")]) == 0
    report = tmp_path / "graph" / "report.html"
    html = report.read_text(encoding="utf-8")
    assert not any(control in html for control in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert "[U+2067]Volgens de krant[U+2069] is ISIS actief in Libië [U+202E]zegt AD[U+202C]." in html
    assert "\u2028" not in html and "\u2029" not in html and "</SCRIPT>" not in html
    page, troubles = _open(browser, report)
    _search(page, "Dawla", "Islamic State")
    assert page.locator("a[href^='javascript:']").count() == 0
    wikidata = page.locator("#card .wikidata")
    assert "javascript:alert(1)" in wikidata.inner_text()
    assert wikidata.locator("a").first.get_attribute("href") == "http://www.wikidata.org/wiki/Q2429253"
    aliases = page.evaluate("[...document.querySelectorAll('#card dd')].map(d => d.textContent)")
    assert any("Dawla\u2028</SCRIPT><!--\u2029" in text for text in aliases)
    stranger = page.locator("#card li.fact", has_text="Een vreemde zin.")
    assert stranger.locator(".claim").inner_text().startswith("stranger ikg:opposes Islamic State")
    assert "Document: document/elsewhere" in stranger.locator(".meta").inner_text()
    assert troubles == []
    page.context.close()


def test_json_in_the_page_cannot_end_its_script_element() -> None:
    crafted = ["</script><script>alert(1)</script>", "<!--", "\u2028\u2029", "a & b > c"]
    text = script_json(crafted)
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert json.loads(text) == crafted


def test_the_vendored_cytoscape_is_the_locked_release_with_its_licence() -> None:
    lock = json.loads((PROJECT / "tools" / "vendor" / "package-lock.json").read_text(encoding="utf-8"))
    package = lock["packages"]["node_modules/cytoscape"]
    assert package["integrity"].startswith("sha512-") and package["license"] == "MIT"
    sums = (STATIC / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert sums[0] == f"# cytoscape {package['version']} from the npm registry (tools/vendor/package-lock.json)"
    for line in sums[1:]:
        digest, name = line.split()
        assert hashlib.sha256((STATIC / name).read_bytes()).hexdigest() == digest, f"{name} is not the vendored file"
    library = (STATIC / "cytoscape.min.js").read_text(encoding="utf-8")
    assert "Permission is hereby granted, free of charge" in library[:2000]  # the licence travels with the code
    assert "The Cytoscape Consortium" in (STATIC / "cytoscape.LICENSE").read_text(encoding="utf-8")
