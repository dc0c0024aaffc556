"""Byte-stable Turtle: sorted triples, fixed prefixes, no blank nodes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from isis_kg.namespaces import PREFIXES

Triple = tuple[Node, Node, Node]


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


def _sort_key(triple: Triple) -> tuple[str, bool, str, str]:
    # rdf:type first in each subject's block, as people write Turtle by hand
    return (str(triple[0]), triple[1] != RDF.type, str(triple[1]), triple[2].n3())


def serialize_turtle(triples: Iterable[Triple], extra_prefixes: dict[str, str] | None = None) -> bytes:
    """Turtle with subjects, predicates and objects in sorted order: same triples, same bytes.

    Blank nodes keep their given ids, so callers pass canonically named ones.
    """
    ordered = sorted(triples, key=_sort_key)
    prefixes = PREFIXES | (extra_prefixes or {})
    converted = (ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in ordered)
    data = ox.serialize(converted, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    assert data is not None  # no output file given, so bytes come back
    return data
