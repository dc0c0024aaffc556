"""Figures that count an organisation's members (patterns/quantities.yaml)."""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path

from pydantic import Field, field_validator, model_validator

from isis_kg.reference.schema import NEVER, Regex, Rules, Vocabulary, read_yaml, validated


class QuantityRules(Rules):
    units: tuple[str, ...]  # what a figure counts ("strijders"), in lower case: units are counted so only
    approximate: str  # a regex: the words before a figure that make it approximate ("zo'n")
    numbers: dict[str, int] = {}
    # what a number word ends in that an elided one borrows ("zes- tot tienduizend")
    magnitude_words: dict[str, int] = Field(default={}, alias="magnitudes")
    elided_after: str = Field(default="(?!)", alias="elided")  # a regex: what follows a bare number that
    # counts the unit of a figure before it ("en nog zo'n 20.000 die ...")
    as_of_reach: int
    not_as_of: Regex = NEVER  # right before a date that dates no state ("sinds 2014")

    @field_validator("numbers", "magnitude_words")
    @classmethod
    def _lower_case(cls, words: dict[str, int]) -> dict[str, int]:
        return {word.lower(): value for word, value in words.items()}

    @model_validator(mode="after")
    def _compiles(self) -> QuantityRules:
        try:
            self.pattern, self.elided  # noqa: B018 (a slip of the file is named at load time)
        except re.error as error:
            raise ValueError(f"bad regular expression ({error})") from None
        return self

    @property
    def magnitudes(self) -> tuple[tuple[str, int], ...]:
        return tuple(self.magnitude_words.items())

    @cached_property
    def number_regex(self) -> str:
        """A figure in digits ("70.000") or one of the number words."""
        words = "|".join(sorted((re.escape(w) for w in self.numbers), key=len, reverse=True))
        return rf"\d{{1,3}}(?:\.\d{{3}})+|\d+|(?:{words})\b"

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """A figure: groups approximate, lower (a range's), elided_lower, number, head (compound), unit.
        Case-sensitive: units are counted in lower case only."""
        units = "|".join(re.escape(u) for u in self.units)
        number = self.number_regex
        return re.compile(
            rf"(?:(?P<approximate>{self.approximate})\s+)?"
            rf"(?:(?P<lower>{number})(?P<elided_lower>-)?\s+tot\s+)?"
            rf"(?P<number>{number})\s+"
            rf"(?:(?P<head>[A-Z][\w’'-]*?)-)?(?P<unit>(?:{units}))\b"
        )

    @cached_property
    def elided(self) -> re.Pattern[str]:
        """A bare number counting the unit of a figure before it; groups approximate, number."""
        return re.compile(
            rf"(?:(?P<approximate>{self.approximate})\s+)?(?P<number>{self.number_regex})(?={self.elided_after})"
        )


def load_quantities(path: Path, vocabulary: Vocabulary) -> QuantityRules:
    return validated(QuantityRules, path, read_yaml(path), vocabulary, {})
