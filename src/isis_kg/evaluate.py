"""Measure extraction quality against the development gold set (tests/gold/passages.yaml).

Each gold passage is scored on what a build reads from it: its corpus document is read whole,
by the same per-document stages, and the passage's sentences are those the passage covers most
of. So footnote markers, the words pointing back to the sentence before and the aliases a
document introduces are read as in the build. (A passage of a text not in the corpus is read
alone.) Entities are scored as (passage, id, class), relations as (passage, subject, predicate,
object), event arguments included (``date``, ``occurredIn``, ``perpetrator`` with the event key
as subject).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from isis_kg.errors import InputError
from isis_kg.extract.identity import agreed_date, fits
from isis_kg.extract.relations import NAME_PATTERN_PREFIX
from isis_kg.ingest import repair_layout
from isis_kg.ingest.catalogue import Catalogue, catalogue_paths, load_catalogues
from isis_kg.ingest.citations import read_footnotes
from isis_kg.ingest.reader import SourceFile, read_source
from isis_kg.model import Citation, DateValue, Document, EventMention, Footnote, Mention, Relation, Sentence
from isis_kg.nlp import Analysers
from isis_kg.pipeline import read_document
from isis_kg.reference import ReferenceData, load_reference
from isis_kg.yamlfile import parse_yaml

PROJECT = Path(__file__).resolve().parents[2]
DEFAULT_GOLD = PROJECT / "tests" / "gold" / "passages.yaml"
# new texts written for the project, on subjects the corpus does not cover, each annotated before any
# extractor ran on it (development, heldout); tests/gold/training.yaml holds more, only to train on
FRESH_GOLD = PROJECT / "tests" / "gold" / "fresh.yaml"
TRAINING_GOLD = PROJECT / "tests" / "gold" / "training.yaml"
DEFAULT_FOOTNOTE_GOLD = PROJECT / "tests" / "gold" / "footnotes.yaml"
FOOTNOTE_GOLD_PATTERN = "footnotes*.yaml"  # every gold file of footnotes under tests/gold/, each scored on its own
DEFAULT_FIGURE_GOLD = PROJECT / "tests" / "gold" / "quantities.yaml"
DEFAULT_CORPUS = PROJECT / "corpus"
CITATION_FIELDS = ("title", "creators", "publisher", "date")
EVENT_CLASS = "Event"
# the classes of named entities, scored together apart from the events
NAME_CLASSES = frozenset({"Organisation", "Franchise", "Person", "Region"})
# the relations of the graph contract; the targets are set over these together
EVENT_ARGUMENTS = frozenset({"date", "occurredIn", "perpetrator"})
CONTRACT_RELATIONS = frozenset(
    {
        "franchiseOf",
        "operatesIn",
        "locatedIn",
        "leaderOf",
        "memberOf",
        "predecessorOf",
        "opposes",
        "pledgedAllegianceTo",
    }
)

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
    split: str  # development or heldout
    passages: int
    entities: tuple[Score, ...]  # per class, then "all"
    relations: tuple[Score, ...]  # per predicate, then "all"
    missed: tuple[Item, ...]  # gold items not found, for the curious reviewer
    spurious: tuple[Item, ...]  # predicted items not in the gold set
    events_found: int = 0  # gold events the pipeline found
    event_dates_right: int = 0  # of those, the ones whose date is the gold date (or both have none)
    gold_set: str = "passages.yaml"  # the gold file's name
    gold_events: int = 0

    def table(self) -> list[str]:
        lines = [f"Passages gold set {self.gold_set}, {self.split}: {self.passages} passages"]
        if self.gold_events:
            lines.append(
                f"events found: {self.events_found}/{self.gold_events} ({self.events_found / self.gold_events:.0%})"
            )
        if self.events_found:
            share = self.event_dates_right / self.events_found
            lines.append(f"event dates right: {self.event_dates_right}/{self.events_found} ({share:.0%})")
        lines.append("")
        for title, scores in (("entity class", self.entities), ("relation", self.relations)):
            lines.append(f"{title:<22} {'gold':>5} {'pred':>5} {'ok':>5} {'P':>6} {'R':>6} {'F1':>6}")
            for s in scores:
                lines.append(
                    f"{s.label:<22} {s.gold:>5} {s.predicted:>5} {s.correct:>5} "
                    f"{s.precision:>6.2f} {s.recall:>6.2f} {s.f1:>6.2f}"
                )
            lines.append("")
        return lines


@dataclass(frozen=True)
class CitationEvaluation:
    split: str  # development or heldout
    footnotes: int
    kinds_right: int  # citation / repeat (Idem, Ibid) / explanation told apart
    works: int
    fields_right: dict[str, int]  # per field of CITATION_FIELDS, over the gold works
    repeats: int
    repeats_resolved: int
    wrong: tuple[str, ...]  # "footnote 102 publisher: 'een publicatie...' != 'NCTV en AIVD'"
    gold_set: str = "footnotes.yaml"  # the gold file's name

    def table(self) -> list[str]:
        lines = [
            f"Citations gold set {self.gold_set}, {self.split}: {self.footnotes} footnotes, {self.works} cited works",
            f"{'kind of footnote':<22} {self.kinds_right:>3}/{self.footnotes:<3} "
            f"{self.kinds_right / self.footnotes:>6.1%}",
        ]
        for name in CITATION_FIELDS:
            right = self.fields_right[name]
            share = right / self.works if self.works else 0.0  # a gold file of explanations only cites no work
            lines.append(f"{name:<22} {right:>3}/{self.works:<3} {share:>6.1%}")
        lines.append(f"{'Idem/Ibid resolved':<22} {self.repeats_resolved:>3}/{self.repeats:<3}")
        return lines + [""]


def evaluate_citations(
    gold_path: Path | str = DEFAULT_FOOTNOTE_GOLD,
    corpus: Path | str = DEFAULT_CORPUS,
    reference: ReferenceData | None = None,
) -> list[CitationEvaluation]:
    """Score the citation parser on hand-checked footnotes of one corpus document, per split."""
    reference = reference or load_reference()
    data = _load_yaml(Path(gold_path), "footnotes")
    path = Path(corpus) / str(data.get("document"))
    text = path.read_text(encoding="utf-8")
    found = read_footnotes(repair_layout(text, reference.layout), reference)
    splits: dict[str, list[dict[str, Any]]] = {}
    for entry in data["footnotes"]:
        splits.setdefault(str(entry.get("split", "development")), []).append(entry)
    return [
        replace(_score_citations(name, entries, found), gold_set=Path(gold_path).name)
        for name, entries in splits.items()
    ]


def footnote_golds() -> list[Path]:
    """The gold files of footnotes ``isis-kg evaluate`` scores by default: tests/gold/footnotes*.yaml."""
    return sorted(DEFAULT_FOOTNOTE_GOLD.parent.glob(FOOTNOTE_GOLD_PATTERN))


def _score_citations(split: str, entries: list[dict[str, Any]], found: dict[int, Footnote]) -> CitationEvaluation:
    kinds_right = works = repeats = repeats_resolved = 0
    fields_right = dict.fromkeys(CITATION_FIELDS, 0)
    wrong: list[str] = []
    for entry in entries:
        number = int(entry["number"])
        footnote = found.get(number)
        predicted_kind = (
            "missing"
            if footnote is None
            else "repeat"
            if footnote.repeats_previous
            else "explanation"
            if footnote.explanatory
            else "citation"
        )
        kinds_right += predicted_kind == entry["kind"]
        gold_works = entry.get("works") or []
        predicted = [_work_fields(w) for w in footnote.works] if footnote else []
        if entry["kind"] == "repeat":
            repeats += 1
            repeats_resolved += [p["title"] for p in predicted] == [_norm(w["title"]) for w in gold_works]
        for index, gold in enumerate(gold_works):
            works += 1
            guess = predicted[index] if index < len(predicted) else dict.fromkeys(CITATION_FIELDS)
            for name in CITATION_FIELDS:
                expected = _norm(gold.get(name)) if name != "creators" else [_norm(c) for c in gold.get(name) or []]
                if guess[name] == expected:
                    fields_right[name] += 1
                else:
                    wrong.append(f"footnote {number} {name}: {guess[name]!r} != {expected!r}")
    return CitationEvaluation(
        split=split,
        footnotes=len(entries),
        kinds_right=kinds_right,
        works=works,
        fields_right=fields_right,
        repeats=repeats,
        repeats_resolved=repeats_resolved,
        wrong=tuple(wrong),
    )


def _work_fields(work: Citation) -> dict[str, Any]:
    return {
        "title": _norm(work.title),
        "creators": [_norm(c) for c in work.creators],
        "publisher": _norm(work.publisher),
        "date": work.date.lexical if work.date else None,
    }


def _norm(value: object) -> str | None:
    """Compare text without quote marks, case or spacing differences."""
    if value is None:
        return None
    return " ".join(re.sub(r"[‘’'“”\"]", "", str(value)).casefold().split()) or None


@dataclass(frozen=True)
class FigureEvaluation:
    """Quantity claims scored against the figures gold set, over whole documents."""

    documents: int
    claims: Score
    details_right: dict[str, int]  # of the claims found right: approximate, lower bound, as-of date
    missed: tuple[str, ...]
    spurious: tuple[str, ...]
    wrong: tuple[str, ...]  # a claim found with a detail wrong

    def table(self) -> list[str]:
        score = self.claims
        lines = [
            f"Figures gold set: {self.documents} documents",
            f"{'quantity claims':<22} {score.gold:>5} {score.predicted:>5} {score.correct:>5}  "
            f"{score.precision:>5.2f}  {score.recall:>5.2f}  {score.f1:>5.2f}",
        ]
        for name, right in self.details_right.items():
            lines.append(f"{name + ' right':<22} {right:>3}/{score.correct:<3}")
        return lines + [""]


def evaluate_figures(
    gold_path: Path | str = DEFAULT_FIGURE_GOLD,
    reference: ReferenceData | None = None,
    corpus: Path | str = DEFAULT_CORPUS,
    documents: CorpusReader | None = None,
) -> FigureEvaluation:
    """Score the quantity claims of the gold set's documents, each read whole as a build reads it
    (by ``documents``, when the passages were scored on them already)."""
    reference = reference or load_reference()
    data = _load_yaml(Path(gold_path), "documents")
    gold: dict[Item, dict[str, Any]] = {}
    found: dict[Item, dict[str, Any]] = {}
    with reading_corpus(corpus, reference, documents=documents) as documents:
        for number, entry in enumerate(data["documents"], start=1):
            figures = entry.get("figures") if isinstance(entry, dict) else None
            if not isinstance(entry, dict) or "document" not in entry or not isinstance(figures or [], list):
                raise InputError(Path(gold_path), f"document {number} needs 'document' and a 'figures' list")
            name = str(entry["document"])
            for figure in figures or []:
                if not isinstance(figure, dict) or not {"about", "quantity", "unit"} <= figure.keys():
                    raise InputError(Path(gold_path), f"{name}: every figure needs 'about', 'quantity' and 'unit'")
                gold[(name, str(figure["about"]), str(figure["quantity"]), str(figure["unit"]))] = figure
            document = documents.document(name)
            if document is None:
                raise InputError(Path(gold_path), f"document {name} is not in {corpus}")
            for claim in document.claims:
                if claim.hedged:
                    continue  # the gold set leaves hedged figures out, as hedged facts
                found[(name, claim.about, str(claim.quantity), claim.unit)] = {
                    "approximate": claim.approximate,
                    "lower": claim.lower,
                    "as_of": claim.as_of.lexical if claim.as_of else None,
                }
    right = sorted(gold.keys() & found.keys())
    details_right = dict.fromkeys(("approximate", "lower bound", "as-of date"), 0)
    wrong = []
    for key in right:
        expected = gold[key]
        for label, name, value in (
            ("approximate", "approximate", bool(expected.get("approximate", False))),
            ("lower bound", "lower", expected.get("lower")),
            ("as-of date", "as_of", str(expected["as_of"]) if expected.get("as_of") else None),
        ):
            if found[key][name] == value:
                details_right[label] += 1
            else:
                wrong.append(f"{' | '.join(key)} {name}: {found[key][name]!r} != {value!r}")
    return FigureEvaluation(
        documents=len(data["documents"]),
        claims=Score("quantity claims", len(gold), len(found), len(right)),
        details_right=details_right,
        missed=tuple(" | ".join(key) for key in sorted(gold.keys() - found.keys())),
        spurious=tuple(" | ".join(key) for key in sorted(found.keys() - gold.keys())),
        wrong=tuple(wrong),
    )


def evaluate(
    gold_path: Path | str = DEFAULT_GOLD,
    reference: ReferenceData | None = None,
    ner: str | None = None,
    parser: str | None = None,
    corpus: Path | str = DEFAULT_CORPUS,
    documents: CorpusReader | None = None,
    only: Collection[str] | None = None,
) -> list[Evaluation]:
    """Score entities and relations on the gold passages, one Evaluation per split (``ner``, ``parser``: see
    build; or ``documents``, a reader of the corpus to share with evaluate_figures; ``only``: these splits,
    so that a held-out part is not read before its first run)."""
    reference = reference or load_reference()
    splits: dict[str, list[dict[str, Any]]] = {}
    for passage in load_gold(Path(gold_path)):
        split = str(passage.get("split", "development"))
        if only is None or split in only:
            splits.setdefault(split, []).append(passage)
    with reading_corpus(corpus, reference, ner, parser, documents) as documents:
        return [
            replace(_evaluate_passages(name, passages, documents), gold_set=Path(gold_path).name)
            for name, passages in splits.items()
        ]


@contextmanager
def reading_corpus(
    corpus: Path | str,
    reference: ReferenceData,
    ner: str | None = None,
    parser: str | None = None,
    documents: CorpusReader | None = None,
    model: Path | None = None,
    relations: str | None = None,
    relation_model: Path | None = None,
) -> Iterator[CorpusReader]:
    """A reader of the corpus documents, with the analysers it needs while it is open (or ``documents``,
    already open)."""
    if documents is not None:
        yield documents
        return
    analysers = Analysers.create(reference, ner, parser, model, relations, relation_model)
    try:
        yield CorpusReader(Path(corpus), reference, analysers)
    finally:
        analysers.close()


@dataclass(frozen=True)
class PassageReading:
    """What the build reads from one passage's sentences."""

    mentions: list[Mention]
    relations: list[Relation]
    events: list[EventMention]


class CorpusReader:
    """The corpus documents the gold sets come from, each read once, as a build reads it."""

    def __init__(self, corpus: Path, reference: ReferenceData, analysers: Analysers) -> None:
        self.corpus = corpus
        self.reference = reference
        self.analysers = analysers
        self.catalogue = (
            load_catalogues(catalogue_paths([corpus]), reference.source_kinds) if corpus.is_dir() else Catalogue()
        )
        self._documents: dict[str, Document | None] = {}

    def document(self, file_name: str) -> Document | None:
        if file_name not in self._documents:
            path = self.corpus / file_name
            self._documents[file_name] = (
                read_document(read_source(path), self.catalogue, self.reference, self.analysers)
                if path.is_file()
                else None
            )
        return self._documents[file_name]

    def read(self, passage: dict[str, Any]) -> PassageReading:
        text = str(passage["text"])
        file_name = str(passage.get("document", passage["id"]))
        document = self.document(file_name)
        span = _locate(text, document.text) if document is not None else None
        if document is None or span is None:
            return _everything(self._read_alone(text, file_name, passage.get("date")))
        return _within(document, span)

    def _read_alone(self, text: str, file_name: str, date: object = None) -> Document:
        """A passage its document does not hold (or a text outside the corpus), read as a text of its
        own, dated as its document (or by the passage's own ``date``)."""
        source = SourceFile(
            Path(file_name), hashlib.sha256(text.encode()).hexdigest(), text, date=str(date) if date else None
        )
        catalogue = Catalogue()
        path = self.corpus / file_name
        if path.is_file():
            meta = self.catalogue.meta_for(hashlib.sha256(path.read_bytes()).hexdigest())
            catalogue.entries[source.sha256] = replace(meta, sha256=source.sha256)
        return read_document(source, catalogue, self.reference, self.analysers)


def _everything(document: Document) -> PassageReading:
    return PassageReading(document.mentions, document.relations, document.events)


def _within(document: Document, span: tuple[int, int]) -> PassageReading:
    """What the document's sentences say within the span. A passage may open on the tail of a
    sentence ("dreigingslandschap van Zuidoost-Azië."): of such a sentence, only the names inside
    the passage count, and the facts that involve no name outside it."""
    sentences = {s.index: s for s in document.sentences if s.original_start < span[1] and span[0] < s.original_end}

    def inside(mention: Mention) -> bool:
        sentence = sentences[mention.sentence]
        block = document.blocks[sentence.block]
        start, end = block.original_span(sentence.start + mention.start, sentence.start + mention.end)
        return span[0] <= start and end <= span[1]

    in_sentences = [m for m in document.mentions if m.sentence in sentences]
    mentions = [m for m in in_sentences if inside(m)]
    outside = {(m.sentence, m.entity) for m in in_sentences} - {(m.sentence, m.entity) for m in mentions}

    def within(sentence: int, *names: object) -> bool:
        return sentence in sentences and not any((sentence, name) in outside for name in names)

    relations = [r for r in document.relations if within(r.sentence, r.subject, r.object)]
    named = {m.entity for m in mentions}
    # a name states its facts wherever it stands ("ISIS-L" is ISIS's, in Libya); the build records
    # them once, at the document's first naming, which may come before the passage
    relations += [
        r
        for r in document.relations
        if r.pattern.startswith(NAME_PATTERN_PREFIX) and r.subject in named and r.sentence not in sentences
    ]
    places: dict[tuple[int, str], list[str]] = {}
    for r in document.relations:
        if r.predicate == "occurredIn":
            places.setdefault((r.sentence, r.subject), []).append(str(r.object))

    def event_within(event: EventMention) -> bool:
        # an event counts where its places are inside the passage; one without a place where the
        # passage holds most of its sentence
        own = places.get((event.sentence, event.key), [])
        return within(event.sentence, *own) and (bool(own) or _covers_most(span, sentences[event.sentence]))

    return PassageReading(mentions, relations, [e for e in document.events if event_within(e)])


def _locate(passage: str, text: str) -> tuple[int, int] | None:
    """Where the passage stands in its document, its line breaks and spacing aside."""
    words = passage.split()
    if not words:
        return None
    found = re.search(r"\s+".join(re.escape(word) for word in words), text)
    return found.span() if found else None


def _covers_most(span: tuple[int, int], sentence: Sentence) -> bool:
    """Whether the passage holds most of the sentence (for an event that names no place)."""
    overlap = min(span[1], sentence.original_end) - max(span[0], sentence.original_start)
    return 2 * overlap > sentence.original_end - sentence.original_start


def _evaluate_passages(split: str, passages: list[dict[str, Any]], documents: CorpusReader) -> Evaluation:
    gold_entities: set[Item] = set()
    gold_relations: set[Item] = set()
    found_entities: set[Item] = set()
    found_relations: set[Item] = set()
    gold_dates: dict[Item, str | None] = {}  # (passage, event key) -> its gold date
    for passage in passages:
        name = str(passage["id"])
        # a fresh passage's entity also lists its surface forms, its relation the evidence sentence
        gold_entities |= {(name, str(e[0]), str(e[1])) for e in passage.get("entities") or []}
        gold_relations |= {(name, str(r[0]), str(r[1]), str(r[2])) for r in passage.get("relations") or []}
        for event in passage.get("events") or []:
            gold_entities.add((name, str(event["key"]), EVENT_CLASS))
            gold_dates[(name, str(event["key"]))] = str(event["date"]) if "date" in event else None
            if "date" in event:
                gold_relations.add((name, str(event["key"]), "date", str(event["date"])))
            for argument in ("occurredIn", "perpetrator"):  # participant is not annotated
                gold_relations |= {(name, str(event["key"]), argument, str(o)) for o in event.get(argument) or []}

        reading = documents.read(passage)
        # an event node's key is the build's name for it: the gold event it is, is the one that
        # matches it in kind, place and date (see _align_events)
        as_gold = _align_events(passage.get("events") or [], reading)
        found_entities |= {(name, m.entity, m.entity_class) for m in reading.mentions}
        found_entities |= {(name, as_gold.get(e.key, e.key), EVENT_CLASS) for e in reading.events}
        claimed: dict[str, list[DateValue]] = {}
        for r in reading.relations:
            if r.predicate == "date" and isinstance(r.object, DateValue) and not r.hedged:
                claimed.setdefault(r.subject, []).append(r.object)
        for key, dates in claimed.items():  # the date the passage's claims agree on
            if (agreed := agreed_date(dates)) is not None:
                found_relations.add((name, as_gold.get(key, key), "date", agreed.lexical))
        # the gold set leaves hedged claims out, so only plain assertions are scored; and it annotates
        # the contract relations and the events' date, place and perpetrator, not casualty figures
        found_relations |= {
            (name, as_gold.get(r.subject, r.subject), r.predicate, _object(r.object))
            for r in reading.relations
            if not r.hedged and r.predicate in CONTRACT_RELATIONS | EVENT_ARGUMENTS - {"date"}
        }

    # a text saying X is a branch of Y makes X a franchise (as resolution does for the graph)
    franchises = {(item[0], item[1]) for item in found_relations if item[2] == "franchiseOf"}
    found_entities = {(p, e, "Franchise" if (p, e) in franchises else c) for p, e, c in found_entities}

    found_events = {(item[0], item[1]) for item in found_entities if item[2] == EVENT_CLASS} & set(gold_dates)
    dates_right = sum(
        1
        for passage, key in found_events
        if {item[3] for item in found_relations if item[:3] == (passage, key, "date")}
        == ({gold_dates[(passage, key)]} if gold_dates[(passage, key)] else set())
    )
    return Evaluation(
        split=split,
        passages=len(passages),
        events_found=len(found_events),
        gold_events=len(gold_dates),
        event_dates_right=dates_right,
        entities=_scores(gold_entities, found_entities, label_of=lambda item: item[2], groups={"names": NAME_CLASSES}),
        relations=_scores(
            gold_relations,
            found_relations,
            label_of=lambda item: item[2],
            groups={"contract relations": CONTRACT_RELATIONS, "event arguments": EVENT_ARGUMENTS},
        ),
        missed=tuple(sorted((gold_entities | gold_relations) - (found_entities | found_relations))),
        spurious=tuple(sorted((found_entities | found_relations) - (gold_entities | gold_relations))),
    )


def _align_events(gold_events: list[dict[str, Any]], reading: PassageReading) -> dict[str, str]:
    """Found event key -> the gold event key it is: the same key, else the same class at a shared
    place with a date that fits the gold one's (or either has none), else the same class with the
    same date and no place on either side, else the same class with fitting dates (its place wrong
    or missing, as the event arguments then score). Each gold event takes at most one found event,
    and the best fitting one: a fitting date weighs more than a shared place (an event read at its place
    but dated from another clause is the weaker match)."""
    places: dict[str, set[str]] = {}
    for relation in reading.relations:
        if relation.predicate == "occurredIn" and isinstance(relation.object, str):
            places.setdefault(relation.subject, set()).add(relation.object)
    found = {e.key: e for e in reading.events}
    aligned: dict[str, str] = {}

    def score(gold: dict[str, Any], event: EventMention) -> int:
        if event.key == str(gold["key"]):
            return 4
        if event.event_class != str(gold.get("class")):
            return 0
        gold_date = DateValue.parse(str(gold["date"])) if "date" in gold else None
        dates_fit = (
            gold_date is None or event.date is None or fits(event.date, gold_date) or fits(gold_date, event.date)
        )
        gold_places = {str(p) for p in gold.get("occurredIn") or []}
        if gold_places & places.get(event.key, set()):
            return 3 if dates_fit else 1
        if not gold_places and not places.get(event.key) and gold_date is not None and gold_date == event.date:
            return 3
        # the happening, read with a wrong or no place (which the event arguments score)
        return 2 if gold_date is not None and event.date is not None and dates_fit else 0

    for gold in gold_events:
        candidates = [(score(gold, e), key) for key, e in sorted(found.items()) if key not in aligned]
        best = max(candidates, key=lambda c: c[0], default=(0, ""))
        if best[0] > 0:
            aligned[best[1]] = str(gold["key"])
    return aligned


def _object(value: object) -> str:
    return value.lexical if isinstance(value, DateValue) else str(value)


def _scores(
    gold: set[Item], found: set[Item], label_of: Callable[[Item], str], groups: dict[str, frozenset[str]] | None = None
) -> tuple[Score, ...]:
    """A score per label, then per group of labels (those with any member present), then over all."""
    labels = sorted({label_of(i) for i in gold | found})
    members = {label: frozenset({label}) for label in labels}
    members |= {name: group for name, group in (groups or {}).items() if group & set(labels)}
    members["all"] = frozenset(labels)

    def score(label: str) -> Score:
        g = {i for i in gold if label_of(i) in members[label]}
        f = {i for i in found if label_of(i) in members[label]}
        return Score(label, len(g), len(f), len(g & f))

    return tuple(score(label) for label in members)


def _load_yaml(path: Path, key: str) -> dict[str, Any]:
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror or error})") from None
    except yaml.YAMLError:
        raise InputError(path, "gold set is not valid YAML") from None
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise InputError(path, f"gold set needs a '{key}:' list")
    return data


def load_gold(path: Path) -> list[dict[str, Any]]:
    data = _load_yaml(path, "passages")
    for number, passage in enumerate(data["passages"], start=1):
        if not isinstance(passage, dict) or "id" not in passage or "text" not in passage:
            raise InputError(path, f"passage {number} needs 'id' and 'text'")
        for field_name, least in (("entities", 2), ("relations", 3)):
            if any(not isinstance(item, list) or len(item) < least for item in passage.get(field_name) or []):
                raise InputError(path, f"passage {passage['id']}: each of '{field_name}' needs {least} fields or more")
    return data["passages"]
