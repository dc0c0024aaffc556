"""The domain knowledge the stages read: reference entities, patterns, the class hierarchy.

Everything here comes from reviewable files under ``ontology/``; this module only loads and
checks them, so that a reviewer can change what isis-kg knows without touching Python.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import babel
import rdflib
import yaml
from rdflib.namespace import OWL, RDFS, SKOS

from isis_kg.errors import ReferenceDataError
from isis_kg.namespaces import IKG
from isis_kg.yamlfile import parse_yaml

# package data: a source checkout and an installed wheel carry it alike
DEFAULT_ONTOLOGY_DIR = Path(str(resources.files("isis_kg") / "ontology"))

ONTOLOGY_FILE = "isis-kg.ttl"
SHAPES_FILE = "shapes.ttl"
ENTITIES_FILE = "reference/entities.yaml"
RELATIONS_FILE = "patterns/relations.yaml"
DEPENDENCIES_FILE = "patterns/dependencies.yaml"
EVENTS_FILE = "patterns/events.yaml"
DATES_FILE = "patterns/dates.yaml"
LAYOUT_FILE = "patterns/layout.yaml"
CITATIONS_FILE = "patterns/citations.yaml"
QUANTITIES_FILE = "patterns/quantities.yaml"
COUNTRIES_FILE = "reference/countries.yaml"
NAMES_FILE = "patterns/names.yaml"
CLAUSES_FILE = "patterns/clauses.yaml"
DATA_FILES = (
    ONTOLOGY_FILE,
    SHAPES_FILE,
    ENTITIES_FILE,
    RELATIONS_FILE,
    DEPENDENCIES_FILE,
    EVENTS_FILE,
    DATES_FILE,
    LAYOUT_FILE,
    CITATIONS_FILE,
    QUANTITIES_FILE,
    COUNTRIES_FILE,
    NAMES_FILE,
    CLAUSES_FILE,
)


@dataclass(frozen=True)
class ReferenceEntity:
    id: str
    entity_class: str
    labels: dict[str, str]
    aliases: tuple[str, ...]
    parent: str | None = None
    within: str | None = None
    kind: str | None = None
    implied_by_name: dict[str, str] = field(default_factory=dict)
    wikidata: str | None = None
    adjectives: tuple[str, ...] = ()
    preposition: str = "in"  # (regions) how texts say where something is: "op de Filipijnen"

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the entity may be written as: labels first, then aliases."""
        seen: dict[str, None] = {}
        for name in (*self.labels.values(), *self.aliases):
            seen.setdefault(name, None)
        return tuple(seen)


@dataclass(frozen=True)
class RelationPattern:
    id: str
    predicate: str
    first_role: str
    first_class: str
    second_class: str
    between: re.Pattern[str]
    before: re.Pattern[str] | None
    object_list: bool
    subject_not_kind: frozenset[str] = frozenset()
    confidence: float = 0.9
    nearest: bool = False  # no other name of the first's class may stand between the two
    after: re.Pattern[str] | None = None  # must match the start of the text after the second name
    first_adjective: bool = False  # the first is a region's adjective ("Syrische"), not a name
    second_adjective: bool = False
    # a title inside a noun phrase ("al Qa'ida-leider al Zawahiri") is taken for granted, not claimed:
    # the sentence's modal verbs do not hedge it
    presupposed: bool = False
    # only where entities.yaml agrees: the subject lies within the object (its "within" chain), or
    # within the country the object is a part of ("Noord-Irak (Mosul)")
    within_known: bool = False


@dataclass(frozen=True)
class EventPattern:
    id: str
    event_class: str
    names: dict[str, str]
    labels: dict[str, str]
    unique: bool
    triggers: tuple[re.Pattern[str], ...]
    person: bool = False  # the event happens to the person named after the trigger (a death)
    perpetrator_of: bool = False  # the actor the trigger is "of" did it ("de aanslagen van al Qa'ida")
    holder_of: bool = False  # the actor the trigger is "of" lost what fell ("de val van ISIS in Mosul")
    # triggers that name the event only at a place of these kinds ("de strijd in Marawi", a city)
    place_triggers: tuple[re.Pattern[str], ...] = ()
    place_kinds: frozenset[str] = frozenset()


@dataclass(frozen=True)
class DateForm:
    id: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class RelativeDateForm:
    """A date relative to the document's ("eind maart", "vorig jaar"); see patterns/dates.yaml."""

    id: str
    regex: re.Pattern[str]
    resolve: str  # month-before | day-before | offset
    years: int = 0
    months: int = 0
    days: int = 0
    precision: str = "day"


@dataclass(frozen=True)
class StandIn:
    """Words that stand for one entity (relations.yaml, stand_ins), for some patterns only."""

    entity: str
    words: re.Pattern[str]
    patterns: frozenset[str]  # ids of the relation patterns that read them


@dataclass(frozen=True)
class RelationRules:
    patterns: tuple[RelationPattern, ...]
    list_joiner: re.Pattern[str]
    max_gap: int
    negation: re.Pattern[str]
    negation_reach: int
    negation_after: re.Pattern[str]  # a negation after the second name, in its clause ("in Jemen niet actief")
    negation_after_reach: int
    sentence_negation: re.Pattern[str]
    anaphora: tuple[tuple[str, re.Pattern[str], bool], ...]  # (class, words, plural)
    anaphora_reach: int  # sentences back to look for what such a word points to
    stand_ins: tuple[StandIn, ...]
    hedges: re.Pattern[str]
    hedge_reach: int
    hypothetical: re.Pattern[str]  # before the first name: its clause only supposes ("Als ISIS ...")
    since: SinceRules
    own_place: re.Pattern[str]  # after a list member: a place of its own, so no member ("X in Y, en Z in W")
    op_before: re.Pattern[str]  # "op" (group op) right before a place that takes it ("op de Filipijnen")
    name_links: frozenset[str]  # words linking the parts of a new organisation's name ("van de")
    province_words: frozenset[str]  # words of such a name that say it is a province ("wilayat")


@dataclass(frozen=True)
class ClauseRules:
    """The edges of a clause (clauses.yaml), as extract/clause.py reads them; case-sensitive."""

    edge: re.Pattern[str]  # around a fact, for its hedges: not the comma of a list
    goes_on: re.Pattern[str]  # after a fact's second name, for a negation there


@dataclass(frozen=True)
class SinceRules:
    """Since when a fact holds, as its sentence says (relations.yaml, since)."""

    predicates: frozenset[str]
    reach: int  # how far from the fact's names its date may stand
    cue: re.Pattern[str]  # right before the date: the fact holds from it ("sinds 2014") ...
    state: re.Pattern[str]  # ... when the clause's verb says the fact holds ("is actief")
    onset: re.Pattern[str]  # in the fact's clause: a verb saying it began at the clause's date

    def may_apply(self, text: str) -> bool:
        """The sentence has a cue or a verb of onset: most have neither, and need no dates for this."""
        return bool(self.predicates) and bool(self.cue.search(text) or self.onset.search(text))


@dataclass(frozen=True)
class DependencyPattern:
    """A relation read from a dependency parse (patterns/dependencies.yaml)."""

    id: str
    predicate: str
    shape: str  # clause | apposition
    subject_class: str
    object_class: str
    prepositions: frozenset[str]  # empty: the clause's own object
    attachments: frozenset[str]
    verbs: frozenset[str]
    nouns: frozenset[str]
    confidence: float
    presupposed: bool = False  # as RelationPattern's; a parse reads no titles


@dataclass(frozen=True)
class DependencyRules:
    placeholders: tuple[tuple[str, str], ...]  # (class, the word that stands for its names), first fit wins
    clause_links: frozenset[str]
    negation: frozenset[str]
    patterns: tuple[DependencyPattern, ...]


@dataclass(frozen=True)
class EventRules:
    patterns: tuple[EventPattern, ...]
    any_trigger: re.Pattern[str]  # every trigger at once: a sentence it does not find names no event
    place_link: re.Pattern[str]
    perpetrator_link: re.Pattern[str]
    perpetrator_inspired: re.Pattern[str]  # after the "door" name: it only inspired the event
    perpetrator_before: re.Pattern[str]
    perpetrator_of_link: re.Pattern[str]  # between the trigger and the actor it is "of" ("aanslagen van")
    holder_link: re.Pattern[str]  # between the trigger and the actor that lost ("val van het Emiraat van")
    supposed: re.Pattern[str]  # modal verbs near an undated trigger: the event is only supposed
    happened: re.Pattern[str]  # before a trigger: the event has happened ("Met het wegvallen", "recente")
    purpose: re.Pattern[str]  # before a trigger: only an aim or a call ("om aanslagen in Europa te plegen")
    denied: re.Pattern[str]  # before a trigger: the event is denied ("geen aanslagen", "nooit een aanslag")
    foiled: re.Pattern[str]  # near a trigger: the event was stopped or only planned ("werd verijdeld")
    not_a_subject: re.Pattern[str]  # what stands before a name that is an object ("de val van X")
    perpetrator_verb: re.Pattern[str]  # "pleegden": its subject did the event the trigger names
    subject_gap: re.Pattern[str]  # what may stand between that subject and the verb
    coordinated: re.Pattern[str]  # before a verb: it shares the subject opening the clause ("... en riep")
    participant_link: re.Pattern[str]  # between the trigger and an actor who took part ("slag om X tussen Y")
    place_joiner: re.Pattern[str]  # between the places of a list after the trigger ("Parijs (2015) en in Kenia")
    place_date: re.Pattern[str]  # between a place and the date that is its own ("Parijs (13 november 2015)")
    place_year: re.Pattern[str]  # a bare year right after a place, with group "year" ("Parijs 2015 en ...")
    place_before: re.Pattern[str]  # before a place named ahead of the trigger ("Ook in Irak ...")
    scene: re.Pattern[str]  # before a place that opens a sentence and sets the scene of the next
    place_before_link: re.Pattern[str]  # between that place and the trigger ("... zijn er dagelijks aanvallen")
    date_link: re.Pattern[str]  # between the trigger and a date that dates it ("val van de regering in 2007")
    subject_auxiliary: re.Pattern[str]  # after an actor opening the clause ("ISIS heeft ...")
    subject_participle: re.Pattern[str]  # after the trigger it did ("... aanslagen gepleegd")
    person_link: re.Pattern[str]  # between a person event's trigger and the person ("dood van")
    person_before_link: re.Pattern[str]  # right before the trigger, pointing back to the person ("zijn dood")
    person_subject_link: re.Pattern[str]  # from the person to a verbal trigger ("Shekau kwam ... om het leven")
    person_object_link: re.Pattern[str]  # from a verbal trigger to its object, the person ("doodden ... X")
    person_object_trigger: re.Pattern[str]  # the verbal triggers that take the person as their object
    place_before_verb: re.Pattern[str]  # before a place ahead of a verb-final trigger ("in Arnhem ... aangehouden")
    place_before_verb_gap: re.Pattern[str]  # between that place and the trigger
    place_after_object: re.Pattern[str]  # from a verbal trigger over its object to the place ("... posten in X")
    noun_before: re.Pattern[str]  # right before a trigger: it is a noun ("een opstand"), no verb
    casualties: tuple[tuple[str, re.Pattern[str]], ...]  # (predicate, regex with group "number")
    number_words: dict[str, int]
    date_window: int
    timeline_words: int  # a sentence this short that opens with its date is a timeline's entry


@dataclass(frozen=True)
class LayoutRules:
    furniture: tuple[re.Pattern[str], ...]
    elliptic_followers: frozenset[str]
    hyphen_prefixes: frozenset[str]
    vowel_clashes: frozenset[str]
    month_names: frozenset[str]  # from dates.yaml: "6 maart 2017" at a line start is a date, not footnote 6
    footnote_window: int  # how far past the expected number a footnote or marker may be
    footnote_gap: int  # how far, for a line that plainly starts a citation ("181 ‘How the...")
    # Dutch words spaCy's tokenizer takes for abbreviations ("bijl." for "bijlage") that end sentences
    sentence_end_words: frozenset[str] = frozenset()


@dataclass(frozen=True)
class KindRule:
    kind: str
    identifier: str | None
    publisher: re.Pattern[str] | None
    text: re.Pattern[str] | None


@dataclass(frozen=True)
class CitationRules:
    repeat: re.Pattern[str]
    publisher_lead: re.Pattern[str]
    pages: re.Pattern[str]
    volume: re.Pattern[str]
    identifiers: tuple[tuple[str, re.Pattern[str]], ...]
    name_particles: frozenset[str]
    outlet_words: frozenset[str]
    kinds: tuple[KindRule, ...]
    dutch_words: frozenset[str]
    english_words: frozenset[str]
    cited_title: re.Pattern[str]  # a quoted title as a citation gives it: the sentence cites, it states nothing


@dataclass(frozen=True)
class NameCue:
    id: str
    entity_class: str
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    last_word: re.Pattern[str] | None = None  # must match the name's own last word ("Army")
    name_has: re.Pattern[str] | None = None  # must be found in the name itself (" bin ")
    include_after: bool = False  # what after matched is part of the name ("Sadr-beweging")


@dataclass(frozen=True)
class NameRules:
    name: re.Pattern[str]
    cues: tuple[NameCue, ...]
    common_word_zipf: float
    given_name_zipf: float  # a capitalised word before a known particle name, rarer than this, is a given name
    compound_heads: re.Pattern[str]  # "leider" in "Al-Qaidaleider": a closed compound on a name
    alias_bracket: re.Pattern[str]  # "(ISIS-L)" right after a name; group "inside"
    alias_separators: re.Pattern[str]
    alias: re.Pattern[str]
    alias_max_words: int
    statistical_classes: dict[str, str]  # a statistical recogniser's tag -> ontology class
    compass_prefix: re.Pattern[str]  # before a country's name: a part of it ("Noord-Irak")
    compass_kinds: frozenset[str]  # the kinds of region a compass prefix makes a part of
    learned: LearnedNameRules = field(default_factory=lambda: LearnedNameRules())


@dataclass(frozen=True)
class LearnedNameRules:
    """What a name the learned recogniser proposes must not be (names.yaml, ``learned``)."""

    not_name_endings: tuple[str, ...] = ()  # a one-word place or group ending so is an inhabitant or adjective
    not_name_heads: frozenset[str] = frozenset()  # a name opening with one is an operation, a document, a law
    initial_zipf: float = 3.0  # a one-word name opening the sentence at least this common in Dutch is a word
    english_word_zipf: float = 4.0  # a one-word name this common in English (and rare in Dutch) is a title's word


@dataclass(frozen=True)
class QuantityRules:
    pattern: re.Pattern[str]  # groups: approximate, lower (a range's), elided_lower, number, head (compound), unit
    elided: re.Pattern[str]  # groups: approximate, number; a bare number counting the unit of a figure before it
    numbers: dict[str, int]
    as_of_reach: int
    not_as_of: re.Pattern[str]  # right before a date that dates no state ("sinds 2014")
    magnitudes: tuple[tuple[str, int], ...]  # what a number word ends in that an elided one borrows


@dataclass(frozen=True)
class ReferenceData:
    """All of ``ontology/``, loaded and checked."""

    directory: Path
    ontology: rdflib.Graph
    shapes: rdflib.Graph
    entities: dict[str, ReferenceEntity]
    relation_rules: RelationRules
    dependency_rules: DependencyRules
    event_rules: EventRules
    date_forms: tuple[DateForm, ...]
    relative_dates: tuple[RelativeDateForm, ...]
    month_numbers: dict[str, int]
    layout: LayoutRules
    citations: CitationRules
    quantities: QuantityRules
    names: NameRules
    clauses: ClauseRules
    source_kinds: frozenset[str]
    fingerprint: str

    @cached_property
    def superclasses(self) -> dict[str, frozenset[str]]:
        """Local class name -> itself and every ikg: class above it."""
        result: dict[str, frozenset[str]] = {}
        for cls in self.ontology.subjects(rdflib.RDF.type, OWL.Class):
            if not isinstance(cls, rdflib.URIRef) or not str(cls).startswith(str(IKG)):
                continue
            above = {
                str(c)[len(str(IKG)) :]
                for c in self.ontology.transitive_objects(cls, RDFS.subClassOf)
                if str(c).startswith(str(IKG))
            }
            result[str(cls)[len(str(IKG)) :]] = frozenset(above)
        return result

    @cached_property
    def name_owners(self) -> dict[str, frozenset[str]]:
        """Every name or alias of the reference entities -> the ids of the entities it names."""
        owners: dict[str, set[str]] = {}
        for entity in self.entities.values():
            for name in entity.names:
                owners.setdefault(name, set()).add(entity.id)
        return {name: frozenset(ids) for name, ids in owners.items()}

    @cached_property
    def adjective_pattern(self) -> re.Pattern[str]:
        """Any adjective of a region, as a whole word (case-sensitive); group "adjective"."""
        words = sorted(self.adjective_owners, key=len, reverse=True)
        alternatives = "|".join(re.escape(w) for w in words) or "(?!)"
        return re.compile(rf"(?<![\w-])(?P<adjective>{alternatives})(?![\w-])")

    @cached_property
    def adjective_owners(self) -> dict[str, str]:
        """Every adjective of a region -> the region's id."""
        return {adjective: e.id for e in self.entities.values() for adjective in e.adjectives}

    def kind_of(self, entity_id: str) -> str | None:
        """A listed region's kind (country, province, city, area); None for others and unlisted names."""
        known = self.entities.get(entity_id)
        return known.kind if known is not None else None

    def owners_of(self, name: str) -> frozenset[str]:
        return self.name_owners.get(name, frozenset())

    def is_a(self, entity_class: str, wanted: str) -> bool:
        return wanted in self.superclasses.get(entity_class, frozenset({entity_class}))

    @property
    def ontology_version(self) -> str:
        version = self.ontology.value(rdflib.URIRef(str(IKG).rstrip("#")), OWL.versionInfo)
        return str(version)


def load_reference(directory: Path | str | None = None) -> ReferenceData:
    """Load ontology, shapes, reference entities and patterns from ``directory``."""
    directory = Path(directory) if directory is not None else DEFAULT_ONTOLOGY_DIR
    digest = hashlib.sha256()
    for name in DATA_FILES:
        path = directory / name
        if not path.is_file():
            raise ReferenceDataError(path, "missing (isis-kg needs it to build)")
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(f"babel {babel.__version__}".encode())  # the country names come from its CLDR data

    ontology = _parse_turtle(directory / ONTOLOGY_FILE)
    shapes = _parse_turtle(directory / SHAPES_FILE)
    known_classes = {
        str(c)[len(str(IKG)) :] for c in ontology.subjects(rdflib.RDF.type, OWL.Class) if str(c).startswith(str(IKG))
    }
    known_properties = {
        str(p)[len(str(IKG)) :]
        for kind in (OWL.ObjectProperty, OWL.DatatypeProperty)
        for p in ontology.subjects(rdflib.RDF.type, kind)
    }
    entities = _load_entities(directory / ENTITIES_FILE, known_classes, known_properties)
    _add_countries(directory / COUNTRIES_FILE, entities)
    months, date_forms, relative_dates = _load_dates(directory / DATES_FILE)
    source_kinds = frozenset(
        str(c)[len(str(IKG)) :]
        for c in ontology.subjects(SKOS.inScheme, IKG.SourceKinds)
        if str(c).startswith(str(IKG))
    )
    return ReferenceData(
        directory=directory,
        ontology=ontology,
        shapes=shapes,
        entities=entities,
        relation_rules=_load_relation_rules(directory / RELATIONS_FILE, known_classes, known_properties, entities),
        dependency_rules=_load_dependency_rules(directory / DEPENDENCIES_FILE, known_classes, known_properties),
        event_rules=_load_event_rules(directory / EVENTS_FILE, known_classes),
        date_forms=date_forms,
        relative_dates=relative_dates,
        month_numbers=months,
        layout=_load_layout(directory / LAYOUT_FILE, frozenset(months)),
        citations=_load_citation_rules(directory / CITATIONS_FILE, source_kinds),
        quantities=_load_quantities(directory / QUANTITIES_FILE),
        names=_load_names(directory / NAMES_FILE, known_classes),
        clauses=_load_clause_rules(directory / CLAUSES_FILE),
        source_kinds=source_kinds,
        fingerprint=digest.hexdigest(),
    )


def _parse_turtle(path: Path) -> rdflib.Graph:
    try:
        return rdflib.Graph().parse(path, format="turtle")
    except Exception as error:  # rdflib raises many kinds; all mean "not valid Turtle"
        raise ReferenceDataError(path, f"not valid Turtle ({_first_line(error)})") from None


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ReferenceDataError(path, "not UTF-8 text") from None
    except yaml.YAMLError as error:
        raise ReferenceDataError(path, f"not valid YAML ({_first_line(error)})") from None
    if not isinstance(data, dict):
        raise ReferenceDataError(path, "expected a mapping at the top level")
    return data


def _compile(path: Path, where: str, pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        raise ReferenceDataError(path, f"{where}: bad regular expression ({error})") from None


def _require(path: Path, where: str, entry: dict[str, Any], key: str) -> Any:
    if not isinstance(entry, dict) or key not in entry:
        raise ReferenceDataError(path, f"{where}: missing '{key}'")
    return entry[key]


def _load_entities(path: Path, classes: set[str], properties: set[str]) -> dict[str, ReferenceEntity]:
    data = _read_yaml(path)
    entities: dict[str, ReferenceEntity] = {}
    for section in ("organisations", "regions", "persons"):
        for entry in data.get(section) or []:
            entity_id = str(_require(path, section, entry, "id"))
            where = f"entity '{entity_id}'"
            if entity_id in entities:
                raise ReferenceDataError(path, f"{where} is listed twice")
            if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", entity_id):
                raise ReferenceDataError(path, f"{where}: ids are lower-case words joined by hyphens")
            entity_class = str(_require(path, where, entry, "class"))
            if entity_class not in classes:
                raise ReferenceDataError(path, f"{where}: class '{entity_class}' is not in the ontology")
            labels = _require(path, where, entry, "label")
            if not isinstance(labels, dict) or not labels:
                raise ReferenceDataError(path, f"{where}: label must map languages to names")
            implied = dict(entry.get("implied_by_name") or {})
            for predicate in implied:
                if predicate not in properties:
                    raise ReferenceDataError(path, f"{where}: implied_by_name uses unknown property '{predicate}'")
            wikidata = entry.get("wikidata")
            if wikidata is not None and not (
                isinstance(wikidata, dict)
                and re.fullmatch(r"Q[1-9][0-9]*", str(wikidata.get("qid", "")))
                and str(wikidata.get("verified_at", "")).strip()
            ):
                raise ReferenceDataError(path, f"{where}: wikidata needs a qid (Q...) and where it was verified_at")
            preposition = str(entry.get("preposition", "in"))
            if preposition not in ("in", "op"):
                raise ReferenceDataError(path, f"{where}: preposition is 'in' or 'op', not '{preposition}'")
            entities[entity_id] = ReferenceEntity(
                id=entity_id,
                entity_class=entity_class,
                labels={str(k): str(v) for k, v in labels.items()},
                aliases=tuple(str(a) for a in entry.get("aliases") or ()),
                parent=entry.get("parent"),
                within=entry.get("within"),
                kind=entry.get("kind"),
                implied_by_name={str(k): str(v) for k, v in implied.items()},
                wikidata=str(wikidata["qid"]) if isinstance(wikidata, dict) and "qid" in wikidata else None,
                adjectives=tuple(str(a) for a in entry.get("adjectives") or ()),
                preposition=preposition,
            )
    for entity in entities.values():
        for target in (entity.parent, entity.within, *entity.implied_by_name.values()):
            if target is not None and target not in entities:
                raise ReferenceDataError(path, f"entity '{entity.id}' refers to unknown entity '{target}'")
    return entities


def _pattern_head(path: Path, entry: Any, seen: set[str], properties: set[str]) -> tuple[str, str, str]:
    """A relation pattern's id (once per file), how errors name it, and its predicate (of the ontology)."""
    pattern_id = str(_require(path, "relations", entry, "id"))
    where = f"pattern '{pattern_id}'"
    if pattern_id in seen:
        raise ReferenceDataError(path, f"{where} is listed twice")
    seen.add(pattern_id)
    predicate = str(_require(path, where, entry, "predicate"))
    if predicate not in properties:
        raise ReferenceDataError(path, f"{where}: predicate '{predicate}' is not in the ontology")
    return pattern_id, where, predicate


def _load_relation_rules(
    path: Path, classes: set[str], properties: set[str], entities: dict[str, ReferenceEntity]
) -> RelationRules:
    data = _read_yaml(path)
    patterns: list[RelationPattern] = []
    seen: set[str] = set()
    for entry in data.get("relations") or []:
        pattern_id, where, predicate = _pattern_head(path, entry, seen, properties)
        first, second = _require(path, where, entry, "first"), _require(path, where, entry, "second")
        roles = (first.get("role"), second.get("role"))
        if sorted(roles) != ["object", "subject"]:
            raise ReferenceDataError(path, f"{where}: first and second must be one subject and one object")
        for side in (first, second):
            if side.get("class") not in classes:
                raise ReferenceDataError(path, f"{where}: class '{side.get('class')}' is not in the ontology")
        before = entry.get("before")
        after = entry.get("after")
        patterns.append(
            RelationPattern(
                id=pattern_id,
                predicate=predicate,
                first_role=str(roles[0]),
                first_class=str(first["class"]),
                second_class=str(second["class"]),
                between=_compile(path, where, str(_require(path, where, entry, "between"))),
                before=_compile(path, where, str(before)) if before else None,
                object_list=bool(entry.get("list", False)),
                subject_not_kind=frozenset(str(k) for k in entry.get("subject_not_kind") or ()),
                confidence=float(entry.get("confidence", 0.9)),
                nearest=bool(entry.get("nearest", False)),
                after=_compile(path, where, str(after)) if after else None,
                first_adjective=bool(first.get("adjective", False)),
                second_adjective=bool(second.get("adjective", False)),
                presupposed=bool(entry.get("presupposed", False)),
                within_known=bool(entry.get("within_known", False)),
            )
        )
    return RelationRules(
        patterns=tuple(patterns),
        list_joiner=_compile(path, "list_joiner", str(_require(path, "top level", data, "list_joiner"))),
        max_gap=int(data.get("max_gap", 120)),
        negation=_compile(path, "negation", str(_require(path, "top level", data, "negation"))),
        negation_reach=int(data.get("negation_reach", 25)),
        negation_after=_compile(path, "negation_after", str(data.get("negation_after") or "(?!)")),
        negation_after_reach=int(data.get("negation_after_reach", 25)),
        sentence_negation=_compile(path, "sentence_negation", str(data.get("sentence_negation") or "(?!)")),
        anaphora=_anaphora(path, data.get("anaphora") or [], classes),
        anaphora_reach=int(data.get("anaphora_reach", 1)),
        stand_ins=_stand_ins(path, data.get("stand_ins") or [], entities, {p.id for p in patterns}),
        hedges=_compile(path, "hedges", str(_require(path, "top level", data, "hedges"))),
        hedge_reach=int(data.get("hedge_reach", 30)),
        hypothetical=_compile(path, "hypothetical", str(data.get("hypothetical") or "(?!)")),
        since=_since_rules(path, data.get("since") or {}, properties),
        own_place=_compile_exact(path, "own_place", str(data.get("own_place") or "(?!)")),
        op_before=_compile_exact(path, "op_before", str(data.get("op_before") or "(?!)")),
        name_links=_words(data.get("name_links")),
        province_words=_words(data.get("province_words")),
    )


def _load_clause_rules(path: Path) -> ClauseRules:
    data = _read_yaml(path)
    return ClauseRules(
        edge=_compile_exact(path, "edge", str(_require(path, "top level", data, "edge"))),
        goes_on=_compile_exact(path, "goes_on", str(_require(path, "top level", data, "goes_on"))),
    )


def _since_rules(path: Path, data: dict[str, Any], properties: set[str]) -> SinceRules:
    predicates = frozenset(str(p) for p in data.get("predicates") or ())
    unknown = sorted(p for p in predicates if p not in properties)
    if unknown:
        raise ReferenceDataError(path, f"since: predicates {', '.join(unknown)} are not in the ontology")
    return SinceRules(
        predicates=predicates,
        reach=int(data.get("reach", 60)),
        cue=_compile(path, "since.cue", str(data.get("cue") or "(?!)")),
        state=_compile(path, "since.state", str(data.get("state") or "(?!)")),
        onset=_compile(path, "since.onset", str(data.get("onset") or "(?!)")),
    )


def _load_dependency_rules(path: Path, classes: set[str], properties: set[str]) -> DependencyRules:
    data = _read_yaml(path)
    placeholders = _require(path, "top level", data, "placeholders")
    if not isinstance(placeholders, dict) or not placeholders:
        raise ReferenceDataError(path, "placeholders: a mapping of classes to words")
    for entity_class, word in placeholders.items():
        if entity_class not in classes:
            raise ReferenceDataError(path, f"placeholders: class '{entity_class}' is not in the ontology")
        if not str(word).isalpha():
            raise ReferenceDataError(path, f"placeholders: '{word}' for {entity_class} is not one word")
    patterns: list[DependencyPattern] = []
    seen: set[str] = set()
    for entry in data.get("relations") or []:
        pattern_id, where, predicate = _pattern_head(path, entry, seen, properties)
        shape = str(_require(path, where, entry, "shape"))
        if shape not in ("clause", "apposition"):
            raise ReferenceDataError(path, f"{where}: shape '{shape}' is neither clause nor apposition")
        for side in ("subject", "object"):
            if _require(path, where, entry, side) not in classes:
                raise ReferenceDataError(path, f"{where}: class '{entry[side]}' is not in the ontology")
        nouns = _words(entry.get("nouns"))
        if shape == "apposition" and not nouns:
            raise ReferenceDataError(path, f"{where}: an apposition pattern needs nouns")
        patterns.append(
            DependencyPattern(
                id=pattern_id,
                predicate=predicate,
                shape=shape,
                subject_class=str(entry["subject"]),
                object_class=str(entry["object"]),
                prepositions=_words(entry.get("prepositions")),
                attachments=_words(entry.get("attachments")),
                verbs=_words(entry.get("verbs")),
                nouns=nouns,
                confidence=float(entry.get("confidence", 0.8)),
            )
        )
    return DependencyRules(
        placeholders=tuple((str(c), str(w)) for c, w in placeholders.items()),
        clause_links=_words(_require(path, "top level", data, "clause_links")),
        negation=_words(data.get("negation")),
        patterns=tuple(patterns),
    )


def _words(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


def _anaphora(path: Path, entries: Any, classes: set[str]) -> tuple[tuple[str, re.Pattern[str], bool], ...]:
    found = []
    for number, entry in enumerate(entries, start=1):
        where = f"anaphora {number}"
        entity_class = str(_require(path, where, entry, "class"))
        if entity_class not in classes:
            raise ReferenceDataError(path, f"{where}: class '{entity_class}' is not in the ontology")
        for plural in (False, True):
            words = entry.get("plural" if plural else "singular")
            if words:
                found.append((entity_class, _compile(path, where, str(words)), plural))
    return tuple(found)


def _stand_ins(
    path: Path, entries: Any, entities: dict[str, ReferenceEntity], pattern_ids: set[str]
) -> tuple[StandIn, ...]:
    found = []
    for number, entry in enumerate(entries, start=1):
        where = f"stand_ins {number}"
        entity = str(_require(path, where, entry, "entity"))
        if entity not in entities:
            raise ReferenceDataError(path, f"{where}: entity '{entity}' is not in entities.yaml")
        readers = frozenset(str(p) for p in _require(path, where, entry, "patterns") or ())
        if not readers or readers - pattern_ids:
            unknown = ", ".join(sorted(readers - pattern_ids)) or "none given"
            raise ReferenceDataError(path, f"{where}: patterns must name relation patterns ({unknown})")
        words = _compile(path, where, str(_require(path, where, entry, "words")))
        found.append(StandIn(entity, words, readers))
    return tuple(found)


def _load_event_rules(path: Path, classes: set[str]) -> EventRules:
    data = _read_yaml(path)
    patterns: list[EventPattern] = []
    for entry in data.get("events") or []:
        pattern_id = str(_require(path, "events", entry, "id"))
        where = f"event '{pattern_id}'"
        event_class = str(_require(path, where, entry, "class"))
        if event_class not in classes:
            raise ReferenceDataError(path, f"{where}: class '{event_class}' is not in the ontology")
        triggers = tuple(_compile(path, where, str(t)) for t in _require(path, where, entry, "triggers"))
        narrow = entry.get("at_places") or {}
        if narrow and not narrow.get("kinds"):
            raise ReferenceDataError(path, f"{where}: at_places needs the kinds of place its triggers are for")
        patterns.append(
            EventPattern(
                id=pattern_id,
                event_class=event_class,
                names={str(k): str(v) for k, v in _require(path, where, entry, "name").items()},
                labels={str(k): str(v) for k, v in (entry.get("label") or {}).items()},
                unique=bool(entry.get("unique", False)),
                triggers=triggers,
                person=bool(entry.get("person", False)),
                perpetrator_of=bool(entry.get("perpetrator_of", False)),
                holder_of=bool(entry.get("holder_of", False)),
                place_triggers=tuple(_compile(path, where, str(t)) for t in narrow.get("triggers") or ()),
                place_kinds=frozenset(str(k) for k in narrow.get("kinds") or ()),
            )
        )
    required = ("place_link", "perpetrator_link", "perpetrator_before")
    optional = (  # a rule left out matches nothing
        "not_a_subject", "perpetrator_verb", "subject_gap", "coordinated", "participant_link", "place_joiner",
        "place_date", "place_year", "place_before", "scene", "place_before_link", "date_link", "subject_auxiliary",
        "subject_participle", "person_link", "perpetrator_inspired", "perpetrator_of_link", "holder_link", "supposed",
        "happened", "purpose", "denied", "foiled", "person_before_link", "person_subject_link", "person_object_link",
        "person_object_trigger",
        "place_before_verb", "place_before_verb_gap", "place_after_object",
        "noun_before",
    )  # fmt: skip
    rules = {name: _compile(path, name, str(_require(path, "top level", data, name))) for name in required}
    rules |= {name: _compile(path, name, str(data.get(name) or "(?!)")) for name in optional}
    return EventRules(
        patterns=tuple(patterns),
        any_trigger=re.compile(
            "|".join(f"(?:{t.pattern})" for p in patterns for t in (*p.triggers, *p.place_triggers)) or "(?!)",
            re.IGNORECASE,
        ),
        **rules,
        casualties=_casualties(path, data.get("casualties") or [], data.get("number_words") or {}),
        number_words={str(word).lower(): int(value) for word, value in (data.get("number_words") or {}).items()},
        date_window=int(data.get("date_window", 120)),
        timeline_words=int(data.get("timeline_words", 0)),
    )


def _casualties(path: Path, entries: Any, number_words: Any) -> tuple[tuple[str, re.Pattern[str]], ...]:
    words = "|".join(sorted((re.escape(str(w)) for w in number_words), key=len, reverse=True)) or "(?!)"
    number = rf"(?:\d{{1,3}}(?:\.\d{{3}})+|\d+|{words})"
    found = []
    for entry in entries:
        predicate = str(_require(path, "casualties", entry, "predicate"))
        regex = str(_require(path, f"casualties '{predicate}'", entry, "regex")).replace("{number}", number)
        found.append((predicate, _compile(path, f"casualties '{predicate}'", regex)))
    return tuple(found)


def _load_dates(path: Path) -> tuple[dict[str, int], tuple[DateForm, ...], tuple[RelativeDateForm, ...]]:
    data = _read_yaml(path)
    months: dict[str, int] = {}
    for number, names in (_require(path, "top level", data, "months") or {}).items():
        for name in names:
            months[str(name).lower()] = int(number)
    month_alternatives = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    forms = []
    for entry in _require(path, "top level", data, "forms"):
        form_id = str(_require(path, "forms", entry, "id"))
        regex = str(_require(path, f"form '{form_id}'", entry, "regex")).replace("{month}", month_alternatives)
        forms.append(DateForm(id=form_id, regex=_compile(path, f"form '{form_id}'", regex)))
    relative = []
    for entry in data.get("relative") or []:
        form_id = str(_require(path, "relative", entry, "id"))
        resolve = str(_require(path, f"relative form '{form_id}'", entry, "resolve"))
        precision = str(entry.get("precision", "month" if resolve == "month-before" else "day"))
        if resolve not in ("month-before", "day-before", "offset") or precision not in ("year", "month", "day"):
            raise ReferenceDataError(
                path, f"relative form '{form_id}': resolve month-before|day-before|offset, precision year|month|day"
            )
        regex = str(_require(path, f"relative form '{form_id}'", entry, "regex")).replace("{month}", month_alternatives)
        relative.append(
            RelativeDateForm(
                id=form_id,
                regex=_compile(path, f"relative form '{form_id}'", regex),
                resolve=resolve,
                years=int(entry.get("years", 0)),
                months=int(entry.get("months", 0)),
                days=int(entry.get("days", 0)),
                precision=precision,
            )
        )
    return months, tuple(forms), tuple(relative)


def _load_layout(path: Path, month_names: frozenset[str]) -> LayoutRules:
    data = _read_yaml(path)
    furniture = tuple(
        _compile(path, f"furniture '{entry.get('id')}'", str(_require(path, "furniture", entry, "regex")))
        for entry in data.get("furniture") or []
    )
    return LayoutRules(
        furniture=furniture,
        elliptic_followers=frozenset(str(w) for w in data.get("elliptic_followers") or ()),
        hyphen_prefixes=frozenset(str(w) for w in data.get("hyphen_prefixes") or ()),
        vowel_clashes=frozenset(str(w) for w in data.get("vowel_clashes") or ()),
        month_names=month_names,
        footnote_window=int(data.get("footnote_window", 8)),
        footnote_gap=int(data.get("footnote_gap", 60)),
        sentence_end_words=frozenset(str(w) for w in data.get("sentence_end_words") or ()),
    )


def _load_citation_rules(path: Path, source_kinds: frozenset[str]) -> CitationRules:
    data = _read_yaml(path)
    identifiers = tuple(
        (str(_require(path, "identifiers", e, "id")), _compile(path, f"identifier '{e.get('id')}'", str(e["regex"])))
        for e in data.get("identifiers") or []
    )
    known_identifiers = {name for name, _ in identifiers}
    kinds = []
    for number, entry in enumerate(data.get("kinds") or [], start=1):
        kind = str(_require(path, f"kind rule {number}", entry, "kind"))
        if kind not in source_kinds:
            raise ReferenceDataError(path, f"kind rule {number}: '{kind}' is not a concept of ikg:SourceKinds")
        identifier = entry.get("identifier")
        if identifier is not None and identifier not in known_identifiers:
            raise ReferenceDataError(path, f"kind rule {number}: unknown identifier '{identifier}'")
        kinds.append(
            KindRule(
                kind=kind,
                identifier=identifier,
                publisher=_compile(path, f"kind rule {number}", entry["publisher"]) if "publisher" in entry else None,
                text=_compile(path, f"kind rule {number}", entry["text"]) if "text" in entry else None,
            )
        )
    return CitationRules(
        repeat=_compile(path, "repeat", str(_require(path, "top level", data, "repeat"))),
        publisher_lead=_compile(path, "publisher_lead", str(_require(path, "top level", data, "publisher_lead"))),
        pages=_compile(path, "pages", str(_require(path, "top level", data, "pages"))),
        volume=_compile(path, "volume", str(_require(path, "top level", data, "volume"))),
        identifiers=identifiers,
        name_particles=frozenset(str(w) for w in data.get("name_particles") or ()),
        outlet_words=frozenset(str(w) for w in data.get("outlet_words") or ()),
        kinds=tuple(kinds),
        dutch_words=frozenset(str(w) for w in data.get("dutch_words") or ()),
        english_words=frozenset(str(w) for w in data.get("english_words") or ()),
        cited_title=_compile(path, "cited_title", str(_require(path, "top level", data, "cited_title"))),
    )


def _load_quantities(path: Path) -> QuantityRules:
    data = _read_yaml(path)
    numbers = {str(k).lower(): int(v) for k, v in (data.get("numbers") or {}).items()}
    units = "|".join(re.escape(str(u)) for u in _require(path, "top level", data, "units"))
    words = "|".join(sorted((re.escape(w) for w in numbers), key=len, reverse=True))
    approximate = str(_require(path, "top level", data, "approximate"))
    number = rf"\d{{1,3}}(?:\.\d{{3}})+|\d+|(?:{words})\b"
    pattern = (
        rf"(?:(?P<approximate>{approximate})\s+)?"
        rf"(?:(?P<lower>{number})(?P<elided_lower>-)?\s+tot\s+)?"
        rf"(?P<number>{number})\s+"
        rf"(?:(?P<head>[A-Z][\w’'-]*?)-)?(?P<unit>(?:{units}))\b"
    )
    elided = rf"(?:(?P<approximate>{approximate})\s+)?(?P<number>{number})(?={data.get('elided') or '(?!)'})"
    try:
        # case-sensitive: units are counted in lower case only
        compiled, compiled_elided = re.compile(pattern), re.compile(elided)
    except re.error as error:
        raise ReferenceDataError(path, f"bad regular expression ({error})") from None
    return QuantityRules(
        pattern=compiled,
        elided=compiled_elided,
        numbers=numbers,
        as_of_reach=int(data.get("as_of_reach", 60)),
        not_as_of=_compile(path, "not_as_of", str(data.get("not_as_of") or "(?!)")),
        magnitudes=tuple((str(k).lower(), int(v)) for k, v in (data.get("magnitudes") or {}).items()),
    )


def entity_key(name: str) -> str:
    """An id from a name: lower-case ASCII words joined by hyphens (Syrië -> syrie)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def _add_countries(path: Path, entities: dict[str, ReferenceEntity]) -> None:
    """Every country and world region CLDR names in Dutch, merged with those entities.yaml lists."""
    from babel import Locale

    data = _read_yaml(path)
    exclude = {str(code) for code in data.get("exclude") or ()}
    shortest = int(data.get("min_name_length", 4))
    dutch, english = Locale("nl").territories, Locale("en").territories
    for code, name in sorted(dutch.items()):
        country = len(code) == 2 and code.isalpha()
        world_region = len(code) == 3 and code.isdigit()
        if not (country or world_region) or code in exclude or len(name) < shortest:
            continue
        key = entity_key(name)
        english_name = english.get(code, name)
        known = entities.get(key)
        if known is None:
            kind = "country" if country else "area"
            entities[key] = ReferenceEntity(key, "Region", {"nl": name, "en": english_name}, (), kind=kind)
        elif known.entity_class == "Region" and english_name not in known.names and len(english_name) >= shortest:
            entities[key] = replace(known, aliases=(*known.aliases, english_name))


def _load_names(path: Path, classes: set[str]) -> NameRules:
    data = _read_yaml(path)
    cues = []
    for entry in data.get("cues") or []:
        cue_id = str(_require(path, "cues", entry, "id"))
        entity_class = str(_require(path, f"cue '{cue_id}'", entry, "class"))
        if entity_class not in classes:
            raise ReferenceDataError(path, f"cue '{cue_id}': class '{entity_class}' is not in the ontology")
        before, after, last_word = entry.get("before"), entry.get("after"), entry.get("last_word")
        name_has = entry.get("name_has")
        if not (before or after or last_word or name_has):
            raise ReferenceDataError(path, f"cue '{cue_id}': needs before, after, last_word or name_has")
        cues.append(
            NameCue(
                id=cue_id,
                entity_class=entity_class,
                before=_compile(path, f"cue '{cue_id}'", before) if before else None,
                after=_compile(path, f"cue '{cue_id}'", after) if after else None,
                last_word=_compile_exact(path, f"cue '{cue_id}'", last_word) if last_word else None,
                name_has=_compile_exact(path, f"cue '{cue_id}'", name_has) if name_has else None,
                include_after=bool(entry.get("include_after", False)),
            )
        )
    try:
        name = re.compile(str(_require(path, "top level", data, "name")))  # case matters: names are capitalised
    except re.error as error:
        raise ReferenceDataError(path, f"name: bad regular expression ({error})") from None
    heads = sorted((str(h) for h in data.get("compound_heads") or ()), key=len, reverse=True)
    compound_heads = re.compile("^(?:" + "|".join(re.escape(h) for h in heads) + r")(?!\w)" if heads else "(?!)")
    aliases = data.get("aliases") or {}
    compass = data.get("compass") or {}
    return NameRules(
        name=name,
        cues=tuple(cues),
        common_word_zipf=float(data.get("common_word_zipf", 3.5)),
        given_name_zipf=float(data.get("given_name_zipf", 4.0)),
        compound_heads=compound_heads,
        alias_bracket=_compile_exact(path, "aliases.bracket", str(aliases.get("bracket") or "(?!)")),
        alias_separators=_compile_exact(path, "aliases.separators", str(aliases.get("separators") or "(?!)")),
        alias=_compile_exact(path, "aliases.alias", str(aliases.get("alias") or "(?!)")),
        alias_max_words=int(aliases.get("max_words", 4)),
        statistical_classes=_statistical_classes(path, data.get("statistical") or {}, classes),
        compass_prefix=_compile_exact(path, "compass.prefix", str(compass.get("prefix") or "(?!)")),
        compass_kinds=frozenset(str(k) for k in compass.get("kinds") or ()),
        learned=_learned_rules(data.get("learned") or {}),
    )


def _learned_rules(data: dict[str, Any]) -> LearnedNameRules:
    return LearnedNameRules(
        not_name_endings=tuple(str(e) for e in data.get("not_name_endings") or ()),
        not_name_heads=frozenset(str(h) for h in data.get("not_name_heads") or ()),
        initial_zipf=float(data.get("initial_zipf", 3.0)),
        english_word_zipf=float(data.get("english_word_zipf", 4.0)),
    )


def _statistical_classes(path: Path, mapping: Any, classes: set[str]) -> dict[str, str]:
    if not isinstance(mapping, dict):
        raise ReferenceDataError(path, "statistical: a mapping of tags to classes")
    for tag, entity_class in mapping.items():
        if str(entity_class) not in classes:
            raise ReferenceDataError(path, f"statistical: class '{entity_class}' of tag '{tag}' is not in the ontology")
    return {str(tag): str(entity_class) for tag, entity_class in mapping.items()}


def _compile_exact(path: Path, where: str, pattern: str) -> re.Pattern[str]:
    """A case-sensitive regular expression (names are told by their capitals)."""
    try:
        return re.compile(pattern)
    except re.error as error:
        raise ReferenceDataError(path, f"{where}: bad regular expression ({error})") from None


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
