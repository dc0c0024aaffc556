"""Who did an event: the perpetrators a sentence names around a trigger, by the Dutch ways of saying so
(a "door" phrase, the subject before or after a verb of doing, the subject of a clause whose verb comes
last), and whom an agency or a court did it to. The rules are patterns/events.yaml's."""

from __future__ import annotations

from isis_kg.extract.clause import PHRASE_BREAK, clause_start, joins, list_after, negation_between
from isis_kg.extract.mentions import person_of_verb
from isis_kg.model import Mention, Sentence
from isis_kg.reference import EventPattern, ReferenceData


def is_actor(mention: Mention, reference: ReferenceData) -> bool:
    return reference.is_a(mention.entity_class, "Organisation") or reference.is_a(mention.entity_class, "Person")


def took_part(
    sentence: Sentence,
    mentions: list[Mention],
    pattern: EventPattern,
    trigger: tuple[int, int],
    perpetrators: list[Mention],
    holder: Mention | None,
    reference: ReferenceData,
) -> tuple[list[Mention], list[Mention]]:
    """The event's perpetrators and participants: those named with "tussen", "tegen", "met"; for what an
    agency or a court does (an arrest, a trial), the persons it was done to ("arresteert Muslim Mohammed
    Yusuf", "Ajmal Kasab wordt gearresteerd", "hield de politie X en Y aan"), who are no perpetrators; and
    who lost what fell (the holder)."""
    start, end = trigger
    participants = _participants(sentence, mentions, end, perpetrators, reference)
    if pattern.done_to_persons:
        done_to = [p for p in perpetrators if reference.is_a(p.entity_class, "Person")]
        done_to += object_person(sentence, mentions, end, reference)
        people = [m for m in mentions if reference.is_a(m.entity_class, "Person")]
        subject = person_of_verb(sentence.text, people, start, end, reference.event_rules)
        if subject is not None:
            done_to += people_list(sentence.text, people, subject, reference)
        perpetrators = [p for p in perpetrators if p not in done_to]
        participants += [p for p in dict.fromkeys(done_to) if p not in participants]
    if holder is not None and holder not in participants:
        participants.append(holder)  # who lost its rule took part in its fall
    return perpetrators, participants


def _participants(
    sentence: Sentence, mentions: list[Mention], trigger_end: int, perpetrators: list[Mention], reference: ReferenceData
) -> list[Mention]:
    """Actors named after the trigger with "tussen", "tegen", "met" (and the list they head)."""
    link = reference.event_rules.participant_link
    found: list[Mention] = []
    for mention in mentions:
        if mention.start < trigger_end or not is_actor(mention, reference):
            continue
        if found:
            if not joins(sentence.text, found[-1], mention, reference):
                break
        elif not link.fullmatch(sentence.text[trigger_end : mention.start]):
            continue
        found.append(mention)
    return [m for m in found if m.entity not in {p.entity for p in perpetrators}]


def object_person(sentence: Sentence, mentions: list[Mention], end: int, reference: ReferenceData) -> list[Mention]:
    """The first person named after the trigger in its clause: whom a court or an agency did it to
    ("veroordeelde de rechtbank Amsterdam Mohammed Bouyeri", "arresteert Muslim Mohammed Yusuf")."""
    person = next((m for m in mentions if m.start >= end and reference.is_a(m.entity_class, "Person")), None)
    if person is None or PHRASE_BREAK.search(sentence.text[end : person.start]):
        return []
    return [person]


def find_perpetrators(
    sentence: Sentence, mentions: list[Mention], start: int, end: int, reference: ReferenceData
) -> list[Mention]:
    """Who did the trigger's event: who the sentence says carried it out, and who claimed it after it."""
    done_by = _carried_out_by(sentence, mentions, start, end, reference)
    return done_by + [
        m for m in claimed_by(sentence.text, mentions, end, reference) if m.entity not in {d.entity for d in done_by}
    ]


def claimed_by(text: str, mentions: list[Mention], end: int, reference: ReferenceData) -> list[Mention]:
    """The actor that claims the event later in its sentence: "de aanval op Palma, die IS in maart 2021 opeiste",
    "...; AQIM eist de moord op", "volgens een opeisingsverklaring van IS"."""
    rules = reference.event_rules
    for mention in mentions:
        if mention.start < end or not is_actor(mention, reference):
            continue
        between = text[end : mention.start]
        if rules.claim_of.fullmatch(between):
            claim_end = mention.start
        elif rules.claim_before.fullmatch(between) and (verb := rules.claim_after.match(text, mention.end)):
            claim_end = verb.end()  # "die IS nooit heeft opgeëist": the negation stands after the actor
        else:
            continue
        if not negation_between(text, end, claim_end, reference):
            return [mention]
    return []


def _carried_out_by(
    sentence: Sentence, mentions: list[Mention], start: int, end: int, reference: ReferenceData
) -> list[Mention]:
    rules = reference.event_rules
    text = sentence.text
    actors = [m for m in mentions if is_actor(m, reference)]
    # named inside the trigger, right after its verb ("roept ISIS het kalifaat uit", "vallen de Taliban ... aan")
    # or as its fighters ("vielen strijders van IS het hotel aan"), or whose the trigger's last word says
    # ("het ISIS-kalifaat"); not what it was done to ("vielen Franse eenheden een AQIM-kamp aan")
    verb_end = start + len(text[start:end].split(maxsplit=1)[0])
    inside = [
        m
        for m in actors
        if start <= m.start
        and m.end <= end
        and not rules.target_compound.match(text, m.end)
        and (
            rules.subject_after_verb.fullmatch(text, verb_end, m.start)
            or rules.fighters_of.search(text, 0, m.start)
            or (text[m.end : end].startswith("-") and not any(c.isspace() for c in text[m.end : end]))
        )
    ]
    if inside:
        return inside[:1]
    for mention in actors:
        if mention.start >= end and rules.perpetrator_link.fullmatch(text[end : mention.start]):
            if rules.perpetrator_inspired.match(text, mention.end):
                return []
            if negation_between(text, end, mention.start, reference):
                return []  # "De aanslag in Parijs is niet door ISIS gepleegd"

            return [mention]
        if (
            mention.end <= start
            and rules.perpetrator_before.fullmatch(text[mention.end : start])
            and (
                not rules.not_a_subject.search(text, 0, mention.start)
                or rules.fighters_of.search(text, 0, mention.start)
            )
            and not _object_of_participle(text, mention, start, reference)
        ):
            return [mention]
    return (
        _subjects_of_verb(sentence, mentions, start, reference)
        or _clause_subject(sentence, mentions, start, end, reference)
        or _coordinated_subject(sentence, mentions, start, reference)
        or _verb_last_subject(text, actors, start, end, reference)
    )


def verb_last_places(
    sentence: Sentence, mentions: list[Mention], start: int, end: int, reference: ReferenceData
) -> list[Mention]:
    """The regions between the subject of a clause whose verb, the trigger, ends it and that verb; else
    the region right before that verb, its object ("had op 8 december Damascus ingenomen")."""
    actors = [m for m in mentions if is_actor(m, reference)]
    subject = _verb_last_subject(sentence.text, actors, start, end, reference)
    if not subject:
        return _object_place(sentence.text, mentions, start, end, reference)
    return [
        m for m in mentions if subject[0].end <= m.start and m.end <= start and reference.is_a(m.entity_class, "Region")
    ]


def _object_place(text: str, mentions: list[Mention], start: int, end: int, reference: ReferenceData) -> list[Mention]:
    before = [m for m in mentions if m.end <= start]
    if (
        not before
        or not reference.event_rules.clause_end.match(text, end)
        or reference.event_rules.noun_before.search(text, 0, start)
    ):
        return []
    place = before[-1]
    if not reference.is_a(place.entity_class, "Region") or text[place.end : start].strip():
        return []
    return [place]


def _verb_last_subject(
    text: str, actors: list[Mention], start: int, end: int, reference: ReferenceData
) -> list[Mention]:
    """The subject of a subordinate or relative clause whose verb, the trigger, ends it: "toen de Taliban
    ... de gevangenis openbraken", "De Taliban, die Kaboel ... innamen". A noun trigger has no subject."""
    rules = reference.event_rules
    if (
        rules.noun_before.search(text, 0, start)
        or rules.not_a_subject.search(text, 0, start)  # a preposition governs a noun: "na uitroeping van"
        or not rules.clause_end.match(text, end)
    ):
        return []
    before = [m for m in actors if m.end <= start]
    if not before:
        return []
    subject = before[-1]
    between = text[subject.end : start]
    if rules.relative_link.fullmatch(between):
        return [subject]
    if rules.clause_opener.search(text, 0, subject.start) and rules.verb_last_gap.fullmatch(between):
        return [subject]
    return []


def _coordinated_subject(
    sentence: Sentence, mentions: list[Mention], start: int, reference: ReferenceData
) -> list[Mention]:
    """The actor opening the clause, when the verb of the event (a verbal trigger, or a verb of doing
    before it) is the second of that actor: "ISIS is ambitieuzer dan al Qa'ida en riep het kalifaat uit"."""
    rules = reference.event_rules
    text = sentence.text
    opening = clause_start(text, start)
    verbs = [start, *(verb.start() for verb in rules.perpetrator_verb.finditer(text, opening, start))]
    if not any(rules.coordinated.search(text, opening, verb) for verb in verbs):
        return []
    first = next((m for m in mentions if opening <= m.start < start), None)
    if first is None or not is_actor(first, reference) or text[opening : first.start].strip():
        return []
    return [first]


def _object_of_participle(text: str, mention: Mention, start: int, reference: ReferenceData) -> bool:
    """The name stands right before a participle, with an auxiliary before it in its clause: it is what was
    done, not who did it ("hebben in Palmyra de archeoloog Khaled al-Asaad onthoofd")."""
    return not text[mention.end : start].strip() and bool(
        reference.event_rules.object_auxiliary.search(text, clause_start(text, mention.start), mention.start)
    )


def _clause_subject(
    sentence: Sentence, mentions: list[Mention], start: int, end: int, reference: ReferenceData
) -> list[Mention]:
    """The actor opening the clause, with an auxiliary after it and the participle after the trigger
    ("ISIS heeft, volgens eigen berichtgeving, ruim 1400 aanslagen gepleegd") or the trigger a participle
    ending the clause ("De SSG heeft dinsdag vijf mannen opgepakt")."""
    rules = reference.event_rules
    text = sentence.text
    participle = not rules.noun_before.search(text, 0, start) and bool(rules.clause_end.match(text, end))
    if not (participle or rules.subject_participle.match(text[end:])):
        return []
    opening = clause_start(text, start)
    first = next((m for m in mentions if opening <= m.start < start), None)
    if (
        first is None
        or not is_actor(first, reference)
        or not (
            rules.subject_opening.fullmatch(text[opening : first.start])
            or rules.fighters_of.search(text, 0, first.start)
        )
        or not rules.subject_auxiliary.match(text[first.end :])
    ):
        return []
    return [first]


def _subjects_of_verb(
    sentence: Sentence, mentions: list[Mention], start: int, reference: ReferenceData
) -> list[Mention]:
    """The actors who are the subject of a verb of doing ("pleegden") that governs the trigger.

    "De voorlopers van ISIS, Al Qaida in Irak (AQI) en Islamitische Staat Irak (ISI), pleegden ...
    aanslagen": the list that ends right before the verb, without ISIS, which "van" governs.
    """
    rules = reference.event_rules
    text = sentence.text
    opening = clause_start(text, start)
    for verb in rules.perpetrator_verb.finditer(text, opening, start):
        # "In 2016 claimde ISIS 1.112 martelaaroperaties": the subject right after the verb
        inverted = next((m for m in mentions if verb.end() <= m.start and m.end <= start), None)
        if inverted is not None and is_actor(inverted, reference) and not text[verb.end() : inverted.start].strip():
            return [inverted]
        actors = [m for m in mentions if opening <= m.start and m.end <= verb.start() and is_actor(m, reference)]
        if not actors or not rules.subject_gap.fullmatch(text[actors[-1].end : verb.start()]):
            continue
        subjects = [actors[-1]]
        for candidate in reversed(actors[:-1]):
            gap = text[candidate.end : subjects[0].start]
            if candidate.entity == subjects[0].entity and gap.strip() == "(":
                subjects[0] = candidate  # the name, with its abbreviation in brackets after it
            elif joins(text, candidate, subjects[0], reference) and not rules.not_a_subject.search(
                text, 0, candidate.start
            ):
                subjects.insert(0, candidate)
            else:
                break
        if rules.not_a_subject.search(text, 0, subjects[0].start):
            continue
        return list({m.entity: m for m in subjects}.values())
    return []


def people_list(text: str, people: list[Mention], person: Mention, reference: ReferenceData) -> list[Mention]:
    """The person and those a list joins to it, before and after ("Hapilon en Omar Maute", "X, Y en Z",
    "de journaliste X en haar man Y")."""
    joiner = reference.event_rules.person_list_joiner
    first = person
    for earlier in reversed([m for m in people if m.end <= person.start]):
        if not joins(text, earlier, first, reference, joiner):
            break
        first = earlier
    return list_after(text, people, first, lambda _: True, reference, joiner)


def killers(
    sentence: Sentence, mentions: list[Mention], start: int, end: int, victims: list[Mention], reference: ReferenceData
) -> list[Mention]:
    """Who killed the ``victims`` of a death trigger: the actor after "door" ("gedood door de NDS") or before the
    participle ("door de Mossos ... doodgeschoten"), or the subject of its active verb, right after it ("doodde
    Larossi Abballa de politieman X", "schoot Enes Omeragić ... de militairen X en Y dood") or before it ("ISWAP
    doodt X"); else who claimed the killing."""
    rules = reference.event_rules
    text = sentence.text
    actors = [m for m in mentions if is_actor(m, reference) and m.entity not in {v.entity for v in victims}]
    after = next((m for m in actors if m.start >= end), None)
    if after is not None and rules.killer_link.fullmatch(text[end : after.start]):
        return [] if negation_between(text, end, after.start, reference) else [after]
    # the agent before the participle that ends the clause: "X werd op 21 augustus door de Mossos in Subirats
    # doodgeschoten"
    agent = next((m for m in reversed(actors) if m.end <= start), None)
    if (
        agent is not None
        and victims
        and all(v.end <= agent.start for v in victims)
        and rules.killer_before.search(text, 0, agent.start)
        and rules.killer_before_gap.fullmatch(text[agent.end : start])
    ):
        return [] if negation_between(text, victims[-1].end, start, reference) else [agent]
    verb = (start, end) if rules.killing_verb.fullmatch(text[start:end]) else None
    if verb is None:
        before = list(rules.killing_verb_before.finditer(text, clause_start(text, start), start))
        verb = before[-1].span() if before else None
    if verb is None:
        return []
    first_after = next((m for m in mentions if m.start >= verb[1]), None)
    if (
        first_after in actors
        and first_after is not None
        and rules.subject_after_verb.fullmatch(text[verb[1] : first_after.start])
        and not text.startswith("-", first_after.end)  # "doodt IS-leider X": the name is the victim's title
        and first_after.end <= min(v.start for v in victims)
    ):
        return [first_after]
    subject = next((m for m in reversed(actors) if m.end <= verb[0]), None)
    if (
        subject is not None
        and subject.start >= clause_start(text, verb[0])
        and rules.subject_gap.fullmatch(text[subject.end : verb[0]])
        and not rules.not_a_subject.search(text, 0, subject.start)
    ):
        return [subject]
    return claimed_by(text, actors, end, reference)  # "...; AQIM eist de moord op"
