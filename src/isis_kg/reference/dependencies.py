"""Relations read from a dependency parse (patterns/dependencies.yaml)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, field_validator, model_validator

from isis_kg.reference.schema import (
    OntologyClass,
    OntologyProperty,
    Rules,
    Vocabulary,
    Words,
    read_yaml,
    unique_ids,
    validated,
)


class DependencyPattern(Rules):
    """A relation read from a dependency parse (patterns/dependencies.yaml)."""

    id: str
    predicate: OntologyProperty
    shape: str  # clause | apposition
    subject_class: OntologyClass = Field(alias="subject")
    object_class: OntologyClass = Field(alias="object")
    prepositions: Words = frozenset()  # empty: the clause's own object
    attachments: Words = frozenset()
    verbs: Words = frozenset()
    nouns: Words = frozenset()
    confidence: float
    presupposed: bool = False  # as RelationPattern's; a parse reads no titles

    @field_validator("shape")
    @classmethod
    def _clause_or_apposition(cls, value: str) -> str:
        if value not in ("clause", "apposition"):
            raise ValueError(f"'{value}' is neither clause nor apposition")
        return value

    @model_validator(mode="after")
    def _apposition_nouns(self) -> DependencyPattern:
        if self.shape == "apposition" and not self.nouns:
            raise ValueError("is an apposition pattern and needs nouns")
        return self


class DependencyRules(Rules):
    placeholder_words: dict[OntologyClass, str] = Field(alias="placeholders", min_length=1)
    clause_links: Words
    negation: Words = frozenset()
    patterns: tuple[DependencyPattern, ...] = Field(default=(), alias="relations")

    @field_validator("placeholder_words")
    @classmethod
    def _one_word_each(cls, words: dict[str, str]) -> dict[str, str]:
        for entity_class, word in words.items():
            if not word.isalpha():
                raise ValueError(f"map classes to one word each: '{word}' for {entity_class} is not one word")
        return words

    @property
    def placeholders(self) -> tuple[tuple[str, str], ...]:
        """(class, the word that stands for its names), first fit wins."""
        return tuple(self.placeholder_words.items())


def load_dependency_rules(path: Path, vocabulary: Vocabulary) -> DependencyRules:
    rules = validated(DependencyRules, path, read_yaml(path), vocabulary, {"relations": "pattern"})
    unique_ids(path, (pattern.id for pattern in rules.patterns), "pattern")
    return rules
