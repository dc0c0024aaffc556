"""Figures with their subject: "zo'n 70.000 aanhangers van IS" as a claim about IS."""

from __future__ import annotations

import re

from isis_kg.model import Mention, QuantityClaim, Sentence
from isis_kg.reference import ReferenceData

_YEAR = re.compile(r"^(?:19|20)\d\d$")


def extract_quantities(sentence: Sentence, mentions: list[Mention], reference: ReferenceData) -> list[QuantityClaim]:
    """Each figure in the sentence, about the organisation it names (in a compound) or nearest to it."""
    rules = reference.quantities
    organisations = [m for m in mentions if reference.is_a(m.entity_class, "Organisation")]
    claims = []
    for match in rules.pattern.finditer(sentence.text):
        number = match.group("number")
        if _YEAR.match(number):
            continue  # "in 2015 strijders": a year, not a count
        quantity = int(number.replace(".", "")) if number[0].isdigit() else rules.numbers[number.lower()]
        about = _subject(match, organisations)
        if about is None:
            continue  # a figure about nothing the graph knows
        claims.append(
            QuantityClaim(
                about=about.entity,
                quantity=quantity,
                unit=match.group("unit"),
                approximate=match.group("approximate") is not None,
                sentence=sentence.index,
                start=match.start(),
                end=match.end(),
            )
        )
    return claims


def _subject(match: re.Match[str], organisations: list[Mention]) -> Mention | None:
    if match.group("head"):
        head_start = match.start("head")
        for mention in organisations:
            if mention.start == head_start:
                return mention  # "100.000 IS-leden"
    if not organisations:
        return None
    return min(organisations, key=lambda m: min(abs(m.start - match.end()), abs(match.start() - m.end)))
