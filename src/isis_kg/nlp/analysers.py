"""What reads a document's sentences: the gazetteer always; a statistical name recogniser and a
dependency parser as options (``--ner``, ``--parser``)."""

from __future__ import annotations

from dataclasses import dataclass

from isis_kg.nlp.entities import EntityMatcher
from isis_kg.nlp.parse import FrogParser
from isis_kg.nlp.statistical import FrogRecognizer
from isis_kg.reference import ReferenceData


@dataclass(frozen=True)
class AnalyserChoice:
    """Which optional analysers a build uses; small enough to send to a worker process."""

    ner: str | None = None
    parser: str | None = None

    @property
    def version(self) -> str:
        """What the cache key needs to know of them."""
        return (self.ner or "gazetteer") + (f"+parser:{self.parser}" if self.parser else "")


@dataclass
class Analysers:
    gazetteer: EntityMatcher
    statistical: FrogRecognizer | None = None
    parser: FrogParser | None = None
    choice: AnalyserChoice = AnalyserChoice()

    @classmethod
    def create(cls, reference: ReferenceData, ner: str | None = None, parser: str | None = None) -> Analysers:
        return cls(
            EntityMatcher(reference),
            FrogRecognizer(reference) if ner == "frog" else None,
            FrogParser() if parser == "frog" else None,
            AnalyserChoice(ner, parser),
        )

    @property
    def version(self) -> str:
        return self.choice.version

    def close(self) -> None:
        """Stop what runs in another process (Frog's parser); it starts again if used."""
        if self.parser is not None:
            self.parser.close()
