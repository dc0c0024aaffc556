"""What the explorer shows, gathered from the built graph through the queries of report/queries/."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import rdflib

from isis_kg.errors import InputError
from isis_kg.namespaces import ID, IKG
from isis_kg.outputs import GRAPH_FILE, REPORT_FILE
from isis_kg.query import open_graph
from isis_kg.reference import ReferenceData
from isis_kg.report.sparql import grouped, select, solutions
from isis_kg.validate import ValidationReport, read_results

# what kind of card a node gets, by the ontology class it belongs to (the first that applies)
KINDS = (("event", IKG.Event), ("document", IKG.Document), ("source", IKG.Source))
ENTITY_CLASSES = (IKG.Organisation, IKG.Region, IKG.Person)


@dataclass(frozen=True)
class Fact:
    subject: str
    predicate: str
    object: str
    object_is_node: bool
    evidence: str
    document: str
    cited: tuple[str, ...]
    confidence: float | None
    hedged: bool
    pattern: str
    asserted_on: str


@dataclass(frozen=True)
class Node:
    iri: str
    label: str  # English where there is one, else Dutch, else any
    labels: tuple[str, ...]  # every label, "Islamitische Staat (nl)"
    aliases: tuple[str, ...]
    classes: tuple[str, ...]  # the most specific ikg: classes, local names
    kind: str  # entity, event, document, source or other
    wikidata: tuple[str, ...]
    documents: int  # how many documents mention it


@dataclass(frozen=True)
class DocumentRow:
    iri: str
    title: str
    date: str
    file: str
    facts: int
    mentioned: int  # entities and events it mentions


@dataclass(frozen=True)
class DecisionRow:
    iri: str
    action: str
    by: str
    date: str
    reason: str
    applied: bool
    what: str


@dataclass
class ReportData:
    """A build as the explorer shows it; nodes keyed by IRI."""

    build: str
    record: list[tuple[str, str]]
    triples: int
    validation: ValidationReport
    nodes: dict[str, Node] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    documents: list[DocumentRow] = field(default_factory=list)
    decisions: list[DecisionRow] = field(default_factory=list)
    class_counts: Counter[str] = field(default_factory=Counter)

    def label(self, iri: str) -> str:
        node = self.nodes.get(iri)
        return node.label if node is not None else short(iri)


def collect(graph_dir: Path, reference: ReferenceData) -> ReportData:
    """Read the build in ``graph_dir``: its graph, its SHACL report and its build record."""
    validation = _validation(graph_dir, reference)
    store = open_graph(graph_dir)
    record = select(store, "build")
    data = ReportData(
        build=short(record[0][0]) if record else "",
        record=[(short(prop), short(value)) for _build, prop, value in record],
        triples=_triples_in(graph_dir),
        validation=validation,
    )
    data.nodes = _nodes(store)
    for node in data.nodes.values():
        if node.iri.startswith(str(ID)):
            data.class_counts.update(node.classes)
    data.facts = _facts(store, data)
    for iri in _referenced(data.facts):  # a node the graph says nothing else of still gets its card
        data.nodes.setdefault(iri, Node(iri, short(iri), (), (), (), "other", (), 0))
    data.documents = _documents(store, data)
    data.decisions = _decisions(store, data)
    return data


def _nodes(store: ox.Store) -> dict[str, Node]:
    labels, every = _labels(store)
    types, supers = grouped(store, "types"), grouped(store, "subclasses")
    aliases, same_as, mentioned = grouped(store, "aliases"), grouped(store, "same-as"), grouped(store, "mentions")
    nodes = {}
    for iri in sorted(set(types) | set(labels)):
        specific = _most_specific(types.get(iri, set()), supers)
        above = set().union(*(supers.get(t, {t}) for t in specific))
        kind = next((name for name, cls in KINDS if str(cls) in above), "other")
        if kind == "other" and any(str(cls) in above for cls in ENTITY_CLASSES):
            kind = "entity"
        nodes[iri] = Node(
            iri=iri,
            label=labels.get(iri) or short(iri),
            labels=tuple(sorted(every.get(iri, ()))),
            aliases=tuple(sorted(aliases.get(iri, ()))),
            classes=tuple(sorted(short(t) for t in specific)),
            kind=kind,
            wikidata=tuple(sorted(same_as.get(iri, ()))),
            documents=len(mentioned.get(iri, ())),
        )
    return nodes


def _facts(store: ox.Store, data: ReportData) -> list[Fact]:
    cited = grouped(store, "cited")
    facts = []
    for st, s, p, o, is_node, evidence, doc, confidence, hedged, pattern, asserted in select(store, "statements"):
        facts.append(
            Fact(
                subject=s,
                predicate=p,
                object=o,
                object_is_node=is_node == "true",
                evidence=evidence,
                document=doc,
                cited=tuple(sorted(cited.get(st, ()))),
                confidence=float(confidence) if confidence else None,
                hedged=hedged == "true",
                pattern=pattern,
                asserted_on=asserted,
            )
        )
    facts.sort(
        key=lambda f: (data.label(f.subject).casefold(), short(f.predicate), data.label(f.object), f.object, f.document)
    )
    return facts


def _referenced(facts: list[Fact]) -> list[str]:
    """Every node a fact names: its subject, its object if a node, its document and cited sources."""
    named: dict[str, None] = {}
    for fact in facts:
        for iri in (fact.subject, *([fact.object] if fact.object_is_node else []), fact.document, *fact.cited):
            named.setdefault(iri, None)
    return list(named)


def _documents(store: ox.Store, data: ReportData) -> list[DocumentRow]:
    facts = Counter(f.document for f in data.facts)
    mentions = Counter(doc for _node, doc in select(store, "mentions"))
    rows = [
        DocumentRow(doc, title or data.label(doc), date, file, facts[doc], mentions[doc])
        for doc, title, date, file in select(store, "documents")
    ]
    return sorted(rows, key=lambda d: (d.title.casefold(), d.iri))


def _decisions(store: ox.Store, data: ReportData) -> list[DecisionRow]:
    rows = []
    for d, action, who, date, reason, applied, entity, merged, rs, rp, ro, item in select(store, "decisions"):
        action = action.rsplit("#", 1)[-1]
        if action == "reject":
            what = f"{data.label(rs)} {short(rp)} {data.label(ro)}"
        elif action == "merge":
            what = f"{short(merged)} into {data.label(entity)}"
        else:
            what = data.label(entity) + (f" {short(item)}" if item else "")
        rows.append(DecisionRow(d, action, who, date, reason, applied == "true", what))
    return sorted(rows, key=lambda r: (r.date, r.iri))


def _validation(graph_dir: Path, reference: ReferenceData) -> ValidationReport:
    path = graph_dir / REPORT_FILE
    if not path.is_file():
        raise InputError(path, "no such file; build the graph first (isis-kg build)")
    return read_results(rdflib.Graph().parse(path, format="turtle"), reference.shapes)


def _triples_in(graph_dir: Path) -> int:
    store = ox.Store()
    store.bulk_load(path=str(graph_dir / GRAPH_FILE), format=ox.RdfFormat.TURTLE)
    return len(store)


def _labels(store: ox.Store) -> tuple[dict[str, str], dict[str, set[str]]]:
    """One label per node (English where there is one, else Dutch, else any), and all of them."""
    preference = {"en": 0, "nl": 1}
    best: dict[str, tuple[int, str]] = {}
    every: dict[str, set[str]] = defaultdict(set)
    for node, label in solutions(store, "labels"):
        assert node is not None and isinstance(label, ox.Literal)
        language = label.language
        rank = preference.get(language or "", 2)
        if node.value not in best or (rank, label.value) < best[node.value]:
            best[node.value] = (rank, label.value)
        every[node.value].add(f"{label.value} ({language})" if language else label.value)
    return {key: value for key, (_rank, value) in best.items()}, every


def _most_specific(types: set[str], supers: dict[str, set[str]]) -> set[str]:
    return {t for t in types if not any(t != other and t in supers.get(other, ()) for other in types)}


def short(iri: str) -> str:
    """An IRI as the page shows it: ikg:Class, wd:Q…, a node's key (isis, event/fall/baghouz)."""
    for prefix, namespace in (("ikg:", str(IKG)), ("", str(ID)), ("wd:", "http://www.wikidata.org/entity/")):
        if iri.startswith(namespace):
            return prefix + iri[len(namespace) :]
    return iri
