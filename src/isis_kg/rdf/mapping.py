"""Map resolved documents, entities, events and relations to triples of the ontology.

Every relation triple gets one statement node per sentence that says it (rdf:Statement
with subject, predicate, object, the document, the evidence sentence, its offsets and the
pattern that read it).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from isis_kg.ingest.citations import title_language
from isis_kg.model import EVENT_KEY_PREFIX, DateValue, Document, Precision, QuantityClaim, Relation
from isis_kg.namespaces import IKG, WD
from isis_kg.rdf.export import Triple, merge_ntriples, to_ntriples
from isis_kg.rdf.graph import CorpusGraph
from isis_kg.rdf.iris import build_iri, document_iri, node_iri, statement_iri
from isis_kg.reference import ReferenceData
from isis_kg.resolve import ResolvedCorpus, SourceNode, source_key

CITATION_PATTERN = "citation/footnote"
_DATATYPES = {Precision.DAY: XSD.date, Precision.MONTH: XSD.gYearMonth, Precision.YEAR: XSD.gYear}


@dataclass(frozen=True)
class BuildRecord:
    """What made the graph: no clock time, so that a rebuild is byte-identical."""

    tool_version: str
    ontology_version: str
    reference_hash: str
    inputs_hash: str
    software: tuple[str, ...] = ()  # "name version" of each package that shapes what the graph says


def date_literal(value: DateValue) -> Literal:
    return Literal(value.lexical, datatype=_DATATYPES[value.precision])


def map_corpus(corpus: ResolvedCorpus, record: BuildRecord, reference: ReferenceData) -> CorpusGraph:
    """The shared nodes (entities, events, sources), the build record, and each document's own part.

    Each document's N-Triples move into the graph (the document is left without them), so that a
    large build holds them once.
    """
    graph = CorpusGraph()
    for entity in corpus.entities.values():
        subject = node_iri(entity.key)
        graph.shared.add((subject, RDF.type, IKG[entity.entity_class]))
        for language, label in entity.labels.items():
            graph.shared.add((subject, RDFS.label, Literal(label, lang=language)))
        for text, language in entity.alt_labels:
            graph.shared.add((subject, SKOS.altLabel, Literal(text, lang=language)))
        if entity.wikidata:
            graph.shared.add((subject, OWL.sameAs, WD[entity.wikidata]))
    for event in corpus.events.values():
        subject = node_iri(event.key)
        graph.shared.add((subject, RDF.type, IKG[event.event_class]))
        for language, label in event.labels:
            graph.shared.add((subject, RDFS.label, Literal(label, lang=language)))
    for source in corpus.sources.values():
        graph.shared |= _source(source, reference)
    for document in corpus.documents:
        ntriples, document.ntriples = document.ntriples, b""
        graph.documents[str(document_iri(document.sha256))] = merge_ntriples(
            _renamed(ntriples, document, corpus), to_ntriples(_file_name(document) | _event_dates(document, corpus))
        )
    graph.provenance = _build_record(corpus, record)
    return graph


def _renamed(ntriples: bytes, document: Document, corpus: ResolvedCorpus) -> bytes:
    """The document's N-Triples with its happenings and persons under the keys the corpus knows them by
    (resolve.identify_across, people.merge_people). An IRI stands whole between angle brackets in
    N-Triples, so the replacement touches that node and nothing else; the statements keep the names
    they were minted with, so that a new document never renames another's statements."""
    keys = {event.key for event in document.events} | {mention.entity for mention in document.mentions}
    for key in sorted(keys & set(corpus.renamed)):
        old, new = node_iri(key), node_iri(corpus.renamed[key])
        ntriples = ntriples.replace(f"<{old}>".encode(), f"<{new}>".encode())
    return ntriples


def _event_dates(document: Document, corpus: ResolvedCorpus) -> set[Triple]:
    """Each event's one date, asserted in the part of each document that gives that date: the
    sources' other dates for it stay claims (statements) beside it."""
    triples: set[Triple] = set()
    for relation in document.relations:
        if relation.predicate != "date" or not isinstance(relation.object, DateValue):
            continue
        node = corpus.events.get(corpus.event_key(relation.subject))
        if node is not None and node.date == relation.object:
            triples.add((node_iri(node.key), IKG.date, date_literal(node.date)))
    return triples


def map_document(document: Document) -> bytes:
    """What one document says, with a statement node per fact, as N-Triples: a function of the
    document alone (its name aside, see _file_name), so it is computed and cached with the
    document's extraction."""
    triples = _document(document) | _citations(document)
    for relation in document.relations:
        triples |= _fact(document, relation)
    for claim in document.claims:
        triples |= _claim(document, claim)
    return to_ntriples(triples)


def _file_name(document: Document) -> set[Triple]:
    """The document's file name, which the same text read under another name changes."""
    subject = document_iri(document.sha256)
    triples: set[Triple] = {(subject, IKG.fileName, Literal(document.file_name))}
    if not document.meta.title:
        triples.add((subject, RDFS.label, Literal(document.file_name, lang=document.meta.language)))
    return triples


def _document(document: Document) -> set[Triple]:
    meta = document.meta
    subject = document_iri(document.sha256)
    triples: set[Triple] = {
        (subject, RDF.type, IKG.Document),
        (subject, IKG.sha256, Literal(document.sha256)),
        (subject, DCTERMS.language, Literal(meta.language)),
    }
    if meta.title:
        triples.add((subject, DCTERMS.title, Literal(meta.title, lang=meta.language)))
        triples.add((subject, RDFS.label, Literal(meta.title, lang=meta.language)))
    if meta.date:
        triples.add((subject, DCTERMS.date, date_literal(meta.date)))
    if meta.kind:
        triples.add((subject, IKG.sourceKind, IKG[meta.kind]))
    triples |= _grade(subject, document)
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
    sentences = [sentence] if relation.context is None else [document.sentences[relation.context], sentence]
    obj: Node
    if isinstance(relation.object, DateValue):
        obj = date_literal(relation.object)
    elif isinstance(relation.object, int):
        obj = Literal(relation.object)
    else:
        obj = node_iri(relation.object)
    triples, statement = _statement(
        document,
        node_iri(relation.subject),
        IKG[relation.predicate],
        obj,
        " ".join(s.text for s in sentences),
        (sentences[0].original_start, sentence.original_end),
        relation.pattern,
    )
    if relation.predicate == "date" and relation.subject.startswith(EVENT_KEY_PREFIX):
        # a date a sentence gives an event is a claim; the event's date is what all its sources
        # agree on, asserted once the corpus is resolved (see _event_dates)
        triples.discard((node_iri(relation.subject), IKG.date, obj))
        triples.add((statement, RDF.type, IKG.DateClaim))
    triples.add((statement, IKG.confidence, Literal(Decimal(str(relation.confidence)))))
    triples.add((statement, IKG.hedged, Literal(relation.hedged)))
    if relation.resolved_from is not None:
        triples.add((statement, IKG.resolvedFrom, Literal(relation.resolved_from, lang=document.meta.language)))
    if relation.since is not None:
        triples.add((statement, IKG.since, date_literal(relation.since)))
    return triples | _cited(statement, document, tuple(n for s in sentences for n in s.footnotes))


def _claim(document: Document, claim: QuantityClaim) -> set[Triple]:
    """A figure as a claim node: what, how many, about whom, from which sentence and when."""
    sentence = document.sentences[claim.sentence]
    node = node_iri(
        "claim/"
        + statement_iri(document.sha256, str(sentence.original_start), str(claim.start), claim.about).rsplit("/", 1)[-1]
    )
    triples: set[Triple] = {
        (node, RDF.type, IKG.QuantityClaim),
        (node, IKG.about, node_iri(claim.about)),
        (node, IKG.quantity, Literal(claim.quantity)),
        (node, IKG.unit, Literal(claim.unit)),
        (node, IKG.approximate, Literal(claim.approximate)),
        (node, PROV.wasDerivedFrom, document_iri(document.sha256)),
        (node, IKG.evidence, Literal(sentence.text, lang=document.meta.language)),
        (node, IKG.startOffset, Literal(sentence.original_start)),
        (node, IKG.endOffset, Literal(sentence.original_end)),
    }
    if claim.lower is not None:
        triples.add((node, IKG.lowerBound, Literal(claim.lower)))
    if claim.as_of is not None:
        triples.add((node, IKG.asOf, date_literal(claim.as_of)))
    if claim.as_of_resolved_from is not None:
        triples.add((node, IKG.resolvedFrom, Literal(claim.as_of_resolved_from, lang=document.meta.language)))
    if claim.hedged:
        triples.add((node, IKG.hedged, Literal(True)))
    if document.meta.date:
        triples.add((node, IKG.assertedOn, date_literal(document.meta.date)))
    triples |= _grade(node, document) | _cited(node, document, sentence.footnotes)
    return triples


def _cited(node: Node, document: Document, footnotes: tuple[int, ...]) -> set[Triple]:
    """ikg:citedSource for each work the footnotes of a sentence cite."""
    triples: set[Triple] = set()
    for number in footnotes:
        footnote = document.footnotes.get(number)
        for work in footnote.works if footnote else ():
            key = source_key(work)
            if key is not None:
                triples.add((node, IKG.citedSource, node_iri(key)))
    return triples


def _statement(
    document: Document, subject: Node, predicate: Node, obj: Node, evidence: str, span: tuple[int, int], pattern: str
) -> tuple[set[Triple], Node]:
    """The fact and its statement node, named by a hash of what it says and where it was read."""
    statement = statement_iri(str(subject), str(predicate), obj.n3(), document.sha256, str(span[0]), str(span[1]))
    asserted = {(statement, IKG.assertedOn, date_literal(document.meta.date))} if document.meta.date else set()
    return asserted | _grade(statement, document) | {
        (subject, predicate, obj),
        (statement, RDF.type, RDF.Statement),
        (statement, RDF.subject, subject),
        (statement, RDF.predicate, predicate),
        (statement, RDF.object, obj),
        (statement, PROV.wasDerivedFrom, document_iri(document.sha256)),
        (statement, IKG.evidence, Literal(evidence, lang=document.meta.language)),
        (statement, IKG.startOffset, Literal(span[0])),
        (statement, IKG.endOffset, Literal(span[1])),
        (statement, IKG.pattern, Literal(pattern)),
    }, statement


def _grade(node: Node, document: Document) -> set[Triple]:
    """The Admiralty grade of the document, which its statements carry too (to filter facts by trust)."""
    triples: set[Triple] = set()
    if document.meta.reliability:
        triples.add((node, IKG.sourceReliability, Literal(document.meta.reliability)))
    if document.meta.credibility:
        triples.add((node, IKG.informationCredibility, Literal(document.meta.credibility)))
    return triples


def _citations(document: Document) -> set[Triple]:
    """The document cites each work of its footnotes; the footnote is the evidence."""
    triples: set[Triple] = set()
    for footnote in document.footnotes.values():
        span = footnote.span
        for work in footnote.works:
            key = source_key(work)
            if key is not None:
                facts, _node = _statement(
                    document,
                    document_iri(document.sha256),
                    IKG.cites,
                    node_iri(key),
                    footnote.text,
                    span,
                    CITATION_PATTERN,
                )
                triples |= facts
    return triples


def _source(source: SourceNode, reference: ReferenceData) -> set[Triple]:
    work = source.citation
    subject = node_iri(source.key)
    assert work.title is not None  # only titled works become sources (see source_key)
    title = Literal(work.title, lang=title_language(work.title, reference.citations))
    triples: set[Triple] = {
        (subject, RDF.type, IKG.Source),
        (subject, RDFS.label, title),
        (subject, DCTERMS.title, title),
        (subject, IKG.sourceKind, IKG[work.kind]),
    }
    for creator in source.creators:
        triples.add((subject, DCTERMS.creator, node_iri(creator)))
    if source.publisher is not None:
        triples.add((subject, DCTERMS.publisher, node_iri(source.publisher)))
    elif work.publisher:
        triples.add((subject, DCTERMS.publisher, Literal(work.publisher)))
    if work.date is not None:
        triples.add((subject, DCTERMS.date, date_literal(work.date)))
    for _kind, identifier in work.identifiers:
        triples.add((subject, DCTERMS.identifier, Literal(identifier)))
    for number in source.footnotes:
        triples.add((subject, IKG.footnoteNumber, Literal(number)))
    for text in source.citation_texts:
        triples.add((subject, IKG.citationText, Literal(text)))
    return triples


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
    triples |= {(activity, IKG.builtWith, Literal(package)) for package in record.software}
    for document in corpus.documents:
        triples.add((activity, PROV.used, document_iri(document.sha256)))
    return triples
