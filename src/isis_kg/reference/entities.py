"""The reference entities (reference/entities.yaml) and the world's countries (reference/countries.yaml)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from pydantic import Field, field_validator, model_validator

from isis_kg.errors import ReferenceDataError
from isis_kg.reference.schema import OntologyClass, OntologyProperty, Rules, Vocabulary, read_yaml, validated

SECTIONS = ("organisations", "regions", "persons")


class ReferenceEntity(Rules):
    id: str
    entity_class: OntologyClass = Field(alias="class")
    labels: dict[str, str] = Field(alias="label", min_length=1)
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    within: str | None = None
    kind: str | None = None
    implied_by_name: dict[OntologyProperty, str] = {}
    wikidata: str | None = None  # the QID, verified where entities.yaml says
    adjectives: tuple[str, ...] = ()
    preposition: str = "in"  # (regions) how texts say where something is: "op de Filipijnen"

    @field_validator("id")
    @classmethod
    def _words_joined_by_hyphens(cls, value: str) -> str:
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", value):
            raise ValueError("is not lower-case words joined by hyphens")
        return value

    @field_validator("wikidata", mode="before")
    @classmethod
    def _verified_qid(cls, value: Any) -> str | None:
        if value is None:
            return None
        if not (
            isinstance(value, dict)
            and re.fullmatch(r"Q[1-9][0-9]*", str(value.get("qid", "")))
            and str(value.get("verified_at", "")).strip()
        ):
            raise ValueError("needs a qid (Q...) and where it was verified_at")
        return str(value["qid"])

    @field_validator("preposition")
    @classmethod
    def _in_or_op(cls, value: str) -> str:
        if value not in ("in", "op"):
            raise ValueError(f"is 'in' or 'op', not '{value}'")
        return value

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the entity may be written as: labels first, then aliases."""
        seen: dict[str, None] = {}
        for name in (*self.labels.values(), *self.aliases):
            seen.setdefault(name, None)
        return tuple(seen)


class _EntitiesFile(Rules):
    organisations: tuple[ReferenceEntity, ...] = ()
    regions: tuple[ReferenceEntity, ...] = ()
    persons: tuple[ReferenceEntity, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _no_empty_sections(cls, data: Any) -> Any:
        # a section with no entries yet reads as null in YAML
        return {key: value for key, value in data.items() if value is not None} if isinstance(data, dict) else data


def load_entities(path: Path, vocabulary: Vocabulary) -> dict[str, ReferenceEntity]:
    data = read_yaml(path)
    listed = validated(_EntitiesFile, path, data, vocabulary, {section: "entity" for section in SECTIONS})
    entities: dict[str, ReferenceEntity] = {}
    for entity in (*listed.organisations, *listed.regions, *listed.persons):
        if entity.id in entities:
            raise ReferenceDataError(path, f"entity '{entity.id}' is listed twice")
        entities[entity.id] = entity
    for entity in entities.values():
        for target in (entity.parent, entity.within, *entity.implied_by_name.values()):
            if target is not None and target not in entities:
                raise ReferenceDataError(path, f"entity '{entity.id}' refers to unknown entity '{target}'")
    return entities


class _CountriesFile(Rules):
    source: str | None = None  # where the names come from, for a reviewer
    exclude: frozenset[str] = frozenset()  # CLDR codes that are no country (AQ Antarctica, EU, ...)
    min_name_length: int


def add_countries(path: Path, entities: dict[str, ReferenceEntity], vocabulary: Vocabulary) -> None:
    """Every country and world region CLDR names in Dutch, merged with those entities.yaml lists."""
    from babel import Locale

    rules = validated(_CountriesFile, path, read_yaml(path), vocabulary, {})
    dutch, english = Locale("nl").territories, Locale("en").territories
    for code, name in sorted(dutch.items()):
        country = len(code) == 2 and code.isalpha()
        world_region = len(code) == 3 and code.isdigit()
        if not (country or world_region) or code in rules.exclude or len(name) < rules.min_name_length:
            continue
        key = entity_key(name)
        english_name = english.get(code, name)
        known = entities.get(key)
        if known is None:
            labels = {"nl": name, "en": english_name}
            kind = "country" if country else "area"
            entities[key] = ReferenceEntity.model_validate(
                {"id": key, "class": "Region", "label": labels, "kind": kind}, context=vocabulary
            )
        elif (
            known.entity_class == "Region"
            and english_name not in known.names
            and len(english_name) >= rules.min_name_length
        ):
            entities[key] = known.model_copy(update={"aliases": (*known.aliases, english_name)})


# letters that Unicode does not decompose into an ASCII letter and a mark ("Łukasz" is no "ukasz")
_OWN_LETTERS = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "ı": "i",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "Þ": "Th",
    }
)


def entity_key(name: str) -> str:
    """An id from a name: lower-case ASCII words joined by hyphens (Syrië -> syrie, Łukasz -> lukasz)."""
    ascii_name = unicodedata.normalize("NFKD", name.translate(_OWN_LETTERS)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
