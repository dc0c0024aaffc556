"""How the per-document stages are run: one file after another, in a process pool, or on Dask workers,
each document's extraction kept in and taken from the cache when its inputs are unchanged."""

from __future__ import annotations

import functools
import hashlib
import tempfile
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from isis_kg import __version__
from isis_kg.cache import SUFFIX, CacheEntryError, read_entry, write_entry
from isis_kg.errors import InputError, ToolError
from isis_kg.ingest import read_source
from isis_kg.ingest.catalogue import Catalogue
from isis_kg.model import Document, DocumentMeta
from isis_kg.nlp import AnalyserChoice, Analysers
from isis_kg.reference import ReferenceData, load_reference
from isis_kg.stages import StageMeter, document_meta, process_document


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


def extract_all(
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
    meta = document_meta(source, catalogue, reference)
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
    key = _cache_key(source.sha256, document_meta(source, catalogue, reference), reference, analysers)
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


@dataclass(frozen=True)
class _Worker:
    """What a worker process (of the pool, or of Dask) loads once and extracts every document with."""

    reference: ReferenceData
    analysers: Analysers
    catalogue: Catalogue
    cache: Path | None
    key: tuple[str, AnalyserChoice, str]  # the ontology folder and analysers it was loaded for


class _WorkerSlot:
    """The worker of this process, once started: one per process, as the pool and Dask call plain functions."""

    worker: _Worker | None = None

    @classmethod
    def get(cls) -> _Worker:
        if cls.worker is None:
            raise RuntimeError("no worker started in this process")
        return cls.worker


def _start_worker(
    ontology_dir: Path | str | None, catalogue: Catalogue, cache: Path | None, choice: AnalyserChoice
) -> None:
    reference = load_reference(ontology_dir)
    analysers = Analysers.from_choice(reference, choice)
    _WorkerSlot.worker = _Worker(
        reference, analysers, catalogue, cache, (str(ontology_dir), choice, reference.fingerprint)
    )


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
    worker = _WorkerSlot.worker
    if worker is None or worker.key[:2] != (str(ontology_dir), choice):
        _start_worker(ontology_dir, catalogue, cache, choice)
    return _worker_extract(Path(path))


def _worker_extract(path: Path) -> Extracted:
    worker = _WorkerSlot.get()
    return extract_file(path, worker.catalogue, worker.reference, worker.analysers, worker.cache)
