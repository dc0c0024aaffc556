"""Where an event happened: the places named in, after or before its trigger, the place where a
court sits, the places that set the scene of the next sentence, and a place's own date."""

from __future__ import annotations

from isis_kg.extract.clause import (
    joins,
    list_after,
)
from isis_kg.extract.context import Story, TimelineEntry
from isis_kg.extract.mentions import lies_within
from isis_kg.model import DateValue, Mention, Sentence
from isis_kg.nlp.dates import DateMatch
from isis_kg.reference import ReferenceData


def scene_places(sentence: Sentence, mentions: list[Mention], reference: ReferenceData) -> list[Mention]:
    """The places that open the sentence ("In de Diyala-provincie in oostelijk Irak heeft ISIS ..."):
    the first, with the list it heads; they set the scene of the next sentence."""
    places = [m for m in mentions if reference.is_a(m.entity_class, "Region")]
    if not places or not reference.event_rules.scene.search(sentence.text, 0, places[0].start):
        return []
    return _region_list(sentence, mentions, places[0], reference)


def timeline_entry(
    sentence: Sentence, mentions: list[Mention], dates: list[DateMatch], reference: ReferenceData
) -> TimelineEntry | None:
    """The entry of a timeline that ``sentence``, opening its paragraph, heads: a date at its start
    followed by a dash or colon ("7 juni 2017 - Teheran.", "24 oktober, vroege ochtend - De ..."). The
    places are the heading's only when it names nothing else ("7 juni 2017 - Teheran.")."""
    rules = reference.event_rules
    first = min(dates, key=lambda d: d.start, default=None)
    text = sentence.text
    if first is None or text[: first.start].strip(" -•*\t") or not rules.entry_heading.match(text, first.end):
        return None
    places = [m for m in mentions if m.start >= first.end and reference.is_a(m.entity_class, "Region")]
    rest, at = [], first.end
    for place in places:
        rest.append(text[at : place.start])
        at = place.end
    rest.append(text[at:])
    alone = all(rules.entry_places_between.fullmatch(part) for part in rest[1:]) and bool(
        rules.entry_heading.fullmatch(rest[0])
    )
    return TimelineEntry(sentence, first, places if alone else [])


def story_of(
    sentence: Sentence, dates: list[DateMatch], before: Story | None, reference: ReferenceData
) -> Story | None:
    """The day of the happening the sentence tells, for the next sentences of its paragraph: its last date,
    where it tells a happening (a trigger); ``before`` where it names no date and tells no other time; None
    where it names a date but no happening, or tells another time (story_background: "had ... veroordeeld"
    tells of before)."""
    rules = reference.event_rules
    if rules.story_background.search(sentence.text):
        return None
    if not dates:
        return before
    if not rules.any_trigger.search(sentence.text):
        return None
    return Story(max(dates, key=lambda d: d.start), sentence.index)


def event_places(
    sentence: Sentence, mentions: list[Mention], start: int, end: int, reference: ReferenceData
) -> list[Mention]:
    """The event's places: named inside the trigger ("valt ISIS Tamim en Bagdad aan"), right after
    it ("aanslagen in Parijs"), or opening the clause ahead of it ("Ook in Irak zijn er aanvallen")."""
    rules = reference.event_rules
    text = sentence.text
    inside = [
        m
        for m in mentions
        if start <= m.start
        and m.end <= end
        and reference.is_a(m.entity_class, "Region")
        and not _origin(text, mentions, m, reference)
    ]
    if inside:
        return _region_list(sentence, mentions, inside[0], reference)
    after = _places_after(sentence, mentions, end, reference)
    if after:
        return after
    before = [m for m in mentions if m.end <= start]
    for position in range(len(before) - 1, -1, -1):
        mention = before[position]
        if not reference.is_a(mention.entity_class, "Region"):
            continue
        if not rules.place_before_link.fullmatch(text[mention.end : start]):
            continue
        # "In onder meer Frankrijk en Denemarken worden aanslagen gepleegd": the list the place ends
        first = position
        while first > 0 and reference.is_a(before[first - 1].entity_class, "Region"):
            if not joins(text, before[first - 1], before[first], reference):
                break
            first -= 1
        if rules.place_before.search(text, 0, before[first].start):
            return before[first : position + 1]
    # the verb comes last: "werden in Arnhem twee mannen aangehouden", and the wider place may follow the
    # place: "werd in Boejnaksk in Dagestan gedood" (one event's places, keyed by the first)
    regions = [m for m in before if reference.is_a(m.entity_class, "Region")]
    gap = text[regions[-1].end : start] if regions else ""
    wider = len(regions) > 1 and bool(rules.place_wider.fullmatch(text[regions[-2].end : regions[-1].start]))
    # the wider place may stand between commas: "werd in Atlanta, in de staat Georgia, de student X aangehouden"
    if wider and gap.lstrip().startswith(","):
        gap = gap.lstrip()[1:]
    if regions and rules.place_before_verb_gap.fullmatch(gap):
        if wider and rules.place_before_verb.search(text, 0, regions[-2].start):
            return regions[-2:]
        if rules.place_before_verb.search(text, 0, regions[-1].start):
            return [regions[-1]]
    # the verb's object comes first: "overvielen ... drie politieposten in Mocímboa da Praia"; not after a noun
    # ("tijdens een opstand een verdieping van een gevangenis in Syrië"), nor past another trigger
    object_place = next((m for m in mentions if m.start >= end and reference.is_a(m.entity_class, "Region")), None)
    if (
        object_place is not None
        and rules.place_after_object.fullmatch(text[end : object_place.start])
        and not _origin(text, mentions, object_place, reference)
        and not rules.noun_before.search(text, 0, start)
        and not rules.any_trigger.search(text, end, object_place.start)
    ):
        return _region_list(sentence, mentions, object_place, reference)
    return []


def object_places(
    sentence: Sentence, mentions: list[Mention], start: int, end: int, reference: ReferenceData
) -> list[Mention]:
    """The place a verbal trigger takes as its object ("veroveren Mosul en Sinjar", "bestormden het dorp
    Kukawa"), with the list it heads; none after a noun ("een aanslag")."""
    rules = reference.event_rules
    text = sentence.text
    # the subject may stand between, in inverted order: "veroverden Daesh-strijders het stadje Makhmour"
    place = next((m for m in mentions if m.start >= end and reference.is_a(m.entity_class, "Region")), None)
    if (
        place is None
        or not rules.place_object.fullmatch(text[end : place.start])
        or rules.noun_before.search(text, 0, start)
    ):
        return []
    return _region_list(sentence, mentions, place, reference)


def _origin(text: str, mentions: list[Mention], place: Mention, reference: ReferenceData) -> bool:
    """The place is where a person named right before it comes from: "Naida Asijalova uit Dagestan"."""
    person = next((m for m in reversed(mentions) if m.end <= place.start), None)
    return (
        person is not None
        and reference.is_a(person.entity_class, "Person")
        and bool(reference.event_rules.origin_link.fullmatch(text[person.end : place.start]))
    )


def court_seats(sentence: Sentence, mentions: list[Mention], reference: ReferenceData) -> list[Mention]:
    """Where the sentence's court sits ("de rechtbank van Antwerpen"): the first such place."""
    seat = reference.event_rules.seat
    for mention in mentions:
        if reference.is_a(mention.entity_class, "Region") and seat.search(sentence.text, 0, mention.start):
            return [mention]
    return []


def _region_list(sentence: Sentence, mentions: list[Mention], head: Mention, reference: ReferenceData) -> list[Mention]:
    """The region ``head`` and the regions joined to it as a list ("Tamim en Bagdad")."""
    return list_after(sentence.text, mentions, head, lambda m: reference.is_a(m.entity_class, "Region"), reference)


def _places_after(
    sentence: Sentence, mentions: list[Mention], trigger_end: int, reference: ReferenceData
) -> list[Mention]:
    """The region named right after the trigger ("aanslagen in Parijs"), with any list it heads; a
    bracket of regions after a region says where in it ("in Europa (Parijs 2015 en Brussel 2016)"),
    and so does a place in it after a comma ("de val van hun laatste bolwerk in Syrië, Baghouz")."""
    rules = reference.event_rules
    text = sentence.text
    places: list[Mention] = []
    for mention in mentions:
        if mention.start < trigger_end:
            continue
        if not reference.is_a(mention.entity_class, "Region"):
            break
        if not places:
            if not rules.place_link.fullmatch(text[trigger_end : mention.start]):
                break
        elif text[places[-1].end : mention.start].strip() == "(":
            places.pop()  # the wider region, which its bracket specifies
        elif (
            len(places) == 1
            and text[places[-1].end : mention.start].strip() == ","
            and lies_within(mention, places[-1], reference)
        ):
            places.pop()  # the wider region, which its apposition specifies
        elif not rules.place_joiner.fullmatch(text[places[-1].end : mention.start]):
            break
        places.append(mention)
    return places


def place_groups(sentence: Sentence, places: list[Mention], reference: ReferenceData) -> list[list[Mention]]:
    """The event's places, one group per happening: "aanslagen in Parijs en Brussel" are two, "in Hildesheim,
    in Nedersaksen" is one with its wider place, keyed by the first."""
    rules = reference.event_rules
    text = sentence.text
    groups: list[list[Mention]] = []
    for place in places:
        last = groups[-1][-1] if groups else None
        if (
            last is not None
            and rules.place_wider.fullmatch(text[last.end : place.start])
            and not rules.place_list_goes_on.match(text, place.end)
        ):
            groups[-1].append(place)
        else:
            groups.append([place])
    return groups


def place_dates(
    sentence: Sentence, places: list[Mention], dates: list[DateMatch], reference: ReferenceData
) -> dict[str, DateMatch]:
    """The date each place has of its own: "Parijs (13 november 2015)", "Parijs 2015"."""
    rules = reference.event_rules
    text = sentence.text
    own = {}
    for place in places:
        following = [d for d in dates if d.start >= place.end and rules.place_date.fullmatch(text[place.end : d.start])]
        year = rules.place_year.match(text[place.end :])
        if following:
            own[place.entity] = following[0]
        elif year:
            start = place.end + year.start("year")
            own[place.entity] = DateMatch(DateValue(int(year["year"])), start, start + 4, "place-year")
    return own
