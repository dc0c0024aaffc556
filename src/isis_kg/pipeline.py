"""The pipeline: per-document stages first, then the cross-document steps.

Per-document stages are pure functions of the document, the reference data and the code
version; each declares which fields of the Document it reads and writes, and the order is
checked once when this module loads. Cross-document steps come after: resolution, mapping
to RDF, the reviewers' curation decisions, validation, export.
"""

from __future__ import annotations

import functools
import hashlib
import os
import tempfile
import time
import tracemalloc
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO, NamedTuple

from isis_kg import __version__
from isis_kg.cache import SUFFIX, CacheEntryError, read_entry, write_entry
from isis_kg.curate import Decision, apply_curation, curation_paths, load_curation
from isis_kg.errors import EndpointError, InputError, NothingToBuildError, OutputError, PathError, ToolError
from isis_kg.extract.clause import overlaps
from isis_kg.extract.context import SentenceContext, SentenceExtractor
from isis_kg.extract.dependencies import ParsedRelationExtractor
from isis_kg.extract.events import EventExtractor, scene_places
from isis_kg.extract.quantities import QuantityExtractor
from isis_kg.extract.relations import RelationExtractor, keep_first_naming, strongest_per_sentence
from isis_kg.ingest import SourceFile, discover, load_catalogues, read_source, repair_layout, split_sentences
from isis_kg.ingest.catalogue import Catalogue, catalogue_paths
from isis_kg.ingest.citations import read_footnotes
from isis_kg.link import LinkTarget, WikidataClient, link_entities, review_file
from isis_kg.model import DateValue, Document, DocumentMeta, Mention, Sentence
from isis_kg.nlp import AnalyserChoice, Analysers
from isis_kg.nlp.aliases import LearntAliases, find_learnt, learn_aliases
from isis_kg.nlp.names import find_cued_names
from isis_kg.nlp.parse import FrogParser
from isis_kg.nlp.recurrence import spread_names
from isis_kg.rdf import BuildRecord, map_corpus, map_document, write_turtle
from isis_kg.reference import ONTOLOGY_FILE, ReferenceData, load_reference
from isis_kg.resolve import ResolvedCorpus, resolve
from isis_kg.shards import validate_in_shards
from isis_kg.validate import ValidationReport

GRAPH_FILE = "graph.ttl"
LINKS_FILE = "wikidata-links.yaml"
REPORT_FILE = "validation.ttl"
ONTOLOGY_COPY = "ontology.ttl"

Progress = Callable[[str, int, int], None]


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
        aliases = learn_aliases(sentence, sorted(known, key=lambda m: m.start), learnt, reference)
        spans = {(a.start, a.end) for a in aliases}
        known = [m for m in known if (m.start, m.end) not in spans] + aliases
        mentions += sorted(known, key=lambda m: m.start)
    document.mentions = spread_names(stating, mentions, reference)


def _not_overlapping(candidates: list[Mention], known: list[Mention]) -> list[Mention]:
    return [c for c in candidates if not overlaps(c.start, c.end, known)]


EXTRACTORS: tuple[SentenceExtractor, ...] = (
    RelationExtractor(),
    QuantityExtractor(),
    ParsedRelationExtractor(),
    EventExtractor(),
)  # in this order: of two readings of one fact equally sure, the first is kept (strongest_per_sentence)


def _facts(document: Document, reference: ReferenceData, analysers: Analysers) -> None:
    for context in sentence_contexts(document, reference, analysers.parser):
        for extractor in EXTRACTORS:
            if extractor.may_apply(context):
                found = extractor.extract(context)
                document.relations += found.relations
                document.events += found.events
                document.claims += found.claims
    document.relations = strongest_per_sentence(keep_first_naming(document.relations))


def sentence_contexts(
    document: Document, reference: ReferenceData, parser: FrogParser | None = None
) -> Iterator[SentenceContext]:
    """Each sentence that states facts, in reading order, with what the sentences before it left."""
    by_sentence: dict[int, list[Mention]] = {}
    for mention in document.mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    previous: deque[list[Mention]] = deque(maxlen=reference.relation_rules.anaphora_reach)
    scene: list[Mention] = []  # the places that opened the sentence before
    sentence_before: Sentence | None = None
    for sentence in document.sentences:
        if not document.states_facts(sentence, reference.citations.cited_title):
            continue
        mentions = by_sentence.get(sentence.index, [])
        names_before = [m for ms in previous for m in ms]
        yield SentenceContext(
            sentence, mentions, names_before, scene, sentence_before, document.meta, reference, parser
        )
        previous.append(mentions)
        sentence_before = sentence
        scene = scene_places(sentence, mentions, reference)


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


@dataclass
class BuildResult:
    """What a build did: where it wrote, whether the graph conforms, what went wrong."""

    out_dir: Path
    graph_path: Path | None
    report: ValidationReport | None
    documents: int
    triples: int
    errors: list[PathError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # for stderr: the build went on (an unusable cache entry)
    meter: StageMeter = field(default_factory=StageMeter)
    reused: int = 0  # documents whose extraction came from the cache

    @property
    def conforms(self) -> bool:
        return self.report is not None and self.report.conforms


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
        file_name=source.file_name, sha256=source.sha256, text=source.text, meta=_meta(source, catalogue)
    )
    meter = meter or StageMeter()
    for stage in STAGES:
        with meter.measure(stage.name):
            stage.run(document, reference, analysers)
    return document


def _meta(source: SourceFile, catalogue: Catalogue) -> DocumentMeta:
    """The catalogue's metadata; where it says nothing, what the file itself says (PDF info, HTML meta)."""
    meta = catalogue.meta_for(source.sha256)
    date = meta.date
    if date is None and source.date:
        try:
            date = DateValue.parse(source.date)
        except ValueError:
            date = None
    return replace(meta, title=meta.title or source.title, author=meta.author or source.author, date=date)


def build(
    paths: Sequence[Path | str],
    out_dir: Path | str,
    *,
    ontology_dir: Path | str | None = None,
    progress: Progress | None = None,
    cache: Path | str | None = None,
    jobs: int = 1,
    link: WikidataClient | None = None,
    ner: str | None = None,
    parser: str | None = None,
    scheduler: str | None = None,
    model: Path | str | None = None,
) -> BuildResult:
    """Build the graph of the texts under ``paths`` into ``out_dir``.

    Files that cannot be read are reported in ``BuildResult.errors`` and skipped; the rest
    still build. With ``cache``, each document's extraction is kept on disk under its content,
    metadata, reference data and tool version, and reused when all four are unchanged. With
    ``jobs`` > 1, documents are extracted (and a large graph's shards validated) in that many
    processes; the output is the same. With
    ``link``, every entity without a Wikidata link is looked up through it, and the proposals and
    review list go to ``wikidata-links.yaml`` beside the graph (never into the graph itself); an
    endpoint that fails is reported in ``errors`` and the graph is still written. ``ner`` names the
    statistical recogniser that adds the names the gazetteer and the cue words miss: "crf" (the default,
    the learned model shipped in the package, or the one in the folder ``model``), "frog" or "none". With
    ``parser`` ("frog"), the relations of dependencies.yaml are read from each sentence's parse as
    well as those of relations.yaml from its words. With
    ``scheduler`` (a Dask scheduler's address, or "config" for Dask's configured one), documents
    are extracted on that Dask cluster instead; the graph is the same.
    Raises InputError when nothing can be built (no readable text, or a broken catalogue) and
    ReferenceDataError when ``ontology/`` is broken; nothing is written then.
    """
    meter = StageMeter()
    with meter.measure("reference data"):
        reference = load_reference(ontology_dir)
        analysers = Analysers.create(reference, ner, parser, Path(model) if model is not None else None)

    inputs = [Path(p) for p in paths]
    files, errors = discover(inputs)
    catalogue = load_catalogues(catalogue_paths(inputs), reference.source_kinds, reference.entities)
    curation_files = curation_paths(inputs)
    decisions = load_curation(curation_files, reference)
    documents: list[Document] = []
    notices: list[str] = []
    cache, warnings = usable_cache(Path(cache) if cache is not None else None)
    seen: dict[str, Path] = {}
    reused = 0
    try:
        for number, (path, outcome, from_cache, seconds, extract_warnings) in enumerate(
            _extract_all(files, catalogue, reference, analysers, ontology_dir, cache, jobs, scheduler), start=1
        ):
            if progress is not None:
                progress(f"read {path.name}", number, len(files))
            meter.add(seconds)
            warnings += extract_warnings
            if isinstance(outcome, InputError):
                errors.append(outcome)
                continue
            if outcome.sha256 in seen:
                notices.append(f"{path}: same content as {seen[outcome.sha256]}; read once")
                continue
            seen[outcome.sha256] = path
            reused += from_cache
            notices += outcome.notes
            documents.append(outcome)
    finally:
        analysers.close()  # a parser's Frog process is not needed after extraction
    if not documents:
        raise NothingToBuildError(", ".join(str(p) for p in inputs), errors)

    with meter.measure("resolve"):
        corpus = resolve(documents, reference)
    record = BuildRecord(
        tool_version=__version__,
        ontology_version=reference.ontology_version,
        reference_hash=reference.fingerprint,
        inputs_hash=_inputs_hash(documents, catalogue, decisions),
    )
    with meter.measure("map shared nodes"):
        graph = map_corpus(corpus, record, reference)
    read = len(documents)
    documents.clear()  # what they say is in the graph now; resolution's nodes are all that is left to use
    corpus.documents.clear()
    with meter.measure("curate"):
        curation = apply_curation(graph, decisions, curation_files)
        graph = curation.graph
    notices += curation.notices()
    if progress is not None:
        progress("validating", 0, 1)
    with meter.measure("validate"):
        report = validate_in_shards(
            graph, reference, Path(cache) / "validation" if cache is not None else None, jobs=jobs
        )
    out = Path(out_dir)
    outputs: dict[str, bytes | Callable[[BinaryIO], None]] = {}
    endpoint_errors: list[PathError] = []
    if link is not None:
        with meter.measure("link"):
            try:
                outputs[LINKS_FILE] = _links(corpus, reference, link)
            except EndpointError as error:
                endpoint_errors.append(error)
    written: dict[str, int] = {}

    def graph_turtle(stream: BinaryIO) -> None:
        written["triples"] = write_turtle(graph.chunks(), stream)

    outputs |= {
        GRAPH_FILE: graph_turtle,
        REPORT_FILE: report.turtle(),
        ONTOLOGY_COPY: (reference.directory / ONTOLOGY_FILE).read_bytes(),
    }
    with meter.measure("serialize and write"):
        write_outputs(out, outputs)
    if progress is not None:
        progress("done", 1, 1)
    return BuildResult(
        out_dir=out,
        graph_path=out / GRAPH_FILE,
        report=report,
        documents=read,
        triples=written["triples"],
        errors=[*errors, *endpoint_errors],
        notices=notices,
        warnings=warnings,
        meter=meter,
        reused=reused,
    )


def _links(corpus: ResolvedCorpus, reference: ReferenceData, client: WikidataClient) -> bytes:
    targets = [
        LinkTarget(node.key, node.entity_class, (*node.labels.values(), *(text for text, _lang in node.alt_labels)))
        for node in corpus.entities.values()
        if node.wikidata is None
    ]
    return review_file(link_entities(targets, reference, client), client.settings).encode("utf-8")


def usable_cache(cache: Path | None) -> tuple[Path | None, list[str]]:
    """The cache folder if it can be written (created if need be), else None and the one warning that says so:
    a read-only or missing home folder must not stop a build, only make it slower."""
    if cache is None:
        return None, []
    try:
        cache.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=cache):
            pass
    except OSError as error:
        return None, [f"{cache}: cannot write the cache ({error.strerror or error}); building without it"]
    return cache, []


class Extracted(NamedTuple):
    """One file's outcome: its Document (or the error that stopped it), whether it came from the cache,
    the time per stage, and warnings for the user (a cache entry that could not be used or written)."""

    path: Path
    outcome: Document | InputError
    from_cache: bool
    seconds: dict[str, float]
    warnings: tuple[str, ...] = ()


def _extract_all(
    files: list[Path],
    catalogue: Catalogue,
    reference: ReferenceData,
    analysers: Analysers,
    ontology_dir: Path | str | None,
    cache: Path | str | None,
    jobs: int,
    scheduler: str | None = None,
) -> Iterator[Extracted]:
    """Every file's Document (or the error that stopped it), in the order of ``files``."""
    cache_dir = Path(cache) if cache is not None else None
    if scheduler is not None:
        yield from _extract_on_dask(files, catalogue, ontology_dir, cache_dir, analysers.choice, scheduler)
        return
    if jobs <= 1 or len(files) <= 1:
        for path in files:
            yield extract_file(path, catalogue, reference, analysers, cache_dir)
        return
    # what the cache holds is read here: sending it through a worker would pickle it twice more
    hits = {}
    if cache_dir is not None:
        for path in files:
            hit = _cached_only(path, catalogue, reference, analysers, cache_dir)
            if hit is not None:
                hits[path] = hit
    misses = [path for path in files if path not in hits]
    if len(misses) <= 1:
        for path in files:
            yield hits.get(path) or extract_file(path, catalogue, reference, analysers, cache_dir)
        return
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_start_worker, initargs=(ontology_dir, catalogue, cache_dir, analysers.choice)
    ) as pool:
        extracted = pool.map(_worker_extract, misses, chunksize=max(1, len(misses) // (jobs * 4)))
        for path in files:
            yield hits[path] if path in hits else next(extracted)


def extract_file(
    path: Path, catalogue: Catalogue, reference: ReferenceData, analysers: Analysers, cache: Path | None
) -> Extracted:
    """Read one file and run the per-document stages, or take the result from the cache."""
    meter = StageMeter()
    try:
        with meter.measure("read"):
            source = read_source(path)
    except InputError as error:
        return Extracted(path, error, False, meter.seconds)
    meta = _meta(source, catalogue)
    key = _cache_key(source.sha256, meta, reference, analysers) if cache is not None else ""
    entry = cache / f"{key}{SUFFIX}" if cache is not None else None
    warnings: list[str] = []
    if entry is not None and entry.is_file():
        with meter.measure("cache"):
            try:
                cached = read_entry(entry, key)
            except CacheEntryError as problem:
                warnings.append(f"{entry}: cache entry not used, {problem}; {path} is read again")
            else:
                cached.file_name = source.file_name  # the same text under another name
                return Extracted(path, cached, True, meter.seconds)
    document = process_document(source, catalogue, reference, analysers, meter)
    if entry is not None:
        try:
            write_entry(entry, key, document)
        except OSError as error:
            warnings.append(f"{entry}: cannot write the cache entry ({error.strerror or error}); {path} was not cached")
    return Extracted(path, document, False, meter.seconds, tuple(warnings))


def _cached_only(
    path: Path, catalogue: Catalogue, reference: ReferenceData, analysers: Analysers, cache: Path
) -> Extracted | None:
    """The cached extraction of a file, or None when it must be extracted (or read) again: the worker that
    extracts it says why an entry could not be used."""
    try:
        source = read_source(path)
    except InputError:
        return None  # the worker reports it, as for any file
    key = _cache_key(source.sha256, _meta(source, catalogue), reference, analysers)
    entry = cache / f"{key}{SUFFIX}"
    if not entry.is_file():
        return None
    meter = StageMeter()
    with meter.measure("cache"):
        try:
            document = read_entry(entry, key)
        except CacheEntryError:
            return None
    document.file_name = source.file_name
    return Extracted(path, document, True, meter.seconds)


def _cache_key(sha256: str, meta: DocumentMeta, reference: ReferenceData, analysers: Analysers) -> str:
    """What an extraction depends on: the text, its metadata, ontology/, the tool's version and code, the analysers."""
    key = f"{sha256}|{meta!r}|{reference.fingerprint}|{__version__}|{code_fingerprint()}|{analysers.version}"
    return hashlib.sha256(key.encode()).hexdigest()


def code_fingerprint(package: Path | None = None) -> str:
    """A digest of the package's source (this one's by default): an edited extractor must not reuse
    what the old one cached, though the version number has not moved."""
    if package is None:
        return _own_code_fingerprint()
    digest = hashlib.sha256()
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode() + b"\0" + source.read_bytes() + b"\0")
    return digest.hexdigest()


@functools.cache
def _own_code_fingerprint() -> str:
    return code_fingerprint(Path(__file__).parent)


_WORKER: dict[str, object] = {}


def _start_worker(
    ontology_dir: Path | str | None, catalogue: Catalogue, cache: Path | None, choice: AnalyserChoice
) -> None:
    reference = load_reference(ontology_dir)
    analysers = Analysers.create(reference, choice.ner, choice.parser, choice.model)
    _WORKER.update(reference=reference, analysers=analysers, catalogue=catalogue, cache=cache)
    _WORKER["key"] = (str(ontology_dir), choice, reference.fingerprint)


def _extract_on_dask(
    files: list[Path],
    catalogue: Catalogue,
    ontology_dir: Path | str | None,
    cache: Path | None,
    choice: AnalyserChoice,
    scheduler: str,
) -> Iterator[Extracted]:
    """The per-document step as Dask tasks, one per file, gathered in the order of ``files``.

    Workers read the files and ``ontology/`` from the same paths as this process (a shared file
    system), and load the reference data once each.
    """
    try:
        from distributed import Client
    except ImportError:
        raise ToolError("dask", "not installed; pip install 'isis-kg[dask]'") from None
    try:
        # how long to try is Dask's own setting, distributed.comm.timeouts.connect (default 30 s)
        client = Client() if scheduler == "config" else Client(scheduler)
    except (OSError, TimeoutError) as error:
        raise ToolError(scheduler, f"cannot reach the Dask scheduler ({error})") from None
    try:
        futures = client.map(
            _dask_extract,
            [str(path) for path in files],
            ontology_dir=None if ontology_dir is None else str(ontology_dir),
            catalogue=catalogue,
            cache=cache,
            choice=choice,
            pure=False,
        )
        for future in futures:
            yield future.result()
    finally:
        client.close()


def _dask_extract(
    path: str, ontology_dir: str | None, catalogue: Catalogue, cache: Path | None, choice: AnalyserChoice
) -> Extracted:
    """One document on a Dask worker; the worker keeps its reference data between tasks."""
    if _WORKER.get("key", (None,))[:2] != (str(ontology_dir), choice):  # type: ignore[index]
        _start_worker(ontology_dir, catalogue, cache, choice)
    return _worker_extract(Path(path))


def _worker_extract(path: Path) -> Extracted:
    return extract_file(
        path,
        _WORKER["catalogue"],  # type: ignore[arg-type]
        _WORKER["reference"],  # type: ignore[arg-type]
        _WORKER["analysers"],  # type: ignore[arg-type]
        _WORKER["cache"],  # type: ignore[arg-type]
    )


def number_ranges(numbers: list[int]) -> str:
    """[124, 125, 127, 128, 129] -> "124-125, 127-129"."""
    ranges: list[list[int]] = []
    for number in numbers:
        if ranges and number == ranges[-1][1] + 1:
            ranges[-1][1] = number
        else:
            ranges.append([number, number])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in ranges)


def _inputs_hash(documents: list[Document], catalogue: Catalogue, decisions: list[Decision]) -> str:
    digest = hashlib.sha256()
    for sha256 in sorted(d.sha256 for d in documents):
        digest.update(sha256.encode() + b"\n")
        meta = catalogue.entries.get(sha256)
        digest.update(repr(meta).encode() + b"\n")
    for decision in decisions:
        digest.update(decision.iri.encode() + b"\n")
    return digest.hexdigest()


def write_outputs(out_dir: Path, files: dict[str, bytes | Callable[[BinaryIO], None]]) -> None:
    """Write every file or none: each goes to a temporary name first (its bytes, or what its writer
    streams there), then all are moved in place."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        staged: list[tuple[str, Path]] = []
        try:
            for name, data in files.items():
                handle, temporary = tempfile.mkstemp(prefix=f".{name}.", dir=out_dir)
                staged.append((temporary, out_dir / name))
                with os.fdopen(handle, "wb") as stream:
                    if isinstance(data, bytes):
                        stream.write(data)
                    else:
                        data(stream)
                os.chmod(temporary, 0o644)  # mkstemp makes files private; outputs are for sharing
            for temporary, final in staged:
                os.replace(temporary, final)
        finally:
            for temporary, _final in staged:
                if os.path.exists(temporary):
                    os.unlink(temporary)
    except OSError as error:
        raise OutputError(out_dir, f"cannot write the graph ({error.strerror or error})") from None
