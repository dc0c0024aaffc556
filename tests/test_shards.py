"""Validation in shards: the same report as validating the whole graph, and conforming shards cached."""

from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import RDFS

from isis_kg.curate import Decision, apply_curation
from isis_kg.model import DateValue
from isis_kg.namespaces import ID, IKG
from isis_kg.rdf import CorpusGraph
from isis_kg.shards import split, validate_in_shards
from isis_kg.validate import new_graph, validate_graph

from conftest import GRAPH


@pytest.fixture(scope="module")
def corpus_triples() -> set:
    return set(rdflib.Graph().parse(GRAPH / "graph.ttl"))


def _broken(triples: set) -> set:
    """The corpus graph with four faults: a statement without its sentence, a fact without any
    statement, a region without a label, and a curation decision without who, when and why."""
    statement = min(s for s, p, _o in triples if p == IKG.evidence)
    broken = {t for t in triples if not (t[0] == statement and t[1] == IKG.evidence)}
    candidates = [(ID["isis"], IKG.operatesIn, ID[place]) for place in ("mali", "irak", "syrie", "libie")]
    regions = {s for s, p, o in triples if p == rdflib.RDF.type and o == IKG.Region}
    broken.add(next(fact for fact in candidates if fact not in triples and fact[2] in regions))
    broken = {t for t in broken if not (t[0] == ID["syrie"] and t[1] == RDFS.label)}
    broken.add((ID["curation/0000"], rdflib.RDF.type, IKG.CurationDecision))
    return broken


def _found(report) -> set:
    return {(v.shape, v.focus, v.path, v.value, v.message) for v in report.violations}


@pytest.mark.parametrize(("faulty", "jobs"), [(False, 1), (True, 1), (True, 2)])
def test_shards_report_what_the_whole_graph_reports(reference, corpus_triples: set, faulty: bool, jobs: int) -> None:
    triples = _broken(corpus_triples) if faulty else corpus_triples
    parts = CorpusGraph.from_triples(triples)
    assert len(list(split(parts))) > 2  # the shared part, the provenance and buckets of documents
    whole = validate_graph(new_graph(triples), reference)
    sharded = validate_in_shards(parts, reference, shard_from=1, jobs=jobs)
    assert sharded.conforms == whole.conforms == (not faulty)
    assert _found(sharded) == _found(whole)
    if faulty:
        assert len(_found(whole)) >= 4
        assert any(v.shape.endswith("#CurationDecisionShape") for v in sharded.violations)


def test_a_conforming_shard_is_validated_once(reference, corpus_triples: set, tmp_path: Path) -> None:
    cache = tmp_path / "validation"
    parts = CorpusGraph.from_triples(corpus_triples)
    first = validate_in_shards(parts, reference, cache, shard_from=1)
    remembered = sorted(cache.rglob("*.conforms"))
    assert first.conforms and len(remembered) == len(list(split(parts)))
    broken = _broken(corpus_triples)
    second = validate_in_shards(CorpusGraph.from_triples(broken), reference, cache, shard_from=1)
    assert not second.conforms  # the changed shards were validated again, not taken from the cache
    assert _found(second) == _found(validate_graph(new_graph(broken), reference))


def test_the_parts_are_the_whole_graph(corpus_triples: set) -> None:
    parts = CorpusGraph.from_triples(corpus_triples)
    assert len(parts.documents) == 5
    assert parts.triples() == corpus_triples
    assert len({line for chunk in parts.chunks() for line in chunk.splitlines()}) == len(corpus_triples)


def test_a_curated_graph_is_cut_into_parts_again(reference, corpus_triples: set) -> None:
    """A merge rewrites what documents say: their parts are read back, merged, and cut again."""
    day = DateValue(2026, 11, 23)
    merge = Decision(1, "merge", "B. Reviewer", day, "test", (("entity", "islamitische-staat-irak"), ("into", "isis")))
    reject = Decision(
        2, "reject", "B. Reviewer", day, "test", (("subject", "isis"), ("predicate", "operatesIn"), ("object", "irak"))
    )
    curated = apply_curation(CorpusGraph.from_triples(corpus_triples), [merge, reject])
    assert curated.applied == [merge, reject]
    parts = curated.graph
    assert len(parts.documents) == 5
    assert not any(b"/islamitische-staat-irak>" in data for data in parts.documents.values())
    assert (ID.isis, IKG.operatesIn, ID.irak) in corpus_triples
    assert (ID.isis, IKG.operatesIn, ID.irak) not in parts.triples()
    whole = validate_graph(new_graph(parts.triples()), reference)
    sharded = validate_in_shards(parts, reference, shard_from=1)
    assert whole.conforms and sharded.conforms
