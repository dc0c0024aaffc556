"""Benchmark: the learned relation classifier, side by side with the plain library.

Prints the shipped model's size, its load time and the memory loading it takes; the rate at which it
reads the pairs of names of every sentence (words a second, on one core), next to CRFsuite's bare
classification of the same features made beforehand; and the whole per-document extraction with the
classifier (the default, ``--relations learned``) against the patterns alone (``--relations none``).
The texts are the corpus and the fresh development texts (tests/gold/fresh.yaml), as bench_names.py
reads them. Not a test: run it with ``make bench``.

    python tests/benchmarks/bench_relations.py [--runs 3]
"""

from __future__ import annotations

import argparse
import sys
import tracemalloc

# run as a script, its folder is on the path: bench_names.py reads the same texts the same way
from bench_names import TARGET_MODEL_MB, TARGET_WORDS_PER_SECOND, _median_seconds, _resident_mb, _sources

from isis_kg.extract.pairs import read_pairs
from isis_kg.ingest.catalogue import Catalogue
from isis_kg.nlp import Analysers
from isis_kg.nlp.relation_model import (
    MODEL_FILE,
    PairClassifier,
    candidate_pairs,
    event_cues,
    model_directory,
    pair_features,
)
from isis_kg.pipeline import read_document
from isis_kg.reference import load_reference


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    reference = load_reference()
    sources = _sources()
    words = sum(len(s.text.split()) for s in sources)

    size = (model_directory() / MODEL_FILE).stat().st_size / 1e6
    load = _median_seconds(lambda: PairClassifier(reference), options.runs)
    resident = _resident_mb()
    tracemalloc.start()
    classifier = PairClassifier(reference)
    load_peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    load_resident = _resident_mb() - resident  # CRFsuite's own memory, which tracemalloc does not see
    print(f"texts: {len(sources)} ({words:,} words: the corpus and the fresh development texts)")
    print(
        f"model: {size:.2f} MB (target under {TARGET_MODEL_MB} MB); load {load * 1000:.1f} ms; "
        f"memory of loading: {load_resident:.1f} MB resident ({load_peak:.2f} MB of traced Python objects)"
    )

    with_classifier = Analysers.create(reference)
    patterns_alone = Analysers.create(reference, relations="none")
    documents = [read_document(s, Catalogue(), reference, patterns_alone) for s in sources]
    work = []
    for document in documents:
        by_sentence: dict[int, list] = {}
        for mention in document.mentions:
            by_sentence.setdefault(mention.sentence, []).append(mention)
        work += [(sentence, by_sentence.get(sentence.index, [])) for sentence in document.sentences]
    prepared = [
        features
        for sentence, mentions in work
        for pair in candidate_pairs(mentions, classifier.signatures, reference)
        if (features := pair_features(sentence.text, pair, mentions, reference, event_cues(sentence.text, reference)))
    ]

    def classify() -> None:
        for sentence, mentions in work:
            read_pairs(classifier, sentence, mentions, reference)

    def bare_crfsuite() -> None:
        tagger = classifier._tagger  # CRFsuite's classification alone, on features made beforehand
        for features in prepared:
            tagger.set([features])
            tagger.tag()

    rows = [
        ("relation classifier (pairs, features, checks)", _median_seconds(classify, options.runs)),
        (f"  CRFsuite alone ({len(prepared):,} pairs)", _median_seconds(bare_crfsuite, options.runs)),
        (
            "extraction per document, --relations learned",
            _median_seconds(
                lambda: [read_document(s, Catalogue(), reference, with_classifier) for s in sources], options.runs
            ),
        ),
        (
            "extraction per document, --relations none",
            _median_seconds(
                lambda: [read_document(s, Catalogue(), reference, patterns_alone) for s in sources], options.runs
            ),
        ),
    ]
    print(f"\n{'median of ' + str(options.runs) + ' runs':<46} {'seconds':>8} {'words/s':>10}")
    for name, seconds in rows:
        print(f"{name:<46} {seconds:>8.3f} {words / seconds:>10,.0f}")
    rate = words / rows[2][1]
    print(f"\nextraction with both models: {rate:,.0f} words/s (target {TARGET_WORDS_PER_SECOND:,} or more per core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
