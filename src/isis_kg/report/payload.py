"""The explorer's data: a build as compact JSON, and how it is put into the page safely.

Nodes, facts and texts are lists, and facts point to nodes and texts by their place in those
lists, so that a sentence or a relation's name is written once however many facts share it.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from typing import Any

from isis_kg.namespaces import IKG
from isis_kg.report.collect import Fact, ReportData, short

LOW_CONFIDENCE = 0.7  # below this a fact is "low confidence" in the review queue
_WIKIDATA_ITEM = re.compile(r"(https?)://www\.wikidata\.org/entity/(Q[1-9][0-9]*)")
# embeddings, overrides and isolates reorder the text around them ("Trojan Source"): a text can make a
# sentence read otherwise than it is written; the page's own markup has none, so every one comes from data
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


class _Texts:
    """Strings written once, referred to by their place."""

    def __init__(self) -> None:
        self.values: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, text: str) -> int:
        if text not in self._index:
            self._index[text] = len(self.values)
            self.values.append(text)
        return self._index[text]


def payload(data: ReportData) -> dict[str, Any]:
    """Everything the page shows, as JSON-ready lists and numbers."""
    order = {iri: index for index, iri in enumerate(data.nodes)}
    texts = _Texts()
    support = _support(data.facts)
    facts = [_fact(fact, order, texts, support) for fact in data.facts]
    entity = {iri for iri, node in data.nodes.items() if node.kind == "entity"}
    drawn = sorted(
        {short(f.predicate) for f in data.facts if f.subject in entity and f.object in entity and f.object_is_node}
    )
    return visible_controls(
        {
            "build": data.build,
            "record": data.record,
            "triples": data.triples,
            "validation": {"conforms": data.validation.conforms, "lines": data.validation.summary(limit=50)},
            "classes": sorted(data.class_counts.items()),
            "relations": sorted(Counter(short(f.predicate) for f in data.facts).items()),
            "nodes": [_node(data, iri) for iri in data.nodes],
            "documents": [[order[d.iri], d.title, d.date, d.file, d.facts, d.mentioned] for d in data.documents],
            "facts": facts,
            "texts": texts.values,
            "queue": review_order(data.facts, support),
            "network": drawn,
            "events": _events(data, order),
            "decisions": [[d.date, d.by, d.action, d.what, d.reason, d.applied] for d in data.decisions],
            "lowConfidence": LOW_CONFIDENCE,
            "retype": sorted({c.removeprefix("ikg:") for iri in entity for c in data.nodes[iri].classes}),
        }
    )


def _node(data: ReportData, iri: str) -> list[Any]:
    node = data.nodes[iri]
    return [
        short(iri),
        node.label,
        node.kind,
        list(node.classes),
        list(node.aliases),
        list(node.labels),
        [[short(item), wikidata_page(item)] for item in node.wikidata],
        node.documents,
    ]


def _fact(fact: Fact, order: dict[str, int], texts: _Texts, support: dict[tuple[str, str, str], int]) -> list[Any]:
    return [
        order[fact.subject],
        texts(short(fact.predicate)),
        order[fact.object] if fact.object_is_node else fact.object,
        1 if fact.object_is_node else 0,
        texts(fact.evidence),
        order[fact.document],
        [order[source] for source in fact.cited],
        fact.confidence,
        1 if fact.hedged else 0,
        texts(fact.pattern),
        fact.asserted_on,
        support[(fact.subject, fact.predicate, fact.object)],
    ]


def _support(facts: list[Fact]) -> dict[tuple[str, str, str], int]:
    """For each fact, how many documents state it."""
    documents: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for fact in facts:
        documents[(fact.subject, fact.predicate, fact.object)].add(fact.document)
    return {key: len(docs) for key, docs in documents.items()}


def review_order(facts: list[Fact], support: dict[tuple[str, str, str], int]) -> list[int]:
    """The facts' places, those to look at first first: hedged ones, then by confidence (the least sure
    first, unscored ones last), those that one document alone states before the others."""

    def key(index: int) -> tuple[bool, float, bool, int]:
        fact = facts[index]
        confidence = fact.confidence if fact.confidence is not None else 2.0
        return (not fact.hedged, confidence, support[(fact.subject, fact.predicate, fact.object)] > 1, index)

    return sorted(range(len(facts)), key=key)


def _events(data: ReportData, order: dict[str, int]) -> list[list[Any]]:
    """Each event with the date its mark stands at (the most precise a text gives, the earliest of
    those), every date the texts give, and whether any text hedges what it says of it."""
    dates: dict[str, set[str]] = defaultdict(set)
    hedged: set[str] = set()
    for fact in data.facts:
        if fact.predicate == str(IKG.date):
            dates[fact.subject].add(fact.object)
        if fact.hedged:
            hedged.add(fact.subject)
    events = []
    for iri, node in data.nodes.items():
        if node.kind != "event":
            continue
        given = sorted(dates.get(iri, ()), key=lambda d: (-len(d), d))
        mark = given[0] if given else ""
        events.append(((mark == "", mark, node.label.casefold()), [order[iri], mark, sorted(given), iri in hedged]))
    return [event for _key, event in sorted(events, key=lambda e: e[0])]


def wikidata_page(item: str) -> str | None:
    """The item's Wikidata page; None for anything else a graph says a node is (a javascript: IRI, say),
    which the page shows as text, never as a link a reader might follow."""
    match = _WIKIDATA_ITEM.fullmatch(item)
    return f"{match.group(1)}://www.wikidata.org/wiki/{match.group(2)}" if match else None


def visible_controls(value: Any) -> Any:
    """Every string inside ``value`` with its bidirectional-text controls shown as [U+202E]."""
    if isinstance(value, str):
        return _BIDI_CONTROLS.sub(lambda control: f"[U+{ord(control.group()):04X}]", value)
    if isinstance(value, list | tuple):
        return [visible_controls(item) for item in value]
    if isinstance(value, dict):
        return {key: visible_controls(item) for key, item in value.items()}
    return value


def script_json(value: Any) -> str:
    """JSON to put inside <script type="application/json">: no '<' (so neither '</script>' nor '<!--'
    can end or change the element), no '>' or '&', and U+2028/U+2029 escaped, whatever a text holds."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for character in "<>&\u2028\u2029":
        text = text.replace(character, f"\\u{ord(character):04x}")
    return text
