"""The reasoner's check: a graph that the ontology rules out is reported, with the node and the facts;
the build's shapes reject the same graph; the committed graph passes both."""

from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, SH

from isis_kg.check import ERROR, check_ontology
from isis_kg.cli import main
from isis_kg.namespaces import IKG
from isis_kg.reasoning import DISJOINT_CLASSES, LITERAL_AS_INDIVIDUAL, check_consistency
from isis_kg.validate import validate_files

from conftest import GRAPH

PREFIXES = """
@prefix ikg: <https://w3id.org/isis-kg/ontology#> .
@prefix id: <https://w3id.org/isis-kg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
"""
# One node that is both a person and a place: what check-ontology and the shapes must both refuse.
PERSON_AND_REGION = PREFIXES + 'id:baghdadi a ikg:Person , ikg:Region ; rdfs:label "Abu Bakr al-Baghdadi"@nl .\n'


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "graph.ttl"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_person_that_is_a_region_is_named_by_check_ontology(reference, tmp_path: Path) -> None:
    pitfalls = check_ontology(reference, _write(tmp_path, PERSON_AND_REGION))
    errors = [p for p in pitfalls if p.level == ERROR]
    assert [(p.check, p.term) for p in errors] == [(DISJOINT_CLASSES, "id:baghdadi")]
    assert "ikg:Person" in errors[0].message and "ikg:Region" in errors[0].message
    assert "id:baghdadi a ikg:Person" in errors[0].message and "id:baghdadi a ikg:Region" in errors[0].message


def test_the_command_exits_1_and_prints_the_node(tmp_path: Path, capsys) -> None:
    assert main(["check-ontology", "--graph", str(_write(tmp_path, PERSON_AND_REGION))]) == 1
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if "id:baghdadi" in line)
    assert line.startswith("error") and DISJOINT_CLASSES in line and "disjoint" in line
    assert out.splitlines()[-1].startswith("1 error(s)")


def test_a_class_given_by_a_range_or_an_equal_node_is_explained_by_its_fact(reference) -> None:
    data = rdflib.Graph().parse(
        data=PREFIXES
        + """
        id:mosul a ikg:Region ; ikg:locatedIn id:baghdadi .
        id:baghdadi a ikg:Person .
        id:isis-k a ikg:Franchise ; owl:sameAs id:neumann .
        id:neumann a ikg:Person .
        id:raqqa a ikg:Region ; ikg:locatedIn "Syrië" .
        """,
        format="turtle",
    )
    found = {f.node: f for f in check_consistency(reference.ontology, data)}
    assert found["id:baghdadi"].facts == ("id:baghdadi a ikg:Person", "id:mosul ikg:locatedIn id:baghdadi")
    # a franchise is an organisation: owl:sameAs makes the two one node of two disjoint classes
    assert "id:isis-k owl:sameAs id:neumann" in found["id:isis-k"].facts
    assert "ikg:Organisation" in found["id:isis-k"].message
    assert found['"Syrië"'].kind == LITERAL_AS_INDIVIDUAL and "id:raqqa" in found['"Syrië"'].message


def test_what_owlrl_itself_reports_is_passed_on_with_the_node(reference) -> None:
    data = rdflib.Graph().parse(
        data=PREFIXES + "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        'id:parijs-2015 a ikg:Attack ; ikg:killed "honderddertig"^^xsd:integer .\n',
        format="turtle",
    )
    (found,) = check_consistency(reference.ontology, data)
    assert found.node == "id:parijs-2015" and "owlrl" in found.message
    assert found.facts == ('id:parijs-2015 ikg:killed "honderddertig"^^xsd:integer',)


def test_reasoning_over_a_selection_finds_what_reasoning_over_everything_finds(reference) -> None:
    data = rdflib.Graph().parse(
        data=PREFIXES
        + """
        id:baghdadi a ikg:Person ; ikg:leaderOf id:isis ; rdfs:label "al-Baghdadi"@nl .
        id:isis a ikg:Organisation ; ikg:operatesIn id:raqqa .
        id:raqqa a ikg:Region ; ikg:locatedIn id:syrie .
        id:syrie ikg:locatedIn id:baghdadi .
        id:isis-k a ikg:Franchise ; owl:sameAs id:syrie .
        id:doc a ikg:Document ; ikg:mentions id:baghdadi ; ikg:cites id:isis .
        """,
        format="turtle",
    )
    # an axiom that changes nothing but lies outside what the selection knows: the reasoner is then given
    # the whole ontology and the whole graph
    whole = rdflib.Graph() + reference.ontology
    whole.add((IKG.Person, OWL.equivalentClass, IKG.Person))
    selected = check_consistency(reference.ontology, data)
    assert {f.node for f in selected} == {"id:baghdadi", "id:isis", "id:syrie", "id:isis-k"}
    assert selected == check_consistency(whole, data)


def test_the_committed_graph_is_consistent(reference) -> None:
    graph = rdflib.Graph().parse(GRAPH / "graph.ttl", format="turtle")
    assert check_consistency(reference.ontology, graph) == []
    pitfalls = check_ontology(reference, GRAPH / "graph.ttl")
    assert [p.line() for p in pitfalls if p.level == ERROR] == []


def test_the_shapes_reject_the_person_that_is_a_region(reference, tmp_path: Path) -> None:
    report = validate_files([_write(tmp_path, PERSON_AND_REGION)], reference)
    assert not report.conforms
    caught = [v for v in report.violations if v.shape.endswith("#DisjointClassesShape")]
    assert [v.focus for v in caught] == ["https://w3id.org/isis-kg/id/baghdadi"]


@pytest.mark.parametrize(
    ("turtle", "node"),
    [
        # given a second class by a property's domain, by its range, through a shared Wikidata item
        (
            'id:irak a ikg:Region ; rdfs:label "Irak"@nl ; ikg:operatesIn id:syrie .\n'
            'id:syrie a ikg:Region ; rdfs:label "Syrië"@nl .',
            "id:irak",
        ),
        ('id:neumann a ikg:Person ; rdfs:label "Peter Neumann"@nl ; ikg:footnoteNumber 3 .', "id:neumann"),
        (
            'id:mosul a ikg:Region ; rdfs:label "Mosul"@nl ; ikg:locatedIn id:neumann .\n'
            'id:neumann a ikg:Person ; rdfs:label "Peter Neumann"@nl .',
            "id:neumann",
        ),
        (
            'id:raqqa a ikg:Region ; rdfs:label "Raqqa"@nl ; owl:sameAs wd:Q202162 .\n'
            'id:al-raqqawi a ikg:Person ; rdfs:label "al-Raqqawi"@nl ; owl:sameAs wd:Q202162 .',
            "id:raqqa",
        ),
    ],
)
def test_what_the_reasoner_finds_the_shapes_reject(reference, tmp_path: Path, turtle: str, node: str) -> None:
    path = _write(tmp_path, PREFIXES + "@prefix wd: <http://www.wikidata.org/entity/> .\n" + turtle + "\n")
    data = rdflib.Graph().parse(path, format="turtle")
    assert node in {f.node for f in check_consistency(reference.ontology, data)}
    report = validate_files([path], reference)
    # the node as the focus or as the value; a fact without its statement node is a violation of its own
    about_classes = {n for v in report.violations if "Fact" not in v.shape for n in (v.focus, v.value)}
    assert node.replace("id:", "https://w3id.org/isis-kg/id/") in about_classes, report.summary()


def test_the_shape_lists_the_classes_the_ontology_declares_disjoint(reference) -> None:
    ontology, shapes = reference.ontology, reference.shapes
    (group,) = ontology.subjects(RDF.type, OWL.AllDisjointClasses)
    disjoint = set(rdflib.collection.Collection(ontology, ontology.value(group, OWL.members)))
    shape = rdflib.URIRef("https://w3id.org/isis-kg/shapes#DisjointClassesShape")
    alternatives = rdflib.collection.Collection(shapes, shapes.value(shape, SH.xone))
    assert {shapes.value(a, SH["class"]) for a in alternatives} == disjoint
    assert set(shapes.objects(shape, SH.targetClass)) == disjoint
