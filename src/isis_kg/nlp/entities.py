"""Find names of known entities in Dutch sentences.

Names come from ``ontology/reference/entities.yaml``. Matching is case-sensitive ("IS" the
group, not "is" the verb) and knows how Dutch glues words to names: compounds
("ISIS-strijders", "Diyala-provincie", and without hyphen on the heads patterns/names.yaml
lists: "Al-Qaidaleider"), derivations ("IS'ers") and the genitive ("ISIS' strategie"). A name
followed directly by other letters ("Syrische") is not a match.
"""

from __future__ import annotations

import re
from dataclasses import replace

import ahocorasick
from wordfreq import zipf_frequency

from isis_kg.model import Mention, Sentence
from isis_kg.reference import ReferenceData, entity_key

_APOSTROPHES = "'’"
_DERIVATION = re.compile(r"^[" + _APOSTROPHES + r"](?:ers?|s)?(?!\w)")
_COMPOUND = re.compile(r"^-[‘']?\w")  # "ISIS-strijders", "het ISIS-‘kalifaat’"
_GIVEN_NAME = re.compile(r"\b[A-Z][a-z]+\s+$")
# a person's genitive takes a bare s ("Hamza bin Ladens rijzende ster"); a place's would not be
# safe ("Nederlands" is the language)
_PERSON_GENITIVE = re.compile(r"s(?!\w)")
# the first names of a coordination that share the last one's tail: "Zuidoost- en " before "Centraal-Azië"
_ELIDED_BEFORE = re.compile(r"\b(?P<head>\w+)-(?:,\s*|\s+(?:en|of)\s+)$")


class EntityMatcher:
    """Gazetteer matcher over all names of the reference entities (Aho-Corasick automaton)."""

    def __init__(self, reference: ReferenceData) -> None:
        self._classes = {entity.id: entity.entity_class for entity in reference.entities.values()}
        owners = reference.name_owners
        self._ambiguous = {name for name, ids in owners.items() if len(ids) > 1}
        self._automaton = ahocorasick.Automaton()
        for name, ids in owners.items():
            self._automaton.add_word(name, (name, min(ids)))
        # "Deir ez-Zor" is written "Deir-ez-Zor" too, "Al Qaida" "Al-Qaida": the hyphenated form of
        # a name of several words names the same entity, unless it is another entity's name
        for name, ids in owners.items():
            hyphenated = name.replace(" ", "-")
            if hyphenated != name and hyphenated not in owners and hyphenated not in self._automaton:
                self._automaton.add_word(hyphenated, (hyphenated, min(ids)))
                if len(ids) > 1:
                    self._ambiguous.add(hyphenated)
        self._automaton.make_automaton()
        self._compound_heads = reference.names.compound_heads
        self._given_name_zipf = reference.names.given_name_zipf
        self._reference = reference

    def _given_name_before(self, text: str, start: int) -> bool:
        """A capitalised word right before ``start`` that is no common word (a sentence's "Toen")."""
        found = _GIVEN_NAME.search(text, 0, start)
        return found is not None and zipf_frequency(found.group().strip().lower(), "nl") < self._given_name_zipf

    def find(self, sentence: Sentence) -> list[Mention]:
        """The longest, leftmost non-overlapping names in the sentence."""
        text = sentence.text
        candidates = []
        for last, (name, entity_id) in self._automaton.iter(text):
            start, end = last - len(name) + 1, last + 1
            if name in self._ambiguous:
                continue
            if not is_whole_name(text, start, end, self._compound_heads) and not (
                self._classes[entity_id] == "Person" and _PERSON_GENITIVE.match(text, end)
            ):
                continue
            # "Hamza bin Laden" is not "bin Laden": a given name before a particle name makes another person
            if name[0].islower() and self._given_name_before(text, start):
                continue
            candidates.append((start, -end, entity_id, name))
        candidates.sort()
        mentions: list[Mention] = []
        taken_until = -1
        for start, negative_end, entity_id, name in candidates:
            if start < taken_until:
                continue
            mentions.append(
                Mention(
                    entity=entity_id,
                    entity_class=self._classes[entity_id],
                    surface=name,
                    sentence=sentence.index,
                    start=start,
                    end=-negative_end,
                )
            )
            taken_until = -negative_end
        mentions = [self._part_of_country(text, mention, mentions) for mention in mentions]
        return sorted(mentions + self._elided(text, mentions), key=lambda m: (m.start, m.end))

    def _elided(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Names whose shared tail a coordination leaves out: "Zuidoost- en Centraal-Azië" names
        Zuidoost-Azië too, at "Zuidoost-"."""
        found = []
        for mention in mentions:
            head, hyphen, tail = mention.surface.partition("-")
            if not hyphen or not head or not tail:
                continue
            position = mention.start
            while (before := _ELIDED_BEFORE.search(text, 0, position)) is not None:
                name = f"{before.group('head')}-{tail}"
                owners = self._reference.owners_of(name)
                if len(owners) != 1:
                    break
                (entity_id,) = owners
                found.append(
                    Mention(
                        entity=entity_id,
                        entity_class=self._classes[entity_id],
                        surface=name,
                        sentence=mention.sentence,
                        start=before.start("head"),
                        end=before.end("head") + 1,
                    )
                )
                position = before.start("head")
        return found

    def _part_of_country(self, text: str, mention: Mention, mentions: list[Mention]) -> Mention:
        """A country's name after a side of the compass ("Noord-Irak") names a region of its own
        (names.yaml, compass)."""
        start = _compass_start(text, mention, self._reference)
        if start is None or any(m.end > start and m.start < mention.start for m in mentions):
            return mention
        surface = text[start : mention.end]
        return replace(mention, entity=entity_key(surface), surface=surface, start=start)


def _compass_start(text: str, mention: Mention, reference: ReferenceData) -> int | None:
    """Where the side of the compass before a country's mention starts, if one stands there."""
    rules = reference.names
    known = reference.entities.get(mention.entity)
    if known is None or known.kind not in rules.compass_kinds:
        return None
    found = rules.compass_prefix.search(text, max(0, mention.start - 20), mention.start)
    return found.start() if found else None


def country_of_part(surface: str, reference: ReferenceData) -> str | None:
    """The country a compass-named region lies in ("Noord-Irak" -> "irak"), if the name is one."""
    rules = reference.names
    for end in range(1, min(len(surface), 20)):
        found = rules.compass_prefix.search(surface, 0, end)
        owners = reference.owners_of(surface[end:])
        if found is not None and found.start() == 0 and len(owners) == 1:
            (country,) = owners
            if reference.entities[country].kind in rules.compass_kinds:
                return country
    return None


def is_whole_name(text: str, start: int, end: int, compound_heads: re.Pattern[str]) -> bool:
    """A name stands on its own, or as the head of a Dutch compound or derivation."""
    if start > 0:
        before = text[start - 1]
        if before.isalnum() or (before == "-" and not text[start].isupper()):
            return False
    if end == len(text):
        return True
    after = text[end:]
    if not after[0].isalnum() and after[0] not in "-" + _APOSTROPHES:
        return True
    if _COMPOUND.match(after) or _DERIVATION.match(after):
        return True
    # Dutch glues a head noun to a name ("Al-Qaidaleider") but never to an abbreviation ("ISIS-strijders")
    return not text[start:end].isupper() and bool(compound_heads.match(after))
