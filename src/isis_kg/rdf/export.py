"""Byte-stable RDF: N-Triples lines as the build's compact form of triples, and sorted Turtle.

A document's triples travel through the cache and the cross-document steps as N-Triples
bytes: one object per document instead of several Python objects per triple, which is what
keeps a build of thousands of documents within memory. Turtle is written from the sorted,
de-duplicated lines by pyoxigraph, streamed: each chunk of N-Triples is kept in the order of the
Turtle file, so the chunks are merged line by line without sorting them all again.
"""

from __future__ import annotations

import heapq
import io
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, BinaryIO

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from isis_kg.namespaces import PREFIXES

Triple = tuple[Node, Node, Node]

# rdf:type sorts first in each subject's block, as people write Turtle by hand: in a chunk it stands
# as a mark that sorts before every IRI and that no N-Triples line can hold
_TYPE = b" <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
_TYPE_FIRST = b" <\x00> "
_LABEL = b" <http://www.w3.org/2000/01/rdf-schema#label> "
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
    """The triples as a chunk: N-Triples lines without duplicates, in the order of the Turtle file,
    so that chunks merge without sorting them again (see write_turtle). For that order the
    rdf:type predicate stands marked in a chunk; parse_ntriples and write_turtle read it back."""
    converted = (ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in triples)
    data = ox.serialize(converted, format=ox.RdfFormat.N_TRIPLES)
    assert data is not None  # no output file given, so bytes come back
    return b"".join(line + b"\n" for line in sorted(set(data.replace(_TYPE, _TYPE_FIRST).splitlines())))


def subject_lines(chunk: bytes) -> Iterator[tuple[bytes, bytes, bool]]:
    """For each line of a chunk: its subject's IRI, the line, and whether it gives the subject's
    type or a label (what shapes look at in nodes a triple points to)."""
    for line in chunk.splitlines(keepends=True):
        subject = line[1 : line.index(b">")]
        yield subject, line, line.startswith((_TYPE_FIRST, _LABEL), len(subject) + 2)


def merge_ntriples(*chunks: bytes) -> bytes:
    """A few small chunks (see to_ntriples) merged into one."""
    return b"".join(sorted({line for chunk in chunks for line in chunk.splitlines(keepends=True)}))


def parse_ntriples(data: bytes) -> Iterator[Triple]:
    """The triples of N-Triples bytes or a chunk as rdflib terms (each distinct term made once)."""
    made: dict[Any, Node] = {}

    def term(value: Any) -> Node:
        node = made.get(value)
        if node is None:
            node = made[value] = _to_rdflib(value)
        return node

    for triple in ox.parse(data.replace(_TYPE_FIRST, _TYPE), format=ox.RdfFormat.N_TRIPLES):
        yield term(triple.subject), term(triple.predicate), term(triple.object)


def _lines(chunk: bytes) -> Iterator[bytes]:
    start = 0
    while (end := chunk.find(b"\n", start)) >= 0:
        yield chunk[start : end + 1]
        start = end + 1


def _merged(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The lines of chunks merged in their order, each once."""
    last = None
    for line in heapq.merge(*(_lines(chunk) for chunk in chunks)):
        if line != last:
            last = line
            yield line


class _Stream(io.RawIOBase):
    """Lines of chunks read as one N-Triples stream (rdf:type restored), counted."""

    def __init__(self, lines: Iterator[bytes]) -> None:
        self._lines = lines
        self._pending = bytearray()
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while len(self._pending) < len(buffer):
            batch = list(islice(self._lines, 4096))
            if not batch:
                break
            self.count += len(batch)
            self._pending += b"".join(batch).replace(_TYPE_FIRST, _TYPE)
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        del self._pending[:size]
        return size


def write_turtle(chunks: Iterable[bytes], output: BinaryIO, extra_prefixes: dict[str, str] | None = None) -> int:
    """Write the Turtle of N-Triples chunks (each in the order of to_ntriples) with the contract's
    prefixes, each triple once; return how many triples it holds. Streamed: the chunks are merged
    line by line, so neither all lines nor the Turtle are ever held at once."""
    stream = _Stream(_merged(chunks))
    triples = ox.parse(io.BufferedReader(stream, 1 << 20), format=ox.RdfFormat.N_TRIPLES)
    ox.serialize(triples, output, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES | (extra_prefixes or {}))
    return stream.count


def serialize_turtle(triples: Iterable[Triple], extra_prefixes: dict[str, str] | None = None) -> bytes:
    """Turtle with subjects, predicates and objects in sorted order: same triples, same bytes.

    Blank nodes keep their given ids, so callers pass canonically named ones.
    """
    output = io.BytesIO()
    write_turtle([to_ntriples(triples)], output, extra_prefixes)
    return output.getvalue()
