"""Event triggers and what stands around them (patterns/events.yaml)."""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path

from pydantic import Field, field_validator, model_validator

from isis_kg.reference.schema import (
    NEVER,
    OntologyClass,
    OntologyProperty,
    Regex,
    Rules,
    Vocabulary,
    read_yaml,
    validated,
)


class AtPlaces(Rules):
    """Triggers that name the event only at a place of these kinds ("de strijd in Marawi", a city)."""

    triggers: tuple[Regex, ...] = ()
    kinds: frozenset[str] = Field(min_length=1)


class EventPattern(Rules):
    id: str
    event_class: OntologyClass = Field(alias="class")
    names: dict[str, str] = Field(alias="name")
    labels: dict[str, str] = Field(default={}, alias="label")
    unique: bool = False
    triggers: tuple[Regex, ...]
    person: bool = False  # the event happens to the person named after the trigger (a death)
    perpetrator_of: bool = False  # the actor the trigger is "of" did it ("de aanslagen van al Qa'ida")
    holder_of: bool = False  # the actor the trigger is "of" lost what fell ("de val van ISIS in Mosul")
    seated: bool = False  # it happens where its court sits ("de rechtbank in Nairobi ... veroordeelde")
    done_to_persons: bool = False  # the persons it names are whom it was done to (an arrest, a trial)
    object_place: bool = False  # a place as its verb's object is where it happened ("veroveren Mosul")
    at_places: AtPlaces | None = None

    @property
    def place_triggers(self) -> tuple[re.Pattern[str], ...]:
        return self.at_places.triggers if self.at_places is not None else ()

    @property
    def place_kinds(self) -> frozenset[str]:
        return self.at_places.kinds if self.at_places is not None else frozenset()


class Casualty(Rules):
    """A count of the dead or wounded: ``regex`` with ``{number}`` where the number stands."""

    predicate: OntologyProperty
    regex: str


# A rule with a default of NEVER may be left out of events.yaml: it then matches nothing.
class EventRules(Rules):
    patterns: tuple[EventPattern, ...] = Field(default=(), alias="events")
    place_link: Regex
    perpetrator_link: Regex
    killer_before: Regex = NEVER  # before the agent of a passive verb of killing that ends its clause ("door de")
    killer_before_gap: Regex = NEVER  # from that agent to the participle ("in Subirats")
    perpetrator_inspired: Regex = NEVER  # after the "door" name: it only inspired the event
    perpetrator_before: Regex
    claim_before: Regex = NEVER  # from the trigger to an actor that claims it later in the sentence
    claim_after: Regex = NEVER  # from that actor: its verb of claiming ("die IS in maart opeiste")
    claim_of: Regex = NEVER  # from the trigger to the author of a claim ("volgens een opeisingsverklaring van")
    perpetrator_of_link: Regex = NEVER  # between the trigger and the actor it is "of" ("aanslagen van")
    holder_link: Regex = NEVER  # between the trigger and the actor that lost ("val van het Emiraat van")
    supposed: Regex = NEVER  # modal verbs near an undated trigger: the event is only supposed
    happened: Regex = NEVER  # before a trigger: the event has happened ("Met het wegvallen", "recente")
    purpose: Regex = NEVER  # before a trigger: only an aim or a call ("om aanslagen in Europa te plegen")
    denied: Regex = NEVER  # before a trigger: the event is denied ("geen aanslagen", "nooit een aanslag")
    foiled: Regex = NEVER  # near a trigger: the event was stopped or only planned ("werd verijdeld")
    habitual: Regex = NEVER  # before a trigger: what recurs, no one happening ("dagelijkse aanslagen")
    refers_back: Regex = NEVER  # before a trigger: an event told of before ("IS eiste de aanslag op")
    seat: Regex = NEVER  # before a place: the court that sits there ("de rechtbank van Antwerpen")
    not_a_subject: Regex = NEVER  # what stands before a name that is an object ("de val van X")
    fighters_of: Regex = NEVER  # before a name: its fighters ("strijders van"), the group acting
    perpetrator_verb: Regex = NEVER  # "pleegden": its subject did the event the trigger names
    subject_gap: Regex = NEVER  # what may stand between that subject and the verb
    coordinated: Regex = NEVER  # before a verb: it shares the subject opening the clause ("... en riep")
    participant_link: Regex = NEVER  # between the trigger and an actor who took part ("slag om X tussen Y")
    place_joiner: Regex = NEVER  # between the places of a list after the trigger ("Parijs (2015) en in Kenia")
    place_wider: Regex = NEVER  # between a place and the wider place it lies in ("in Hildesheim, in Nedersaksen")
    place_list_goes_on: Regex = NEVER  # after that wider place: a list of places goes on, so it was none
    place_date: Regex = NEVER  # between a place and the date that is its own ("Parijs (13 november 2015)")
    place_year: Regex = NEVER  # a bare year right after a place, with group "year" ("Parijs 2015 en ...")
    place_before: Regex = NEVER  # before a place named ahead of the trigger ("Ook in Irak ...")
    scene: Regex = NEVER  # before a place that opens a sentence and sets the scene of the next
    place_before_link: Regex = NEVER  # between that place and the trigger ("... zijn er dagelijks aanvallen")
    date_link: Regex = NEVER  # between the trigger and a date that dates it ("val van de regering in 2007")
    subject_auxiliary: Regex = NEVER  # after an actor opening the clause ("ISIS heeft ...")
    subject_participle: Regex = NEVER  # after the trigger it did ("... aanslagen gepleegd")
    subject_opening: Regex = NEVER  # from the clause's start to its subject: an article, adjectives
    object_auxiliary: Regex = NEVER  # before a name right before a participle: the name is its object
    person_link: Regex = NEVER  # between a person event's trigger and the person ("dood van")
    person_before_link: Regex = NEVER  # right before the trigger, pointing back to the person ("zijn dood")
    participle_trigger: Regex = NEVER  # a person trigger that is a participle ("zijn omgekomen": no "zijn dood")
    person_subject_link: Regex = NEVER  # from the person to a verbal trigger ("Shekau kwam ... om het leven")
    person_object_link: Regex = NEVER  # from a verbal trigger to its object, the person ("doodden ... X")
    person_object_trigger: Regex = NEVER  # the verbal triggers that take the person as their object
    killer_link: Regex = NEVER  # between a death trigger and who killed ("gedood door de NDS")
    target_compound: Regex = NEVER  # after a group's name: what belongs to it and was attacked ("een AQIM-kamp")
    subject_after_verb: Regex = NEVER  # between a verb and its subject after it ("doodde de NDS", "valt ISIS")
    killing_verb: Regex = NEVER  # an active verb of killing: its subject killed ("ISWAP doodt X")
    killing_verb_before: Regex = NEVER  # the verb before a trigger "dood" in its clause ("schoot ... dood")
    intended: Regex = NEVER  # before a trigger in its clause: only intended ("om ... te ontvoeren", "wilde")
    victims_link: Regex = NEVER  # from any person trigger to the named among its victims (", onder wie X")
    person_list_joiner: Regex = NEVER  # between persons of one list, each with its description
    place_before_verb: Regex = NEVER  # before a place ahead of a verb-final trigger ("in Arnhem ... aangehouden")
    place_before_verb_gap: Regex = NEVER  # between that place and the trigger
    place_after_object: Regex = NEVER  # from a verbal trigger over its object to the place ("... posten in X")
    noun_before: Regex = NEVER  # right before a trigger: it is a noun ("een opstand"), no verb
    place_object: Regex = NEVER  # from a verbal trigger to the place that is its object ("veroveren de stad X")
    origin_link: Regex = NEVER  # from a person to the place they come from ("Naida Asijalova uit Dagestan")
    clause_opener: Regex = NEVER  # before the subject of a clause whose verb comes last ("toen de Taliban")
    relative_link: Regex = NEVER  # between an actor and the verb of its relative clause ("De Taliban, die")
    verb_last_gap: Regex = NEVER  # between such a subject and its verb at the clause's end
    clause_end: Regex = NEVER  # right after that verb: the clause ends there
    casualty_rules: tuple[Casualty, ...] = Field(default=(), alias="casualties")
    number_words: dict[str, int] = {}
    date_window: int
    timeline_words: int  # a sentence this short that opens with its date is a timeline's entry
    entry_heading: Regex = NEVER  # after the date that opens a paragraph: it heads a timeline's entry ("7 juni 2017 -")
    entry_background: Regex = NEVER  # before a trigger in its clause: told as background, not the entry's
    story_background: Regex = NEVER  # in a sentence: what it tells is not of the day its paragraph told last
    entry_places_between: Regex = NEVER  # between and after the places of a heading that names only them

    @field_validator("number_words")
    @classmethod
    def _lower_case(cls, words: dict[str, int]) -> dict[str, int]:
        return {word.lower(): value for word, value in words.items()}

    @model_validator(mode="after")
    def _casualties_compile(self) -> EventRules:
        self.casualties  # noqa: B018 (a bad regex is a slip of the file, named at load time, not at first use)
        return self

    @cached_property
    def any_trigger(self) -> re.Pattern[str]:
        """Every trigger at once: a sentence it does not find names no event."""
        triggers = (t.pattern for p in self.patterns for t in (*p.triggers, *p.place_triggers))
        return re.compile("|".join(f"(?:{t})" for t in triggers) or "(?!)", re.IGNORECASE)

    @cached_property
    def casualties(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        """(predicate, regex with group "number"): ``{number}`` is a figure or one of the number words."""
        words = "|".join(sorted((re.escape(w) for w in self.number_words), key=len, reverse=True)) or "(?!)"
        number = rf"(?:\d{{1,3}}(?:\.\d{{3}})+|\d+|{words})"
        found = []
        for rule in self.casualty_rules:
            try:
                found.append((rule.predicate, re.compile(rule.regex.replace("{number}", number), re.IGNORECASE)))
            except re.error as error:
                raise ValueError(f"casualties '{rule.predicate}': bad regular expression ({error})") from None
        return tuple(found)


def load_event_rules(path: Path, vocabulary: Vocabulary) -> EventRules:
    return validated(EventRules, path, read_yaml(path), vocabulary, {"events": "event"})
