"""Aliases a text introduces in a bracket after a name hold for the rest of that text."""

from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import RDF, SKOS

from isis_kg import build
from isis_kg.namespaces import ID, IKG

# A made-up text: the group and its aliases are in no list of ontology/reference/.
SAHEL = (
    "De groepering Jamaat Nusrat al-Islam wal-Muslimin (JNIM, ook wel bekend als Nusrat al-Islam of GSIM) "
    "ontstond in 2017. Volgens de VN pleegde JNIM in 2019 een aanslag in Burkina Faso. "
    "GSIM vecht tegen ISIS. De JNIM-strijders zijn ook in Niger actief.\n"
)


def mentions(reference, matcher, sentences_of, text: str) -> list[tuple[str, str]]:
    from isis_kg.nlp.aliases import find_learnt, learn_aliases
    from isis_kg.nlp.names import find_cued_names

    learnt: dict[str, tuple[str, str]] = {}
    found = []
    for sentence in sentences_of(text):
        known = matcher.find(sentence)
        known += find_learnt(sentence, learnt, known, reference)
        known += find_cued_names(sentence, known, reference)
        known += learn_aliases(sentence, sorted(known, key=lambda m: m.start), learnt, reference)
        found += [(m.surface, m.entity) for m in sorted(known, key=lambda m: m.start)]
    return found


def test_every_alias_in_the_bracket_names_the_entity_from_then_on(reference, matcher, sentences_of) -> None:
    jnim = "jamaat-nusrat-al-islam-wal-muslimin"
    assert mentions(reference, matcher, sentences_of, SAHEL) == [
        ("Jamaat Nusrat al-Islam wal-Muslimin", jnim),
        ("JNIM", jnim),
        ("Nusrat al-Islam", jnim),
        ("GSIM", jnim),
        ("VN", "verenigde-naties"),
        ("JNIM", jnim),
        ("Burkina Faso", "burkina-faso"),
        ("GSIM", jnim),
        ("ISIS", "isis"),
        ("JNIM", jnim),  # the head of a compound: "JNIM-strijders"
        ("Niger", "niger"),
    ]


def test_a_bracket_of_another_entity_or_of_common_words_teaches_nothing(reference, matcher, sentences_of) -> None:
    # "IS" is already a name of ISIS, not of al-Qaida; "Zie bijlage 2014" is no name
    text = "Al Qaida (IS) en ISIS (Zie bijlage 2014) vochten. Later werd IS sterker.\n"
    assert mentions(reference, matcher, sentences_of, text) == [
        ("Al Qaida", "al-qaida"),
        ("IS", "isis"),
        ("ISIS", "isis"),
        ("IS", "isis"),
    ]
    # after NCTV 2017: a bracket that names other places lists what lies there; its member no list
    # knows ("Qayyarah") is no other name of Iraq
    text = "Zij kwamen uit Irak (Mosul, Kirkuk en Qayyarah). Later ging hij naar Qayyarah.\n"
    found = mentions(reference, matcher, sentences_of, text)
    assert ("Qayyarah", "irak") not in found
    assert [entity for _surface, entity in found] == ["irak", "mosul", "kirkuk"]


def test_aliases_learnt_from_the_text_are_alternative_labels_in_the_graph(tmp_path: Path) -> None:
    (tmp_path / "sahel.txt").write_text(SAHEL, encoding="utf-8")
    result = build([tmp_path / "sahel.txt"], tmp_path / "out")
    assert result.conforms
    graph = Graph().parse(result.graph_path, format="turtle")
    jnim = ID["jamaat-nusrat-al-islam-wal-muslimin"]
    assert (jnim, RDF.type, IKG.Organisation) in graph
    assert {str(label) for label in graph.objects(jnim, SKOS.altLabel)} == {"JNIM", "GSIM", "Nusrat al-Islam"}
    assert (jnim, IKG.opposes, ID["isis"]) in graph  # read from "GSIM vecht tegen ISIS"
    assert Literal("JNIM", lang="nl") in set(graph.objects(jnim, SKOS.altLabel))


def test_an_abbreviation_that_spells_the_words_before_it_names_them_as_one_group(read_text) -> None:
    document = read_text(
        "In 2007 richtten militante groepen de Tehrik-i-Taliban Pakistan (TTP) op. "
        "Mullah Fazlullah wordt de nieuwe emir van de TTP. "
        "In Mali strijdt de Jama'at Nusrat al-Islam wal-Muslimin (JNIM) tegen het leger."
    )
    named = {(m.surface, m.entity, m.entity_class) for m in document.mentions}
    assert ("Tehrik-i-Taliban Pakistan", "tehrik-i-taliban-pakistan", "Organisation") in named
    assert ("TTP", "tehrik-i-taliban-pakistan", "Organisation") in named
    assert ("Jama'at Nusrat al-Islam wal-Muslimin", "jama-at-nusrat-al-islam-wal-muslimin", "Organisation") in named
    # the names inside the spelled words are no names of their own: no Taliban, no Pakistan here
    assert {m.entity for m in document.mentions} == {
        "tehrik-i-taliban-pakistan",
        "mullah-fazlullah",
        "mali",
        "jama-at-nusrat-al-islam-wal-muslimin",
    }
    assert ("mullah-fazlullah", "leaderOf", "tehrik-i-taliban-pakistan") in {
        (r.subject, r.predicate, r.object) for r in document.relations
    }


def test_an_abbreviation_that_spells_nothing_before_it_or_a_place_makes_no_group(reference) -> None:
    from isis_kg.model import Mention, Sentence
    from isis_kg.nlp.aliases import spelled_names

    text = "De Federally Administered Tribal Areas (FATA) en de strijders in Noord-Waziristan (TTP)."
    sentence = Sentence(0, 0, 0, len(text), text, 0, len(text))
    assert spelled_names(sentence, [], reference) == []
    pakistan = Mention("pakistan", "Region", "Pakistan", 0, 0, 8)
    assert spelled_names(Sentence(0, 0, 0, 14, "Pakistan (PK)", 0, 14), [pakistan], reference) == [pakistan]
