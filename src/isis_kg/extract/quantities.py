"""Figures with their subject: "zo'n 70.000 aanhangers van IS" as a claim about IS."""

from __future__ import annotations

import re
from collections.abc import Sequence

from isis_kg.extract.clause import break_between, is_uncertain
from isis_kg.extract.context import Extraction, SentenceContext
from isis_kg.extract.mentions import pointing_back
from isis_kg.model import Mention, QuantityClaim, Sentence
from isis_kg.nlp.dates import YEAR, DateMatch
from isis_kg.reference import ReferenceData


class QuantityExtractor:
    """Figures with the organisation they are about (quantities.yaml)."""

    name = "quantities"

    def may_apply(self, context: SentenceContext) -> bool:
        return bool(context.reference.quantities.pattern.search(context.sentence.text))

    def extract(self, context: SentenceContext) -> Extraction:
        claims = extract_quantities(
            context.sentence,
            context.mentions,
            context.reference,
            context.dates,
            context.names_before,
            context.sentence_before,
        )
        return Extraction(claims=claims)


def extract_quantities(
    sentence: Sentence,
    mentions: list[Mention],
    reference: ReferenceData,
    dates: Sequence[DateMatch] = (),
    previous: Sequence[Mention] = (),
    sentence_before: Sentence | None = None,
) -> list[QuantityClaim]:
    """Each figure in the sentence, about the organisation it names (in a compound) or nearest to it;
    where it names none, about one a word points back to (among the names ``previous``), or the one
    ``sentence_before`` names in a compound of the same unit. ``dates`` may say when a figure holds."""
    rules = reference.quantities
    organisations = [m for m in mentions if reference.is_a(m.entity_class, "Organisation")]
    if not organisations:
        organisations = [
            m
            for m in pointing_back(sentence, mentions, previous, reference)
            if reference.is_a(m.entity_class, "Organisation")
        ]
    before = (
        (sentence_before, [m for m in previous if m.sentence == sentence_before.index])
        if sentence_before is not None
        else None
    )
    claims: list[QuantityClaim] = []
    for match in rules.pattern.finditer(sentence.text):
        number = match.group("number")
        if YEAR.fullmatch(number):
            continue  # "in 2015 strijders": a year, not a count
        quantity = _value(number, reference)
        unit = match.group("unit")
        about = _subject(match, organisations) or _named_before(unit, before, reference)
        if about is None:
            continue  # a figure about nothing the graph knows
        lower = None
        if match.group("lower"):
            lower = _value(match.group("lower"), reference)
            if match.group("elided_lower"):  # "zes- tot tienduizend": six thousand
                lower *= _magnitude(number, reference)
        claims.append(_claim(sentence, match, about.entity, quantity, unit, lower, dates, reference))
    # "meer dan 100.000 IS-leden die ..., en nog zo'n 20.000 die ...": the same unit, of the same
    for match in rules.elided.finditer(sentence.text):
        earlier = [c for c in claims if c.end <= match.start()]
        if earlier and not YEAR.fullmatch(match.group("number")):
            last = earlier[-1]
            quantity = _value(match.group("number"), reference)
            claims.append(_claim(sentence, match, last.about, quantity, last.unit, None, dates, reference))
    return sorted(claims, key=lambda c: c.start)


def _claim(
    sentence: Sentence,
    match: re.Match[str],
    about: str,
    quantity: int,
    unit: str,
    lower: int | None,
    dates: Sequence[DateMatch],
    reference: ReferenceData,
) -> QuantityClaim:
    start, end = match.span()
    as_of = _as_of(sentence.text, start, end, dates, reference)
    return QuantityClaim(
        about=about,
        quantity=quantity,
        unit=unit,
        approximate=match.group("approximate") is not None or lower is not None,
        sentence=sentence.index,
        start=start,
        end=end,
        lower=lower,
        as_of=as_of.value if as_of else None,
        as_of_resolved_from=as_of.resolved_from if as_of else None,
        hedged=is_uncertain(sentence.text, start, end, reference),
    )


def _value(number: str, reference: ReferenceData) -> int:
    return int(number.replace(".", "")) if number[0].isdigit() else reference.quantities.numbers[number.lower()]


def _magnitude(number: str, reference: ReferenceData) -> int:
    """What a number word ends in that an elided one before it borrows: "tienduizend" 1000."""
    word = number.lower()
    for suffix, value in reference.quantities.magnitudes:
        if word.endswith(suffix) and word != suffix:
            return value
    return 1


def _as_of(text: str, start: int, end: int, dates: Sequence[DateMatch], reference: ReferenceData) -> DateMatch | None:
    """The date in the figure's clause, near it, that says when the figure holds (not "sinds 2014")."""
    rules = reference.quantities
    near = [
        date
        for date in dates
        if max(date.start - end, start - date.end) <= rules.as_of_reach
        and not break_between(text, (start, end), (date.start, date.end))
        and not rules.not_as_of.search(text, 0, date.start)
    ]
    return min(near, key=lambda d: max(d.start - end, start - d.end), default=None)


def _subject(match: re.Match[str], organisations: list[Mention]) -> Mention | None:
    if match.group("head"):
        head_start = match.start("head")
        for mention in organisations:
            if mention.start == head_start:
                return mention  # "100.000 IS-leden"
    if not organisations:
        return None
    return min(organisations, key=lambda m: min(abs(m.start - match.end()), abs(match.start() - m.end)))


def _named_before(unit: str, before: tuple[Sentence, list[Mention]] | None, reference: ReferenceData) -> Mention | None:
    """The organisation the sentence before names in a compound of the same unit ("IS-deserteurs")."""
    if before is None:
        return None
    sentence, mentions = before
    for mention in mentions:
        if reference.is_a(mention.entity_class, "Organisation") and sentence.text.startswith(f"-{unit}", mention.end):
            return mention
    return None
