"""Language processing on sentences: entity names and date expressions."""

from isis_kg.nlp.dates import DateMatch, find_dates
from isis_kg.nlp.entities import EntityMatcher, NameFinders

__all__ = ["DateMatch", "EntityMatcher", "NameFinders", "find_dates"]
