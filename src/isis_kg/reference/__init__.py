"""The domain knowledge the stages read: reference entities, patterns, the class hierarchy.

Everything here comes from reviewable files under ``ontology/`` (package data); this package only
loads and checks them, so that a reviewer can change what isis-kg knows without touching Python.
Each rule family is a pydantic model in its own module, beside the rules it gives the stages:
entities.py, relations.py, dependencies.py, events.py, dates.py, text.py (layout, clauses),
citations.py, quantities.py, names.py; schema.py reads a file and names its first slip.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path

import babel
import rdflib
from rdflib.namespace import OWL, RDFS, SKOS

from isis_kg.errors import ReferenceDataError
from isis_kg.namespaces import IKG
from isis_kg.reference.citations import CitationRules, KindRule, load_citation_rules
from isis_kg.reference.dates import DateForm, RelativeDateForm, load_dates
from isis_kg.reference.dependencies import DependencyPattern, DependencyRules, load_dependency_rules
from isis_kg.reference.entities import ReferenceEntity, add_countries, entity_key, load_entities
from isis_kg.reference.events import EventPattern, EventRules, load_event_rules
from isis_kg.reference.names import LearnedNameRules, NameCue, NameRules, load_names
from isis_kg.reference.quantities import QuantityRules, load_quantities
from isis_kg.reference.relations import RelationPattern, RelationRules, SinceRules, StandIn, load_relation_rules
from isis_kg.reference.schema import Vocabulary, first_line
from isis_kg.reference.text import ClauseRules, LayoutRules, load_clause_rules, load_layout

__all__ = [
    "DATA_FILES",
    "DEFAULT_ONTOLOGY_DIR",
    "ONTOLOGY_FILE",
    "SHAPES_FILE",
    "CitationRules",
    "ClauseRules",
    "DateForm",
    "DependencyPattern",
    "DependencyRules",
    "EventPattern",
    "EventRules",
    "KindRule",
    "LayoutRules",
    "LearnedNameRules",
    "NameCue",
    "NameRules",
    "QuantityRules",
    "ReferenceData",
    "ReferenceEntity",
    "RelationPattern",
    "RelationRules",
    "RelativeDateForm",
    "SinceRules",
    "StandIn",
    "entity_key",
    "load_reference",
]

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
    not_story_year: re.Pattern[str]  # before a year the story only measures from ("sinds 2015")
    recent_days: int  # a day without its year this close before the document's date is of its year
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
    fingerprint = _fingerprint(directory)
    ontology = _parse_turtle(directory / ONTOLOGY_FILE)
    shapes = _parse_turtle(directory / SHAPES_FILE)
    terms = _vocabulary(ontology)
    entities = load_entities(directory / ENTITIES_FILE, terms)
    add_countries(directory / COUNTRIES_FILE, entities, terms)
    terms = Vocabulary(terms.classes, terms.properties, terms.source_kinds, frozenset(entities))
    dates = load_dates(directory / DATES_FILE, terms)
    month_numbers = dates.month_numbers
    return ReferenceData(
        directory=directory,
        ontology=ontology,
        shapes=shapes,
        entities=entities,
        relation_rules=load_relation_rules(directory / RELATIONS_FILE, terms),
        dependency_rules=load_dependency_rules(directory / DEPENDENCIES_FILE, terms),
        event_rules=load_event_rules(directory / EVENTS_FILE, terms),
        date_forms=dates.forms,
        relative_dates=dates.relative,
        not_story_year=dates.not_story_year,
        recent_days=dates.recent_days,
        month_numbers=month_numbers,
        layout=load_layout(directory / LAYOUT_FILE, terms, frozenset(month_numbers)),
        citations=load_citation_rules(directory / CITATIONS_FILE, terms),
        quantities=load_quantities(directory / QUANTITIES_FILE, terms),
        names=load_names(directory / NAMES_FILE, terms),
        clauses=load_clause_rules(directory / CLAUSES_FILE, terms),
        source_kinds=terms.source_kinds,
        fingerprint=fingerprint,
    )


def _fingerprint(directory: Path) -> str:
    """A hash of every file isis-kg reads from ``directory`` (each missing one named), and of babel's
    version, whose CLDR data gives the countries' names."""
    digest = hashlib.sha256()
    for name in DATA_FILES:
        path = directory / name
        if not path.is_file():
            raise ReferenceDataError(path, "missing (isis-kg needs it to build)")
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(f"babel {babel.__version__}".encode())
    return digest.hexdigest()


def _vocabulary(ontology: rdflib.Graph) -> Vocabulary:
    """The ontology's classes, properties and source kinds, by local name, for the rule files to name."""

    def local(term: object) -> str | None:
        return str(term)[len(str(IKG)) :] if str(term).startswith(str(IKG)) else None

    classes = {local(c) for c in ontology.subjects(rdflib.RDF.type, OWL.Class)}
    properties = {  # the ontology declares properties of its own only
        str(p)[len(str(IKG)) :]
        for kind in (OWL.ObjectProperty, OWL.DatatypeProperty)
        for p in ontology.subjects(rdflib.RDF.type, kind)
    }
    kinds = {local(c) for c in ontology.subjects(SKOS.inScheme, IKG.SourceKinds)}
    return Vocabulary(
        classes=frozenset(c for c in classes if c is not None),
        properties=frozenset(properties),
        source_kinds=frozenset(k for k in kinds if k is not None),
    )


def _parse_turtle(path: Path) -> rdflib.Graph:
    try:
        return rdflib.Graph().parse(path, format="turtle")
    except Exception as error:  # rdflib raises many kinds; all mean "not valid Turtle"
        raise ReferenceDataError(path, f"not valid Turtle ({first_line(error)})") from None
