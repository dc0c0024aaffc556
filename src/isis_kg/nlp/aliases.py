"""Aliases a document introduces for itself, and their later mentions.

"Islamitische Staat in Irak en al-Sham (ISIS, ook wel bekend als IS, ISIL of DAESH)": the
bracket right after a name gives other names for the same entity. From there to the end of
the document each of them is a mention of that entity, whether or not any list knows it.
The rules (what a bracket, a separator and an alias look like) are in patterns/names.yaml.
"""

from __future__ import annotations

import re

from wordfreq import zipf_frequency

from isis_kg.model import Mention, Sentence
from isis_kg.nlp.entities import is_whole_name
from isis_kg.reference import ReferenceData
from isis_kg.reference.entities import entity_key

LearntAliases = dict[str, tuple[str, str]]  # alias -> (entity id, class)


def learn_aliases(
    sentence: Sentence, mentions: list[Mention], learnt: LearntAliases, reference: ReferenceData
) -> list[Mention]:
    """Read the brackets after the sentence's names into ``learnt``; return mentions of the new aliases."""
    rules = reference.names
    text = sentence.text
    found: list[Mention] = []
    for mention in mentions:
        bracket = rules.alias_bracket.match(text, mention.end)
        if bracket is None:
            continue
        # a new group's name a recogniser found in a group's bracket (whole or in part) is its alias
        # ("JNIM, ook wel bekend als Nusrat al-Islam"), not a group of its own, and so for a person's; a place
        # in a place's bracket says where it lies ("Dharjaale (Bari)")
        taken = [(m.start, m.end) for m in mentions if not _replaceable(m, mention, reference)] + [
            (f.start, f.end) for f in found
        ]
        inside_start = bracket.start("inside")
        parts = rules.alias_separators.split(bracket.group("inside"))
        if any(reference.owners_of(part.strip()) - {mention.entity} for part in parts if part.strip()):
            continue  # "Noord-Irak (Mosul, Kirkuk en Tel'Afar)": a bracket that names other entities lists no aliases
        position = 0
        for part in parts:
            offset = bracket.group("inside").index(part, position) if part else position
            position = offset + len(part)
            alias = part.strip()
            if not _is_alias(alias, mention, reference):
                continue
            learnt.setdefault(alias, (mention.entity, mention.entity_class))
            start = inside_start + offset + (len(part) - len(part.lstrip()))
            end = start + len(alias)
            if not any(start < t_end and t_start < end for t_start, t_end in taken):
                found.append(Mention(mention.entity, mention.entity_class, alias, sentence.index, start, end))
                taken.append((start, end))
    return found


def _replaceable(candidate: Mention, named: Mention, reference: ReferenceData) -> bool:
    """Whether a mention in ``named``'s bracket may give way to an alias of it: a new group's name in a
    group's bracket, a new person's in a person's ("Abu Muhammed al-Adnani (Taha Falaha)")."""
    groups = ("Organisation", "Franchise")
    same_kind = (candidate.entity_class in groups and named.entity_class in groups) or (
        candidate.entity_class == named.entity_class == "Person"
    )
    return candidate.entity not in reference.entities and same_kind and candidate.start >= named.end


def find_learnt(
    sentence: Sentence, learnt: LearntAliases, known: list[Mention], reference: ReferenceData
) -> list[Mention]:
    """Mentions of aliases learnt earlier in the document that overlap no name already found."""
    text = sentence.text
    taken = [(m.start, m.end) for m in known]
    found: list[Mention] = []
    for alias, (entity, entity_class) in sorted(learnt.items(), key=lambda item: -len(item[0])):
        for match in re.finditer(re.escape(alias), text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            if is_whole_name(text, start, end, reference.names.compound_heads):
                found.append(Mention(entity, entity_class, alias, sentence.index, start, end))
                taken.append((start, end))
    return found


def _is_alias(alias: str, mention: Mention, reference: ReferenceData) -> bool:
    """A name-like part that is neither the name itself nor a common word nor another entity's name."""
    rules = reference.names
    if not alias or alias == mention.surface or not rules.alias.fullmatch(alias):
        return False
    if len(alias.split()) > rules.alias_max_words or any(ch.isdigit() for ch in alias[:1]):
        return False
    if " " not in alias and not alias.isupper() and zipf_frequency(alias.lower(), "nl") >= rules.common_word_zipf:
        return False  # "(Ondersteuningsfront)" is a name; "(Staat)" or "(Zie)" is not
    owners = reference.owners_of(alias)
    return not owners or owners == {mention.entity}


def spelled_names(sentence: Sentence, known: list[Mention], reference: ReferenceData) -> list[Mention]:
    """Organisations named by the words an abbreviation in a bracket spells ("de Tehrik-i-Taliban
    Pakistan (TTP)"), each in place of the names found inside those words; the bracket is then read as
    the alias of the new name (learn_aliases). Returns the mentions, the new ones in place of those."""
    rules = reference.names.aliases
    text = sentence.text
    spelled: list[Mention] = []
    for bracket in rules.acronym.finditer(text):
        acronym = bracket.group("acronym")
        words = list(rules.acronym_word.finditer(text, max(0, bracket.start() - 120), bracket.start()))
        if words and text[words[-1].end() : bracket.start()].strip():
            continue  # the bracket follows no word: "... 2019 (TTP)"
        letters = ""
        for first in range(len(words) - 1, -1, -1):
            letters = _capitals(words[first].group()) + letters
            if not acronym.endswith(letters):
                break
            if letters != acronym or not words[first].group()[:1].isupper():
                continue
            start, end = words[first].start(), words[-1].end()
            inside = [m for m in known if start <= m.start and m.end <= end]
            if first < len(words) - 1 and words[-1].group() not in rules.acronym_place_heads:
                if not any((m.start, m.end) == (start, end) for m in inside):
                    name = text[start:end]
                    spelled.append(Mention(entity_key(name), "Organisation", name, sentence.index, start, end))
            break
    if not spelled:
        return known
    return [m for m in known if not _overlaps_any(m, spelled)] + spelled


def _capitals(word: str) -> str:
    """The capitals a word gives an abbreviation: one per hyphened part that starts with one."""
    return "".join(part[0] for part in word.split("-") if part[:1].isupper())


def _overlaps_any(mention: Mention, others: list[Mention]) -> bool:
    # (extract.clause.overlaps takes a span; the names stage stays below the extractors)
    return any(mention.start < o.end and o.start < mention.end for o in others)
