"""Map resolved documents, entities, events and relations to triples of the ontology.

Every relation triple gets one statement node per sentence that says it (rdf:Statement
with subject, predicate, object, the document, the evidence sentence, its offsets and the
pattern that read it).
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from isis_kg.model import DateValue, Document, Precision, Relation
from isis_kg.namespaces import IKG, WD
from isis_kg.rdf.iris import build_iri, document_iri, node_iri, statement_iri
from isis_kg.resolve import ResolvedCorpus

Triple = tuple[Node, Node, Node]

_DATATYPES = {Precision.DAY: XSD.date, Precision.MONTH: XSD.gYearMonth, Precision.YEAR: XSD.gYear}


@dataclass(frozen=True)
class BuildRecord:
    """What made the graph: no clock time, so that a rebuild is byte-identical."""

    tool_version: str
    ontology_version: str
    reference_hash: str
    inputs_hash: str


def date_literal(value: DateValue) -> Literal:
    return Literal(value.lexical, datatype=_DATATYPES[value.precision])


def map_corpus(corpus: ResolvedCorpus, record: BuildRecord) -> set[Triple]:
    triples: set[Triple] = set()
    for entity in corpus.entities.values():
        subject = node_iri(entity.key)
        triples.add((subject, RDF.type, IKG[entity.entity_class]))
        for language, label in entity.labels.items():
            triples.add((subject, RDFS.label, Literal(label, lang=language)))
        for text, language in entity.alt_labels:
            triples.add((subject, SKOS.altLabel, Literal(text, lang=language)))
        if entity.wikidata:
            triples.add((subject, OWL.sameAs, WD[entity.wikidata]))
    for event in corpus.events.values():
        subject = node_iri(event.key)
        triples.add((subject, RDF.type, IKG[event.event_class]))
        for language, label in event.labels:
            triples.add((subject, RDFS.label, Literal(label, lang=language)))
    for document in corpus.documents:
        triples |= _document(document)
        for relation in document.relations:
            triples |= _fact(document, relation)
    triples |= _build_record(corpus, record)
    return triples


def _document(document: Document) -> set[Triple]:
    meta = document.meta
    subject = document_iri(document.sha256)
    triples: set[Triple] = {
        (subject, RDF.type, IKG.Document),
        (subject, IKG.fileName, Literal(document.file_name)),
        (subject, IKG.sha256, Literal(document.sha256)),
        (subject, DCTERMS.language, Literal(meta.language)),
        (subject, RDFS.label, Literal(meta.title or document.file_name, lang=meta.language)),
    }
    if meta.title:
        triples.add((subject, DCTERMS.title, Literal(meta.title, lang=meta.language)))
    if meta.date:
        triples.add((subject, DCTERMS.date, date_literal(meta.date)))
    if meta.kind:
        triples.add((subject, IKG.sourceKind, IKG[meta.kind]))
    for name, ref, prop in (
        (meta.publisher, meta.publisher_ref, DCTERMS.publisher),
        (meta.author, meta.author_ref, DCTERMS.creator),
    ):
        if ref:
            triples.add((subject, prop, node_iri(ref)))
        elif name:
            triples.add((subject, prop, Literal(name)))
    for mention in document.mentions:
        triples.add((subject, IKG.mentions, node_iri(mention.entity)))
    for event in document.events:
        triples.add((subject, IKG.mentions, node_iri(event.key)))
    return triples


def _fact(document: Document, relation: Relation) -> set[Triple]:
    sentence = document.sentences[relation.sentence]
    subject, predicate = node_iri(relation.subject), IKG[relation.predicate]
    obj: Node = date_literal(relation.object) if isinstance(relation.object, DateValue) else node_iri(relation.object)
    statement = statement_iri(
        str(subject),
        str(predicate),
        obj.n3(),
        document.sha256,
        str(sentence.original_start),
        str(sentence.original_end),
    )
    return {
        (subject, predicate, obj),
        (statement, RDF.type, RDF.Statement),
        (statement, RDF.subject, subject),
        (statement, RDF.predicate, predicate),
        (statement, RDF.object, obj),
        (statement, PROV.wasDerivedFrom, document_iri(document.sha256)),
        (statement, IKG.evidence, Literal(sentence.text, lang=document.meta.language)),
        (statement, IKG.startOffset, Literal(sentence.original_start)),
        (statement, IKG.endOffset, Literal(sentence.original_end)),
        (statement, IKG.pattern, Literal(relation.pattern)),
    }


def _build_record(corpus: ResolvedCorpus, record: BuildRecord) -> set[Triple]:
    activity: URIRef = build_iri(record.inputs_hash)
    triples: set[Triple] = {
        (activity, RDF.type, PROV.Activity),
        (activity, RDFS.label, Literal(f"isis-kg build {record.inputs_hash[:16]}", lang="en")),
        (activity, IKG.toolVersion, Literal(record.tool_version)),
        (activity, IKG.ontologyVersion, Literal(record.ontology_version)),
        (activity, IKG.referenceDataHash, Literal(record.reference_hash)),
        (activity, IKG.inputsHash, Literal(record.inputs_hash)),
    }
    for document in corpus.documents:
        triples.add((activity, PROV.used, document_iri(document.sha256)))
    return triples
