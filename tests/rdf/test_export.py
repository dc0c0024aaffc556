import io
import random

import rdflib
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic

from isis_kg.namespaces import ID, IKG
from isis_kg.rdf import serialize_turtle
from isis_kg.rdf.export import merge_ntriples, parse_ntriples, to_ntriples, write_turtle

TRIPLES = [
    (ID.isis, rdflib.RDF.type, IKG.Organisation),
    (ID.isis, rdflib.RDFS.label, Literal("Islamitische Staat", lang="nl")),
    (ID.isis, IKG.operatesIn, ID.syrie),
    (ID["event/fall/baghouz"], IKG.date, Literal("2019-03", datatype=rdflib.XSD.gYearMonth)),
    (ID.syrie, rdflib.RDFS.label, Literal("Syrië", lang="nl")),
]


def test_same_triples_in_any_order_give_the_same_bytes() -> None:
    shuffled = TRIPLES[:]
    random.Random(7).shuffle(shuffled)
    assert serialize_turtle(TRIPLES) == serialize_turtle(shuffled)


def test_turtle_round_trips_with_the_contract_prefixes() -> None:
    data = serialize_turtle(TRIPLES)
    assert b"@prefix ikg: <https://w3id.org/isis-kg/ontology#> ." in data
    assert b"@prefix id: <https://w3id.org/isis-kg/id/> ." in data
    parsed = rdflib.Graph().parse(data=data, format="turtle")
    expected = rdflib.Graph()
    for triple in TRIPLES:
        expected.add(triple)
    assert isomorphic(parsed, expected)
    assert (URIRef("https://w3id.org/isis-kg/id/event/fall/baghouz"), IKG.date, TRIPLES[3][2]) in parsed


def test_ntriples_round_trip_to_equal_rdflib_terms() -> None:
    plain = (ID.isis, IKG.pattern, Literal('zei "ja"\nen ging'))
    data = to_ntriples([*TRIPLES, plain, plain])
    assert data.count(b"\n") == len(TRIPLES) + 1  # sorted, one line per triple, none twice
    assert set(parse_ntriples(data)) == {*TRIPLES, plain}


def test_chunks_merge_into_one_turtle_each_triple_once() -> None:
    """A fact two documents state is in both their parts; the file has it once, rdf:type first."""
    first, second = to_ntriples(TRIPLES[:3]), to_ntriples(TRIPLES[2:])
    output = io.BytesIO()
    assert write_turtle([second, first], output) == len(TRIPLES)
    assert output.getvalue() == serialize_turtle(TRIPLES)
    block = output.getvalue().decode().split("id:isis ", 1)[1]
    assert block.startswith("a ikg:Organisation ;")
    assert merge_ntriples(first, second) == to_ntriples(TRIPLES)
