"""Extraction: relations between entities and events, each tied to its sentence."""

from isis_kg.extract.events import extract_events
from isis_kg.extract.places import scene_places
from isis_kg.extract.relations import extract_relations, keep_first_naming, strongest_per_sentence

__all__ = ["extract_events", "extract_relations", "keep_first_naming", "scene_places", "strongest_per_sentence"]
