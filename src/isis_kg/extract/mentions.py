"""Mentions beyond the names: words that point back to a name, and where a mentioned place lies."""

from __future__ import annotations

from collections.abc import Sequence

from isis_kg.extract.clause import overlaps
from isis_kg.model import Mention, Sentence
from isis_kg.nlp.entities import country_of_part
from isis_kg.reference import EventRules, ReferenceData


def pointing_back(
    sentence: Sentence, mentions: list[Mention], previous: Sequence[Mention], reference: ReferenceData
) -> list[Mention]:
    """The words of the sentence that point back to a name ("de terreurgroep"), as mentions of it."""
    return list(anaphors(sentence, mentions, previous, reference))


def anaphors(
    sentence: Sentence, mentions: list[Mention], previous: Sequence[Mention], reference: ReferenceData
) -> dict[Mention, int | None]:
    """Words pointing back to names, as mentions of those names, at the words: the names of their
    class earlier in the same sentence ("De situatie in Turkije is zorgelijker, aangezien ISIS
    netwerken heeft opgebouwd in dit land"), else in the nearest of the ``previous`` sentences that
    has any; each with the earlier sentence its name stands in (None: this one)."""
    found: dict[Mention, int | None] = {}

    def points_to(mention: Mention, entity_class: str) -> bool:
        # "de groep", "de organisatie" is an armed group, never a court, a ministry or an agency
        return reference.is_a(mention.entity_class, entity_class) and not (
            entity_class == "Organisation" and is_institution(mention, reference)
        )

    for entity_class, words, plural, sole in reference.relation_rules.anaphora:
        of_class = [m for m in previous if points_to(m, entity_class)]
        nearest = max((m.sentence for m in of_class), default=None)
        before_sentence = [m for m in of_class if m.sentence == nearest]
        for match in words.finditer(sentence.text):
            start, end = match.span()
            if overlaps(start, end, mentions):
                continue
            if any(
                m.start >= end and points_to(m, entity_class) and not sentence.text[end : m.start].strip()
                for m in mentions
            ):
                continue  # "de groepering ISIS": the name it stands before is its own
            earlier = [m for m in mentions if m.end <= start and points_to(m, entity_class)]
            candidates = earlier or before_sentence
            if sole and len({m.entity for m in candidates}) != 1:
                continue  # "hij" after two men: who is meant, no rule can tell
            # a plural stands for each of them once; a singular for the last name before it in its own sentence,
            # or for the first of the sentence before, its topic ("Jund al-Khilafa opereerde vanuit Waziristan,
            # waar de groep met al-Qaida samenwerkte. Emir van de groep was ...")
            owners = (
                list({m.entity: m for m in candidates}.values()) if plural else (earlier[-1:] or before_sentence[:1])
            )
            for owner in owners:
                anaphor = Mention(owner.entity, owner.entity_class, match.group(), sentence.index, start, end)
                found[anaphor] = owner.sentence if owner.sentence != sentence.index else None
    return found


def lies_within(place: Mention, region: Mention, reference: ReferenceData) -> bool:
    """entities.yaml puts the place in the region, or in the country the region is a part of."""
    wholes = {region.entity}
    country = country_of_part(region.surface, reference)
    if country is not None:
        wholes.add(country)
    known = reference.entities.get(place.entity)
    seen: set[str] = set()
    while known is not None and known.within is not None and known.within not in seen:
        if known.within in wholes:
            return True
        seen.add(known.within)
        known = reference.entities.get(known.within)
    return False


def person_of_verb(text: str, people: list[Mention], start: int, end: int, rules: EventRules) -> Mention | None:
    """The person a verbal trigger happens to: its subject before it ("Shekau kwam om het leven", "X werd
    gedood"), else its object after it ("doodden commando's de financier Bilal al-Sudani")."""
    inside = next((m for m in people if start <= m.start and m.end <= end), None)
    if inside is not None:  # "kwam al-Sahrawi om": the subject stands inside the verb's parts
        return inside
    before = next((m for m in reversed(people) if m.end <= start), None)
    if (
        before is not None
        and rules.person_subject_link.fullmatch(text[before.end : start])
        and not rules.not_a_subject.search(text, 0, before.start)  # "Volgens Sellal zijn 29 aanvallers gedood"
    ):
        return before
    following = [m for m in people if m.start >= end]
    if following and rules.victims_link.fullmatch(text[end : following[0].start]):
        return following[0]
    verbal = rules.person_object_trigger.fullmatch(text[start:end])
    if not verbal or not following:
        return None
    if (
        len(following) > 1
        and rules.person_object_link.fullmatch(text[following[0].end : following[1].start])
        and not rules.person_list_joiner.fullmatch(text[following[0].end : following[1].start])
    ):
        # "doodt Anis Amri de Poolse chauffeur Łukasz Urban": the subject, then whom it killed
        return following[1] if rules.person_object_link.fullmatch(text[end : following[0].start]) else None
    if rules.person_object_link.fullmatch(text[end : following[0].start]):
        return following[0]
    return None


def operates_anywhere(organisation: Mention, place: Mention, reference: ReferenceData) -> bool:
    """Whether an organisation can be said to operate in the place: a court or a ministry sits where it
    sits and operates nowhere; a building or a site is where something happened, not a territory."""
    return not is_institution(organisation, reference) and not is_site(place, reference)


def is_institution(mention: Mention, reference: ReferenceData) -> bool:
    """A court, a prosecutor, a ministry, an agency, the police: it acts, it operates nowhere."""
    return any(reference.relation_rules.institution.search(name) for name in _names_of(mention))


def is_site(mention: Mention, reference: ReferenceData) -> bool:
    """A building or a site ("Crocus City Hall", "de Army Public School"): no territory."""
    return any(reference.relation_rules.site.search(name) for name in _names_of(mention))


def _names_of(mention: Mention) -> tuple[str, str]:
    """The mention's words and its entity's fullest name as its id spells it: the words may be an
    abbreviation ("de NIA"), the id is "national-investigation-agency"."""
    return mention.surface, mention.entity.replace("-", " ")
