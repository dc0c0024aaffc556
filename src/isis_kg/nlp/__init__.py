"""Language processing on sentences: entity names, date expressions and (as an option) dependency parses."""

from isis_kg.nlp.analysers import AnalyserChoice, Analysers
from isis_kg.nlp.dates import DateMatch, find_dates
from isis_kg.nlp.entities import EntityMatcher

__all__ = ["AnalyserChoice", "Analysers", "DateMatch", "EntityMatcher", "find_dates"]
