"""What a per-sentence extractor reads (a SentenceContext) and gives (an Extraction), and the protocol
each follows: the pipeline asks each whether it applies and runs those that do, so that no extractor's
rules are read outside it and each reads its inputs from one place."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from isis_kg.model import DocumentMeta, EventMention, Mention, QuantityClaim, Relation, Sentence
from isis_kg.nlp.dates import DateMatch, find_dates
from isis_kg.nlp.parse import FrogParser
from isis_kg.reference import ReferenceData

if TYPE_CHECKING:
    from isis_kg.nlp.relation_model import PairClassifier


@dataclass(frozen=True)
class TimelineEntry:
    """A paragraph that a date heads ("7 juni 2017 - Teheran. Gewapende mannen ..."): the date, and the
    places its heading names alone, of what its later sentences tell."""

    heading: Sentence
    date: DateMatch
    places: list[Mention]


@dataclass(frozen=True)
class Story:
    """The day of the last happening its paragraph told before a sentence ("Op 16 augustus 2017 ontplofte een
    huis in Alcanar."): of what the next sentences tell with no date of their own ("Es Satty en Aalla kwamen
    om"). Not its places: a later sentence's death or arrest happened there less often than not."""

    date: DateMatch
    sentence: int  # the sentence that gave it


@dataclass(frozen=True)
class SentenceContext:
    """One sentence that states facts, with what the sentences before it left to read it by."""

    sentence: Sentence
    mentions: list[Mention]  # the names in it
    names_before: list[Mention]  # the names of the sentences before (relation_rules.anaphora_reach of them)
    scene: list[Mention]  # the places that opened the sentence before (see events.scene_places)
    sentence_before: Sentence | None  # the last sentence before it that states facts
    meta: DocumentMeta  # the document's: its date anchors "vorig jaar"
    reference: ReferenceData
    parser: FrogParser | None = None  # a dependency parser, when the build has one
    narrative_year: int | None = None  # the last year its paragraph named before it: "op 30 juli" is in it
    story_year: int | None = None  # the last year the document named before its paragraph
    pair_classifier: PairClassifier | None = None  # the learned relation classifier, when the build has one
    entry: TimelineEntry | None = None  # the timeline's entry it is in, after the entry's heading sentence
    story: Story | None = None  # the day of the happening its paragraph told last, in a sentence before

    @cached_property
    def dates(self) -> list[DateMatch]:
        """The sentence's dates, found once when the first extractor asks: most sentences need none."""
        return find_dates(
            self.sentence.text,
            self.reference,
            anchor=self.meta.date,
            narrative_year=self.narrative_year,
            story_year=self.story_year,
        )


@dataclass(frozen=True)
class Extraction:
    """What one extractor read from one sentence."""

    relations: list[Relation] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    claims: list[QuantityClaim] = field(default_factory=list)


class SentenceExtractor(Protocol):
    """A per-sentence extractor: it decides itself whether a sentence may hold what it reads."""

    name: str

    def may_apply(self, context: SentenceContext) -> bool:
        """Whether the sentence may hold anything for it: cheap, so most sentences are passed over."""
        ...

    def extract(self, context: SentenceContext) -> Extraction: ...
