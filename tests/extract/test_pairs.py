"""Relations the learned classifier reads between two names of a sentence, where no pattern does."""

from __future__ import annotations

from pathlib import Path

from isis_kg.extract.pairs import defer_to_patterns, may_lie_within
from isis_kg.ingest.catalogue import Catalogue
from isis_kg.ingest.reader import SourceFile
from isis_kg.model import Mention, Relation
from isis_kg.nlp import Analysers
from isis_kg.nlp.relation_model import LEARNED_PATTERN_PREFIX
from isis_kg.pipeline import read_document
from isis_kg.reference import ReferenceData

# Made up for these tests, in no gold set: neither village nor district is in ontology/reference/.
LIES_IN = "Het dorp Tassiga, een gehucht in het district Ouallam, werd in maart verlaten."


def _facts(document) -> dict[tuple[str, str, object], Relation]:  # type: ignore[no-untyped-def]
    return {(r.subject, r.predicate, r.object): r for r in document.relations}


def test_it_reads_a_relation_no_pattern_reads_between_names_no_list_knows(read_text) -> None:
    fact = _facts(read_text(LIES_IN)).get(("tassiga", "locatedIn", "ouallam"))
    assert fact is not None and fact.pattern.startswith(LEARNED_PATTERN_PREFIX)
    assert 0.5 <= fact.confidence <= 1.0 and not fact.hedged


def test_a_negated_relation_is_not_read(read_text) -> None:
    negated = "Het dorp Tassiga, een gehucht dat niet in het district Ouallam ligt, werd in maart verlaten."
    assert ("tassiga", "locatedIn", "ouallam") not in _facts(read_text(negated))


def test_where_a_pattern_reads_the_pair_its_reading_stands(read_text) -> None:
    facts = _facts(read_text("ISIS is actief in Syrië."))
    assert not facts[("isis", "operatesIn", "syrie")].pattern.startswith(LEARNED_PATTERN_PREFIX)
    learned = Relation("syrie", "locatedIn", "isis", 0, LEARNED_PATTERN_PREFIX + "0", 0.7)
    pattern = Relation("isis", "operatesIn", "syrie", 0, "operates-in/actief", 0.9)
    elsewhere = Relation("syrie", "locatedIn", "isis", 1, LEARNED_PATTERN_PREFIX + "0", 0.7)
    assert defer_to_patterns([learned, pattern, elsewhere]) == [pattern, elsewhere]


def test_a_region_lies_only_in_a_larger_one(reference: ReferenceData) -> None:
    def region(entity: str) -> Mention:
        return Mention(entity, "Region", entity, 0, 0, 1)

    assert not may_lie_within(region("afghanistan"), region("irak"), reference)  # two countries
    assert not may_lie_within(region("europa"), region("parijs"), reference)  # Paris lies in Europe
    assert may_lie_within(region("parijs"), region("frankrijk"), reference)
    assert may_lie_within(region("tassiga"), region("ouallam"), reference)  # unlisted: the text decides


def test_a_build_without_the_classifier_reads_the_patterns_alone(reference: ReferenceData) -> None:
    analysers = Analysers.create(reference, relations="none")
    source = SourceFile(Path("text.txt"), "0" * 64, LIES_IN)
    document = read_document(source, Catalogue(), reference, analysers)
    assert analysers.relations is None and "+relations:" not in analysers.version
    assert not [r for r in document.relations if r.pattern.startswith(LEARNED_PATTERN_PREFIX)]
    assert "+relations:" in Analysers.create(reference).version  # the shipped model keys the cache
