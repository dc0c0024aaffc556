"""What reads a document's sentences: the gazetteer always; a statistical name recogniser (the
project's learned model by default, Frog's or none with ``--ner``); the learned relation classifier
(by default; none with ``--relations none``) and, as an option, a dependency parser (``--parser``)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from isis_kg.choices import DEFAULT_RECOGNIZER, RECOGNIZER_NAME, RELATIONS_NONE
from isis_kg.nlp import relation_model
from isis_kg.nlp.entities import EntityMatcher
from isis_kg.nlp.learned import MODEL_FILE, LearnedRecognizer, model_directory
from isis_kg.nlp.parse import FrogParser
from isis_kg.nlp.relation_model import PairClassifier
from isis_kg.nlp.statistical import FrogRecognizer
from isis_kg.reference import ReferenceData


@cache
def _model_digest(file: Path) -> str:
    return hashlib.sha256(file.read_bytes()).hexdigest()[:16]


@dataclass(frozen=True)
class AnalyserChoice:
    """Which optional analysers a build uses; small enough to send to a worker process."""

    ner: str | None = None  # None: DEFAULT_RECOGNIZER
    parser: str | None = None
    model: Path | None = None  # the learned recogniser's folder; None: the one shipped in the package
    relations: str | None = None  # "none": no learned relation classifier
    relation_model: Path | None = None  # the relation classifier's folder; None: the one shipped in the package

    @property
    def recognizer(self) -> str:
        return self.ner or DEFAULT_RECOGNIZER

    @property
    def version(self) -> str:
        """What the cache key needs to know of them (the shipped model by its content)."""
        learned = self.recognizer == RECOGNIZER_NAME
        ner = self.recognizer + (f":{_model_digest((self.model or model_directory()) / MODEL_FILE)}" if learned else "")
        if self.relations != RELATIONS_NONE:
            folder = self.relation_model or relation_model.model_directory()
            ner += f"+relations:{_model_digest(folder / relation_model.MODEL_FILE)}"
        return ner + (f"+parser:{self.parser}" if self.parser else "")


@dataclass
class Analysers:
    gazetteer: EntityMatcher
    statistical: FrogRecognizer | None = None
    parser: FrogParser | None = None
    choice: AnalyserChoice = AnalyserChoice()
    learned: LearnedRecognizer | None = None
    relations: PairClassifier | None = None

    @classmethod
    def create(
        cls,
        reference: ReferenceData,
        ner: str | None = None,
        parser: str | None = None,
        model: Path | None = None,
        relations: str | None = None,
        relation_model: Path | None = None,
    ) -> Analysers:
        choice = AnalyserChoice(ner, parser, model, relations, relation_model)
        return cls(
            EntityMatcher(reference),
            FrogRecognizer(reference) if choice.recognizer == "frog" else None,
            FrogParser() if parser == "frog" else None,
            choice,
            LearnedRecognizer(reference, model) if choice.recognizer == RECOGNIZER_NAME else None,
            PairClassifier(reference, relation_model) if relations != RELATIONS_NONE else None,
        )

    @classmethod
    def from_choice(cls, reference: ReferenceData, choice: AnalyserChoice) -> Analysers:
        return cls.create(reference, choice.ner, choice.parser, choice.model, choice.relations, choice.relation_model)

    @property
    def version(self) -> str:
        return self.choice.version

    def close(self) -> None:
        """Stop what runs in another process (Frog's parser); it starts again if used."""
        if self.parser is not None:
            self.parser.close()
