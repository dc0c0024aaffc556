"""Event identity: one node per happening, within a document and across documents, with one date."""

from __future__ import annotations

from pathlib import Path

import rdflib
from rdflib.namespace import PROV, RDF

from isis_kg import build
from isis_kg.extract.identity import agreed_date, fits
from isis_kg.model import DateValue
from isis_kg.namespaces import ID, IKG
from isis_kg.outputs import GRAPH_FILE


def _events(graph: rdflib.Graph, place: str) -> dict[str, set[str]]:
    """Attack nodes at a place -> their dates."""
    nodes = set(graph.subjects(IKG.occurredIn, ID[place])) & set(graph.subjects(RDF.type, IKG.Attack))
    return {str(n).rsplit("/id/", 1)[1]: {str(d) for d in graph.objects(n, IKG.date)} for n in nodes}


def _built(tmp_path: Path, texts: dict[str, str]) -> rdflib.Graph:
    corpus = tmp_path / "texts"
    corpus.mkdir()
    for name, text in texts.items():
        (corpus / name).write_text(text, encoding="utf-8")
    build([corpus], tmp_path / "out")
    return rdflib.Graph().parse(tmp_path / "out" / GRAPH_FILE)


def test_dates_fit_and_agree() -> None:
    assert fits(DateValue(2015), DateValue(2015, 11, 13)) and fits(DateValue(2015, 11), DateValue(2015, 11, 13))
    assert not fits(DateValue(2015, 1), DateValue(2015, 11, 13))
    assert agreed_date([DateValue(2015), DateValue(2015, 11), DateValue(2015, 11, 13)]) == DateValue(2015, 11, 13)
    # two months contradict each other: they agree on the year only where a source says just that
    assert agreed_date([DateValue(2014, 6, 29), DateValue(2014, 7)]) is None
    assert agreed_date([DateValue(2014), DateValue(2014, 6, 29), DateValue(2014, 7)]) == DateValue(2014)


def test_two_attacks_in_one_city_are_two_events_and_a_vaguer_mention_joins_only_one_it_fits(tmp_path: Path) -> None:
    graph = _built(
        tmp_path,
        {
            "parijs.txt": (
                "In januari 2015 pleegden terroristen een aanslag in Parijs op de redactie van een weekblad.\n\n"
                "Op 13 november 2015 pleegde ISIS aanslagen in Parijs.\n\n"
                "De aanslagen in Parijs in 2015 schokten Europa.\n\n"
                "Ook de aanslagen in Parijs werden herdacht.\n"
            ),
        },
    )
    attacks = _events(graph, "parijs")
    assert attacks["event/attack/parijs/2015-01"] == {"2015-01"}
    assert attacks["event/attack/parijs/2015-11-13"] == {"2015-11-13"}
    # "in 2015" and the undated mention fit both: each stays its own node, never a guess
    assert attacks["event/attack/parijs/2015"] == {"2015"}
    assert attacks["event/attack/parijs"] == set()
    assert all(len(dates) <= 1 for dates in attacks.values())


def test_one_happening_told_by_two_documents_is_one_node_with_evidence_from_each(tmp_path: Path) -> None:
    graph = _built(
        tmp_path,
        {
            "bericht.txt": "Op 22 maart 2016 pleegde ISIS aanslagen in Brussel op de luchthaven en in de metro.\n",
            "analyse.txt": (
                "In maart 2016 volgden de aanslagen in Brussel.\n\n"
                "De aanslagen in Brussel van 22 maart 2016 werden door ISIS opgeëist.\n"
            ),
            "terugblik.txt": "Na de aanslagen in Brussel werd het dreigingsniveau verhoogd.\n",
        },
    )
    attacks = _events(graph, "brussel")
    assert attacks == {"event/attack/brussel/2016-03-22": {"2016-03-22"}}
    node = ID["event/attack/brussel/2016-03-22"]
    documents = {graph.value(st, PROV.wasDerivedFrom) for st in graph.subjects(RDF.subject, node)}
    assert len(documents) == 3
    # "maart 2016" stays the claim that document made, beside the date the sources agree on
    claims = {str(graph.value(st, RDF.object)) for st in graph.subjects(RDF.type, IKG.DateClaim)}
    assert claims == {"2016-03", "2016-03-22"}


def test_a_foiled_attack_is_no_event(tmp_path: Path) -> None:
    graph = _built(tmp_path, {"verijdeld.txt": "In 2016 werd een aanslag in Brussel verijdeld door de politie.\n"})
    assert _events(graph, "brussel") == {}


def test_a_weekday_in_a_dated_news_item_dates_the_event_and_says_what_it_was_resolved_from(tmp_path: Path) -> None:
    graph = _built(
        tmp_path,
        {
            "nieuws.txt": (
                "Verdachten opgepakt na aanslagen\nBRUSSEL, donderdag 24 maart 2016\n\n"
                "Dinsdag pleegde ISIS aanslagen in Brussel op de luchthaven en in een metrostation.\n"
            )
        },
    )
    assert _events(graph, "brussel") == {"event/attack/brussel/2016-03-22": {"2016-03-22"}}
    (claim,) = graph.subjects(RDF.type, IKG.DateClaim)
    assert str(graph.value(claim, IKG.resolvedFrom)) == "Dinsdag"


def test_no_event_of_the_committed_graph_has_two_dates_or_merges_happenings_of_different_dates() -> None:
    from conftest import GRAPH

    graph = rdflib.Graph().parse(GRAPH / GRAPH_FILE)
    claims = set(graph.subjects(RDF.type, IKG.DateClaim, unique=True))
    assert claims, "the corpus gives events dates"
    for claim in claims:
        event = graph.value(claim, RDF.subject)
        dates = [DateValue.parse(str(d)) for d in graph.objects(event, IKG.date)]
        assert len(dates) <= 1, event
        claimed = DateValue.parse(str(graph.value(claim, RDF.object)))
        assert not dates or fits(claimed, dates[0]), (event, claimed, dates)


def test_the_attack_a_later_sentence_points_back_to_gets_its_perpetrator(tmp_path: Path) -> None:
    graph = _built(
        tmp_path,
        {
            "kasindi.txt": (
                "Op 15 januari 2023 ontplofte een bom in een kerk in Brussel. ISIS eiste de aanslag op.\n\n"
                "Later eiste ISIS de aanslag in een interview opnieuw op.\n"
            )
        },
    )
    node = ID["event/attack/brussel/2023-01-15"]
    assert set(graph.objects(node, IKG.perpetrator)) == {ID.isis}
    # two sentences on, with another paragraph between, "de aanslag" still points back; with no attack
    # before it, a mention that points back is no event at all
    lone = (
        _built(tmp_path / "lone", {"los.txt": "ISIS eiste de aanslag op.\n"})
        if (tmp_path / "lone").mkdir() is None
        else None
    )
    assert lone is not None and set(lone.subjects(RDF.type, IKG.Attack)) == set()


def test_a_claim_in_the_same_sentence_points_back_and_the_claimant_operates_there(tmp_path: Path) -> None:
    graph = _built(
        tmp_path,
        {"kasindi.txt": "Op 15 januari 2023 ontplofte een bom in een kerk in Kasindi; IS eiste de aanslag op.\n"},
    )
    node = ID["event/attack/kasindi/2023-01-15"]
    assert set(graph.objects(node, IKG.perpetrator)) == {ID.isis}
    assert (ID.isis, IKG.operatesIn, ID.kasindi) in graph
