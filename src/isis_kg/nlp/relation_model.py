"""The learned relation classifier: which contract relation, if any, holds between two names of one
sentence (``isis-kg train-relations`` trains it; its data card beside the model says on what).

It reads every pair of names of a sentence that a contract relation may join by the ontology's domain
and range: the words between them and around them, how far apart they stand and which names stand
between. The model is CRFsuite's binary format, a maximum-entropy classifier over one-item sequences
(read by its C library; nothing in it runs as code), shipped inside the package.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pycrfsuite
from rdflib import OWL, RDFS
from rdflib.collection import Collection
from rdflib.term import Node

from isis_kg.errors import ToolError
from isis_kg.model import Mention
from isis_kg.namespaces import IKG
from isis_kg.nlp.learned import tokenize
from isis_kg.reference import ReferenceData

MODEL_FILE = "relations.crfsuite"
CARD_FILE = "relations.json"
LEARNED_PATTERN_PREFIX = "learned/relations@"
NO_RELATION = "none"
# bump when features change: a model trained on other features must not be read with these
FEATURES_VERSION = 1
# the classes a pair's names are read as: a franchise is an organisation to the ontology's domains
COARSE_CLASSES = ("Person", "Organisation", "Region")
_FAR = 24  # tokens between two names beyond which no pair is read (a sentence's other clause)


def model_directory() -> Path:
    return Path(str(resources.files("isis_kg") / "models"))


@dataclass(frozen=True)
class Pair:
    """Two names of one sentence, as subject and object of a relation the ontology allows between them."""

    subject: Mention
    object: Mention

    @property
    def span(self) -> tuple[int, int]:
        return min(self.subject.start, self.object.start), max(self.subject.end, self.object.end)


def coarse_class(mention: Mention, reference: ReferenceData) -> str | None:
    return next((c for c in COARSE_CLASSES if reference.is_a(mention.entity_class, c)), None)


def _coarse(entity_class: str, reference: ReferenceData) -> str:
    return next(c for c in COARSE_CLASSES if reference.is_a(entity_class, c))


def candidate_pairs(
    mentions: Sequence[Mention], signatures: frozenset[tuple[str, str]], reference: ReferenceData
) -> list[Pair]:
    """Every ordered pair of distinct, non-overlapping names whose classes some relation joins."""
    pairs = []
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    classes = [coarse_class(m, reference) for m in ordered]
    for i, first in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            second = ordered[j]
            if second.start < first.end or second.entity == first.entity:
                continue
            for (a, ca), (b, cb) in (
                ((first, classes[i]), (second, classes[j])),
                ((second, classes[j]), (first, classes[i])),
            ):
                if ca is not None and cb is not None and (ca, cb) in signatures:
                    pairs.append(Pair(a, b))
    return pairs


def _distance_band(tokens: int) -> str:
    for limit in (0, 1, 2, 3, 5, 8, 12, 18):
        if tokens <= limit:
            return str(limit)
    return "far"


Cue = tuple[int, int, str]  # where a word of events.yaml's triggers stands, and the event class it names


def event_cues(text: str, reference: ReferenceData) -> list[Cue]:
    """The sentence's event triggers (events.yaml): "overvielen het dorp X" says where a group acts."""
    return [
        (found.start(), found.end(), pattern.event_class)
        for pattern in reference.event_rules.patterns
        for trigger in pattern.triggers
        for found in trigger.finditer(text)
    ]


def pair_features(
    text: str, pair: Pair, mentions: Sequence[Mention], reference: ReferenceData, cues: Sequence[Cue] = ()
) -> list[str] | None:
    """What the model reads of a pair (None: too far apart): the classes and their order, the words
    between with the names there written as their class (and their first five letters, which an
    inflection leaves alone), the words just outside, and the event triggers between and near."""
    first, second = sorted((pair.subject, pair.object), key=lambda m: m.start)
    between: list[str] = []
    position = first.end
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.start >= position and mention.end <= second.start:
            between += [t.text.lower() for t in tokenize(text[position : mention.start])]
            between.append(f"<{coarse_class(mention, reference)}>")
            position = mention.end
    between += [t.text.lower() for t in tokenize(text[position : second.start])]
    if len(between) > _FAR:
        return None
    before = [t.text.lower() for t in tokenize(text[max(0, first.start - 60) : first.start])][-2:]
    after = [t.text.lower() for t in tokenize(text[second.end : second.end + 60])][:2]
    subject_class = coarse_class(pair.subject, reference)
    order = "so" if pair.subject is first else "os"
    signature = f"{subject_class}>{coarse_class(pair.object, reference)}"
    features = [f"sig={signature}", f"sig={signature}|{order}", f"dist={_distance_band(len(between))}"]
    features += [f"b={word}" for word in between]
    features += [f"b5={word[:5]}" for word in between if len(word) > 5]
    features += sorted({f"cue={c}" for start, end, c in cues if first.end <= start and end <= second.start})
    features += sorted(
        {
            f"cue_near={c}"
            for start, end, c in cues
            if first.start - 40 <= end <= first.start or second.end <= start <= second.end + 40
        }
    )
    features += [f"b2={a}_{b}" for a, b in zip(between, between[1:], strict=False)]
    features += [f"bl={word}" for word in between[:3]] + [f"br={word}" for word in between[-3:]]
    # the words next to each name, for the classes at hand: "in" before a place says where a group acts
    features += [f"{signature}|{order}|bl={word}" for word in between[:2]]
    features += [f"{signature}|{order}|br={word}" for word in between[-2:]]
    if len(between) <= 6:
        features.append(f"bs={' '.join(between)}|{order}")
    features += [f"p{i}={word}" for i, word in enumerate(reversed(before), 1)]
    features += [f"a{i}={word}" for i, word in enumerate(after, 1)]
    features.append(f"names_between={min(sum(w.startswith('<') for w in between), 3)}")
    if pair.subject.entity_class == "Franchise" or pair.object.entity_class == "Franchise":
        features.append(f"franchise={'s' if pair.subject.entity_class == 'Franchise' else 'o'}")
    return features


Signature = tuple[str, str]  # (subject class, object class), coarse


def ontology_signatures(reference: ReferenceData, predicates: Sequence[str]) -> dict[str, list[Signature]]:
    """Each predicate's (subject class, object class) pairs, by the ontology's rdfs:domain and rdfs:range
    (a domain may be a union: pledgedAllegianceTo is of organisations and persons)."""
    graph = reference.ontology

    def classes(node: Node) -> list[str]:
        members = list(Collection(graph, union)) if (union := graph.value(node, OWL.unionOf)) is not None else [node]
        return [str(m)[len(str(IKG)) :] for m in members if str(m).startswith(str(IKG))]

    signatures = {}
    for predicate in sorted(predicates):
        domains = [c for d in graph.objects(IKG[predicate], RDFS.domain) for c in classes(d)]
        ranges = [c for r in graph.objects(IKG[predicate], RDFS.range) for c in classes(r)]
        coarse = sorted(
            {
                (
                    next(k for k in COARSE_CLASSES if reference.is_a(d, k)),
                    next(k for k in COARSE_CLASSES if reference.is_a(r, k)),
                )
                for d in domains
                for r in ranges
            }
        )
        signatures[predicate] = coarse
    return signatures


@dataclass(frozen=True)
class PairCard:
    features_version: int
    signatures: dict[str, tuple[Signature, ...]]  # predicate -> the class pairs it joins
    min_scores: dict[str, float]  # predicate -> the probability it needs
    digest: str
    data: dict[str, object]


def read_card(directory: Path) -> PairCard:
    try:
        card = json.loads((directory / CARD_FILE).read_text(encoding="utf-8"))
        digest = hashlib.sha256((directory / MODEL_FILE).read_bytes()).hexdigest()[:12]
        signatures = {
            str(p): tuple((str(s), str(o)) for s, o in pairs) for p, pairs in dict(card["predicates"]).items()
        }
        min_scores = {str(p): float(v) for p, v in dict(card["min_scores"]).items()}
        return PairCard(int(card["features_version"]), signatures, min_scores, digest, card)
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ToolError(str(directory / CARD_FILE), f"is not a readable model card ({error})") from None


class PairClassifier:
    """The shipped model's decision on each pair of names of a sentence."""

    def __init__(self, reference: ReferenceData, directory: Path | None = None) -> None:
        directory = directory or model_directory()
        self.card = read_card(directory)
        if self.card.features_version != FEATURES_VERSION:
            raise ToolError(
                str(directory / MODEL_FILE),
                f"was trained on features version {self.card.features_version}, this code reads {FEATURES_VERSION}",
            )
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open(str(directory / MODEL_FILE))
        except (OSError, ValueError) as error:
            raise ToolError(str(directory / MODEL_FILE), f"cannot be read as a CRFsuite model ({error})") from None
        self._labels = tuple(self._tagger.labels())
        self.signatures = frozenset(s for pairs in self.card.signatures.values() for s in pairs)
        self.pattern = LEARNED_PATTERN_PREFIX + self.card.digest
        self._reference = reference

    def scores(self, features: list[str]) -> dict[str, float]:
        """The probability of each label the model knows, for one pair."""
        self._tagger.set([features])
        self._tagger.tag()
        return {label: self._tagger.marginal(label, 0) for label in self._labels}

    def decide(self, pair: Pair, features: list[str]) -> tuple[str, float] | None:
        """The relation the model reads between the pair (one the ontology allows between their classes),
        and its probability; None where "none" is likelier or the probability is below its min_scores."""
        signature = (coarse_class(pair.subject, self._reference), coarse_class(pair.object, self._reference))
        return self.best_label(features, [p for p, pairs in self.card.signatures.items() if signature in pairs])

    def best_label(self, features: list[str], allowed: Sequence[str] | None = None) -> tuple[str, float] | None:
        """The likeliest of the ``allowed`` relations (default: any), if likelier than "none" and at least as
        likely as the card's min_scores asks of it."""
        scores = self.scores(features)
        candidates = allowed if allowed is not None else [label for label in scores if label != NO_RELATION]
        best = max(candidates, key=lambda p: (scores.get(p, 0.0), p), default=None)
        if best is None:
            return None
        score = scores.get(best, 0.0)
        if score < self.card.min_scores.get(best, 1.0) or score <= scores.get(NO_RELATION, 0.0):
            return None
        return best, score
