"""Reviewers' decisions in corpus/curation.yaml: applied by every build, recorded with PROV-O."""

import shutil
from pathlib import Path

import pytest
import yaml
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS

from isis_kg import build
from isis_kg.cli import main
from isis_kg.namespaces import ID, IKG, WD

from conftest import ONTOLOGY, PROJECT

NEWS = PROJECT / "tests" / "cases" / "news-baghouz-guerrilla" / "input.txt"
DECISIONS = [
    {
        "action": "reject",
        "subject": "isis",
        "predicate": "operatesIn",
        "object": "west-afrika",
        "by": "A. Analyst",
        "date": "2026-11-20",
        "reason": "The 'filiaal' in West Africa is ISWAP, a franchise, not a place ISIS itself operates in.",
    },
    {
        "action": "retype",
        "entity": "west-afrika",
        "class": "Franchise",
        "by": "A. Analyst",
        "date": "2026-11-20",
        "reason": "Here West-Afrika names the West Africa province.",
    },
    {
        "action": "merge",
        "entity": "islamitische-staat-irak",
        "into": "isis",
        "by": "B. Reviewer",
        "date": "2026-11-21",
        "reason": "Test of a merge: all that is said of ISI is said of ISIS.",
    },
    {
        "action": "relabel",
        "entity": "filipijnen",
        "label": "de Filipijnen",
        "language": "nl",
        "by": "B. Reviewer",
        "date": "2026-11-21",
        "reason": "House style.",
    },
    {
        "action": "link",
        "entity": "irak",
        "wikidata": "Q796",
        "verified_at": "ontology/reference/entities.yaml of the project (irak)",
        "by": "B. Reviewer",
        "date": "2026-11-22",
        "reason": "The reference data of this test lacks the link.",
    },
    {
        "action": "unlink",
        "entity": "syrie",
        "wikidata": "Q858",
        "by": "B. Reviewer",
        "date": "2026-11-22",
        "reason": "Test of an unlink.",
    },
    {
        "action": "reject",
        "subject": "isis",
        "predicate": "operatesIn",
        "object": "nederland",
        "by": "A. Analyst",
        "date": "2026-11-22",
        "reason": "A fact an earlier version read; the text never says it.",
    },
]


@pytest.fixture(scope="module")
def ontology_without_irak_link(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's ontology/, but Iraq has no Wikidata link: a reviewer adds it."""
    ontology = tmp_path_factory.mktemp("ontology")
    shutil.copytree(ONTOLOGY, ontology, dirs_exist_ok=True)
    entities = ontology / "reference" / "entities.yaml"
    text = entities.read_text(encoding="utf-8")
    start = text.index("  - {id: irak,")
    end = text.index("\n  - {id:", start)
    entry = yaml.safe_load(text[start:end].strip()[2:])
    assert entry["wikidata"]["qid"] == "Q796"
    del entry["wikidata"]
    entities.write_text(text[:start] + "  - " + yaml.safe_dump(entry, default_flow_style=True).strip() + text[end:])
    return ontology


def _corpus(folder: Path, decisions: list[dict]) -> Path:
    folder.mkdir()
    shutil.copy(NEWS, folder / "nieuws.txt")
    (folder / "curation.yaml").write_text(yaml.safe_dump({"decisions": decisions}, sort_keys=False), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def curated(tmp_path_factory: pytest.TempPathFactory, ontology_without_irak_link: Path):
    folder = _corpus(tmp_path_factory.mktemp("curated") / "corpus", DECISIONS)
    result = build([folder], folder.parent / "graph", ontology_dir=ontology_without_irak_link, cache=None)
    graph = Graph().parse(result.graph_path, format="turtle")
    return result, graph


def test_a_rejected_fact_and_its_statements_are_gone(curated) -> None:
    result, graph = curated
    assert result.conforms
    assert (ID["isis"], IKG.operatesIn, ID["west-afrika"]) not in graph
    assert not set(graph.subjects(RDF.object, ID["west-afrika"])) & set(graph.subjects(RDF.subject, ID["isis"]))
    assert (ID["isis"], IKG.operatesIn, ID["libie"]) in graph  # the rest of the sentence stands


def test_retype_merge_relabel_link_and_unlink_show_in_the_graph(curated) -> None:
    _result, graph = curated
    assert set(graph.objects(ID["west-afrika"], RDF.type)) == {IKG.Franchise}
    assert not set(graph.triples((ID["islamitische-staat-irak"], None, None)))
    assert {p for _s, p, _o in graph.triples((None, None, ID["islamitische-staat-irak"]))} == {IKG.mergedEntity}
    assert (ID["isis"], SKOS.altLabel, Literal("Islamitische Staat Irak", lang="nl")) in graph
    assert (ID["isis"], IKG.predecessorOf, ID["isis"]) in graph  # what was said of ISI is said of ISIS
    assert (ID["filipijnen"], RDFS.label, Literal("de Filipijnen", lang="nl")) in graph
    assert (ID["filipijnen"], SKOS.altLabel, Literal("Filipijnen", lang="nl")) in graph
    assert (ID["irak"], OWL.sameAs, WD["Q796"]) in graph
    assert (ID["syrie"], OWL.sameAs, WD["Q858"]) not in graph


def test_each_decision_is_a_prov_activity_with_who_when_why(curated) -> None:
    _result, graph = curated
    decisions = set(graph.subjects(RDF.type, IKG.CurationDecision))
    assert len(decisions) == len(DECISIONS)
    actions = sorted(str(graph.value(d, IKG.curationAction)).rsplit("#", 1)[-1] for d in decisions)
    assert actions == sorted(d["action"] for d in DECISIONS)
    merge = next(d for d in decisions if graph.value(d, IKG.curationAction) == IKG.merge)
    assert graph.value(merge, IKG.mergedEntity) == ID["islamitische-staat-irak"]
    assert graph.value(merge, IKG.curatedEntity) == ID["isis"]
    assert (ID["isis"], PROV.wasInfluencedBy, merge) in graph
    reviewer = graph.value(merge, PROV.wasAssociatedWith)
    assert graph.value(reviewer, RDFS.label) == Literal("B. Reviewer")
    assert str(graph.value(merge, IKG.reason)).startswith("Test of a merge")


def test_a_decision_that_no_longer_applies_is_kept_marked_and_reported(curated) -> None:
    result, graph = curated
    stale = [d for d in graph.subjects(RDF.type, IKG.CurationDecision) if graph.value(d, IKG.applied) == Literal(False)]
    assert [graph.value(d, IKG.rejectedObject) for d in stale] == [ID["nederland"]]
    [notice] = [n for n in result.notices if "no longer applies" in n]
    assert "decision 7 (reject isis operatesIn nederland" in notice and "no longer finds this fact" in notice


def test_a_rebuild_keeps_every_decision(curated, tmp_path: Path, ontology_without_irak_link: Path) -> None:
    result, _graph = curated
    again = build(
        [result.graph_path.parent.parent / "corpus"], tmp_path / "graph", ontology_dir=ontology_without_irak_link
    )
    assert again.graph_path.read_bytes() == result.graph_path.read_bytes()


@pytest.mark.parametrize(
    ("decision", "problem"),
    [
        ({"action": "delete"}, "decision 1: action 'delete' is not one of reject, merge"),
        ({"action": "merge", "entity": "a", "by": "X", "date": "2026-01-01", "reason": "r"}, "(merge) needs into"),
        (
            {
                "action": "link",
                "entity": "isis",
                "wikidata": "Q12x",
                "verified_at": "x",
                "by": "X",
                "date": "2026",
                "reason": "r",
            },
            "'Q12x' is not a Wikidata item id",
        ),
        (
            {"action": "retype", "entity": "isis", "class": "Terrorist", "by": "X", "date": "2026", "reason": "r"},
            "'Terrorist' is not a class of the ontology",
        ),
    ],
)
def test_a_broken_decision_stops_the_build_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture, decision: dict, problem: str
) -> None:
    folder = _corpus(tmp_path / "corpus", [decision])
    assert main(["build", str(folder), "--out", str(tmp_path / "graph"), "--quiet"]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith(f"isis-kg: error: {folder / 'curation.yaml'}: ") and problem in error
    assert len(error.splitlines()) == 1
    assert not (tmp_path / "graph").exists()


def test_the_wikidata_item_of_a_link_is_an_iri_of_wikidata(curated) -> None:
    _result, graph = curated
    links = set(graph.objects(None, IKG.wikidataItem))
    assert links == {URIRef("http://www.wikidata.org/entity/Q796"), URIRef("http://www.wikidata.org/entity/Q858")}


def test_every_decision_shows_in_the_review_report(curated, ontology_without_irak_link: Path) -> None:
    import html

    from isis_kg.reference import load_reference
    from isis_kg.report.collect import collect
    from isis_kg.report.page import render
    from isis_kg.report.payload import payload

    result, _graph = curated
    data = collect(result.out_dir, load_reference(ontology_without_irak_link))
    shown = {(row.action, row.what, row.applied) for row in data.decisions}
    assert shown == {
        ("reject", "Islamic State ikg:operatesIn West Africa", True),
        ("retype", "West Africa", True),
        ("merge", "islamitische-staat-irak into Islamic State", True),
        ("relabel", "Philippines", True),
        ("link", "Iraq wd:Q796", True),
        ("unlink", "Syria wd:Q858", True),
        ("reject", "Islamic State ikg:operatesIn nederland", False),  # not in the graph: no label
    }
    shown_data = payload(data)
    page = render(shown_data)
    for _action, what, _applied in shown:
        assert html.escape(what, quote=False) in page
    # the page says "7 decisions from curation.yaml, 1 of which no longer apply." (tests/test_report.py)
    assert [applied for *_row, applied in shown_data["decisions"]].count(False) == 1
    assert len(shown_data["decisions"]) == 7
