"""Names that no reference list knows, found by the words around them (patterns/names.yaml).

"de provincie Sinjar", "de Bayda-provincie", "premier Nuri al-Maliki", "de Libyan National
Army": the cue types the name. Each such name becomes an entity of its own, keyed by the name.
"""

from __future__ import annotations

import re

from wordfreq import zipf_frequency

from isis_kg.model import Mention, Sentence
from isis_kg.reference import ReferenceData, entity_key

_DUTCH_PARTICLE = re.compile(r"(?:van|de|der)\s+")
_SENTENCE_ARTICLE = re.compile(r"(?:De|Het|Een)\s+")


def find_cued_names(sentence: Sentence, known: list[Mention], reference: ReferenceData) -> list[Mention]:
    """Cued names in the sentence that overlap no name the gazetteer found."""
    rules = reference.names
    text = sentence.text
    taken = [(m.start, m.end) for m in known]
    found: list[Mention] = []
    for match in rules.name.finditer(text):
        start, end = match.span()
        opening = _SENTENCE_ARTICLE.match(text, start, end)
        if opening is not None:  # "De Shura besloot": an article that opens the sentence is no part of a name
            start = opening.end()
        first = text[start:end].split(" ", 1)[0]
        if (
            not text[:start].strip()
            and " " in text[start:end]
            and zipf_frequency(first.lower(), "nl") >= rules.common_word_zipf
        ):
            start += len(first) + 1  # "Toen Hamza bin Laden ...": a common first word of the sentence is no part of it
            particle = _DUTCH_PARTICLE.match(text, start, end)
            if particle is not None:  # "Onderzoek van Basra ...": nor is the "van" after it
                start = particle.end()
        name = text[start:end]
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        if not name or (" " not in name and zipf_frequency(name.lower(), "nl") >= rules.common_word_zipf):
            continue  # "in de regio Net zoals ...": a sentence start, not a name
        if name in reference.adjective_owners:
            continue  # "Iraakse milities": a region's adjective is no name
        for cue in rules.cues:
            if cue.before is not None and not cue.before.search(text, 0, start):
                continue
            following = cue.after.match(text[end:]) if cue.after is not None else None
            if cue.after is not None and following is None:
                continue
            if cue.last_word is not None and (" " not in name or not cue.last_word.fullmatch(name.split()[-1])):
                continue
            if cue.name_has is not None and not cue.name_has.search(name):
                continue
            if cue.include_after and following is not None:
                name = text[start : end + following.end()]
            key = entity_key(name)
            existing = reference.entities.get(key)
            if existing is not None and existing.entity_class != cue.entity_class:
                break  # the name belongs to a known entity of another class
            found.append(Mention(key, cue.entity_class, name, sentence.index, start, start + len(name)))
            taken.append((start, start + len(name)))
            break
    return found


def seats_in_names(known: list[Mention], reference: ReferenceData) -> list[Mention]:
    """The city a court's name holds, as a place named inside it ("Oberlandesgericht Celle": Celle);
    a listed place where the list knows the name, else a new one keyed by it."""
    seats: list[Mention] = []
    for court in known:
        if not reference.is_a(court.entity_class, "Organisation"):
            continue
        match = reference.names.seat_in_name.fullmatch(court.surface)
        if match is None:
            continue
        name = match.group("seat")
        listed = [e for e in reference.owners_of(name) if reference.is_a(reference.entities[e].entity_class, "Region")]
        start = court.start + match.start("seat")
        key = listed[0] if len(listed) == 1 else entity_key(name)
        seats.append(Mention(key, "Region", name, court.sentence, start, start + len(name)))
    return seats
