"""The per-document stages: pure functions of the document, the reference data and the code version.

Each stage declares which fields of the Document it reads and writes, and the order is checked once
when this module loads. The stage of relations and events runs the per-sentence extractors of
EXTRACTORS over each sentence's SentenceContext.
"""

from __future__ import annotations

import time
import tracemalloc
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from isis_kg.extract.clause import overlaps
from isis_kg.extract.context import SentenceContext, SentenceExtractor, Story, TimelineEntry
from isis_kg.extract.dependencies import ParsedRelationExtractor
from isis_kg.extract.events import EventExtractor
from isis_kg.extract.identity import identify_events
from isis_kg.extract.mentions import is_institution, is_site
from isis_kg.extract.pairs import PairRelationExtractor, defer_to_patterns
from isis_kg.extract.places import scene_places, story_of, timeline_entry
from isis_kg.extract.quantities import QuantityExtractor
from isis_kg.extract.relations import RelationExtractor, keep_first_naming, strongest_per_sentence
from isis_kg.ingest import SourceFile, repair_layout, split_sentences
from isis_kg.ingest.catalogue import Catalogue
from isis_kg.ingest.citations import read_footnotes
from isis_kg.model import DateValue, Document, DocumentMeta, Mention, Sentence
from isis_kg.nlp import Analysers
from isis_kg.nlp.aliases import LearntAliases, find_learnt, learn_aliases, spelled_names
from isis_kg.nlp.cited import cited_names
from isis_kg.nlp.dates import dateline, story_years
from isis_kg.nlp.names import find_cued_names, seats_in_names
from isis_kg.nlp.parse import FrogParser
from isis_kg.nlp.recurrence import spread_names
from isis_kg.nlp.relation_model import PairClassifier
from isis_kg.rdf import map_document
from isis_kg.reference import ReferenceData


@dataclass(frozen=True)
class Stage:
    """A per-document stage: what it reads from the Document, what it adds."""

    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    run: Callable[[Document, ReferenceData, Analysers], None]


def _layout(document: Document, reference: ReferenceData, _analysers: Analysers) -> None:
    document.blocks = repair_layout(document.text, reference.layout)


def _footnotes(document: Document, reference: ReferenceData, _analysers: Analysers) -> None:
    document.footnotes = read_footnotes(document.blocks, reference)
    markers = {number for block in document.blocks for _position, number in block.markers}
    missing = sorted(markers - set(document.footnotes))
    if missing:
        document.notes.append(
            f"{document.file_name}: no footnote text for {len(missing)} of {len(markers)} markers "
            f"({number_ranges(missing)}); their sentences have no cited source"
        )


def _sentences(document: Document, reference: ReferenceData, _analysers: Analysers) -> None:
    document.sentences = split_sentences(document.blocks, reference.layout.sentence_end_words)


def _entities(document: Document, reference: ReferenceData, analysers: Analysers) -> None:
    mentions: list[Mention] = []
    learnt: LearntAliases = {}  # aliases the document introduces, in reading order
    stating = [s for s in document.sentences if document.states_facts(s, reference.citations.cited_title)]
    statistical = analysers.statistical.recognize(stating) if analysers.statistical is not None else {}
    for sentence in stating:
        known = analysers.gazetteer.find(sentence)
        known += find_learnt(sentence, learnt, known, reference)
        known += find_cued_names(sentence, known, reference)
        known += _not_overlapping(statistical.get(sentence.index, []), known)
        if analysers.learned is not None:
            known = analysers.learned.read(sentence, known)
        known = spelled_names(sentence, known, reference)
        known += seats_in_names(known, reference)
        aliases = learn_aliases(sentence, sorted(known, key=lambda m: m.start), learnt, reference)
        # an alias takes the place of what a recogniser made of it (learn_aliases says which may give way)
        known = [m for m in known if not overlaps(m.start, m.end, aliases)] + aliases
        mentions += sorted(known, key=lambda m: m.start)
    document.mentions = spread_names(stating, mentions, reference)
    places = analysers.learned.places if analysers.learned is not None else frozenset()
    document.mentions += cited_names(document, reference, places)


def _not_overlapping(candidates: list[Mention], known: list[Mention]) -> list[Mention]:
    return [c for c in candidates if not overlaps(c.start, c.end, known)]


EXTRACTORS: tuple[SentenceExtractor, ...] = (
    RelationExtractor(),
    QuantityExtractor(),
    ParsedRelationExtractor(),
    PairRelationExtractor(),
    EventExtractor(),
)  # in this order: of two readings of one fact equally sure, the first is kept (strongest_per_sentence)


def _facts(document: Document, reference: ReferenceData, analysers: Analysers) -> None:
    for context in sentence_contexts(document, reference, analysers.parser, analysers.relations):
        for extractor in EXTRACTORS:
            if extractor.may_apply(context):
                found = extractor.extract(context)
                document.relations += found.relations
                document.events += found.events
                document.claims += found.claims
    document.relations = strongest_per_sentence(keep_first_naming(defer_to_patterns(document.relations)))


def sentence_contexts(
    document: Document,
    reference: ReferenceData,
    parser: FrogParser | None = None,
    pair_classifier: PairClassifier | None = None,
) -> Iterator[SentenceContext]:
    """Each sentence that states facts, in reading order, with what the sentences before it left."""
    by_sentence: dict[int, list[Mention]] = {}
    for mention in document.mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    previous: deque[list[Mention]] = deque(maxlen=reference.relation_rules.anaphora_reach)
    scene: list[Mention] = []  # the places that opened the sentence before
    sentence_before: Sentence | None = None
    told_years: dict[int, int] = {}  # block -> the last year its sentences named as the story's
    story_year: int | None = None  # the last year the blocks before named
    block_before: int | None = None
    entry: TimelineEntry | None = None  # the timeline's entry that the first sentence of its paragraph heads
    entry_block: int | None = None
    story: Story | None = None  # the day of the last happening the paragraph told
    for sentence in document.sentences:
        if sentence.block != block_before and sentence.in_footnote is None:
            story_year = told_years.get(block_before, story_year) if block_before is not None else None
            block_before = sentence.block
        narrative_year = told_years.get(sentence.block)
        if sentence.in_footnote is None and (years := story_years(sentence.text, reference)):
            told_years[sentence.block] = years[-1]
        if not document.states_facts(sentence, reference.citations.cited_title):
            continue
        mentions = by_sentence.get(sentence.index, [])
        names_before = [m for ms in previous for m in ms]
        context = SentenceContext(
            sentence,
            mentions,
            names_before,
            scene,
            sentence_before,
            document.meta,
            reference,
            parser,
            narrative_year,
            story_year,
            pair_classifier,
            entry if sentence.block == entry_block else None,
            story if sentence.block == entry_block else None,
        )
        yield context
        if sentence.block != entry_block:
            entry_block = sentence.block
            entry = timeline_entry(sentence, mentions, context.dates, reference)
            story = None
        if sentence.in_footnote is None:
            story = story_of(sentence, context.dates, story, reference)
        previous.append(mentions)
        sentence_before = sentence
        scene = scene_places(sentence, mentions, reference)


def _event_identity(document: Document, reference: ReferenceData, _analysers: Analysers) -> None:
    # who can operate somewhere (no court, no ministry), and the places no one operates in (buildings)
    organisations = {
        m.entity
        for m in document.mentions
        if reference.is_a(m.entity_class, "Organisation") and not is_institution(m, reference)
    }
    sites = {m.entity for m in document.mentions if reference.is_a(m.entity_class, "Region") and is_site(m, reference)}
    document.events, document.relations = identify_events(document.events, document.relations, organisations, sites)


def _map(document: Document, _reference: ReferenceData, _analysers: Analysers) -> None:
    document.ntriples = map_document(document)


STAGES: tuple[Stage, ...] = (
    Stage("layout", reads=("text",), writes=("blocks",), run=_layout),
    Stage("footnotes", reads=("blocks",), writes=("footnotes", "notes"), run=_footnotes),
    Stage("sentences", reads=("blocks",), writes=("sentences",), run=_sentences),
    Stage("entities", reads=("sentences", "footnotes"), writes=("mentions",), run=_entities),
    Stage(
        "relations and events",
        reads=("meta", "sentences", "mentions", "footnotes"),
        writes=("relations", "events", "claims"),
        run=_facts,
    ),
    Stage(
        "event identity",
        reads=("mentions", "events", "relations"),
        writes=("events", "relations"),
        run=_event_identity,
    ),
    Stage(
        "map to RDF",
        reads=("meta", "sentences", "footnotes", "mentions", "relations", "events", "claims"),
        writes=("ntriples",),
        run=_map,
    ),
)
INGESTED = ("file_name", "sha256", "text", "meta")


def check_stage_order(stages: Sequence[Stage]) -> None:
    """Raise if a stage reads a field that no earlier stage (or ingest) writes."""
    available = set(INGESTED)
    for stage in stages:
        missing = set(stage.reads) - available
        if missing:
            raise RuntimeError(f"stage '{stage.name}' reads {sorted(missing)} before any stage writes it")
        available |= set(stage.writes)


check_stage_order(STAGES)


@dataclass
class StageMeter:
    """Time per stage, and peak traced memory per stage when tracemalloc is on (the benchmark turns it on)."""

    seconds: dict[str, float] = field(default_factory=dict)
    peak_bytes: dict[str, int] = field(default_factory=dict)

    @contextmanager
    def measure(self, stage: str) -> Iterator[None]:
        tracing = tracemalloc.is_tracing()
        if tracing:
            tracemalloc.reset_peak()
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - started
            if tracing:
                self.peak_bytes[stage] = max(self.peak_bytes.get(stage, 0), tracemalloc.get_traced_memory()[1])

    def add(self, seconds: dict[str, float]) -> None:
        """Time measured elsewhere (in a worker process)."""
        for stage, value in seconds.items():
            self.seconds[stage] = self.seconds.get(stage, 0.0) + value


def process_document(
    source: SourceFile,
    catalogue: Catalogue,
    reference: ReferenceData,
    analysers: Analysers,
    meter: StageMeter | None = None,
) -> Document:
    """Run every per-document stage on one text; keep what the graph and resolution need of it."""
    document = read_document(source, catalogue, reference, analysers, meter)
    document.compact()
    return document


def read_document(
    source: SourceFile,
    catalogue: Catalogue,
    reference: ReferenceData,
    analysers: Analysers,
    meter: StageMeter | None = None,
) -> Document:
    """Run every per-document stage on one text, keeping its sentences (to see which sentence says what)."""
    document = Document(
        file_name=source.file_name,
        sha256=source.sha256,
        text=source.text,
        meta=document_meta(source, catalogue, reference),
    )
    meter = meter or StageMeter()
    for stage in STAGES:
        with meter.measure(stage.name):
            stage.run(document, reference, analysers)
    return document


def document_meta(source: SourceFile, catalogue: Catalogue, reference: ReferenceData) -> DocumentMeta:
    """The catalogue's metadata; where it says nothing, what the file itself says (PDF info, HTML meta),
    and for the date, else the text's own dateline ("Brussel, 24 maart 2016")."""
    meta = catalogue.meta_for(source.sha256)
    date = meta.date
    if date is None and source.date:
        try:
            date = DateValue.parse(source.date)
        except ValueError:
            date = None
    if date is None:
        date = dateline(source.text, reference)
    return replace(meta, title=meta.title or source.title, author=meta.author or source.author, date=date)


def number_ranges(numbers: list[int]) -> str:
    """[124, 125, 127, 128, 129] -> "124-125, 127-129"."""
    ranges: list[list[int]] = []
    for number in numbers:
        if ranges and number == ranges[-1][1] + 1:
            ranges[-1][1] = number
        else:
            ranges.append([number, number])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in ranges)
