"""Cross-document resolution: one node per real entity and event across all documents.

Entities are keyed by their reference id, so "ISIS", "IS" and "Islamitische Staat" in any
document are one node; every surface form seen is kept as an alternative label.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from isis_kg.model import Document
from isis_kg.reference import ReferenceData

FRANCHISE = "Franchise"


@dataclass
class EntityNode:
    key: str
    entity_class: str
    labels: dict[str, str]
    alt_labels: set[tuple[str, str]] = field(default_factory=set)  # (text, language)
    wikidata: str | None = None


@dataclass
class EventNode:
    key: str
    event_class: str
    labels: tuple[tuple[str, str], ...]


@dataclass
class ResolvedCorpus:
    """All documents, in content-hash order, with the nodes they share."""

    documents: list[Document]
    entities: dict[str, EntityNode]
    events: dict[str, EventNode]


def resolve(documents: list[Document], reference: ReferenceData) -> ResolvedCorpus:
    # Content-hash order, so that file names never change what the graph says.
    ordered = sorted(documents, key=lambda d: d.sha256)
    entities: dict[str, EntityNode] = {}
    events: dict[str, EventNode] = {}

    def entity(key: str) -> EntityNode:
        if key not in entities:
            known = reference.entities[key]
            entities[key] = EntityNode(key, known.entity_class, dict(known.labels), wikidata=known.wikidata)
        return entities[key]

    for document in ordered:
        for ref in (document.meta.publisher_ref, document.meta.author_ref):
            if ref is not None and ref in reference.entities:
                entity(ref)
        for mention in document.mentions:
            node = entity(mention.entity)
            if mention.surface not in node.labels.values():
                node.alt_labels.add((mention.surface, document.meta.language))
        for event in document.events:
            events.setdefault(event.key, EventNode(event.key, event.event_class, event.labels))
        for relation in document.relations:
            for key in (relation.subject, relation.object):
                if isinstance(key, str) and key in reference.entities:
                    entity(key)
            if relation.predicate == "franchiseOf":
                # a text saying X is a branch of Y makes X a franchise, whatever the list said
                entity(relation.subject).entity_class = FRANCHISE
    return ResolvedCorpus(documents=ordered, entities=entities, events=events)
