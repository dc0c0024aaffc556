"""Names no list knows: their shape, the cue words around them, aliases, the learned recogniser's limits
(patterns/names.yaml)."""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path

from pydantic import Field, model_validator

from isis_kg.reference.schema import NEVER, ExactRegex, OntologyClass, Regex, Rules, Vocabulary, read_yaml, validated


class NameCue(Rules):
    id: str
    entity_class: OntologyClass = Field(alias="class")
    before: Regex | None = None
    after: Regex | None = None
    last_word: ExactRegex | None = None  # must match the name's own last word ("Army")
    name_has: ExactRegex | None = None  # must be found in the name itself (" bin ")
    include_after: bool = False  # what after matched is part of the name ("Sadr-beweging")

    @model_validator(mode="after")
    def _says_something(self) -> NameCue:
        if not (self.before or self.after or self.last_word or self.name_has):
            raise ValueError("needs before, after, last_word or name_has")
        return self


class AliasRules(Rules):
    """Aliases a text gives in a bracket after a name ("(ISIS-L)"); case-sensitive."""

    bracket: ExactRegex = NEVER  # right after a name; group "inside"
    separators: ExactRegex = NEVER
    alias: ExactRegex = NEVER
    max_words: int
    # an abbreviation in a bracket that spells the words before it names them as one group
    # ("Tehrik-i-Taliban Pakistan (TTP)"); see names.yaml
    acronym: ExactRegex = NEVER
    acronym_word: ExactRegex = NEVER  # a word such a name may hold
    acronym_place_heads: frozenset[str] = frozenset()  # a last word that makes it a place ("Areas")


class CompassRules(Rules):
    prefix: ExactRegex = NEVER  # before a country's name: a part of it ("Noord-Irak")
    kinds: frozenset[str] = frozenset()  # the kinds of region a compass prefix makes a part of


class LearnedNameRules(Rules):
    """What a name the learned recogniser proposes must not be (names.yaml, ``learned``)."""

    not_name_endings: tuple[str, ...] = ()  # a one-word place or group ending so is an inhabitant or adjective
    not_name_heads: frozenset[str] = frozenset()  # a name opening with one is an operation, a document, a law
    initial_zipf: float  # a one-word name opening the sentence at least this common in Dutch is a word
    place_word_zipf: float  # ... but a city the place list knows is a name up to this common ("Amsterdam")
    english_word_zipf: float  # a one-word name this common in English (and rare in Dutch) is a title's word
    organisation_links: frozenset[str] = frozenset()  # "Onderzoekscomité van de Russische Federatie"
    link_articles: frozenset[str] = frozenset()  # the article a link may take ("van de", "voor het")
    province_heads: frozenset[str] = frozenset()  # a name opening with one is a province: "Wilayat Sinai"


class NameRules(Rules):
    name: ExactRegex  # case matters: names are capitalised
    cues: tuple[NameCue, ...] = ()
    common_word_zipf: float
    given_name_zipf: float  # a capitalised word before a known particle name, rarer than this, is a given name
    heads: tuple[str, ...] = Field(default=(), alias="compound_heads")
    aliases: AliasRules
    statistical_classes: dict[str, OntologyClass] = Field(default={}, alias="statistical")  # tag -> class
    compass: CompassRules = CompassRules()
    learned: LearnedNameRules
    seat_in_name: ExactRegex = NEVER  # a court's name that holds its seat, group "seat" ("Oberlandesgericht Celle")
    short_names: tuple[ExactRegex, ...] = ()  # an organisation's shorter name in its full one, group "short"

    @cached_property
    def compound_heads(self) -> re.Pattern[str]:
        """ "leider" in "Al-Qaidaleider": a closed compound on a name, the longest head first."""
        heads = sorted(self.heads, key=len, reverse=True)
        return re.compile("^(?:" + "|".join(re.escape(h) for h in heads) + r")(?!\w)" if heads else "(?!)")

    @property
    def alias_bracket(self) -> re.Pattern[str]:
        return self.aliases.bracket

    @property
    def alias_separators(self) -> re.Pattern[str]:
        return self.aliases.separators

    @property
    def alias(self) -> re.Pattern[str]:
        return self.aliases.alias

    @property
    def alias_max_words(self) -> int:
        return self.aliases.max_words

    @property
    def compass_prefix(self) -> re.Pattern[str]:
        return self.compass.prefix

    @property
    def compass_kinds(self) -> frozenset[str]:
        return self.compass.kinds


def load_names(path: Path, vocabulary: Vocabulary) -> NameRules:
    return validated(NameRules, path, read_yaml(path), vocabulary, {"cues": "cue"})
