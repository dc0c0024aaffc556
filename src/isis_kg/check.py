"""Ontology checks in the style of OOPS! and ROBOT report: pitfalls a reviewer should see.

Errors (exit 1): a term without a Dutch and English label or definition, a property without
domain or range, a class outside the hierarchy, a term the shapes use that the ontology lacks,
a shape that contradicts a property's domain or range, and, given a built graph, each of its
inconsistencies with the ontology that an OWL 2 RL reasoner finds (isis_kg.reasoning). Warnings:
ontology terms the shapes never check, terms the built graph never uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from isis_kg.errors import InputError
from isis_kg.namespaces import IKG
from isis_kg.reasoning import check_consistency
from isis_kg.reference import ReferenceData

ERROR = "error"
WARNING = "warning"
LANGUAGES = ("nl", "en")
SHAPES = "https://w3id.org/isis-kg/shapes#"


@dataclass(frozen=True, order=True)
class Pitfall:
    level: str
    check: str
    term: str
    message: str

    def line(self) -> str:
        return f"{self.level:<7} {self.check:<24} {self.term}: {self.message}"


def check_ontology(reference: ReferenceData, graph_file: Path | None = None) -> list[Pitfall]:
    ontology, shapes = reference.ontology, reference.shapes
    classes = {c for c in ontology.subjects(RDF.type, OWL.Class) if isinstance(c, rdflib.URIRef) and _ours(c)}
    properties = {
        p
        for kind in (OWL.ObjectProperty, OWL.DatatypeProperty)
        for p in ontology.subjects(RDF.type, kind)
        if isinstance(p, rdflib.URIRef) and _ours(p)
    }
    pitfalls: list[Pitfall] = []
    for term in sorted(classes | properties):
        pitfalls += _documented(ontology, term)
    for prop in sorted(properties):
        for relation, name in ((RDFS.domain, "domain"), (RDFS.range, "range")):
            if ontology.value(prop, relation) is None:
                pitfalls.append(Pitfall(ERROR, f"missing-{name}", _short(prop), f"the property has no rdfs:{name}"))
    for cls in sorted(classes):
        parents = list(ontology.objects(cls, RDFS.subClassOf))
        if not parents and cls not in _top_classes():
            pitfalls.append(Pitfall(ERROR, "outside-hierarchy", _short(cls), "not a subclass of any class"))
    used_by_shapes = {t for t in shapes.all_nodes() if isinstance(t, rdflib.URIRef) and _ours(t)}
    concepts = {c for c in ontology.subjects(RDF.type, SKOS.Concept) if isinstance(c, rdflib.URIRef)}
    known = classes | properties | concepts | {IKG.SourceKinds}
    for term in sorted(used_by_shapes - known):
        pitfalls.append(Pitfall(ERROR, "unknown-in-shapes", _short(term), "the shapes use a term the ontology lacks"))
    for term in sorted((classes | properties) - used_by_shapes):
        pitfalls.append(Pitfall(WARNING, "unchecked-by-shapes", _short(term), "no shape checks this term"))
    pitfalls += _shapes_against_ontology(ontology, shapes)
    if graph_file is not None:
        graph = _built_graph(graph_file)
        used = {t for t in (*graph.predicates(), *graph.objects(None, RDF.type)) if isinstance(t, rdflib.URIRef)}
        for term in sorted((classes | properties) - used):
            pitfalls.append(Pitfall(WARNING, "unused-in-graph", _short(term), "the built graph never uses this term"))
        for found in check_consistency(ontology, graph):
            pitfalls.append(Pitfall(ERROR, found.kind, found.node, found.message))
    return sorted(pitfalls)


def _built_graph(path: Path) -> rdflib.Graph:
    if not path.is_file():
        raise InputError(path, "no such file; build the graph first (isis-kg build)")
    try:
        return rdflib.Graph().parse(path, format="turtle")
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror or error})") from None
    except (SyntaxError, ValueError) as error:  # rdflib's Turtle parser raises BadSyntax, a SyntaxError
        why = getattr(error, "_why", None) or str(error).strip().splitlines()[0]
        line = getattr(error, "lines", None)
        where = f" at line {line + 1}" if isinstance(line, int) else ""
        raise InputError(path, f"not valid Turtle ({str(why)[:200]}{where})") from None


def _documented(ontology: rdflib.Graph, term: rdflib.URIRef) -> list[Pitfall]:
    found = []
    for language in LANGUAGES:
        labels = [label for label in ontology.objects(term, RDFS.label) if getattr(label, "language", None) == language]
        definitions = [
            d
            for relation in (SKOS.definition, RDFS.comment)
            for d in ontology.objects(term, relation)
            if getattr(d, "language", None) == language
        ]
        if not labels:
            found.append(Pitfall(ERROR, "missing-label", _short(term), f"no rdfs:label in '{language}'"))
        if not definitions:
            found.append(Pitfall(ERROR, "missing-definition", _short(term), f"no definition in '{language}'"))
    return found


def _shapes_against_ontology(ontology: rdflib.Graph, shapes: rdflib.Graph) -> list[Pitfall]:
    """A property shape under a class's shape must agree with the property's domain and range."""
    found = []
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        targets = [t for t in shapes.objects(shape, SH.targetClass) if isinstance(t, rdflib.URIRef)]
        for property_shape in shapes.objects(shape, SH.property):
            path = shapes.value(property_shape, SH.path)
            if not (isinstance(path, rdflib.URIRef) and _ours(path)):
                continue
            domain = ontology.value(path, RDFS.domain)
            for target in targets:
                if isinstance(domain, rdflib.URIRef) and not _related(ontology, target, domain):
                    message = f"{_short(shape)} checks it on {_short(target)}, outside its domain {_short(domain)}"
                    found.append(Pitfall(ERROR, "shape-contradicts-domain", _short(path), message))
            expected = shapes.value(property_shape, SH["class"])
            declared = ontology.value(path, RDFS.range)
            if isinstance(expected, rdflib.URIRef) and isinstance(declared, rdflib.URIRef):
                if not _is_a(ontology, expected, declared):
                    message = f"{_short(shape)} wants {_short(expected)}, the ontology's range is {_short(declared)}"
                    found.append(Pitfall(ERROR, "shape-contradicts-range", _short(path), message))
    return found


def _is_a(ontology: rdflib.Graph, cls: rdflib.URIRef, ancestor: rdflib.URIRef) -> bool:
    return cls == ancestor or ancestor in set(ontology.transitive_objects(cls, RDFS.subClassOf))


def _related(ontology: rdflib.Graph, target: rdflib.URIRef, domain: rdflib.URIRef) -> bool:
    """A shape may check a property on its domain, a subclass of it, or a superclass (the shape then only
    constrains the values present)."""
    return _is_a(ontology, target, domain) or _is_a(ontology, domain, target)


def _top_classes() -> set[rdflib.URIRef]:
    return {IKG.Organisation, IKG.Region, IKG.Person, IKG.Event, IKG.Source}


def _ours(term: object) -> bool:
    return isinstance(term, rdflib.URIRef) and str(term).startswith(str(IKG))


def _short(term: object) -> str:
    text = str(term)
    for prefix, namespace in (("ikg:", str(IKG)), ("shape:", SHAPES), ("rdf:", str(RDF))):
        if text.startswith(namespace):
            return prefix + text[len(namespace) :]
    return text
