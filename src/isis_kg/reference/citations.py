"""How a footnote cites a work (patterns/citations.yaml)."""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path

from pydantic import Field, ValidationInfo, field_validator

from isis_kg.errors import ReferenceDataError
from isis_kg.reference.schema import NEVER, Regex, Rules, Vocabulary, read_yaml, validated, vocabulary


class Identifier(Rules):
    """A kind of identifier a citation may give (a UN symbol, an ECLI number), by its form."""

    id: str
    regex: Regex


class KindRule(Rules):
    kind: str
    identifier: str | None = None
    publisher: Regex | None = None
    text: Regex | None = None

    @field_validator("kind")
    @classmethod
    def _source_kind(cls, value: str, info: ValidationInfo) -> str:
        if value not in vocabulary(info).source_kinds:
            raise ValueError(f"'{value}' is not a concept of ikg:SourceKinds")
        return value


class AuthorRules(Rules):
    """When two spellings of a cited author are one person (people.py)."""

    # a word may differ from another spelling of it by one edit (a letter dropped, added, changed or two
    # swapped) for every so many letters of the longer: "Amranath"/"Amarnath" at 8 letters, not "Ahmad"/"Ahmed"
    letters_per_edit: int = Field(ge=1)
    # the same, between two creators at the same place in two citations of one work (more evidence)
    same_work_letters_per_edit: int = Field(ge=1)
    # how many words of a name may be misspelt in one link ("Perter R. Neumann", not two words at once)
    misspelt_words: int = Field(ge=0)
    # a surname alone is its full form in the same document only when it is at least this long
    surname_letters: int = Field(ge=1)
    # the languages (wordfreq's) whose word frequencies tell a misspelt name from the right one
    name_languages: tuple[str, ...] = ("en",)


class CitationRules(Rules):
    repeat: Regex
    publisher_lead: Regex
    publisher_article: Regex = NEVER
    publisher_suffix: Regex = NEVER  # "Dabiq nummer 15", "Europol Press Release": the publisher is Dabiq, Europol
    creator_cue: Regex = NEVER  # "... geïnterviewd door Guy Taylor": the name after it is the creator
    pages: Regex
    volume: Regex
    clock: Regex = NEVER  # the time a tweet was sent: "18:08"
    identifier_forms: tuple[Identifier, ...] = Field(default=(), alias="identifiers")
    name_particles: frozenset[str] = frozenset()
    outlet_words: frozenset[str] = frozenset()
    kinds: tuple[KindRule, ...] = ()
    dutch_words: frozenset[str] = frozenset()
    english_words: frozenset[str] = frozenset()
    cited_title: Regex  # a quoted title as a citation gives it: the sentence cites, it states nothing
    container_lead: Regex = NEVER  # "opgenomen in ISPI Rapport": the work appeared in another
    series: Regex = NEVER  # "Counterterrorism Series #3": neither creator nor publisher
    title_kind_prefix: Regex = NEVER  # "ECTC Situation Report. " opening the quoted title: not part of it
    document_kind: Regex = NEVER  # "Intel Brief" beside "The Soufan Center": the kind of document, not its publisher
    untitled: Regex = NEVER  # "Tweet van Adama Baron, ...": a work cited without a title
    outlet_and_date: Regex = NEVER  # "Het Laatste Nieuws, 20 augustus 2017.": a work cited by outlet and date
    publisher_place: Regex = NEVER  # "Londen: Hurst": the place of publication before the publisher
    lead_cue: Regex = NEVER  # "Zie A. Zammit": words pointing to the work, before its author
    et_al: Regex = NEVER  # "T. Candland e.a.": an author list cut short
    lead_publisher: Regex = NEVER  # "AFP, ‘...’": an organisation as author, before the title
    common_word_zipf: float = 9.0  # a one-word publisher this common a word names no organisation
    not_first_words: frozenset[str] = frozenset()  # no person's name starts with these ("Het Laatste Nieuws")
    authors: AuthorRules

    @cached_property
    def identifiers(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        """(id, regex) of each kind of identifier."""
        return tuple((form.id, form.regex) for form in self.identifier_forms)


def load_citation_rules(path: Path, vocabulary: Vocabulary) -> CitationRules:
    rules = validated(CitationRules, path, read_yaml(path), vocabulary, {"kinds": "kind rule"})
    known = {form.id for form in rules.identifier_forms}
    for number, rule in enumerate(rules.kinds, start=1):
        if rule.identifier is not None and rule.identifier not in known:
            raise ReferenceDataError(path, f"kind rule {number}: unknown identifier '{rule.identifier}'")
    return rules
