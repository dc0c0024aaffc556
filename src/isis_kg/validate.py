"""SHACL validation with pyshacl, and a summary in plain words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import rdflib
from pyshacl import validate as pyshacl_validate
from rdflib.compare import to_canonical_graph
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from isis_kg.errors import InputError, ReferenceDataError
from isis_kg.rdf.export import serialize_turtle
from isis_kg.reference import SHAPES_FILE, ReferenceData


@dataclass(frozen=True)
class Violation:
    shape: str  # the node shape that found it (for a property shape, the node shape holding it)
    focus: str
    path: str | None
    value: str | None
    message: str
    severity: str


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: tuple[Violation, ...]
    graph: rdflib.Graph

    def summary(self, limit: int = 10) -> list[str]:
        """Lines a person reads: whether the graph conforms, and if not, what is wrong where."""
        if self.conforms:
            return ["The graph conforms to the SHACL shapes."]
        counts = Counter(v.message for v in self.violations)
        lines = [f"The graph violates the SHACL shapes: {len(self.violations)} problem(s)."]
        for message, count in counts.most_common(limit):
            example = next(v for v in self.violations if v.message == message)
            lines.append(f"  {count} x {message} (for example at {example.focus})")
        return lines

    def turtle(self) -> bytes:
        """The report graph with its blank nodes named canonically, so that it is byte-stable."""
        return serialize_turtle(to_canonical_graph(self.graph), extra_prefixes={"sh": str(SH)})


def new_graph(triples: Iterable[tuple[Node, Node, Node]] = ()) -> rdflib.Graph:
    """An rdflib graph for validation, filled with ``triples``.

    rdflib's own in-memory store, not Oxigraph's: pyshacl's sh:or checks on an oxrdflib graph
    took 30 s for the corpus where the memory store takes 0.3 s (measured; see the benchmark).
    """
    graph = rdflib.Graph()
    graph.addN((s, p, o, graph) for s, p, o in triples)
    return graph


def validate_graph(graph: rdflib.Graph, reference: ReferenceData) -> ValidationReport:
    """Validate ``graph`` against the shapes; the ontology's triples are added to it first.

    SHACL reads the class hierarchy (rdfs:subClassOf) from the data graph; adding the
    ontology to it spares pyshacl a copy of both. SHACL-AF is on for the shapes' SPARQL targets.
    """
    graph.addN((s, p, o, graph) for s, p, o in reference.ontology)
    conforms, results, _text = pyshacl_validate(
        graph,
        shacl_graph=reference.shapes,
        inference="none",
        advanced=True,
        inplace=True,  # the graph is the caller's throwaway copy; pyshacl need not copy it again
        abort_on_first=False,
        allow_warnings=False,
    )
    if not isinstance(results, rdflib.Graph):  # pyshacl could not run the shapes at all
        raise ReferenceDataError(reference.directory / SHAPES_FILE, f"the shapes cannot be applied ({results})")
    return read_results(results, reference.shapes, bool(conforms))


def read_results(results: rdflib.Graph, shapes: rdflib.Graph, conforms: bool | None = None) -> ValidationReport:
    """A SHACL validation report graph (pyshacl's, or a validation.ttl read back) as a ValidationReport."""
    if conforms is None:
        conforms = all(
            isinstance(v, rdflib.Literal) and v.toPython() is True for v in results.objects(None, SH.conforms)
        )
    violations = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        violations.append(
            Violation(
                shape=_node_shape(shapes, results.value(result, SH.sourceShape)),
                focus=str(results.value(result, SH.focusNode)),
                path=str(path) if path is not None else None,
                value=str(value) if value is not None else None,
                message=str(results.value(result, SH.resultMessage) or "constraint violated"),
                severity=str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[-1],
            )
        )
    violations.sort(key=lambda v: (v.message, v.focus, v.path or "", v.value or ""))
    return ValidationReport(conforms=conforms, violations=tuple(violations), graph=results)


def _node_shape(shapes: rdflib.Graph, source: Node | None) -> str:
    if isinstance(source, rdflib.BNode):
        owner = next(shapes.subjects(SH.property, source), None) or next(shapes.subjects(SH.sparql, source), None)
        if owner is not None:
            return str(owner)
    return str(source)


def validate_files(paths: list[Path], reference: ReferenceData) -> ValidationReport:
    """Validate Turtle files (taken together as one graph) against the shapes."""
    graph = new_graph()
    for path in paths:
        if not path.is_file():
            raise InputError(path, "no such file")
        try:
            graph.parse(path, format="turtle")
        except UnicodeDecodeError:
            raise InputError(path, "not UTF-8 text") from None
        except Exception as error:  # rdflib and oxigraph raise many kinds; all mean "bad Turtle"
            first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
            raise InputError(path, f"not valid Turtle ({first_line})") from None
    return validate_graph(graph, reference)
