"""Relations the learned classifier (nlp.relation_model) reads between two names of one sentence,
beside the patterns.

The patterns of relations.yaml are precise, but they know the phrasings they were written for; the
classifier reads what they do not. Where a pattern reads a pair of names, its reading stands and the
classifier's is dropped (defer_to_patterns). A pair in a sentence that denies, or with a negation
between or around it, gets no relation, as with the patterns; a hedged clause lowers the confidence.

Its facts carry the model as their pattern (``learned/relations@<digest>``) and its probability as
their confidence.
"""

from __future__ import annotations

from collections.abc import Sequence

from isis_kg.extract.clause import denies, hedged_confidence, is_uncertain, negated
from isis_kg.extract.context import Extraction, SentenceContext
from isis_kg.extract.mentions import lies_within, operates_anywhere
from isis_kg.model import Mention, Relation, Sentence
from isis_kg.nlp.relation_model import (
    LEARNED_PATTERN_PREFIX,
    PairClassifier,
    candidate_pairs,
    event_cues,
    pair_features,
)
from isis_kg.reference import ReferenceData


def may_lie_within(place: Mention, region: Mention, reference: ReferenceData) -> bool:
    """Whether the place may lie in the region: not if entities.yaml puts the region in the place, nor
    if both are listed with kinds and the region's is no larger (relations.yaml's region_sizes)."""
    if lies_within(region, place, reference):
        return False
    sizes = reference.relation_rules.region_sizes
    kinds = reference.kind_of(place.entity), reference.kind_of(region.entity)
    if kinds[0] in sizes and kinds[1] in sizes:
        return sizes.index(kinds[0]) < sizes.index(kinds[1])
    return True


def read_pairs(
    classifier: PairClassifier, sentence: Sentence, mentions: Sequence[Mention], reference: ReferenceData
) -> list[Relation]:
    """The relations the classifier reads between the sentence's names (none in a sentence that denies)."""
    if len(mentions) < 2 or denies(sentence, reference):
        return []
    text = sentence.text
    pairs = candidate_pairs(mentions, classifier.signatures, reference)
    cues = event_cues(text, reference) if pairs else []
    relations = []
    for pair in pairs:
        features = pair_features(text, pair, mentions, reference, cues)
        if features is None:
            continue
        first, second = sorted((pair.subject, pair.object), key=lambda m: m.start)
        if negated(text, first, second, reference):
            continue
        decision = classifier.decide(pair, features)
        if decision is None:
            continue
        predicate, score = decision
        if predicate == "operatesIn" and (
            not operates_anywhere(pair.subject, pair.object, reference)
            or reference.relation_rules.no_actor_before.search(text, 0, pair.subject.start)
        ):
            continue
        if predicate == "locatedIn" and not may_lie_within(pair.subject, pair.object, reference):
            continue
        hedged = is_uncertain(text, *pair.span, reference)
        relations.append(
            Relation(
                pair.subject.entity,
                predicate,
                pair.object.entity,
                sentence.index,
                classifier.pattern,
                hedged_confidence(round(score, 3), hedged),
                hedged,
            )
        )
    return relations


class PairRelationExtractor:
    """The learned classifier's relations between a sentence's names, where the build has one."""

    name = "learned relations"

    def may_apply(self, context: SentenceContext) -> bool:
        return context.pair_classifier is not None and len(context.mentions) >= 2

    def extract(self, context: SentenceContext) -> Extraction:
        assert context.pair_classifier is not None  # may_apply said so
        classifier = context.pair_classifier
        return Extraction(relations=read_pairs(classifier, context.sentence, context.mentions, context.reference))


def defer_to_patterns(relations: list[Relation]) -> list[Relation]:
    """Drop the classifier's relation between two names a pattern relates in the same sentence (in
    either direction, by any predicate): the pattern read the phrasing it was written for."""
    read_by_patterns = {
        (r.sentence, frozenset((r.subject, str(r.object))))
        for r in relations
        if not r.pattern.startswith(LEARNED_PATTERN_PREFIX)
    }
    return [
        r
        for r in relations
        if not r.pattern.startswith(LEARNED_PATTERN_PREFIX)
        or (r.sentence, frozenset((r.subject, str(r.object)))) not in read_by_patterns
    ]
