"""isis-kg report: the review page of a build, checked as a reader sees it in headless Chromium."""

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page, sync_playwright

from isis_kg import build
from isis_kg.cli import main
from isis_kg.query import open_graph
from isis_kg.report import TO_REVIEW

from conftest import GRAPH

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
)


@pytest.fixture(scope="module")
def corpus_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    assert main(["report", "--graph", str(GRAPH), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build of a text full of markup, with one decision that applies and one that no longer does."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "corpus").mkdir()
    (folder / "corpus" / "nieuws.txt").write_text(HOSTILE, encoding="utf-8")
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
    (folder / "corpus" / "curation.yaml").write_text(yaml.safe_dump({"decisions": decisions}), encoding="utf-8")
    result = build([folder / "corpus"], folder / "graph")
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


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, offline=True)
    yield context.new_page()
    context.close()


def _count(query: str) -> int:
    return sum(1 for _ in open_graph(GRAPH).query(query))


def test_the_corpus_report_opens_in_under_two_seconds_without_network(page: Page, corpus_report: Path) -> None:
    started = time.perf_counter()
    page.goto(corpus_report.as_uri(), wait_until="load")
    seconds = time.perf_counter() - started
    assert seconds < 2.0, f"the report took {seconds:.2f} s to open"
    assert page.title().startswith("isis-kg review report")


def test_the_reader_sees_every_entity_and_fact(page: Page, corpus_report: Path) -> None:
    page.goto(corpus_report.as_uri())
    statements = _count("SELECT ?st WHERE { ?st a <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> }")
    assert page.locator("#fact-table tbody tr").count() == statements
    assert page.locator("#entity-table tbody tr").count() > 300
    isis = page.locator("#entity-table tbody tr", has_text="Islamitische Staat").first
    assert isis.locator("a").first.inner_text() == "wd:Q2429253"
    assert isis.locator("a").first.get_attribute("href") == "http://www.wikidata.org/wiki/Q2429253"
    assert page.locator("#validation").inner_text().count("The graph conforms to the SHACL shapes.") == 1


def test_facts_show_their_sentence_document_and_cited_source(page: Page, corpus_report: Path) -> None:
    page.goto(corpus_report.as_uri())
    row = page.locator("#fact-table tbody tr", has_text="ikg:franchiseOf").filter(has_text="Khorasan").first
    cells = row.locator("td").all_inner_texts()
    assert "Khorasan" in cells[3]  # the evidence sentence
    assert "Een perspectief op de transformatie van ISIS" in cells[4]  # its document
    assert cells[5]  # the source its footnote cites


def test_the_review_list_puts_hedged_and_unsure_facts_first(page: Page, corpus_report: Path) -> None:
    page.goto(corpus_report.as_uri())
    confidences = [
        float(text.split()[0]) for text in page.locator("#review-table tbody tr td:nth-child(7)").all_inner_texts()
    ]
    hedged = page.locator("#review-table tbody tr.hedged").count()
    all_hedged = _count("SELECT ?st WHERE { ?st <https://w3id.org/isis-kg/ontology#hedged> true }")
    assert confidences and hedged == min(all_hedged, TO_REVIEW) and len(confidences) == TO_REVIEW
    assert confidences[hedged:] == sorted(confidences[hedged:])


def test_the_franchise_network_is_drawn(page: Page, corpus_report: Path) -> None:
    page.goto(corpus_report.as_uri())
    picture = page.locator("#network-picture")
    assert picture.is_visible()
    assert picture.bounding_box()["height"] > 100
    names = picture.locator("g.column-1 text").all_text_contents()
    assert "Islamic State – Khorasan Province" in names
    assert picture.locator("line.franchiseOf").count() == len(names)
    assert "Islamic State" in picture.locator("g.column-0 text").all_text_contents()


def test_the_timeline_is_in_date_order(page: Page, corpus_report: Path) -> None:
    page.goto(corpus_report.as_uri())
    cells = [d for d in page.locator("#timeline-table tbody td:first-child").all_inner_texts() if d != "undated"]
    earliest = [cell.split(", ")[0] for cell in cells]  # an event the texts date differently shows every date
    assert earliest and earliest == sorted(earliest)
    assert any(
        "proclamation of the caliphate" in row for row in page.locator("#timeline-table tbody tr").all_inner_texts()
    )


def test_the_filter_narrows_the_fact_table(page: Page, corpus_report: Path) -> None:
    page.goto(corpus_report.as_uri())
    total = page.locator("#fact-table tbody tr").count()
    page.locator('input[data-filter="fact-table"]').fill("Khorasan")
    visible = page.locator("#fact-table tbody tr:visible")
    assert 0 < visible.count() < total
    assert all("khorasan" in text.lower() for text in visible.all_inner_texts())
    assert page.locator("#fact-table-shown").inner_text() == str(visible.count())


def test_text_from_the_corpus_is_shown_as_text_never_run(page: Page, hostile_report: Path) -> None:
    page.goto(hostile_report.as_uri())
    assert page.title().startswith("isis-kg review report")  # neither script nor onerror ran
    assert page.locator("#facts img").count() == 0
    evidence = page.locator("#fact-table tbody tr", has_text="Libya").locator("td.evidence").inner_text()
    assert '<script>document.title = "hacked"</script>' in evidence


def test_curation_decisions_show_in_the_report(page: Page, hostile_report: Path) -> None:
    page.goto(hostile_report.as_uri())
    rows = page.locator("#curation-table tbody tr")
    assert rows.count() == 2
    applied, stale = rows.nth(0).locator("td").all_inner_texts(), rows.nth(1).locator("td").all_inner_texts()
    assert applied[1] == "A. <b>Analyst</b>" and applied[5] == "yes"
    assert applied[3] == "Islamic State ikg:operatesIn Afghanistan"
    assert stale[5] == "no longer" and "stale" in (rows.nth(1).get_attribute("class") or "")
    assert page.locator("#fact-table tbody tr", has_text="Afghanistan").count() == 0


def test_report_without_a_build_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["report", "--graph", str(tmp_path)]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith("isis-kg: error:") and "build the graph first" in error
    assert len(error.splitlines()) == 1
    assert not (tmp_path / "report.html").exists()


def test_the_timeline_gives_the_casualties_each_text_counts(page: Page, corpus_report: Path) -> None:
    page.goto(corpus_report.as_uri())
    row = page.locator("#timeline-table tbody tr", has_text="attack in Baghdad")
    assert row.locator("td").nth(5).inner_text() == "3 killed"  # news 2019: "zeker drie doden"


def test_the_counts_are_those_of_the_graph(page: Page, corpus_report: Path) -> None:
    page.goto(corpus_report.as_uri())
    regions = page.locator("#class-counts tbody tr", has_text="ikg:Region").locator("td").nth(1).inner_text()
    assert int(regions) == _count("SELECT ?r WHERE { ?r a <https://w3id.org/isis-kg/ontology#Region> }")
    documents = page.locator("#document-counts tbody tr")
    assert documents.count() == 5


def test_a_javascript_iri_is_no_link_and_bidi_controls_are_shown(tmp_path: Path, page: Page) -> None:
    (tmp_path / "corpus").mkdir()
    # a right-to-left override or isolate makes what follows it read otherwise than it is written
    (tmp_path / "corpus" / "nieuws.txt").write_text(
        "Bericht\n\n\u2067Volgens de krant\u2069 is ISIS actief in Libië \u202ezegt AD\u202c.\n", encoding="utf-8"
    )
    assert build([tmp_path / "corpus"], tmp_path / "graph").conforms
    graph = tmp_path / "graph" / "graph.ttl"
    with graph.open("a", encoding="utf-8") as turtle:  # what a graph from elsewhere may say
        same_as = "<http://www.w3.org/2002/07/owl#sameAs>"
        turtle.write(f"\n<https://w3id.org/isis-kg/id/isis> {same_as} <javascript:alert(1)> .\n")
    assert main(["report", "--graph", str(tmp_path / "graph")]) == 0
    html = (tmp_path / "graph" / "report.html").read_text(encoding="utf-8")
    assert not any(control in html for control in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert "[U+2067]Volgens de krant[U+2069] is ISIS actief in Libië [U+202E]zegt AD[U+202C]." in html
    page.goto((tmp_path / "graph" / "report.html").as_uri())
    assert page.locator("a[href^='javascript:']").count() == 0
    isis = page.locator("#entity-table tbody tr", has_text="Islamic State")
    assert "javascript:alert(1)" in isis.inner_text()
    assert isis.locator("a").first.get_attribute("href") == "http://www.wikidata.org/wiki/Q2429253"
