"""Validation of a large graph in shards, each cached: memory stays bounded, and a rebuild that
changed one document validates only that document's shard and the shared part again.

The graph splits into a shared part (entities, events, sources), the provenance of the build
(the build record, curation decisions and reviewers, which change with every build), and
per-document parts (the document node, its statements and claims, and the facts they
describe). Each document part is validated together with the type and label of every node it
points to, since the shapes check classes (sh:class) and labels there; documents are grouped
into a fixed number of buckets by their content hash, so that a bucket's documents, and its
cache key, do not move when other documents come or go. A shard that conforms is remembered
(by a hash of its triples, the shapes and the pyshacl version), and is not validated again;
one that does not is validated every time, so its report is always complete.

Below ``SHARD_FROM`` documents the whole graph is one shard: for a small corpus the overhead of
several pyshacl runs is larger than what they save.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import rdflib
from rdflib.namespace import PROV, RDF, RDFS, SH
from rdflib.term import BNode, Node

from isis_kg.namespaces import ID, IKG
from isis_kg.rdf.mapping import Triple
from isis_kg.reference import ReferenceData
from isis_kg.validate import ValidationReport, new_graph, read_results, validate_graph

SHARD_FROM = 50  # documents
BUCKETS = 64
_DOCUMENT = str(ID["document/"])


def validate_in_shards(
    triples: set[Triple], reference: ReferenceData, cache: Path | None = None, shard_from: int = SHARD_FROM
) -> ValidationReport:
    """The SHACL report of ``triples``, validated shard by shard; the same report as validating all at once."""
    shards = split(triples, shard_from)
    if len(shards) == 1:
        return validate_graph(new_graph(triples), reference)
    results = rdflib.Graph()
    conforms = True
    seen: set[tuple[str, ...]] = set()
    for shard in shards:
        key = _key(shard, reference) if cache is not None else None
        if key is not None and (cache / key).is_file():  # type: ignore[operator]
            continue
        report = validate_graph(new_graph(shard), reference)
        if report.conforms and key is not None:
            (cache / key).parent.mkdir(parents=True, exist_ok=True)  # type: ignore[operator]
            (cache / key).write_bytes(b"")  # type: ignore[operator]
            continue
        conforms &= report.conforms
        _merge(report.graph, results, seen)
    report_node = BNode()
    results.add((report_node, RDF.type, SH.ValidationReport))
    results.add((report_node, SH.conforms, rdflib.Literal(conforms)))
    for result in list(results.subjects(RDF.type, SH.ValidationResult)):
        results.add((report_node, SH.result, result))
    return read_results(results, reference.shapes, conforms)


def split(triples: set[Triple], shard_from: int = SHARD_FROM) -> list[set[Triple]]:
    """The shared part, the provenance, then one shard per non-empty bucket of documents (or everything
    as one shard)."""
    of_document: dict[Node, str] = {}  # statement, claim or document node -> its document
    for s, p, o in triples:
        if p == PROV.wasDerivedFrom and str(o).startswith(_DOCUMENT):
            of_document[s] = str(o)
        elif p == RDF.type and o == IKG.Document:
            of_document[s] = str(s)
    documents = set(of_document.values())
    if len(documents) < shard_from:
        return [set(triples)]
    facts_of: dict[Triple, set[str]] = defaultdict(set)  # a fact -> the documents whose statements state it
    described: dict[Node, dict[Node, Node]] = defaultdict(dict)  # statement -> its subject, predicate, object
    for s, p, o in triples:
        if s in of_document and p in (RDF.subject, RDF.predicate, RDF.object):
            described[s][p] = o
    for statement, fact in described.items():
        if len(fact) == 3:
            facts_of[(fact[RDF.subject], fact[RDF.predicate], fact[RDF.object])].add(of_document[statement])
    # the build record and the curation decisions change with every build: a shard of their own
    # keeps the entities' and sources' shard cached when no entity changed
    provenance_nodes = {
        s for s, p, o in triples if p == RDF.type and o in (PROV.Activity, IKG.CurationDecision, PROV.Agent)
    }
    shared: set[Triple] = set()
    provenance: set[Triple] = set()
    buckets: dict[int, set[Triple]] = defaultdict(set)
    for triple in triples:
        owner = of_document.get(triple[0])
        if owner is not None:
            buckets[_bucket(owner)].add(triple)
        elif triple in facts_of:
            for document in facts_of[triple]:
                buckets[_bucket(document)].add(triple)
        elif triple[0] in provenance_nodes:
            provenance.add(triple)
        else:
            shared.add(triple)
    context: dict[Node, set[Triple]] = defaultdict(set)  # a node's type and labels, which shapes look at
    for triple in shared:
        if triple[1] in (RDF.type, RDFS.label):
            context[triple[0]].add(triple)
    shards = [shared]
    for part in (provenance, *(buckets[bucket] for bucket in sorted(buckets))):
        nodes = {s for s, _p, _o in part} | {o for _s, _p, o in part}
        shards.append(part | {t for node in nodes for t in context.get(node, ())})
    return shards


def _bucket(document: str) -> int:
    return int(hashlib.sha256(document.encode()).hexdigest()[:8], 16) % BUCKETS


def _key(shard: set[Triple], reference: ReferenceData) -> Path:
    digest = hashlib.sha256(f"{reference.fingerprint}|pyshacl {version('pyshacl')}\n".encode())
    for line in sorted(f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in shard):
        digest.update(line.encode() + b"\n")
    name = digest.hexdigest()
    return Path(name[:2]) / f"{name}.conforms"


def _merge(source: rdflib.Graph, target: rdflib.Graph, seen: set[tuple[str, ...]]) -> None:
    """Copy each validation result of ``source`` not yet in ``target`` (a node validated in two shards
    is reported once), with the blank nodes it holds."""
    for result in source.subjects(RDF.type, SH.ValidationResult):
        signature = tuple(
            str(source.value(result, p))
            for p in (SH.focusNode, SH.resultPath, SH.value, SH.sourceConstraintComponent, SH.resultMessage)
        ) + (str(sorted(str(s) for s in source.objects(result, SH.sourceShape))),)
        if signature in seen:
            continue
        seen.add(signature)
        stack = [result]
        while stack:
            node = stack.pop()
            for _s, p, o in source.triples((node, None, None)):
                target.add((node, p, o))
                if isinstance(o, BNode) and (o, None, None) in source:
                    stack.append(o)
