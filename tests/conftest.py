"""Shared fixtures: the project's reference data, and helpers that turn corpus snippets into sentences."""

from __future__ import annotations

import http.server
import socket
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from isis_kg.extract import extract_events, extract_relations
from isis_kg.ingest import SourceFile, repair_layout, split_sentences
from isis_kg.ingest.catalogue import Catalogue
from isis_kg.model import DateValue, Document, EventMention, Mention, Relation, Sentence
from isis_kg.nlp import Analysers, EntityMatcher, find_dates
from isis_kg.reference import ReferenceData, load_reference
from isis_kg.stages import read_document
from isis_kg.store import Server, oxigraph_binary, stop, wait_until_up

PROJECT = Path(__file__).resolve().parents[1]
CORPUS = PROJECT / "corpus"
GRAPH = PROJECT / "graph"
ONTOLOGY = PROJECT / "src" / "isis_kg" / "ontology"  # package data: an installed wheel carries it too


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line caches under $XDG_CACHE_HOME: each test gets its own, never the user's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(scope="session")
def reference() -> ReferenceData:
    return load_reference()


@pytest.fixture(scope="session")
def matcher(reference: ReferenceData) -> EntityMatcher:
    return EntityMatcher(reference)


@pytest.fixture(scope="session")
def analysers(matcher: EntityMatcher) -> Analysers:
    """What the pipeline finds names with by default: the gazetteer (and the cue words and aliases)."""
    return Analysers(matcher)


@pytest.fixture(scope="session")
def read_text(reference: ReferenceData) -> Iterator[object]:
    """Text (and its date) -> the Document a build reads from it, with the shipped recogniser of new
    names: for rules about names no list knows."""
    shipped = Analysers.create(reference)

    def run(text: str, date: str | None = None) -> Document:
        source = SourceFile(Path("text.txt"), "0" * 64, text, date=date)
        return read_document(source, Catalogue(), reference, shipped)

    yield run
    shipped.close()


@pytest.fixture(scope="session")
def sentences_of(reference: ReferenceData):  # type: ignore[no-untyped-def]
    """Text (with its layout, as in the corpus) -> its sentences."""

    def run(text: str) -> list[Sentence]:
        return split_sentences(repair_layout(text, reference.layout), reference.layout.sentence_end_words)

    return run


@pytest.fixture(scope="session")
def read_facts(reference: ReferenceData, matcher: EntityMatcher, sentences_of):  # type: ignore[no-untyped-def]
    """Text -> (mentions, relations, events) read from its first sentence (``dated``: the document's date)."""

    def run(text: str, dated: DateValue | None = None) -> tuple[list[Mention], list[Relation], list[EventMention]]:
        sentence = sentences_of(text)[0]
        mentions = matcher.find(sentence)
        dates = find_dates(sentence.text, reference, anchor=dated)
        relations = extract_relations(sentence, mentions, reference, dates=dates)
        events, event_facts = extract_events(sentence, mentions, dates, reference)
        return mentions, relations + event_facts, events

    return run


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The long tests first: a worker that starts one last would run alone at the end."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def oxigraph() -> Iterator[Server]:
    """A real Oxigraph server on a free port of 127.0.0.1, empty, stopped after the test."""
    port = free_port()
    process = subprocess.Popen(
        [oxigraph_binary(), "serve", "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    server = Server(f"http://127.0.0.1:{port}", process)
    wait_until_up(server)
    yield server
    stop(server)


@contextmanager
def http_server(handler: type) -> Iterator[str]:
    """A small HTTP server of the test's own, for failures a real store does not stage on demand."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/store"
    finally:
        server.shutdown()
        server.server_close()
