"""Cross-document resolution: one node per real entity, event and cited work across all documents.

Entities are keyed by their reference id, so "ISIS", "IS" and "Islamitische Staat" in any
document are one node; every surface form seen is kept as an alternative label. A cited
work is one node however often and wherever it is cited; its creators are persons (the
reference person where the name is one of its names) and its publisher is the reference
organisation it names, where there is one.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from isis_kg.extract.identity import agreed_date, dated_labels, dated_target, happening_key
from isis_kg.model import Citation, DateValue, Document, EventMention
from isis_kg.people import PersonNode, merge_people
from isis_kg.reference import ReferenceData, entity_key

FRANCHISE = "Franchise"
PERSON = "Person"


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
    date: DateValue | None = None  # the date its sources agree on (extract.identity.agreed_date)


@dataclass
class SourceNode:
    key: str
    citation: Citation  # as first cited (in content-hash order of documents)
    creators: tuple[str, ...]  # entity keys of persons
    publisher: str | None  # entity key of the organisation, when the reference data knows it
    footnotes: set[int] = field(default_factory=set)
    citation_texts: set[str] = field(default_factory=set)


@dataclass
class ResolvedCorpus:
    """All documents, in content-hash order, with the nodes they share."""

    documents: list[Document]
    entities: dict[str, EntityNode]
    events: dict[str, EventNode]
    sources: dict[str, SourceNode]
    # a document's happening that is one of another document's (see identify_across), and a person
    # that is another spelling of one (people.merge_people): its key in the graph
    renamed: dict[str, str] = field(default_factory=dict)

    def event_key(self, key: str) -> str:
        return self.renamed.get(key, key)


def source_key(citation: Citation) -> str | None:
    """The same title (and year) is the same work, whatever page or paragraph a footnote cites."""
    if not citation.title:
        return None
    title = re.sub(r"\W+", " ", unicodedata.normalize("NFKC", citation.title).casefold()).strip()
    year = str(citation.date.year) if citation.date else ""
    digest = hashlib.sha256(f"{title}|{year}".encode()).hexdigest()
    return f"source/{digest[:16]}"


def resolve(documents: list[Document], reference: ReferenceData) -> ResolvedCorpus:
    # Content-hash order, so that file names never change what the graph says.
    ordered = sorted(documents, key=lambda d: d.sha256)
    entities: dict[str, EntityNode] = {}
    events: dict[str, EventNode] = {}
    sources: dict[str, SourceNode] = {}
    by_name = _names_to_ids(reference)
    people: dict[str, PersonNode] = {}  # who is named how, where: what merging persons goes by

    def named(key: str, spelling: str, where: str, document: str) -> None:
        node = entities[key]
        if node.entity_class != PERSON:
            return
        person_node = people.setdefault(key, PersonNode(key, _compared_name(node), key in reference.entities))
        person_node.spellings.setdefault(spelling, set()).add(where)
        person_node.documents.add(document)

    def entity(key: str) -> EntityNode:
        if key not in entities:
            known = reference.entities[key]
            entities[key] = EntityNode(key, known.entity_class, dict(known.labels), wikidata=known.wikidata)
        return entities[key]

    def person(name: str) -> str:
        key = by_name.get((name, PERSON)) or entity_key(name)
        if key in reference.entities:
            entity(key)
        elif key not in entities:
            entities[key] = EntityNode(key, PERSON, {"nl": name, "en": name})
        else:
            # a citation names its creators where a recogniser only guessed from the words around a name
            entities[key].entity_class = PERSON
        return key

    for document in ordered:
        for ref in (document.meta.publisher_ref, document.meta.author_ref):
            if ref is not None and ref in reference.entities:
                entity(ref)
        for mention in document.mentions:
            if mention.entity not in reference.entities and mention.entity not in entities:
                # a name no list knows, typed by the words around it;
                # a person's name is the same in every language; another name's Dutch form is the one read
                languages = ("nl", "en") if mention.entity_class == PERSON else ("nl",)
                labels = {language: mention.surface for language in languages}
                entities[mention.entity] = EntityNode(mention.entity, mention.entity_class, labels)
            node = entity(mention.entity)
            if mention.surface not in node.labels.values():
                node.alt_labels.add((mention.surface, document.meta.language))
            if not mention.cited:  # a cited creator is named by its work below
                named(mention.entity, mention.surface, document.sha256, document.sha256)
        for relation in document.relations:
            for endpoint in (relation.subject, relation.object):
                if isinstance(endpoint, str) and endpoint in reference.entities:
                    entity(endpoint)
            if relation.predicate == "franchiseOf":
                # a text saying X is a branch of Y makes X a franchise, whatever the list said
                entity(relation.subject).entity_class = FRANCHISE
        for footnote in sorted(document.footnotes.values(), key=lambda f: f.number):
            for work in footnote.works:
                key = source_key(work)
                if key is None:
                    continue
                creators = tuple(person(name) for name in work.creators)
                for place, (name, creator) in enumerate(zip(work.creators, creators, strict=True)):
                    named(creator, name, key, document.sha256)
                    people[creator].places.add((key, place))
                    if name not in entities[creator].labels.values():
                        entities[creator].alt_labels.add((name, document.meta.language))
                if key not in sources:
                    publisher = by_name.get((work.publisher or "", "Organisation"))
                    if publisher is not None:
                        entity(publisher)
                    elif work.publisher and _is_organisation(entities.get(entity_key(work.publisher)), reference):
                        publisher = entity_key(work.publisher)  # the footnote's name of it made it (nlp.cited)
                    sources[key] = SourceNode(key, work, creators, publisher)
                else:  # every creator any citation of the work names, spellings of one merged below
                    sources[key].creators = tuple(dict.fromkeys(sources[key].creators + creators))
                sources[key].footnotes.add(footnote.number)
                sources[key].citation_texts.add(footnote.text)
    renamed = identify_across([event for document in ordered for event in document.events])
    renamed |= _merge_persons(entities, sources, list(people.values()), reference)
    claimed: dict[str, list[DateValue]] = {}
    for document in ordered:
        for relation in document.relations:
            if relation.predicate == "date" and isinstance(relation.object, DateValue):
                claimed.setdefault(renamed.get(relation.subject, relation.subject), []).append(relation.object)
    for document in ordered:
        for event in document.events:
            key = renamed.get(event.key, event.key)
            if key not in events:
                date = agreed_date(claimed.get(key, ()))
                events[key] = EventNode(key, event.event_class, dated_labels(event.labels, date, event.once), date)
    return ResolvedCorpus(documents=ordered, entities=entities, events=events, sources=sources, renamed=renamed)


def identify_across(events: list[EventMention]) -> dict[str, str]:
    """Happenings of one document that are another's: one undated, or dated less precisely, that fits
    exactly one happening of the same kind and place in the corpus is that one (see
    extract.identity, which does the same within a document first). Old key -> new key."""
    dates: dict[tuple[str, str | None], set[DateValue]] = {}
    for event in events:
        if not event.once and event.date is not None:
            dates.setdefault((event.pattern, event.place), set()).add(event.date)
    renamed: dict[str, str] = {}
    for event in events:
        if event.once or event.key in renamed:
            continue
        dated = dates.get((event.pattern, event.place), set())
        happenings = {dated_target(d, dated) for d in dated}
        target = dated_target(event.date, dated) if event.date is not None else dated_target(None, happenings)
        if target != event.date:
            renamed[event.key] = happening_key(event, target)
    return renamed


def _compared_name(node: EntityNode) -> str:
    """The spelling a person is compared by: a reference person's English label (the fullest), else its own."""
    return node.labels.get("en") or next(iter(node.labels.values()))


def _merge_persons(
    entities: dict[str, EntityNode], sources: dict[str, SourceNode], people: list[PersonNode], reference: ReferenceData
) -> dict[str, str]:
    """One node per person (people.merge_people): the others' spellings become its alternative labels,
    the works they wrote its works. Old key -> kept key."""
    rules = reference.citations
    renamed: dict[str, str] = {}
    for kept, keys in merge_people(people, rules.authors, rules.name_particles).items():
        node = entities[kept]
        for key in keys:
            if key == kept:
                continue
            merged = entities.pop(key)
            language = next(iter(merged.labels))
            node.alt_labels |= {(label, language) for label in merged.labels.values()} | merged.alt_labels
            renamed[key] = kept
        node.alt_labels = {(text, language) for text, language in node.alt_labels if text not in node.labels.values()}
    for source in sources.values():
        source.creators = tuple(dict.fromkeys(renamed.get(c, c) for c in source.creators))
    return renamed


def _is_organisation(node: EntityNode | None, reference: ReferenceData) -> bool:
    return node is not None and reference.is_a(node.entity_class, "Organisation")


def _names_to_ids(reference: ReferenceData) -> dict[tuple[str, str], str]:
    """(name, Person|Organisation) -> reference id, for names that belong to one entity only."""
    found: dict[tuple[str, str], set[str]] = {}
    for known in reference.entities.values():
        family = PERSON if reference.is_a(known.entity_class, PERSON) else "Organisation"
        if family == "Organisation" and not reference.is_a(known.entity_class, "Organisation"):
            continue
        for name in known.names:
            found.setdefault((name, family), set()).add(known.id)
    return {key: next(iter(ids)) for key, ids in found.items() if len(ids) == 1}
