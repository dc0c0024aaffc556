"""The names a footnote's citations give: a cited work's authors are persons, its publisher an organisation.

A footnote that cites states no facts, so the recognisers do not read it (Document.states_facts). The
names it cites are still entities a reader finds there, and the graph knows the authors already as the
creators of their sources. Each becomes a mention in the footnote's sentence that holds it, so that its
node has a document and a sentence, as every other name has.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from wordfreq import zipf_frequency

from isis_kg.extract.clause import overlaps
from isis_kg.model import Document, Mention, Sentence
from isis_kg.reference import ReferenceData
from isis_kg.reference.entities import entity_key

PERSON = "Person"
_JOINT = re.compile(r"\s+en\s+")  # Dutch "and" between publishers; English "and" is inside names ("War and Peace")
_ACRONYM_AFTER = re.compile(r"\s+\([A-Z][\w/&.-]{1,12}\)$")
ORGANISATION = "Organisation"


def cited_names(document: Document, reference: ReferenceData, place_words: frozenset[str]) -> list[Mention]:
    """A mention for each creator and publisher of the works the document's footnotes cite, where it stands
    in the footnote's text and no other name does. A publisher that is a place ("Tbilisi", where the work
    appeared) is none; ``place_words`` are the single words that name places (the learned recogniser's)."""
    by_footnote: dict[int, list[Sentence]] = {}
    for sentence in document.sentences:
        if sentence.in_footnote is not None:
            by_footnote.setdefault(sentence.in_footnote, []).append(sentence)
    taken: dict[int, list[Mention]] = {}
    for mention in document.mentions:
        taken.setdefault(mention.sentence, []).append(mention)
    found: list[Mention] = []
    for number in sorted(document.footnotes):
        footnote = document.footnotes[number]
        if footnote.repeats_previous:
            continue  # "Idem.": its names stand in the footnote before
        for work in footnote.works:
            names = [(name, PERSON) for name in work.creators]
            for publisher in _publishers(work.publisher):
                if not _names_a_place(publisher, reference, place_words) and not _common_word(publisher, reference):
                    names.append((publisher, ORGANISATION))
            for name, entity_class in names:
                for mention in _placed(name, entity_class, by_footnote.get(number, []), taken, reference):
                    taken.setdefault(mention.sentence, []).append(mention)
                    found.append(mention)
    return found


def _placed(
    name: str, entity_class: str, sentences: list[Sentence], taken: dict[int, list[Mention]], reference: ReferenceData
) -> Iterator[Mention]:
    """The name's mention in the first of the footnote's sentences that holds it where no name stands yet."""
    entity = _entity(name, entity_class, reference)
    if entity is None:
        return
    for sentence in sentences:
        start = sentence.text.find(name)
        if start >= 0 and not overlaps(start, start + len(name), taken.get(sentence.index, [])):
            yield Mention(entity[0], entity[1], name, sentence.index, start, start + len(name), cited=True)
            return


def _entity(name: str, entity_class: str, reference: ReferenceData) -> tuple[str, str] | None:
    """(id, class): the one entity the reference data knows by the name, if it is of the cited kind (a
    person, or for a publisher any organisation), else a new one of that kind."""
    owners = reference.owners_of(name)
    if len(owners) == 1:
        (owner,) = owners
        known = reference.entities[owner].entity_class
        wanted = PERSON if entity_class == PERSON else ORGANISATION
        return (owner, known) if reference.is_a(known, wanted) else None
    return (entity_key(name), entity_class) if not owners and entity_key(name) else None


def _publishers(publisher: str | None) -> list[str]:
    """The organisations a publisher names: "NCTV en AIVD" two; "Institute for War and Peace Reporting (IWPR)"
    by its name (the acronym in brackets is no other organisation)."""
    if not publisher:
        return []
    return [_ACRONYM_AFTER.sub("", part) for part in _JOINT.split(publisher) if part]


def _common_word(name: str, reference: ReferenceData) -> bool:
    """ "Veiligheid", "Voice": a word the footnote's parts left as its publisher; an acronym ("BBC") is a name."""
    threshold = reference.citations.common_word_zipf
    if " " in name or name.isupper():
        return False
    return max(zipf_frequency(name.lower(), "nl"), zipf_frequency(name.lower(), "en")) >= threshold


def _names_a_place(name: str, reference: ReferenceData, place_words: frozenset[str]) -> bool:
    owners = reference.owners_of(name)
    if owners:
        return all(reference.is_a(reference.entities[owner].entity_class, "Region") for owner in owners)
    return " " not in name and name in place_words
