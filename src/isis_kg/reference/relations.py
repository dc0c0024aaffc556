"""The relation patterns between two names, and what tells a fact's clause (patterns/relations.yaml)."""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from isis_kg.errors import ReferenceDataError
from isis_kg.reference.schema import (
    NEVER,
    EntityId,
    ExactRegex,
    OntologyClass,
    OntologyProperty,
    Regex,
    Rules,
    Vocabulary,
    Words,
    read_yaml,
    unique_ids,
    validated,
)


class Side(Rules):
    """One of a pattern's two names: its role in the fact and its class (or a region's adjective)."""

    role: Literal["subject", "object"]
    entity_class: OntologyClass = Field(alias="class")
    adjective: bool = False  # a region's adjective ("Syrische"), not a name


class RelationPattern(Rules):
    id: str
    predicate: OntologyProperty
    first: Side
    second: Side
    between: Regex
    before: Regex | None = None
    not_before: Regex | None = None  # must not match the text right before the first name (ends with $)
    object_list: bool = Field(default=False, alias="list")
    subject_not_kind: frozenset[str] = frozenset()
    confidence: float = 0.9
    nearest: bool = False  # no other name of the first's class may stand between the two
    after: Regex | None = None  # must match the start of the text after the second name
    # a title inside a noun phrase ("al Qa'ida-leider al Zawahiri") is taken for granted, not claimed:
    # the sentence's modal verbs do not hedge it
    presupposed: bool = False
    # only where entities.yaml agrees: the subject lies within the object (its "within" chain), or
    # within the country the object is a part of ("Noord-Irak (Mosul)")
    within_known: bool = False

    @model_validator(mode="after")
    def _one_subject_one_object(self) -> RelationPattern:
        if self.first.role == self.second.role:
            raise ValueError("needs first and second to be one subject and one object")
        return self

    @property
    def first_role(self) -> str:
        return self.first.role

    @property
    def first_class(self) -> str:
        return self.first.entity_class

    @property
    def second_class(self) -> str:
        return self.second.entity_class

    @property
    def first_adjective(self) -> bool:
        return self.first.adjective

    @property
    def second_adjective(self) -> bool:
        return self.second.adjective


class Anaphor(Rules):
    """Words pointing back to a name of a class ("deze regio"), in the singular or the plural."""

    entity_class: OntologyClass = Field(alias="class")
    singular: Regex | None = None
    plural: Regex | None = None
    # only where one name of the class can be meant: "hij" after a sentence that names one person
    sole: bool = False


class StandIn(Rules):
    """Words that stand for one entity (relations.yaml, stand_ins), for some patterns only."""

    entity: EntityId
    words: Regex
    patterns: frozenset[str] = Field(min_length=1)  # ids of the relation patterns that read them


class SinceRules(Rules):
    """Since when a fact holds, as its sentence says (relations.yaml, since)."""

    predicates: frozenset[OntologyProperty] = frozenset()
    reach: int = 60  # how far from the fact's names its date may stand
    cue: Regex = NEVER  # right before the date: the fact holds from it ("sinds 2014") ...
    state: Regex = NEVER  # ... when the clause's verb says the fact holds ("is actief")
    onset: Regex = NEVER  # in the fact's clause: a verb saying it began at the clause's date

    def may_apply(self, text: str) -> bool:
        """The sentence has a cue or a verb of onset: most have neither, and need no dates for this."""
        return bool(self.predicates) and bool(self.cue.search(text) or self.onset.search(text))


class RelationRules(Rules):
    patterns: tuple[RelationPattern, ...] = Field(default=(), alias="relations")
    list_joiner: Regex
    max_gap: int
    negation: Regex
    negation_reach: int
    negation_after: Regex = NEVER  # a negation after the second name, in its clause ("in Jemen niet actief")
    negation_after_reach: int
    sentence_negation: Regex = NEVER
    anaphors: tuple[Anaphor, ...] = Field(default=(), alias="anaphora")
    anaphora_reach: int  # sentences back to look for what such a word points to
    # the kinds of listed regions from small to large: a region lies only in one of a larger kind
    region_sizes: tuple[str, ...] = ()
    stand_ins: tuple[StandIn, ...] = ()
    hedges: Regex
    hedge_reach: int
    hypothetical: Regex = NEVER  # before the first name: its clause only supposes ("Als ISIS ...")
    since: SinceRules = SinceRules()
    own_place: ExactRegex = NEVER  # after a list member: a place of its own, so no member ("X in Y, en Z in W")
    op_before: ExactRegex = NEVER  # "op" (group op) right before a place that takes it ("op de Filipijnen")
    name_links: Words = frozenset()  # words linking the parts of a new organisation's name ("van de")
    province_words: Words = frozenset()  # words of such a name that say it is a province ("wilayat")
    institution: Regex = NEVER  # a court's, prosecutor's or ministry's name: it sits somewhere, it operates nowhere
    site: Regex = NEVER  # a building's or a site's name ("Crocus City Hall"): no territory anyone operates in
    no_actor_before: Regex = NEVER  # before an organisation: it is no actor of its clause ("een aan X gelieerde cel")

    @cached_property
    def anaphora(self) -> tuple[tuple[str, re.Pattern[str], bool, bool], ...]:
        """(class, words, plural, sole) for each way of pointing back."""
        return tuple(
            (anaphor.entity_class, words, plural, anaphor.sole)
            for anaphor in self.anaphors
            for plural, words in ((False, anaphor.singular), (True, anaphor.plural))
            if words is not None
        )


def load_relation_rules(path: Path, vocabulary: Vocabulary) -> RelationRules:
    rules = validated(RelationRules, path, read_yaml(path), vocabulary, {"relations": "pattern"})
    seen = unique_ids(path, (pattern.id for pattern in rules.patterns), "pattern")
    for number, stand_in in enumerate(rules.stand_ins, start=1):
        if stand_in.patterns - seen:
            unknown = ", ".join(sorted(stand_in.patterns - seen))
            raise ReferenceDataError(path, f"stand_ins {number}: patterns must name relation patterns ({unknown})")
    return rules
