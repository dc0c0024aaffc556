"""One reading per document: a new name found once is found wherever it recurs.

A recogniser may find "Salah Abdeslam" in one sentence and miss him in the next; a reader does
not. A name that no list knows (found by a cue or by the learned recogniser) is looked for again
in every sentence of its document, and a person's surname alone ("Abdeslam") names the person the
document named in full, where only one of its persons bears it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from wordfreq import zipf_frequency

from isis_kg.model import Mention, Sentence
from isis_kg.nlp.entities import is_whole_name
from isis_kg.reference import ReferenceData

_MIN_LENGTH = 3  # "Al", "IS": too short to be looked for on their own


def _common_word(word: str, reference: ReferenceData) -> bool:
    """A word too common in Dutch or English to stand for a person alone ("When" of "Happens When")."""
    rules = reference.names.learned
    lower = word.lower()
    return zipf_frequency(lower, "nl") >= rules.initial_zipf or zipf_frequency(lower, "en") >= rules.english_word_zipf


def short_names(mentions: list[Mention], reference: ReferenceData) -> list[Mention]:
    """The mentions, a new organisation's name that is the short name (names.yaml short_names) of exactly
    one of the document's organisations read as that organisation ("het Emiraat" after "het
    Kaukasus-Emiraat")."""
    owners: dict[str, set[tuple[str, str]]] = {}
    for mention in mentions:
        if reference.is_a(mention.entity_class, "Organisation"):
            for rule in reference.names.short_names:
                if (found := rule.search(mention.surface)) and found.group("short") != mention.surface:
                    owners.setdefault(found.group("short"), set()).add((mention.entity, mention.entity_class))
    return [
        replace(m, entity=entity, entity_class=entity_class)
        if m.entity not in reference.entities
        and reference.is_a(m.entity_class, "Organisation")
        and len(owners.get(m.surface, ())) == 1
        and (entity_class := next(iter(owners[m.surface]))[1])
        and (entity := next(iter(owners[m.surface]))[0]) != m.entity
        else m
        for m in mentions
    ]


def spread_names(sentences: list[Sentence], mentions: list[Mention], reference: ReferenceData) -> list[Mention]:
    """The mentions, with the recurrences of the document's new names added, surnames and organisations'
    short names resolved."""
    mentions = short_names(mentions, reference)
    particles = reference.citations.name_particles
    names: dict[str, tuple[str, str]] = {}
    for mention in mentions:
        if mention.entity not in reference.entities and len(mention.surface) >= _MIN_LENGTH:
            names.setdefault(mention.surface, (mention.entity, mention.entity_class))
    in_full: dict[str, set[tuple[str, str]]] = {}  # a surname -> the persons named in full who bear it
    for surface, (entity, entity_class) in names.items():
        words = surface.split()
        if entity_class == "Person" and len(words) > 1 and words[-1].lower() not in particles:
            in_full.setdefault(words[-1], set()).add((entity, entity_class))
    surnames = {
        surname: next(iter(owners))
        for surname, owners in in_full.items()
        if len(owners) == 1
        and len(surname) >= _MIN_LENGTH
        and surname not in reference.name_owners
        and not _common_word(surname, reference)
    }
    names.update(surnames)
    # a name written with a small particle opens a sentence with a capital: "al-Raymi", "Al-Raymi werd ..."
    for table in (surnames, names):
        for name, owner in list(table.items()):
            if name[:1].islower():
                table.setdefault(name[:1].upper() + name[1:], owner)
    if not names:
        return mentions
    # a surname a recogniser found alone (as whatever class) is the person the document named in full
    mentions = [
        replace(m, entity=surnames[m.surface][0], entity_class="Person")
        if m.surface in surnames and m.entity not in reference.entities
        else m
        for m in mentions
    ]
    pattern = re.compile("|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)))
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    heads = reference.names.compound_heads
    added = []
    for sentence in sentences:
        taken = by_sentence.get(sentence.index, [])
        for match in pattern.finditer(sentence.text):
            start, end = match.span()
            if any(start < m.end and m.start < end for m in taken) or not is_whole_name(
                sentence.text, start, end, heads
            ):
                continue
            entity, entity_class = names[match.group()]
            found = Mention(entity, entity_class, match.group(), sentence.index, start, end)
            taken = [*taken, found]
            added.append(found)
    return sorted(mentions + added, key=lambda m: (m.sentence, m.start, m.end))
