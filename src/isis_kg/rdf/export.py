"""Byte-stable RDF: N-Triples lines as the build's compact form of triples, and sorted Turtle.

A document's triples travel through the cache and the cross-document steps as N-Triples
bytes: one object per document instead of several Python objects per triple, which is what
keeps a build of thousands of documents within memory. Turtle is written from the sorted,
de-duplicated lines by pyoxigraph.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from isis_kg.namespaces import PREFIXES

Triple = tuple[Node, Node, Node]

# rdf:type sorts first in each subject's block, as people write Turtle by hand
_TYPE = b" <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
_TYPE_FIRST = b" <\x00> "
_XSD_STRING = ox.NamedNode("http://www.w3.org/2001/XMLSchema#string")


def to_oxigraph(term: Node) -> Any:  # NamedNode, Literal or BlankNode, as the position allows
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def _to_rdflib(term: Any) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype == _XSD_STRING:
            return Literal(term.value)  # as rdflib makes a plain literal, so that the two compare equal
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    return BNode(term.value)


def to_ntriples(triples: Iterable[Triple]) -> bytes:
    """The triples as N-Triples, one per line, sorted and without duplicates: same triples, same bytes."""
    converted = (ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in triples)
    data = ox.serialize(converted, format=ox.RdfFormat.N_TRIPLES)
    assert data is not None  # no output file given, so bytes come back
    return b"".join(line + b"\n" for line in sorted(set(data.splitlines())))


def parse_ntriples(data: bytes) -> Iterator[Triple]:
    """The triples of N-Triples bytes as rdflib terms (each distinct term made once)."""
    made: dict[Any, Node] = {}

    def term(value: Any) -> Node:
        node = made.get(value)
        if node is None:
            node = made[value] = _to_rdflib(value)
        return node

    for triple in ox.parse(data, format=ox.RdfFormat.N_TRIPLES):
        yield term(triple.subject), term(triple.predicate), term(triple.object)


def sorted_lines(chunks: Iterable[bytes]) -> list[bytes]:
    """The distinct lines of N-Triples chunks, in the order of the Turtle file."""
    lines: set[bytes] = set()
    for chunk in chunks:
        lines.update(chunk.splitlines())
    lines.discard(b"")
    return sorted(lines, key=lambda line: line.replace(_TYPE, _TYPE_FIRST, 1))


def turtle_from_lines(lines: list[bytes], extra_prefixes: dict[str, str] | None = None) -> bytes:
    """Turtle of sorted N-Triples lines (see sorted_lines), with the contract's prefixes."""
    parsed = ox.parse(b"\n".join(lines), format=ox.RdfFormat.N_TRIPLES)
    data = ox.serialize(parsed, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES | (extra_prefixes or {}))
    assert data is not None
    return data


def serialize_turtle(triples: Iterable[Triple], extra_prefixes: dict[str, str] | None = None) -> bytes:
    """Turtle with subjects, predicates and objects in sorted order: same triples, same bytes.

    Blank nodes keep their given ids, so callers pass canonically named ones.
    """
    return turtle_from_lines(sorted_lines([to_ntriples(triples)]), extra_prefixes)
