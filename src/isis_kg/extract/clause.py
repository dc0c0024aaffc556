"""What a clause says of the facts read in it: denied, negated, hedged or only supposed; where it ends;
which names it joins as a list. Every extractor reads its facts through these, so that one sentence is
judged the same way whichever extractor reads it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from isis_kg.model import Mention, Relation, Sentence
from isis_kg.reference import DependencyPattern, ReferenceData, RelationPattern

HEDGE_FACTOR = 0.5  # a hedged fact is half as sure as the same fact stated

# The edges of a clause, each as one reader needs it; they differ on purpose, so each is named for its use.
# Those that are words, not punctuation, are clauses.yaml's (reference.clauses: edge, goes_on).
CLAUSE_BREAK = re.compile(r"[,;:]")  # any punctuation that may end a clause
PHRASE_BREAK = re.compile(r"[,;]")  # what keeps a date from the trigger next to it ("in Bagdad, ... in 2011")
APPOSITION = re.compile(r",[^,;.]{1,60},")  # ... but not a phrase between two commas ("in Atlanta, in Georgia,")
_CLAUSE_END = re.compile(r"[.;:](?=\s)")  # not the point of "1.112"


def denies(sentence: Sentence, reference: ReferenceData) -> bool:
    """The sentence opens by denying that what it describes exists ("Er zijn echter geen ...")."""
    return bool(reference.relation_rules.sentence_negation.search(sentence.text))


def is_hedged(text: str, start: int, end: int, reference: ReferenceData) -> bool:
    """A hedge word near the relation ("zou", "mogelijk"): within its clause, not the whole sentence."""
    rules = reference.relation_rules
    before = text[max(0, start - rules.hedge_reach) : start]
    after = text[end : end + rules.hedge_reach]
    # "Terwijl ISIS zich schrap zet in Syrië en Irak, zal de kern-organisatie ...": the next clause's
    # hedge is not this one's
    edge = reference.clauses.edge
    before, after = edge.split(before)[-1], edge.split(after)[0]
    return bool(rules.hedges.search(before + text[start:end] + after))


def is_hypothetical(text: str, start: int, reference: ReferenceData) -> bool:
    """The clause holding ``start`` only supposes: a condition ("Als ISIS in Libanon actief wordt, ..."),
    a question or a doubt ("Het is de vraag of ..."). Unlike a hedge, it holds for titles too."""
    return bool(reference.relation_rules.hypothetical.search(text, 0, start))


def is_uncertain(text: str, start: int, end: int, reference: ReferenceData) -> bool:
    """Hedged near the span, or in a clause that only supposes."""
    return is_hedged(text, start, end, reference) or is_hypothetical(text, start, reference)


def within_hedge_reach(text: str, start: int, end: int, reference: ReferenceData) -> str:
    """The span and the text as near it as a hedge word may stand (relation_rules.hedge_reach)."""
    reach = reference.relation_rules.hedge_reach
    return text[max(0, start - reach) : end + reach]


def hedged_confidence(confidence: float, hedged: bool) -> float:
    """The confidence of a fact read at ``confidence``, lowered when its clause hedges it."""
    return round(confidence * (HEDGE_FACTOR if hedged else 1.0), 3)


def negated(text: str, first: Mention, second: Mention, reference: ReferenceData) -> bool:
    """A negation between the names, just before the first or just after the second, within their
    clause ("ISIS is in Jemen niet actief")."""
    rules = reference.relation_rules
    if negation_between(text, first.end, second.start, reference):
        return True
    before = text[max(0, first.start - rules.negation_reach) : first.start]
    after = text[second.end : second.end + rules.negation_after_reach]
    return bool(rules.negation.search(CLAUSE_BREAK.split(before)[-1])) or bool(
        rules.negation_after.search(reference.clauses.goes_on.split(after)[0])
    )


def negation_between(text: str, start: int, end: int, reference: ReferenceData) -> bool:
    """A negation word between the two positions ("niet door ISIS gepleegd")."""
    return bool(reference.relation_rules.negation.search(text, start, end))


def read_relation(
    sentence: Sentence,
    subject: str,
    predicate: str,
    obj: str,
    pattern: RelationPattern | DependencyPattern,
    span: tuple[int, int],
    reference: ReferenceData,
    context: int | None = None,
) -> Relation:
    """The fact a pattern read from ``span`` of the sentence, hedged (at half its confidence) when
    a hedge word stands near, unless the pattern reads a title the sentence takes for granted;
    ``context`` is the earlier sentence it rests on too (see Relation)."""
    hedged = (not pattern.presupposed and is_hedged(sentence.text, span[0], span[1], reference)) or is_hypothetical(
        sentence.text, span[0], reference
    )
    confidence = hedged_confidence(pattern.confidence, hedged)
    return Relation(subject, predicate, obj, sentence.index, pattern.id, confidence, hedged, context=context)


def clause_start(text: str, position: int) -> int:
    """Where the clause holding ``position`` starts: after the last full stop, semicolon or colon."""
    ends = [m.end() for m in _CLAUSE_END.finditer(text, 0, position)]
    return ends[-1] if ends else 0


def break_between(text: str, span: tuple[int, int], other: tuple[int, int]) -> bool:
    """A clause break in the gap between two spans, whichever comes first."""
    return bool(CLAUSE_BREAK.search(text, min(span[1], other[1]), max(span[0], other[0])))


def overlaps(start: int, end: int, mentions: Sequence[Mention]) -> bool:
    """The span shares a character with one of the mentions."""
    return any(m.start < end and start < m.end for m in mentions)


def joins(
    text: str, before: Mention, after: Mention, reference: ReferenceData, joiner: re.Pattern[str] | None = None
) -> bool:
    """What stands between the two names joins them as members of one list ("Syrië, Irak en Libië"):
    relations.yaml's list_joiner, or the ``joiner`` a kind of list has of its own."""
    joiner = joiner or reference.relation_rules.list_joiner
    return bool(joiner.fullmatch(text[before.end : after.start]))


def list_after(
    text: str,
    mentions: Sequence[Mention],
    head: Mention,
    member: Callable[[Mention], bool],
    reference: ReferenceData,
    joiner: re.Pattern[str] | None = None,
) -> list[Mention]:
    """``head`` and the names after it that ``member`` accepts, each joined to the one before as a list."""
    found = [head]
    for mention in mentions:
        if mention.start < found[-1].end:
            continue
        if member(mention) and joins(text, found[-1], mention, reference, joiner):
            found.append(mention)
            continue
        break
    return found
