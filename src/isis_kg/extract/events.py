"""Events: a trigger tied to a place or a date in its sentence, with its perpetrator, the others
who took part, and the casualties the sentence gives."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from isis_kg.extract.actors import find_perpetrators, is_actor, killers, people_list, took_part, verb_last_places
from isis_kg.extract.clause import (
    APPOSITION,
    PHRASE_BREAK,
    clause_start,
    denies,
    hedged_confidence,
    is_hedged,
    is_hypothetical,
    is_uncertain,
    within_hedge_reach,
)
from isis_kg.extract.context import Extraction, SentenceContext, Story, TimelineEntry
from isis_kg.extract.mentions import anaphors, operates_anywhere, person_of_verb
from isis_kg.extract.places import court_seats, event_places, object_places, place_dates, place_groups
from isis_kg.model import EVENT_KEY_PREFIX, DateValue, EventMention, Mention, Relation, Sentence
from isis_kg.nlp.dates import DateMatch
from isis_kg.reference import EventPattern, EventRules, ReferenceData

EVENT_CONFIDENCE = 0.8
REFERS_BACK = "told-before"  # the key part of a mention of an event told of before, until identity finds it
OPERATES_FACTOR = 0.9  # operatesIn read from an event is one inference further than the event


@dataclass(frozen=True)
class _Trigger:
    """A trigger read as one event: where it stands, which event, and how sure."""

    start: int
    end: int
    key: str
    pattern: str
    confidence: float
    hedged: bool

    def fact(
        self, sentence: Sentence, subject: str, predicate: str, obj: str | DateValue | int, **more: object
    ) -> Relation:
        return Relation(subject, predicate, obj, sentence.index, self.pattern, self.confidence, self.hedged, **more)  # type: ignore[arg-type]


class EventExtractor:
    """Events named by events.yaml's triggers, with their date, places, actors and casualties."""

    name = "events"

    def may_apply(self, context: SentenceContext) -> bool:
        return bool(context.reference.event_rules.any_trigger.search(context.sentence.text))  # most name none

    def extract(self, context: SentenceContext) -> Extraction:
        events, relations = extract_events(
            context.sentence,
            context.mentions,
            context.dates,
            context.reference,
            context.scene,
            context.names_before,
            context.entry,
            context.story,
        )
        return Extraction(relations=relations, events=events)


def extract_events(
    sentence: Sentence,
    mentions: list[Mention],
    dates: list[DateMatch],
    reference: ReferenceData,
    scene: Sequence[Mention] = (),
    names_before: Sequence[Mention] = (),
    entry: TimelineEntry | None = None,
    story: Story | None = None,
) -> tuple[list[EventMention], list[Relation]]:
    """The events named in the sentence, and their date, place, perpetrators, participants and
    casualties as relations. ``scene`` are the places that opened the sentence before (see
    scene_places): where an event of doing that names no place nor date happened. Words that point
    back to an organisation or a person of ``names_before`` ("de groep nam Gwoza in", "Agenten schoten hem
    dood") stand for it as an actor. The timeline's ``entry`` the sentence is in dates and places what
    it tells with no date or place of its own; else ``story``, the day of the happening its paragraph told
    last, dates what a sentence with no date of its own tells (see story_dates)."""
    if denies(sentence, reference):
        return [], []
    pointing = {
        m: earlier
        for m, earlier in anaphors(sentence, mentions, names_before, reference).items()
        if earlier is not None and is_actor(m, reference)
    }
    events, relations = _events_of(
        sentence, sorted([*mentions, *pointing], key=lambda m: m.start), dates, reference, scene, entry
    )
    named = {m.entity for m in mentions}
    told_before = {m.entity: earlier for m, earlier in pointing.items() if m.entity not in named}
    # a fact about the organisation a word points back to rests on the sentence naming it too
    relations = [
        replace(r, context=told_before[r.object]) if isinstance(r.object, str) and r.object in told_before else r
        for r in relations
    ]
    if entry is None and story is not None and not dates:
        relations += story_dates(sentence, events, relations, story, reference)
    return events, relations


STORY_FACTOR = 0.9  # a date from a sentence before is one inference further than the sentence's own


def story_dates(
    sentence: Sentence, events: list[EventMention], relations: list[Relation], story: Story, reference: ReferenceData
) -> list[Relation]:
    """The day its paragraph told last, for the events of a sentence with no date of its own that tells no
    other time ("eerder", "later": story_background); the fact rests on the sentence that gave it too."""
    if reference.event_rules.story_background.search(sentence.text):
        return []
    dated = {r.subject for r in relations if r.predicate == "date"}
    return [
        Relation(
            event.key,
            "date",
            story.date.value,
            sentence.index,
            event.pattern,
            round(EVENT_CONFIDENCE * STORY_FACTOR, 3),
            resolved_from=story.date.resolved_from,
            context=story.sentence,
        )
        for event in events
        if event.key not in dated and not event.key.endswith(f"/{REFERS_BACK}")
    ]


def _events_of(
    sentence: Sentence,
    mentions: list[Mention],
    dates: list[DateMatch],
    reference: ReferenceData,
    scene: Sequence[Mention],
    entry: TimelineEntry | None,
) -> tuple[list[EventMention], list[Relation]]:
    rules = reference.event_rules
    events: dict[str, EventMention] = {}
    relations: list[Relation] = []
    triggers: list[_Trigger] = []
    text = sentence.text
    for pattern in rules.patterns:
        matches = [(m, False) for trigger in pattern.triggers for m in trigger.finditer(text)]
        matches += [(m, True) for trigger in pattern.place_triggers for m in trigger.finditer(text)]
        for match, at_places in matches:
            start, end = match.span()
            if rules.denied.search(text, 0, start) or _foiled(text, start, end, reference):
                continue  # "geen aanslagen in Jemen", "een aanslag in Parijs werd verijdeld": no event
            if pattern.person:
                relations += _person_event(sentence, mentions, pattern, start, end, dates, events, reference)
                continue
            owner = _owner(sentence, mentions, pattern, end, reference)
            places, holder = _trigger_places(sentence, mentions, pattern, (start, end), owner, reference)
            date = _nearest_date(text, dates, start, end, rules)
            in_scene = not places and date is None and bool(scene) and _done(text, start, reference)
            if in_scene:
                places = list(scene)
            if at_places:  # "de strijd in Marawi" is a battle, "de strijd in Syrië" a war
                places = [p for p in places if reference.kind_of(p.entity) in pattern.place_kinds]
                if not places:
                    continue
            perpetrators = [owner] if owner else find_perpetrators(sentence, mentions, start, end, reference)
            back = _points_back(text, start, pattern, bool(places or date), perpetrators, reference)
            background = back or bool(rules.entry_background.search(text, clause_start(text, start), start))
            entry_places, entry_date = _entry_reading(entry, places, date, background)
            places = places or entry_places
            headed = _headed(text, date, start, end, rules) or entry_date is not None
            done_by, done_with = took_part(sentence, mentions, pattern, (start, end), perpetrators, holder, reference)
            # a dated arrest or verdict of a named person is one happening wherever it took place
            done_to = pattern.done_to_persons and any(reference.is_a(p.entity_class, "Person") for p in done_with)
            if not (places or ((date or entry_date) and (perpetrators or headed or done_to)) or pattern.unique or back):
                continue
            if date is None and _supposed(text, start, max([end, *(place.end for place in places)]), reference):
                continue
            date = date or (entry_date.match if entry_date else None)
            hedged = is_uncertain(text, start, end, reference)
            confidence = hedged_confidence(EVENT_CONFIDENCE, hedged)
            if rules.habitual.search(text, 0, start):  # no one happening; where its actors act stays a fact
                trigger = _Trigger(start, end, "", pattern.id, confidence, hedged)
                facts = _arguments(sentence, trigger, places, None, perpetrators, [], reference)
                relations += [fact for fact in facts if fact.predicate == "operatesIn"]
                continue
            perpetrators, participants = done_by, done_with
            own_dates = {} if in_scene or entry_places else place_dates(sentence, places, dates, reference)
            # "aanslagen in Parijs en Brussel" are two attacks; a unique event has all its places
            for group in (
                [places] if pattern.unique or not places or entry_places else place_groups(sentence, places, reference)
            ):
                dated = (
                    own_dates.get(group[0].entity, date) if group and (len(group) == 1 or not pattern.unique) else date
                )
                key = f"{EVENT_KEY_PREFIX}{pattern.id}/{REFERS_BACK}" if back else _event_key(pattern, group, dated)
                events.setdefault(key, replace(_event(pattern, key, group, sentence, reference), refers_back=back))
                trigger = _Trigger(start, end, key, pattern.id, confidence, hedged)
                triggers.append(trigger)
                facts = _arguments(sentence, trigger, group, dated, perpetrators, participants, reference)
                if in_scene or entry_places:  # the place stands in a sentence before: the fact rests on it too
                    facts = [replace(f, context=group[0].sentence) if f.predicate == "occurredIn" else f for f in facts]
                if entry_date is not None:  # so does the date that heads the entry
                    facts = [replace(f, context=entry_date.sentence) if f.predicate == "date" else f for f in facts]
                relations += facts
    relations += _casualties(sentence, triggers, reference)
    return list(events.values()), list(dict.fromkeys(relations))


def _trigger_places(
    sentence: Sentence,
    mentions: list[Mention],
    pattern: EventPattern,
    trigger: tuple[int, int],
    owner: Mention | None,
    reference: ReferenceData,
) -> tuple[list[Mention], Mention | None]:
    """The places the trigger's sentence gives it, and who lost what fell there (the holder)."""
    start, end = trigger
    holder = _holder(sentence, mentions, pattern, end, reference)
    # "de aanslagen van al Qa'ida in de Verenigde Staten", "het verlies van het Emiraat van de
    # Taliban in Afghanistan": the places follow the actor
    actor = owner or holder
    places = event_places(sentence, mentions, start, actor.end if actor else end, reference)
    if not places and pattern.seated:
        places = court_seats(sentence, mentions, reference)
    if not places:  # "De Taliban, die Kaboel ... innamen": the place before a verb that ends its clause
        places = verb_last_places(sentence, mentions, start, end, reference)
    if not places and pattern.object_place:  # "veroveren Mosul": the place is what was taken
        places = object_places(sentence, mentions, start, end, reference)
    if holder is not None and not places:  # "de val van ISIS-bolwerk Mosul": no holder after all
        return event_places(sentence, mentions, start, end, reference), None
    return places, holder


@dataclass(frozen=True)
class _EntryDate:
    """The date heading a timeline's entry, as the date of a trigger in a later sentence of it."""

    match: DateMatch
    sentence: int  # the heading's


def _entry_reading(
    entry: TimelineEntry | None, places: list[Mention], date: DateMatch | None, background: bool
) -> tuple[list[Mention], _EntryDate | None]:
    """The places and the date that the timeline's entry gives a trigger naming none of its own ("7 juni
    2017 - Teheran. Gewapende mannen vallen ... aan"); none to one told as background, or that points
    back to an event told of before."""
    if entry is None or background:
        return [], None
    return ([] if places else list(entry.places)), (None if date else _EntryDate(entry.date, entry.heading.index))


def _headed(text: str, date: DateMatch | None, start: int, end: int, rules: EventRules) -> bool:
    """A date heading the trigger ("Augustus 2014 bombardementen") or the timeline's entry it is in, or
    ending its "van" phrase ("de val van de Taliban-regering in 2002"): it dates the trigger alone."""
    return date is not None and (
        (date.end <= start and not text[date.end : start].strip())
        or (date.start >= end and bool(rules.date_link.fullmatch(text[end : date.start])))
        or (not text[: date.start].strip() and len(text.split()) <= rules.timeline_words)
    )


def _done(text: str, start: int, reference: ReferenceData) -> bool:
    """A verb of doing governs the trigger in its clause ("Cellen plegen geregeld aanslagen"), not a
    preposition ("pleegt ISIS na de laatste bevrijding aanslagen": the liberation is no deed of ISIS)."""
    rules = reference.event_rules
    return bool(rules.perpetrator_verb.search(text, clause_start(text, start), start)) and not rules.happened.search(
        text, 0, start
    )


def _points_back(
    text: str,
    start: int,
    pattern: EventPattern,
    placed_or_dated: bool,
    perpetrators: list[Mention],
    reference: ReferenceData,
) -> bool:
    """A mention of an event told of before ("IS eiste de aanslag op"): no place nor date, an actor, a
    determiner that points back, and not told as background ("na de laatste bevrijding")."""
    rules = reference.event_rules
    return (
        not placed_or_dated
        and not pattern.unique
        and bool(perpetrators)
        and bool(rules.refers_back.search(text, 0, start))
        and not rules.happened.search(text, 0, start)
    )


def _foiled(text: str, start: int, end: int, reference: ReferenceData) -> bool:
    """Foiled or planned near the trigger, or only intended before it in its clause."""
    rules = reference.event_rules
    return bool(
        rules.foiled.search(within_hedge_reach(text, start, end, reference))
        or rules.intended.search(text[clause_start(text, start) : start])
    )


def _supposed(text: str, start: int, end: int, reference: ReferenceData) -> bool:
    """Whether the event is only supposed ("Aanslagen op de moskeeën in Mekka en Medina zullen de regio
    doen beven"): an aim ("om aanslagen te plegen"), or a modal verb near the trigger or its places
    unless words before the trigger say it happened. An undated event that is only supposed has not
    happened; "de aanslag in Jakarta was mogelijk een voorbeeld" did."""
    rules = reference.event_rules
    if rules.purpose.search(text, 0, start) or is_hypothetical(text, start, reference):
        return True  # "teruggestuurd om aanslagen in Europa te plegen": an aim; "Als er aanslagen ...": a condition
    if rules.happened.search(text, 0, start):
        return False  # "Met het wegvallen van het bolwerk in Sirte kan ISIS-L ...": it has fallen
    return bool(rules.supposed.search(within_hedge_reach(text, start, end, reference)))


def _owner(
    sentence: Sentence, mentions: list[Mention], pattern: EventPattern, end: int, reference: ReferenceData
) -> Mention | None:
    """The actor right after the trigger whose event it is ("de aanslagen van al Qa'ida"), for events
    whose "of" names who did them (an attack's, not a fall's)."""
    if not pattern.perpetrator_of:
        return None
    return _actor_after(sentence, mentions, end, reference.event_rules.perpetrator_of_link, reference)


def _holder(
    sentence: Sentence, mentions: list[Mention], pattern: EventPattern, end: int, reference: ReferenceData
) -> Mention | None:
    """The actor right after the trigger that lost what fell ("de val van ISIS in Mosul", "het verlies
    van het Emiraat van de Taliban"), for events whose "of" names the loser: it took part, and the
    places follow it."""
    if not pattern.holder_of:
        return None
    return _actor_after(sentence, mentions, end, reference.event_rules.holder_link, reference)


def _actor_after(
    sentence: Sentence, mentions: list[Mention], end: int, link: re.Pattern[str], reference: ReferenceData
) -> Mention | None:
    """The first actor after ``end`` that ``link`` joins to it."""
    return next(
        (
            m
            for m in mentions
            if m.start >= end and is_actor(m, reference) and link.fullmatch(sentence.text[end : m.start])
        ),
        None,
    )


def _person_event(
    sentence: Sentence,
    mentions: list[Mention],
    pattern: EventPattern,
    start: int,
    end: int,
    dates: list[DateMatch],
    events: dict[str, EventMention],
    reference: ReferenceData,
) -> list[Relation]:
    """An event that happens to one person ("de dood van al-Baghdadi", or "zijn dood" after his
    name): keyed by the person, who is its participant; its date and place as for any event. Each
    person of a list it happens to has one ("werden Hapilon en Omar Maute gedood")."""
    rules = reference.event_rules
    people = [m for m in mentions if reference.is_a(m.entity_class, "Person")]
    person = next(
        (m for m in people if m.start >= end and rules.person_link.fullmatch(sentence.text, end, m.start)), None
    )
    if (
        person is None
        and rules.person_before_link.search(sentence.text, 0, start)
        and not rules.participle_trigger.fullmatch(sentence.text[start:end])
    ):
        # "een oproep van al Adnani uit mei 2016 die hij vlak voor zijn dood deed": the date between
        # the name and "zijn dood" is another's
        person = next((m for m in reversed(people) if m.end <= start), None)
        dates = [d for d in dates if d.start >= end]
    if person is None:
        person = person_of_verb(sentence.text, people, start, end, rules)
    if person is None:
        return []
    persons = people_list(sentence.text, people, person, reference)
    span_end = max(end, persons[-1].end)
    # the persons and their verb are one clause: "Op 17 oktober worden X, zijn vrouw Y en hun gids Z doodgeschoten"
    date = _nearest_date(sentence.text, dates, min(start, persons[0].start), span_end, rules)
    if date is None and _supposed(sentence.text, start, span_end, reference):
        return []  # "zou de dood van al Baghdadi toenadering mogelijk kunnen maken": he lives
    hedged = is_hedged(sentence.text, start, span_end, reference)  # a person's death is no supposition's
    confidence = hedged_confidence(EVENT_CONFIDENCE, hedged)
    places = event_places(sentence, mentions, start, span_end, reference)
    perpetrators = killers(sentence, mentions, start, end, persons, reference)
    facts: list[Relation] = []
    for one in persons:
        key = f"{EVENT_KEY_PREFIX}{pattern.id}/{one.entity}"
        known = reference.entities.get(one.entity)
        labels = tuple(
            (
                language,
                pattern.labels[language].format(person=(known.labels if known else {}).get(language, one.surface)),
            )
            for language in sorted(pattern.labels)
        )
        events.setdefault(key, EventMention(key, pattern.event_class, labels, sentence.index, pattern.id, once=True))
        trigger = _Trigger(start, end, key, pattern.id, confidence, hedged)
        facts += _arguments(sentence, trigger, places, date, perpetrators, [one], reference)
    return facts


def _arguments(
    sentence: Sentence,
    trigger: _Trigger,
    places: list[Mention],
    date: DateMatch | None,
    perpetrators: list[Mention],
    participants: list[Mention],
    reference: ReferenceData,
) -> list[Relation]:
    """The event's date, places, perpetrators and participants; and that an organisation that
    attacks, takes or fights somewhere operates there (one inference further, so less sure)."""
    key = trigger.key
    facts = []
    if date is not None:
        facts.append(trigger.fact(sentence, key, "date", date.value, resolved_from=date.resolved_from))
    facts += [trigger.fact(sentence, key, "occurredIn", place.entity) for place in places]
    for perpetrator in perpetrators:
        facts.append(trigger.fact(sentence, key, "perpetrator", perpetrator.entity))
        if reference.is_a(perpetrator.entity_class, "Organisation"):
            facts += [
                Relation(
                    perpetrator.entity,
                    "operatesIn",
                    place.entity,
                    sentence.index,
                    f"{trigger.pattern}/perpetrator-operates-in-place",
                    round(trigger.confidence * OPERATES_FACTOR, 3),
                    trigger.hedged,
                )
                for place in places
                if operates_anywhere(perpetrator, place, reference)
            ]
    facts += [trigger.fact(sentence, key, "participant", participant.entity) for participant in participants]
    return facts


def _casualties(sentence: Sentence, triggers: list[_Trigger], reference: ReferenceData) -> list[Relation]:
    """The dead and wounded the sentence counts, as facts of the event whose trigger is nearest."""
    rules = reference.event_rules
    if not triggers:
        return []
    found = []
    for predicate, regex in rules.casualties:
        for match in regex.finditer(sentence.text):
            number = match.group("number")
            count = int(number.replace(".", "")) if number[0].isdigit() else rules.number_words[number.lower()]
            nearest = min(triggers, key=lambda t: min(abs(t.start - match.end()), abs(match.start() - t.end)))
            found.append(
                Relation(
                    nearest.key,
                    predicate,
                    count,
                    sentence.index,
                    f"casualties/{predicate}",
                    nearest.confidence,
                    nearest.hedged,
                )
            )
    return found


def _event_key(pattern: EventPattern, places: list[Mention], date: DateMatch | None) -> str:
    """One node per real event: unique events by kind, others by kind and place (else date)."""
    if pattern.unique:
        return EVENT_KEY_PREFIX + pattern.id
    if places:
        return f"{EVENT_KEY_PREFIX}{pattern.id}/{places[0].entity}"
    assert date is not None
    return f"{EVENT_KEY_PREFIX}{pattern.id}/{date.value.lexical}"


def _event(
    pattern: EventPattern,
    key: str,
    places: list[Mention],
    sentence: Sentence,
    reference: ReferenceData,
) -> EventMention:
    labels = []  # without the date, which the happening's identity adds (see extract.identity)
    for language, name in sorted(pattern.names.items()):
        if places and not pattern.unique and language in pattern.labels:
            known = reference.entities.get(places[0].entity)
            place_labels = known.labels if known else {}
            label = pattern.labels[language].format(place=place_labels.get(language, places[0].surface))
        else:
            label = name
        labels.append((language, label))
    return EventMention(
        key=key,
        event_class=pattern.event_class,
        labels=tuple(labels),
        sentence=sentence.index,
        pattern=pattern.id,
        place=places[0].entity if places and not pattern.unique else None,
        once=pattern.unique,
    )


def _nearest_date(text: str, dates: list[DateMatch], start: int, end: int, rules: EventRules) -> DateMatch | None:
    """The date nearest the trigger within ``window`` characters and within its clause (no comma or
    semicolon between): "aanslagen in Bagdad, een aantal ... als in 2011" are not dated 2011."""

    def distance(date: DateMatch) -> int:
        if date.start >= end and rules.date_link.fullmatch(text[end : date.start]):
            return -1  # "heeft dinsdag de aanval van zondag opgeëist": its "van" phrase's date is its own
        return start - date.end if date.end <= start else max(0, date.start - end)

    def between(date: DateMatch) -> str:
        # an apposition or a wider place between two commas does not end the phrase: "In maart 2006 werd in
        # Atlanta, in de staat Georgia, de student X aangehouden"
        return APPOSITION.sub(" ", text[date.end : start] if date.end <= start else text[end : date.start])

    near = [d for d in dates if distance(d) <= rules.date_window and not PHRASE_BREAK.search(between(d))]
    return min(near, key=lambda d: (distance(d), d.start)) if near else None
