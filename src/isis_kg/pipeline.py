"""The pipeline: per-document stages first (stages.py, run by execution.py), then the cross-document
steps: resolution, mapping to RDF, the reviewers' curation decisions, validation, export (outputs.py).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from isis_kg import __version__
from isis_kg.curate import Decision, apply_curation, curation_paths, load_curation
from isis_kg.errors import EndpointError, InputError, NothingToBuildError, PathError
from isis_kg.execution import Extracted, extract_all, usable_cache
from isis_kg.ingest import discover, load_catalogues
from isis_kg.ingest.catalogue import Catalogue, catalogue_paths
from isis_kg.link import LinkTarget, WikidataClient, link_entities, review_file
from isis_kg.model import Document
from isis_kg.nlp import AnalyserChoice, Analysers
from isis_kg.outputs import GRAPH_FILE, LINKS_FILE, ONTOLOGY_COPY, REPORT_FILE, write_outputs
from isis_kg.rdf import BuildRecord, CorpusGraph, map_corpus, write_turtle
from isis_kg.reference import ONTOLOGY_FILE, ReferenceData, load_reference
from isis_kg.resolve import ResolvedCorpus, resolve
from isis_kg.shards import validate_in_shards
from isis_kg.stages import StageMeter, process_document, read_document
from isis_kg.validate import ValidationReport

__all__ = ["GRAPH_FILE", "REPORT_FILE", "BuildResult", "Progress", "build", "process_document", "read_document"]

Progress = Callable[[str, int, int], None]


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
    relations: str | None = None,
    relation_model: Path | str | None = None,
) -> BuildResult:
    """Build the graph of the texts under ``paths`` into ``out_dir``.

    Files that cannot be read are reported in ``BuildResult.errors`` and skipped; the rest still build.
    With ``cache``, each document's extraction is kept on disk under its content, metadata, reference
    data and tool version, and reused when all four are unchanged. With ``jobs`` > 1, documents are
    extracted (and a large graph's shards validated) in that many processes; the output is the same.
    With ``link``, every entity without a Wikidata link is looked up through it, and the proposals and
    review list go to ``wikidata-links.yaml`` beside the graph (never into the graph itself); an
    endpoint that fails is reported in ``errors`` and the graph is still written. ``ner`` names the
    statistical recogniser that adds the names the gazetteer and the cue words miss: "crf" (the default,
    the learned model shipped in the package, or the one in the folder ``model``), "frog" or "none";
    ``relations`` the learned relation classifier beside the patterns: "learned" (the default; or the one
    in ``relation_model``) or "none". With ``parser`` ("frog"), dependencies.yaml is read from each
    sentence's parse too; with ``scheduler`` (a Dask scheduler's address, or "config"), documents are
    extracted on that Dask cluster. Raises InputError when nothing can be built (no readable text, a
    broken catalogue) and ReferenceDataError when ``ontology/`` is broken; nothing is written then."""
    meter = StageMeter()
    with meter.measure("reference data"):
        reference = load_reference(ontology_dir)
        choice = AnalyserChoice(ner, parser, _optional_path(model), relations, _optional_path(relation_model))
        analysers = Analysers.from_choice(reference, choice)

    inputs = [Path(p) for p in paths]
    files, errors = discover(inputs)
    catalogue = load_catalogues(catalogue_paths(inputs), reference.source_kinds, reference.entities)
    curation_files = curation_paths(inputs)
    decisions = load_curation(curation_files, reference)
    usable, warnings = usable_cache(Path(cache) if cache is not None else None)
    read = _Read(errors=list(errors), warnings=warnings)
    try:
        read.add_all(
            extract_all(files, catalogue, reference, analysers, ontology_dir, usable, jobs, scheduler),
            len(files),
            meter,
            progress,
        )
    finally:
        analysers.close()  # a parser's Frog process is not needed after extraction
    if not read.documents:
        raise NothingToBuildError(", ".join(str(p) for p in inputs), read.errors)

    documents = len(read.documents)
    corpus, graph = _corpus_graph(read, catalogue, decisions, curation_files, reference, meter)
    if progress is not None:
        progress("validating", 0, 1)
    with meter.measure("validate"):
        report = validate_in_shards(graph, reference, usable / "validation" if usable is not None else None, jobs=jobs)
    out = Path(out_dir)
    outputs = _link_outputs(corpus, reference, link, read, meter) if link is not None else {}
    triples = _write(out, graph, report, reference, outputs, meter)
    if progress is not None:
        progress("done", 1, 1)
    return BuildResult(
        out_dir=out,
        graph_path=out / GRAPH_FILE,
        report=report,
        documents=documents,
        triples=triples,
        errors=[*read.errors, *read.endpoint_errors],
        notices=read.notices,
        warnings=read.warnings,
        meter=meter,
        reused=read.reused,
    )


def _optional_path(path: Path | str | None) -> Path | None:
    return Path(path) if path is not None else None


@dataclass
class _Read:
    """What extraction gave: each text's Document, read once, and what to tell the user."""

    errors: list[PathError]
    warnings: list[str]
    documents: list[Document] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    endpoint_errors: list[PathError] = field(default_factory=list)
    reused: int = 0  # documents whose extraction came from the cache
    seen: dict[str, Path] = field(default_factory=dict)  # where each text was first read

    def add_all(self, extracted: Iterable[Extracted], files: int, meter: StageMeter, progress: Progress | None) -> None:
        for number, one in enumerate(extracted, start=1):
            if progress is not None:
                progress(f"read {one.path.name}", number, files)
            meter.add(one.seconds)
            self.add(one)

    def add(self, extracted: Extracted) -> None:
        self.warnings += extracted.warnings
        outcome = extracted.outcome
        if isinstance(outcome, InputError):
            self.errors.append(outcome)
            return
        if outcome.sha256 in self.seen:
            self.notices.append(f"{extracted.path}: same content as {self.seen[outcome.sha256]}; read once")
            return
        self.seen[outcome.sha256] = extracted.path
        self.reused += extracted.from_cache
        self.notices += outcome.notes
        self.documents.append(outcome)


def _corpus_graph(
    read: _Read,
    catalogue: Catalogue,
    decisions: list[Decision],
    curation_files: list[Path],
    reference: ReferenceData,
    meter: StageMeter,
) -> tuple[ResolvedCorpus, CorpusGraph]:
    """The documents resolved into one graph, with the reviewers' decisions applied; the documents are
    let go once mapped (what they say is in the graph; resolution's nodes are all that is left to use)."""
    with meter.measure("resolve"):
        corpus = resolve(read.documents, reference)
    record = BuildRecord(
        tool_version=__version__,
        ontology_version=reference.ontology_version,
        reference_hash=reference.fingerprint,
        inputs_hash=_inputs_hash(read.documents, catalogue, decisions),
        software=software_versions(),
    )
    with meter.measure("map shared nodes"):
        graph = map_corpus(corpus, record, reference)
    read.documents.clear()
    corpus.documents.clear()
    with meter.measure("curate"):
        curation = apply_curation(graph, decisions, curation_files)
    read.notices += curation.notices()
    return corpus, curation.graph


def _link_outputs(
    corpus: ResolvedCorpus, reference: ReferenceData, link: WikidataClient, read: _Read, meter: StageMeter
) -> dict[str, bytes | Callable[[BinaryIO], None]]:
    """The Wikidata proposals and review list for ``wikidata-links.yaml``; none when the endpoint fails."""
    with meter.measure("link"):
        try:
            return {LINKS_FILE: _links(corpus, reference, link)}
        except EndpointError as error:
            read.endpoint_errors.append(error)
            return {}


def _write(
    out: Path,
    graph: CorpusGraph,
    report: ValidationReport,
    reference: ReferenceData,
    outputs: dict[str, bytes | Callable[[BinaryIO], None]],
    meter: StageMeter,
) -> int:
    """Write the graph, its validation report and the ontology beside ``outputs``; the triples written."""
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
    return written["triples"]


def _links(corpus: ResolvedCorpus, reference: ReferenceData, client: WikidataClient) -> bytes:
    targets = [
        LinkTarget(node.key, node.entity_class, (*node.labels.values(), *(text for text, _lang in node.alt_labels)))
        for node in corpus.entities.values()
        if node.wikidata is None
    ]
    return review_file(link_entities(targets, reference, client), client.settings).encode("utf-8")


# the packages whose versions shape what the graph says (requirements.lock pins them all)
SHAPING_PACKAGES = (
    "babel", "charset-normalizer", "pyoxigraph", "pypdf", "pyshacl", "python-crfsuite", "rdflib", "spacy",
    "trafilatura", "wordfreq",
)  # fmt: skip


def software_versions() -> tuple[str, ...]:
    """ "name version" of each package that shapes the graph, as installed."""
    return tuple(f"{name} {importlib.metadata.version(name)}" for name in SHAPING_PACKAGES)


def _inputs_hash(documents: list[Document], catalogue: Catalogue, decisions: list[Decision]) -> str:
    digest = hashlib.sha256()
    for sha256 in sorted(d.sha256 for d in documents):
        digest.update(sha256.encode() + b"\n")
        meta = catalogue.entries.get(sha256)
        digest.update(repr(meta).encode() + b"\n")
    for decision in decisions:
        digest.update(decision.iri.encode() + b"\n")
    return digest.hexdigest()
