"""The plain data that flows between the stages.

Character offsets are the backbone: every block, sentence and mention keeps where it stands
in the original file, so that evidence can be traced back to the exact place.
"""

from __future__ import annotations

import datetime
import re
from array import array
from dataclasses import dataclass, field
from enum import Enum


class Precision(Enum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, order=True)
class DateValue:
    """A date at the precision the text gives it."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def lexical(self) -> str:
        """The xsd lexical form: 2014-06-29, 2014-08 or 2014."""
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @classmethod
    def parse(cls, text: str) -> DateValue:
        """Read YYYY, YYYY-MM or YYYY-MM-DD; raise ValueError otherwise."""
        parts = text.split("-")
        if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
            raise ValueError(f"not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: {text!r}")
        numbers = [int(p) for p in parts]
        value = cls(numbers[0], *(numbers[1:] + [None, None])[:2])
        value.validate()
        return value

    def validate(self) -> None:
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month out of range in {self.lexical}")
        if self.day is not None:
            datetime.date(self.year, self.month or 1, self.day)


@dataclass(frozen=True)
class DocumentMeta:
    """What the catalogue knows of a document (every field optional but the hash)."""

    sha256: str
    title: str | None = None
    publisher: str | None = None
    publisher_ref: str | None = None
    author: str | None = None
    author_ref: str | None = None
    date: DateValue | None = None
    language: str = "nl"
    kind: str | None = None
    reliability: str | None = None  # NATO Admiralty code: A-F
    credibility: int | None = None  # NATO Admiralty code: 1-6


@dataclass
class Block:
    """A paragraph, heading or footnote, with its layout undone.

    ``offsets[i]`` is the position in the original file of ``text[i]``. Footnote markers
    are taken out of the text; ``markers`` keeps where they stood and which note they name.
    """

    text: str
    offsets: array
    kind: str = "body"  # body | heading | footnote
    footnote: int | None = None  # for a footnote block: its number
    markers: tuple[tuple[int, int], ...] = ()  # (position in text, footnote number)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``text`` back to a span of the original file."""
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(frozen=True)
class Sentence:
    """A sentence: where it stands in its block and in the original file."""

    index: int
    block: int
    start: int  # in the block's clean text
    end: int
    text: str
    original_start: int
    original_end: int
    footnotes: tuple[int, ...] = ()  # the footnotes its markers name
    in_footnote: int | None = None  # the footnote this sentence is part of, if any


@dataclass(frozen=True)
class Mention:
    """A name of a known entity found in a sentence (offsets into the sentence text)."""

    entity: str
    entity_class: str
    surface: str
    sentence: int
    start: int
    end: int
    cited: bool = False  # a creator or publisher a footnote's citation gives (nlp.cited), not the text's own name


@dataclass(frozen=True)
class Relation:
    """A fact read from one sentence: subject, predicate, object, and the pattern that read it.

    Subjects and objects are node keys: a reference entity id ("isis") or an event key
    ("event/fall/baghouz"); the object of ``date`` is a DateValue, of ``killed`` and
    ``injured`` a number.
    """

    subject: str
    predicate: str
    object: str | DateValue | int
    sentence: int
    pattern: str
    confidence: float = 0.9
    hedged: bool = False
    resolved_from: str | None = None  # a relative date's words ("eind maart"), resolved against the document's date
    since: DateValue | None = None  # since when the fact holds, as the sentence says ("sinds 2014")
    # an earlier sentence the fact rests on too: where the name stands that a word points back to
    # ("deze regio"), or the place that set the scene; its evidence holds both sentences
    context: int | None = None


EVENT_KEY_PREFIX = "event/"  # every event node's key starts so ("event/attack/parijs/2015-11-13")


@dataclass(frozen=True)
class EventMention:
    """An event named in one sentence; its date, place and perpetrator are Relations.

    The extractor keys it by what the sentence alone tells (kind and place, else kind and date);
    the document's event identity (extract.identity) then keys it by the happening it is one
    mention of, with that happening's date."""

    key: str
    event_class: str
    labels: tuple[tuple[str, str], ...]  # (language, label), without the date
    sentence: int
    pattern: str
    place: str | None = None  # the place that keys it ("event/attack/parijs"), where one does
    once: bool = False  # it happens once in the world (the caliphate's proclamation) or to one person (a death)
    date: DateValue | None = None  # the happening's date, once the document's mentions are identified
    refers_back: bool = False  # "IS eiste de aanslag op": the event of its kind told of just before


@dataclass(frozen=True)
class QuantityClaim:
    """A figure a sentence gives: so many units (of something) about an organisation."""

    about: str  # entity id
    quantity: int  # for a range ("zes- tot tienduizend"), its upper bound
    unit: str
    approximate: bool
    sentence: int
    start: int  # of the figure, in the sentence
    end: int
    lower: int | None = None  # a range's lower bound
    as_of: DateValue | None = None  # the date the figure holds for, where its clause gives one
    as_of_resolved_from: str | None = None  # the relative words that date was resolved from ("halverwege oktober")
    hedged: bool = False  # its clause hedges it ("Het zou gaan om ongeveer 800 strijders")


@dataclass(frozen=True)
class Citation:
    """One work a footnote cites."""

    title: str | None
    creators: tuple[str, ...]
    publisher: str | None
    date: DateValue | None
    pages: str | None
    identifiers: tuple[tuple[str, str], ...]  # (kind of identifier, value)
    kind: str  # a concept of ikg:SourceKinds


@dataclass(frozen=True)
class Footnote:
    """A footnote: the works it cites, or (citing nothing) an explanation of its own."""

    number: int
    span: tuple[int, int]  # where it stands in the original file
    text: str
    works: tuple[Citation, ...]
    repeats_previous: bool = False  # Idem / Ibid

    @property
    def explanatory(self) -> bool:
        """A footnote that cites nothing is text of its own: entities and relations are read from it."""
        return not self.works and not self.repeats_previous


@dataclass
class Document:
    """One text on its way through the per-document stages."""

    file_name: str
    sha256: str
    text: str
    meta: DocumentMeta
    blocks: list[Block] = field(default_factory=list)
    footnotes: dict[int, Footnote] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what a reader of the build should know
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    claims: list[QuantityClaim] = field(default_factory=list)
    # what the document says in RDF, as N-Triples (rdf.mapping.map_document)
    ntriples: bytes = b""

    def compact(self) -> None:
        """Drop the text, its blocks and its sentences once the stages are done: what the graph needs
        of them is in the document's N-Triples; resolution needs only its footnotes, each name once
        (with the class it was read as), and its facts. A cached document is a fraction of the size,
        and a build of many holds far less."""
        self.text = ""
        self.blocks = []
        self.sentences = []
        first: dict[tuple[str, str, str], Mention] = {}
        for mention in self.mentions:
            first.setdefault((mention.entity, mention.entity_class, mention.surface), mention)
        self.mentions = list(first.values())

    def states_facts(self, sentence: Sentence, cited_title: re.Pattern[str]) -> bool:
        """Whether facts are read from the sentence: not when it cites works (titles and names are no
        statements of fact). A footnote that cites may explain too ("De ISIS-strijders in Qalamoun
        (Libanon) kozen ervoor ... 'Militarily Defeating The Islamic State', The Soufan Center"): its
        sentences that hold no part of a citation (no cited title, patterns/citations.yaml's
        cited_title, and no title, creator or publisher the footnote cites) state facts."""
        footnote = self.footnotes.get(sentence.in_footnote) if sentence.in_footnote is not None else None
        if footnote is None or footnote.explanatory:
            return True
        if footnote.repeats_previous or cited_title.search(sentence.text):
            return False
        cited = {part for work in footnote.works for part in (work.title, work.publisher, *work.creators) if part}
        return not any(part in sentence.text for part in cited)
