"""Measure extraction quality against the development gold set (tests/gold/passages.yaml).

Each gold passage is run through the same per-document stages as a build. Entities are
scored as (passage, id, class), relations as (passage, subject, predicate, object), event
arguments included (``date``, ``occurredIn``, ``perpetrator`` with the event key as subject).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from isis_kg.errors import InputError
from isis_kg.ingest.catalogue import Catalogue
from isis_kg.ingest.reader import SourceFile
from isis_kg.model import DateValue
from isis_kg.nlp import EntityMatcher
from isis_kg.pipeline import process_document
from isis_kg.reference import ReferenceData, load_reference

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "tests" / "gold" / "passages.yaml"
EVENT_CLASS = "Event"

Item = tuple[str, ...]


@dataclass(frozen=True)
class Score:
    label: str
    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Evaluation:
    passages: int
    entities: tuple[Score, ...]  # per class, then "all"
    relations: tuple[Score, ...]  # per predicate, then "all"
    missed: tuple[Item, ...]  # gold items not found, for the curious reviewer
    spurious: tuple[Item, ...]  # predicted items not in the gold set

    def table(self) -> list[str]:
        lines = [f"Development gold set: {self.passages} passages", ""]
        for title, scores in (("entity class", self.entities), ("relation", self.relations)):
            lines.append(f"{title:<22} {'gold':>5} {'pred':>5} {'ok':>5} {'P':>6} {'R':>6} {'F1':>6}")
            for s in scores:
                lines.append(
                    f"{s.label:<22} {s.gold:>5} {s.predicted:>5} {s.correct:>5} "
                    f"{s.precision:>6.2f} {s.recall:>6.2f} {s.f1:>6.2f}"
                )
            lines.append("")
        return lines


def evaluate(gold_path: Path | str = DEFAULT_GOLD, reference: ReferenceData | None = None) -> Evaluation:
    reference = reference or load_reference()
    matcher = EntityMatcher(reference)
    passages = _load_gold(Path(gold_path))
    gold_entities: set[Item] = set()
    gold_relations: set[Item] = set()
    found_entities: set[Item] = set()
    found_relations: set[Item] = set()
    for passage in passages:
        name = str(passage["id"])
        gold_entities |= {(name, str(e), str(c)) for e, c in passage.get("entities") or []}
        gold_relations |= {(name, str(s), str(p), str(o)) for s, p, o in passage.get("relations") or []}
        for event in passage.get("events") or []:
            gold_entities.add((name, str(event["key"]), EVENT_CLASS))
            if "date" in event:
                gold_relations.add((name, str(event["key"]), "date", str(event["date"])))
            for argument in ("occurredIn", "perpetrator"):
                gold_relations |= {(name, str(event["key"]), argument, str(o)) for o in event.get(argument) or []}

        text = str(passage["text"])
        source = SourceFile(Path(str(passage.get("document", name))), hashlib.sha256(text.encode()).hexdigest(), text)
        document = process_document(source, Catalogue(), reference, matcher)
        found_entities |= {(name, m.entity, m.entity_class) for m in document.mentions}
        found_entities |= {(name, e.key, EVENT_CLASS) for e in document.events}
        found_relations |= {(name, r.subject, r.predicate, _object(r.object)) for r in document.relations}

    # a text saying X is a branch of Y makes X a franchise (as resolution does for the graph)
    franchises = {(item[0], item[1]) for item in found_relations if item[2] == "franchiseOf"}
    found_entities = {(p, e, "Franchise" if (p, e) in franchises else c) for p, e, c in found_entities}

    return Evaluation(
        passages=len(passages),
        entities=_scores(gold_entities, found_entities, label_of=lambda item: item[2]),
        relations=_scores(gold_relations, found_relations, label_of=lambda item: item[2]),
        missed=tuple(sorted((gold_entities | gold_relations) - (found_entities | found_relations))),
        spurious=tuple(sorted((found_entities | found_relations) - (gold_entities | gold_relations))),
    )


def _object(value: object) -> str:
    return value.lexical if isinstance(value, DateValue) else str(value)


def _scores(gold: set[Item], found: set[Item], label_of: Callable[[Item], str]) -> tuple[Score, ...]:
    labels = sorted({label_of(i) for i in gold | found})

    def score(label: str) -> Score:
        g = {i for i in gold if label == "all" or label_of(i) == label}
        f = {i for i in found if label == "all" or label_of(i) == label}
        return Score(label, len(g), len(f), len(g & f))

    return tuple(score(label) for label in labels) + (score("all"),)


def _load_gold(path: Path) -> list[dict[str, Any]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror or error})") from None
    except yaml.YAMLError:
        raise InputError(path, "gold set is not valid YAML") from None
    if not isinstance(data, dict) or not isinstance(data.get("passages"), list):
        raise InputError(path, "gold set needs a 'passages:' list")
    for number, passage in enumerate(data["passages"], start=1):
        if not isinstance(passage, dict) or "id" not in passage or "text" not in passage:
            raise InputError(path, f"passage {number} needs 'id' and 'text'")
    return data["passages"]
