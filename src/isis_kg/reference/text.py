"""How the text is laid out and cut (patterns/layout.yaml) and where a clause ends (patterns/clauses.yaml)."""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path

from pydantic import Field

from isis_kg.reference.schema import ExactRegex, Regex, Rules, Vocabulary, read_yaml, validated


class Furniture(Rules):
    """A line that is page furniture (a page number, a stray date), not text."""

    id: str
    regex: Regex


class LayoutRules(Rules):
    furniture_lines: tuple[Furniture, ...] = Field(default=(), alias="furniture")
    elliptic_followers: frozenset[str] = frozenset()
    hyphen_prefixes: frozenset[str] = frozenset()
    vowel_clashes: frozenset[str] = frozenset()
    english_compound_zipf: float | None = None  # both halves this common in English: the hyphen stays
    month_names: frozenset[str]  # from dates.yaml: "6 maart 2017" at a line start is a date, not footnote 6
    footnote_window: int  # how far past the expected number a footnote or marker may be
    footnote_gap: int  # how far, for a line that plainly starts a citation ("181 ‘How the...")
    # Dutch words spaCy's tokenizer takes for abbreviations ("bijl." for "bijlage") that end sentences
    sentence_end_words: frozenset[str] = frozenset()

    @cached_property
    def furniture(self) -> tuple[re.Pattern[str], ...]:
        """Each furniture line's regex, for lines to match whole."""
        return tuple(line.regex for line in self.furniture_lines)


class ClauseRules(Rules):
    """The edges of a clause (clauses.yaml), as extract/clause.py reads them; case-sensitive."""

    edge: ExactRegex  # around a fact, for its hedges: not the comma of a list
    goes_on: ExactRegex  # after a fact's second name, for a negation there


def load_layout(path: Path, vocabulary: Vocabulary, month_names: frozenset[str]) -> LayoutRules:
    data = {**read_yaml(path), "month_names": month_names}
    return validated(LayoutRules, path, data, vocabulary, {"furniture": "furniture"})


def load_clause_rules(path: Path, vocabulary: Vocabulary) -> ClauseRules:
    return validated(ClauseRules, path, read_yaml(path), vocabulary, {})
