"""Benchmark: the learned name recogniser, side by side with the plain libraries.

Prints the shipped model's size, its load time and the memory loading it takes; the rate at which
it reads sentences (words a second, on one core), next to CRFsuite's bare tagging of the same
features and spaCy's blank Dutch tokenizer on the same text; and the whole per-document extraction
with the recogniser (the default, ``--ner crf``) against the lists and cue words alone
(``--ner none``). The texts are the corpus and the fresh development texts (tests/gold/fresh.yaml).
Not a test: run it with ``make bench``.

    python tests/benchmarks/bench_names.py [--runs 3]
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import spacy

from isis_kg.evaluate import FRESH_GOLD, load_gold
from isis_kg.ingest.catalogue import Catalogue
from isis_kg.ingest.reader import SourceFile, read_source
from isis_kg.nlp import Analysers
from isis_kg.nlp.learned import MODEL_FILE, LearnedRecognizer, features, gazetteer_hints, model_directory, tokenize
from isis_kg.pipeline import read_document
from isis_kg.reference import load_reference

PROJECT = Path(__file__).resolve().parents[2]
TARGET_WORDS_PER_SECOND = 10_000  # issue 19: extraction stays at 10,000 words a second per core or more
TARGET_MODEL_MB = 50


def _sources() -> list[SourceFile]:
    sources = [read_source(p) for p in sorted((PROJECT / "corpus").glob("*.txt"))]
    for passage in load_gold(FRESH_GOLD):
        if passage.get("split") == "development":
            text = str(passage["text"])
            sources.append(SourceFile(Path(f"{passage['id']}.txt"), hashlib.sha256(text.encode()).hexdigest(), text))
    return sources


def _resident_mb() -> float:
    """This process's resident memory now (Linux)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 1e6


def _median_seconds(run, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    reference = load_reference()
    sources = _sources()
    words = sum(len(s.text.split()) for s in sources)

    size = (model_directory() / MODEL_FILE).stat().st_size / 1e6
    load = _median_seconds(lambda: LearnedRecognizer(reference), options.runs)
    resident = _resident_mb()
    tracemalloc.start()
    recogniser = LearnedRecognizer(reference)
    load_peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    load_resident = _resident_mb() - resident  # CRFsuite's own memory, which tracemalloc does not see
    print(f"texts: {len(sources)} ({words:,} words: the corpus and the fresh development texts)")
    print(
        f"model: {size:.2f} MB (target under {TARGET_MODEL_MB} MB); load {load * 1000:.1f} ms; "
        f"memory of loading: {load_resident:.1f} MB resident ({load_peak:.2f} MB of traced Python objects)"
    )

    # the sentences and the names the lists and cues find, as the recogniser gets them in a build
    plain = Analysers.create(reference, ner="none")
    learned = Analysers.create(reference)
    documents = [read_document(s, Catalogue(), reference, plain) for s in sources]
    work = []
    for document in documents:
        by_sentence: dict[int, list] = {}
        for mention in document.mentions:
            by_sentence.setdefault(mention.sentence, []).append(mention)
        work += [(sentence, by_sentence.get(sentence.index, [])) for sentence in document.sentences]

    def recognise() -> None:
        for sentence, known in work:
            recogniser.read(sentence, known)

    def bare_crfsuite() -> None:
        tagger = recogniser._tagger  # CRFsuite's tagger alone, on features made beforehand
        for item in prepared:
            tagger.tag(item)

    particles = reference.citations.name_particles
    prepared = []
    for sentence, known in work:
        tokens = tokenize(sentence.text)
        if tokens:
            prepared.append(features(tokens, gazetteer_hints(tokens, known), particles))
    blank = spacy.blank("nl")

    def spacy_tokenizer() -> None:
        for document in documents:
            blank(document.text)

    rows = [
        ("learned recogniser (features, tags, checks)", _median_seconds(recognise, options.runs)),
        ("  CRFsuite tagging alone", _median_seconds(bare_crfsuite, options.runs)),
        ("spaCy blank nl tokenizer (plain library)", _median_seconds(spacy_tokenizer, options.runs)),
        (
            "extraction per document, --ner crf",
            _median_seconds(
                lambda: [read_document(s, Catalogue(), reference, learned) for s in sources],
                options.runs,
            ),
        ),
        (
            "extraction per document, --ner none",
            _median_seconds(lambda: [read_document(s, Catalogue(), reference, plain) for s in sources], options.runs),
        ),
    ]
    print(f"\n{'median of ' + str(options.runs) + ' runs':<46} {'seconds':>8} {'words/s':>10}")
    for name, seconds in rows:
        print(f"{name:<46} {seconds:>8.3f} {words / seconds:>10,.0f}")
    crf = words / rows[3][1]
    print(f"\nextraction with the recogniser: {crf:,.0f} words/s (target {TARGET_WORDS_PER_SECOND:,} or more per core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
