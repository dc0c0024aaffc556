"""What reads a document's sentences: the gazetteer always; a statistical name recogniser (the
project's learned model by default, Frog's or none with ``--ner``) and, as an option, a dependency
parser (``--parser``)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from isis_kg.choices import DEFAULT_RECOGNIZER, RECOGNIZER_NAME
from isis_kg.nlp.entities import EntityMatcher
from isis_kg.nlp.learned import MODEL_FILE, LearnedRecognizer, model_directory
from isis_kg.nlp.parse import FrogParser
from isis_kg.nlp.statistical import FrogRecognizer
from isis_kg.reference import ReferenceData


@cache
def _model_digest(directory: Path) -> str:
    return hashlib.sha256((directory / MODEL_FILE).read_bytes()).hexdigest()[:16]


@dataclass(frozen=True)
class AnalyserChoice:
    """Which optional analysers a build uses; small enough to send to a worker process."""

    ner: str | None = None  # None: DEFAULT_RECOGNIZER
    parser: str | None = None
    model: Path | None = None  # the learned recogniser's folder; None: the one shipped in the package

    @property
    def recognizer(self) -> str:
        return self.ner or DEFAULT_RECOGNIZER

    @property
    def version(self) -> str:
        """What the cache key needs to know of them (the shipped model by its content)."""
        learned = self.recognizer == RECOGNIZER_NAME
        ner = self.recognizer + (f":{_model_digest(self.model or model_directory())}" if learned else "")
        return ner + (f"+parser:{self.parser}" if self.parser else "")


@dataclass
class Analysers:
    gazetteer: EntityMatcher
    statistical: FrogRecognizer | None = None
    parser: FrogParser | None = None
    choice: AnalyserChoice = AnalyserChoice()
    learned: LearnedRecognizer | None = None

    @classmethod
    def create(
        cls, reference: ReferenceData, ner: str | None = None, parser: str | None = None, model: Path | None = None
    ) -> Analysers:
        choice = AnalyserChoice(ner, parser, model)
        return cls(
            EntityMatcher(reference),
            FrogRecognizer(reference) if choice.recognizer == "frog" else None,
            FrogParser() if parser == "frog" else None,
            choice,
            LearnedRecognizer(reference, model) if choice.recognizer == RECOGNIZER_NAME else None,
        )

    @property
    def version(self) -> str:
        return self.choice.version

    def close(self) -> None:
        """Stop what runs in another process (Frog's parser); it starts again if used."""
        if self.parser is not None:
            self.parser.close()
