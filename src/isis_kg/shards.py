"""Validation of a large graph in shards, each cached: memory stays bounded, and a rebuild that
changed one document validates only the shards that changed with it.

The graph comes in parts (rdf.graph.CorpusGraph): the provenance of the build (the build record,
curation decisions and reviewers, which change with every build), the shared nodes (entities,
events, sources), and what each document says (its node, its statements and claims, and the
facts they describe). Every shape of ours looks at a focus node's own triples and at the type
and labels of the nodes they point to (sh:class), so each shard is validated together with the
type and labels of every node it points to. Shared nodes are grouped into buckets by their IRI,
documents into buckets by their content hash: a bucket's members, and its cache key, do not
move when other nodes or documents come or go. A shard that conforms is remembered (by a hash of
its N-Triples, the shapes and the pyshacl version), and is not validated again; one that does
not is validated every time, so its report is always complete.

Below ``SHARD_FROM`` documents the whole graph is one shard: for a small corpus the overhead of
several pyshacl runs is larger than what they save.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict, deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from importlib.metadata import version
from itertools import chain, islice
from pathlib import Path

import rdflib
from rdflib.namespace import RDF, SH
from rdflib.term import BNode

from isis_kg.rdf.export import parse_ntriples, subject_lines, to_ntriples
from isis_kg.rdf.graph import CorpusGraph
from isis_kg.reference import ReferenceData
from isis_kg.validate import ValidationReport, new_graph, read_results, validate_graph

SHARD_FROM = 50  # documents
DOCUMENT_BUCKETS = 256
SHARED_BUCKETS = 16
_PYSHACL = version("pyshacl")  # part of every shard's key: another pyshacl may judge differently
POOL_FROM = 8  # shards to validate; fewer are validated here (a rebuild after one change validates 2-4)
# the IRIs of shared nodes (not of statements, claims, documents or builds, which are never shared)
_SHARED_IRI = re.compile(rb"<(https://w3id\.org/isis-kg/id/(?!statement/|claim/|document/|build/)[^>]*)>")


def validate_in_shards(
    graph: CorpusGraph,
    reference: ReferenceData,
    cache: Path | None = None,
    shard_from: int = SHARD_FROM,
    jobs: int = 1,
) -> ValidationReport:
    """The SHACL report of ``graph``, validated shard by shard (in ``jobs`` processes when there are
    several to do); the same report as validating all at once."""
    if len(graph.documents) < shard_from:
        return validate_graph(new_graph(graph.triples()), reference)
    results = rdflib.Graph()
    conforms = True
    seen: set[tuple[str, ...]] = set()
    to_do = (
        (shard, _key(shard, reference) if cache is not None else None) for shard in split(graph)
    )  # without a cache, no shard is hashed
    to_do = ((shard, key) for shard, key in to_do if cache is None or key is None or not (cache / key).is_file())
    for key, shard_conforms, report in _validated(to_do, reference, jobs):
        if shard_conforms:
            if cache is not None and key is not None:
                try:
                    (cache / key).parent.mkdir(parents=True, exist_ok=True)
                    (cache / key).write_bytes(b"")
                except OSError:
                    pass  # a shard that cannot be remembered is validated again next time; the build goes on
            continue
        conforms = False
        _merge(new_graph(parse_ntriples(report)), results, seen)
    report_node = BNode()
    results.add((report_node, RDF.type, SH.ValidationReport))
    results.add((report_node, SH.conforms, rdflib.Literal(conforms)))
    for result in list(results.subjects(RDF.type, SH.ValidationResult)):
        results.add((report_node, SH.result, result))
    return read_results(results, reference.shapes, conforms)


def _validated(
    shards: Iterator[tuple[bytes, Path | None]], reference: ReferenceData, jobs: int
) -> Iterator[tuple[Path | None, bool, bytes]]:
    """(key, conforms, report as N-Triples) of each shard, in order. With ``jobs`` > 1 the shards go to
    a process pool, a few at a time, so that only those in flight are held twice."""
    first = list(islice(shards, POOL_FROM))
    if jobs <= 1 or len(first) < POOL_FROM:  # a rebuild validates a few shards: not worth starting processes
        for shard, key in chain(first, shards):
            yield (key, *_check(shard, reference))
        return
    # the reference data goes to the workers as it is (not loaded again): the blank nodes of the
    # shapes keep their ids, so that a result's sh:sourceShape still names its node shape here
    with ProcessPoolExecutor(jobs, initializer=_start_validator, initargs=(reference,)) as pool:
        pending: deque[tuple[Path | None, Future[tuple[bool, bytes]]]] = deque()
        for shard, key in chain(first, shards):
            pending.append((key, pool.submit(_check_in_worker, shard)))
            if len(pending) >= 2 * jobs:
                done_key, future = pending.popleft()
                yield (done_key, *future.result())
        for done_key, future in pending:
            yield (done_key, *future.result())


def _check(shard: bytes, reference: ReferenceData) -> tuple[bool, bytes]:
    report = validate_graph(new_graph(parse_ntriples(shard)), reference)
    return report.conforms, b"" if report.conforms else report.graph.serialize(format="nt", encoding="utf-8")


_VALIDATOR: dict[str, ReferenceData] = {}


def _start_validator(reference: ReferenceData) -> None:
    _VALIDATOR["reference"] = reference


def _check_in_worker(shard: bytes) -> tuple[bool, bytes]:
    return _check(shard, _VALIDATOR["reference"])


def split(graph: CorpusGraph) -> Iterator[bytes]:
    """N-Triples of the provenance, of each non-empty bucket of shared nodes, then of each non-empty
    bucket of documents, each with the type and labels of the shared nodes it points to; one at a
    time, so that a large graph's documents are not held twice."""
    context: dict[bytes, list[bytes]] = defaultdict(list)  # a shared node's IRI -> its type and label lines
    shared: dict[int, list[bytes]] = defaultdict(list)
    for subject, line, labelling in subject_lines(to_ntriples(graph.shared)):
        if labelling:
            context[subject].append(line)
        shared[_bucket(subject.decode(), SHARED_BUCKETS)].append(line)
    for data in (to_ntriples(graph.provenance), *(b"".join(shared[bucket]) for bucket in sorted(shared))):
        yield data + _context(data, context)
    documents: dict[int, list[str]] = defaultdict(list)
    for document in graph.documents:  # content-hash order, so each bucket's bytes are stable
        documents[_bucket(document, DOCUMENT_BUCKETS)].append(document)
    for bucket in sorted(documents):
        data = b"".join(graph.documents[document] for document in documents[bucket])
        yield data + _context(data, context)


def _context(data: bytes, context: dict[bytes, list[bytes]]) -> bytes:
    """The type and label lines of every shared node the N-Triples ``data`` names, sorted."""
    return b"".join(sorted({line for iri in set(_SHARED_IRI.findall(data)) for line in context.get(iri, ())}))


def _bucket(node: str, buckets: int) -> int:
    return int(hashlib.sha256(node.encode()).hexdigest()[:8], 16) % buckets


def _key(shard: bytes, reference: ReferenceData) -> Path:
    digest = hashlib.sha256(f"{reference.fingerprint}|pyshacl {_PYSHACL}\n".encode())
    digest.update(shard)
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
