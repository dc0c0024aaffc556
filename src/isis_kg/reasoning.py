"""Is a graph consistent with the ontology? An OWL 2 RL reasoner (owlrl) answers, in plain words.

owlrl computes the deductive closure of the ontology and the graph: the classes a node gets from its
rdf:type, from the domain and range of the properties it takes part in, from owl:sameAs and from the
transitivity of ikg:locatedIn. A node that the closure puts in two disjoint classes (a person that is
also a region, say because something is ikg:locatedIn it) is an inconsistency; each is reported with
the facts of the graph that gave the node each of the two classes. owlrl's own inconsistency messages
(it records them as err:ErrorMessage nodes in the closure: a literal whose text its datatype does not
allow, a member of owl:Nothing) are passed on as they are.

OWL 2 RL has no rule for a literal as the value of an object property (owlrl would make the literal an
ikg:Region); OWL 2 relates individuals by object properties, so such a triple is reported too.

Speed: the closure of the whole graph took 15 s of CPU (17,000 triples grew to 49,000: every node is
owl:sameAs itself, an owl:Thing, a member of each union class of the domains, ...). Most of that cannot
lead to an inconsistency. When the ontology uses only the constructs of _SELECTABLE_PREDICATES and
_SELECTABLE_TYPES (as it does), the reasoner is given only what can: the ontology's axioms about the
classes that some disjointness concerns (and their subclasses), the domains and ranges that lead to
them, and the graph's triples that use those properties, its rdf:type triples of those classes,
owl:sameAs and owl:differentFrom, literals given to object properties and ill-formed literals (2 s).
Labels, evidence sentences and offsets stay out. An ontology with any other construct is reasoned
over whole, with the whole graph.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import rdflib
from owlrl import DeductiveClosure, OWLRL_Semantics  # type: ignore[import-untyped]
from owlrl.Namespaces import ERRNS  # type: ignore[import-untyped]
from rdflib.namespace import OWL, RDF, RDFS, XSD
from rdflib.term import Node

from isis_kg.namespaces import PREFIXES

Triple = tuple[Node, Node, Node]

DISJOINT_CLASSES = "disjoint-classes"
LITERAL_AS_INDIVIDUAL = "literal-as-individual"
REASONER = "reasoner"

# The ontology's predicates and types for which the selection below is known to lose no inconsistency.
_SELECTABLE_PREDICATES = {
    RDF.type,
    RDF.first,
    RDF.rest,
    RDFS.subClassOf,
    RDFS.subPropertyOf,
    RDFS.domain,
    RDFS.range,
    OWL.unionOf,
    OWL.members,
    OWL.disjointWith,
}
_SELECTABLE_TYPES = {
    OWL.Class,
    RDFS.Class,
    RDFS.Datatype,
    RDF.Property,
    RDF.List,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.TransitiveProperty,
    OWL.AllDisjointClasses,
    OWL.Ontology,
}
# What only names or describes a term; a reasoner draws nothing from it.
_ANNOTATIONS = {
    RDFS.label,
    RDFS.comment,
    RDFS.isDefinedBy,
    RDFS.seeAlso,
    OWL.versionInfo,
    OWL.versionIRI,
    OWL.priorVersion,
}
_EQUALITY = (OWL.sameAs, OWL.differentFrom)
_REASONS_SHOWN = 3
_NAMES = rdflib.Graph(bind_namespaces="none").namespace_manager
for _prefix, _namespace in PREFIXES.items():
    _NAMES.bind(_prefix, _namespace)


@dataclass(frozen=True, order=True)
class Inconsistency:
    """One thing the graph says that the ontology rules out."""

    node: str  # the node it is about, shortened (id:person/..., or a literal in Turtle)
    kind: str  # DISJOINT_CLASSES, LITERAL_AS_INDIVIDUAL or REASONER
    message: str  # in plain words, naming the facts that cause it
    facts: tuple[str, ...]  # those facts, one triple each in Turtle


def check_consistency(ontology_graph: rdflib.Graph, data_graph: rdflib.Graph) -> list[Inconsistency]:
    """Every inconsistency of ``data_graph`` with ``ontology_graph`` under OWL 2 RL, sorted by node."""
    axioms = rdflib.Graph()
    axioms += (t for t in ontology_graph if _is_axiom(t))
    axioms += (t for t in data_graph if _is_schema(t))  # a graph may bring axioms of its own
    schema = _closed(axioms)
    if all(_selectable(t) for t in axioms):
        live = _live_classes(schema)
        reasoned_axioms: Iterable[Triple] = (t for t in schema if _concerns(t, live, schema))
        # the ontology's own individuals (the SKOS concepts) are data like the graph's
        data: Iterable[Triple] = (*_selected(axioms, live, schema), *_selected(data_graph, live, schema))
    else:
        reasoned_axioms, data = axioms, data_graph
    facts = rdflib.Graph()
    facts += data
    closure = rdflib.Graph()
    closure += reasoned_axioms
    closure += facts
    DeductiveClosure(OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(closure)
    found = list(_disjoint_members(closure, schema, facts))
    found += _literals_as_individuals(facts, schema)
    reported = {i.node for i in found}
    for message in sorted(
        str(m) for error in closure.subjects(RDF.type, ERRNS.ErrorMessage) for m in closure.objects(error, ERRNS.error)
    ):
        if any(_long(node) in message for node in reported):
            continue  # explained above, with its facts
        found.append(_reasoner_message(message, facts))
    return sorted(set(found))


def _reasoner_message(message: str, facts: rdflib.Graph) -> Inconsistency:
    """owlrl's words, with the node and the triples of the literal it names ('%s' in its messages)."""
    named = sorted((s, p, o) for s, p, o in facts if isinstance(o, rdflib.Literal) and f"'{o}'" in message)
    named = ([t for t in named if getattr(t[2], "ill_typed", False)] or named)[:_REASONS_SHOWN]
    node = _short(named[0][0]) if named else "(graph)"
    told = f"; in {', '.join(_turtle(*t) for t in named)}" if named else ""
    return Inconsistency(
        node, REASONER, f"the reasoner (owlrl) reports: {message}{told}", tuple(_turtle(*t) for t in named)
    )


def _is_axiom(triple: Triple) -> bool:
    subject, predicate, _ = triple
    if predicate in _ANNOTATIONS or (subject, RDF.type, OWL.Ontology) == triple:
        return False
    return any(str(predicate).startswith(str(ns)) for ns in (RDF, RDFS, OWL))


def _is_schema(triple: Triple) -> bool:
    """A triple of a data graph that speaks of classes and properties rather than of the graph's nodes."""
    _, predicate, obj = triple
    if predicate == RDF.type:
        return any(str(obj).startswith(str(ns)) for ns in (RDFS, OWL))
    if predicate in _ANNOTATIONS or predicate in _EQUALITY:
        return False
    return predicate in (RDF.first, RDF.rest) or any(str(predicate).startswith(str(ns)) for ns in (RDFS, OWL))


def _selectable(triple: Triple) -> bool:
    _, predicate, obj = triple
    if predicate != RDF.type:
        return predicate in _SELECTABLE_PREDICATES
    # a type of the vocabularies' own is a construct; any other is an individual's class (skos:Concept)
    return obj in _SELECTABLE_TYPES or not any(str(obj).startswith(str(ns)) for ns in (RDF, RDFS, OWL))


def _closed(axioms: rdflib.Graph) -> rdflib.Graph:
    """The ontology's axioms with what OWL 2 RL derives from them alone (subclasses, inherited domains)."""
    schema = rdflib.Graph()
    schema += axioms
    DeductiveClosure(OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(schema)
    return schema


def _disjoint_pairs(graph: rdflib.Graph) -> Iterator[tuple[Node, Node]]:
    for group in graph.subjects(RDF.type, OWL.AllDisjointClasses):
        for members in graph.objects(group, OWL.members):
            classes = list(rdflib.collection.Collection(graph, members))
            for i, first in enumerate(classes):
                for second in classes[i + 1 :]:
                    yield first, second
    for first, second in graph.subject_objects(OWL.disjointWith):
        if isinstance(first, rdflib.URIRef) and isinstance(second, rdflib.URIRef):
            yield first, second


def _live_classes(schema: rdflib.Graph) -> set[Node]:
    """The classes whose members can be part of an inconsistency: those some disjointness concerns, their
    subclasses, and owl:Nothing."""
    disjoint = {c for pair in _disjoint_pairs(schema) for c in pair} | {OWL.Nothing}
    return disjoint | {c for c, d in schema.subject_objects(RDFS.subClassOf) if d in disjoint}


def _typing_properties(schema: rdflib.Graph, live: set[Node]) -> set[Node]:
    return {p for relation in (RDFS.domain, RDFS.range) for p, c in schema.subject_objects(relation) if c in live}


def _concerns(triple: Triple, live: set[Node], schema: rdflib.Graph) -> bool:
    """Whether an axiom of the closed ontology can give a node a live class, or say which are disjoint."""
    subject, predicate, obj = triple
    if predicate in (RDFS.subClassOf, RDFS.domain, RDFS.range):
        return obj in live
    if predicate == RDF.type:
        if obj == OWL.TransitiveProperty:
            return subject in _typing_properties(schema, live)
        return obj == OWL.AllDisjointClasses
    return predicate in (OWL.members, RDF.first, RDF.rest, OWL.disjointWith)


def _selected(data: rdflib.Graph, live: set[Node], schema: rdflib.Graph) -> Iterator[Triple]:
    typing = _typing_properties(schema, live)
    object_properties = set(schema.subjects(RDF.type, OWL.ObjectProperty))
    for s, p, o in data:
        if p == RDF.type:
            keep = o in live
        elif isinstance(o, rdflib.Literal):
            keep = p in typing or p in object_properties or bool(o.ill_typed)
        else:
            keep = p in typing or p in _EQUALITY
        if keep:
            yield s, p, o


def _disjoint_members(closure: rdflib.Graph, schema: rdflib.Graph, facts: rdflib.Graph) -> Iterator[Inconsistency]:
    for first, second in _disjoint_pairs(closure):
        if any(str(c).startswith((str(XSD), str(RDF))) for c in (first, second)):
            continue  # datatypes, whose disjointness owlrl adds: its own messages tell of a literal in two
        for node in closure.subjects(RDF.type, first):
            if (node, RDF.type, second) not in closure:
                continue
            reasons = [_reasons(node, cls, schema, facts) for cls in (first, second)]
            told = "; ".join(
                f"{_short(cls)} because {', '.join(why) if why else 'the reasoner derives it'}"
                for cls, why in zip((first, second), reasons, strict=True)
            )
            message = f"is both {_short(first)} and {_short(second)}, which the ontology declares disjoint: {told}"
            yield Inconsistency(_short(node), DISJOINT_CLASSES, message, tuple(f for why in reasons for f in why))


def _reasons(node: Node, cls: Node, schema: rdflib.Graph, facts: rdflib.Graph, depth: int = 0) -> list[str]:
    """The facts of the graph that make ``node`` a member of ``cls``, as Turtle triples."""

    def leads(term: Node, relation: Node) -> bool:
        return (term, relation, cls) in schema

    found = sorted(
        {_turtle(node, RDF.type, c) for c in facts.objects(node, RDF.type) if c == cls or leads(c, RDFS.subClassOf)}
        | {_turtle(node, p, o) for p, o in facts.predicate_objects(node) if leads(p, RDFS.domain)}
        | {_turtle(s, p, node) for s, p in facts.subject_predicates(node) if leads(p, RDFS.range)}
    )[:_REASONS_SHOWN]
    if depth == 0 and not found:  # the class came through an equal node: the link, then that node's facts
        same = set(facts.objects(node, OWL.sameAs)) | set(facts.subjects(OWL.sameAs, node))
        for other in sorted(same - {node}, key=str):
            through = _reasons(other, cls, schema, facts, depth + 1)
            if through:
                return [_turtle(node, OWL.sameAs, other), *through]
    return found


def _literals_as_individuals(facts: rdflib.Graph, schema: rdflib.Graph) -> Iterator[Inconsistency]:
    for prop in schema.subjects(RDF.type, OWL.ObjectProperty):
        for subject, value in facts.subject_objects(prop):
            if isinstance(value, rdflib.Literal):
                fact = _turtle(subject, prop, value)
                range_ = schema.value(prop, RDFS.range)
                wanted = f"an {_short(range_)}" if isinstance(range_, rdflib.URIRef) else "an individual"
                message = (
                    f"is the value of {_short(prop)} of {_short(subject)}, which points to {wanted}, "
                    f"not to a literal: {fact}"
                )
                yield Inconsistency(_short(value), LITERAL_AS_INDIVIDUAL, message, (fact,))


def _short(node: Node | None) -> str:
    if isinstance(node, rdflib.Literal):
        return node.n3(_NAMES)
    text = str(node)
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        if text.startswith(namespace) and namespace:
            return f"{prefix}:{text[len(namespace) :]}"
    return f"<{text}>"


def _long(short: str) -> str:
    prefix, _, local = short.partition(":")
    return PREFIXES[prefix] + local if prefix in PREFIXES else short.strip("<>")


def _turtle(subject: Node, predicate: Node, obj: Node) -> str:
    verb = "a" if predicate == RDF.type else _short(predicate)
    return f"{_short(subject)} {verb} {_short(obj)}"
