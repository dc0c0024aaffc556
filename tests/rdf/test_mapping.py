from pathlib import Path

import rdflib
from rdflib import Literal
from rdflib.namespace import PROV, RDF, XSD

from isis_kg.ingest.catalogue import Catalogue
from isis_kg.ingest.reader import SourceFile
from isis_kg.model import DateValue, DocumentMeta
from isis_kg.namespaces import ID, IKG
from isis_kg.rdf import BuildRecord, map_corpus
from isis_kg.rdf.mapping import date_literal
from isis_kg.resolve import resolve
from isis_kg.stages import process_document

RECORD = BuildRecord(tool_version="test", ontology_version="1", reference_hash="r" * 64, inputs_hash="i" * 64)
TEXT = "Nieuws\n\nOp 29 juni 2014 heeft ISIS een kalifaat uitgeroepen in Syrië en Irak.\n"


def graph_of(reference, analysers, text: str = TEXT, meta: DocumentMeta | None = None) -> rdflib.Graph:
    source = SourceFile(path=Path("bericht.txt"), sha256="a" * 64, text=text)
    catalogue = Catalogue(entries={"a" * 64: meta} if meta else {})
    document = process_document(source, catalogue, reference, analysers)
    graph = rdflib.Graph()
    for triple in map_corpus(resolve([document], reference), RECORD, reference).triples():
        graph.add(triple)
    return graph


def test_dates_carry_their_precision_as_datatype() -> None:
    assert date_literal(DateValue(2014, 6, 29)) == Literal("2014-06-29", datatype=XSD.date)
    assert date_literal(DateValue(2014, 8)) == Literal("2014-08", datatype=XSD.gYearMonth)
    assert date_literal(DateValue(2014)) == Literal("2014", datatype=XSD.gYear)


def test_every_fact_has_a_statement_node_with_its_sentence(reference, analysers) -> None:
    graph = graph_of(reference, analysers)
    event = ID["event/caliphate-proclamation"]
    assert (event, IKG.date, Literal("2014-06-29", datatype=XSD.date)) in graph
    assert (event, IKG.perpetrator, ID.isis) in graph
    facts = [(s, p, o) for s, p, o in graph if p in {IKG.date, IKG.occurredIn, IKG.perpetrator}]
    assert len(facts) == 4
    for s, p, o in facts:
        statements = list(graph.subjects(RDF.object, o))
        statement = next(st for st in statements if (st, RDF.subject, s) in graph and (st, RDF.predicate, p) in graph)
        assert str(statement).startswith(str(ID["statement/"]))
        assert (statement, PROV.wasDerivedFrom, ID["document/" + "a" * 16]) in graph
        assert (
            str(graph.value(statement, IKG.evidence))
            == "Op 29 juni 2014 heeft ISIS een kalifaat uitgeroepen in Syrië en Irak."
        )
        start, end = int(graph.value(statement, IKG.startOffset)), int(graph.value(statement, IKG.endOffset))
        assert TEXT[start:end] == str(graph.value(statement, IKG.evidence))


def test_documents_carry_their_catalogue_metadata(reference, analysers) -> None:
    meta = DocumentMeta(
        sha256="a" * 64,
        title="ISIS gebruikt corona voor terugkeer",
        author="Judit Neurink",
        author_ref="judit-neurink",
        date=DateValue(2020, 4),
        kind="blog",
    )
    graph = graph_of(reference, analysers, meta=meta)
    document = ID["document/" + "a" * 16]
    assert (document, RDF.type, IKG.Document) in graph
    assert (document, IKG.fileName, Literal("bericht.txt")) in graph
    assert (document, IKG.sourceKind, IKG.blog) in graph
    assert (document, rdflib.DCTERMS.creator, ID["judit-neurink"]) in graph
    assert (ID["judit-neurink"], RDF.type, IKG.Person) in graph
    assert (document, rdflib.DCTERMS.date, Literal("2020-04", datatype=XSD.gYearMonth)) in graph
    assert set(graph.objects(document, IKG.mentions)) >= {
        ID.isis,
        ID.syrie,
        ID.irak,
        ID["event/caliphate-proclamation"],
    }


def test_no_blank_nodes(reference, analysers) -> None:
    graph = graph_of(reference, analysers)
    assert not any(isinstance(term, rdflib.BNode) for triple in graph for term in triple)


def test_statements_carry_the_admiralty_grade_of_their_document(reference, analysers) -> None:
    meta = DocumentMeta(sha256="a" * 64, reliability="B", credibility=2)
    graph = graph_of(reference, analysers, meta=meta)
    statements = set(graph.subjects(RDF.type, RDF.Statement))
    assert statements
    for statement in statements | {ID["document/" + "a" * 16]}:
        assert graph.value(statement, IKG.sourceReliability) == Literal("B")
        assert graph.value(statement, IKG.informationCredibility) == Literal(2)


def test_a_fact_read_with_the_sentence_before_holds_both_as_its_evidence(reference, analysers) -> None:
    # NCTV 2017: the place that opens one sentence is where the attacks of the next happen, and
    # "deze regio" points back to the region named before
    text = (
        "Nieuws\n\nIn de Diyala-provincie heeft ISIS een nieuwe golf van geweld gestart. "
        "Cellen plegen sindsdien aanslagen met autobommen.\n"
    )
    graph = graph_of(reference, analysers, text)
    place = ID["event/attack/diyala"]
    (statement,) = [
        st
        for st in graph.subjects(RDF.subject, place)
        if (st, RDF.predicate, IKG.occurredIn) in graph and (st, RDF.object, ID.diyala) in graph
    ]
    assert str(graph.value(statement, IKG.evidence)) == (
        "In de Diyala-provincie heeft ISIS een nieuwe golf van geweld gestart. "
        "Cellen plegen sindsdien aanslagen met autobommen."
    )
    start, end = int(graph.value(statement, IKG.startOffset)), int(graph.value(statement, IKG.endOffset))
    assert text[start:end] == str(graph.value(statement, IKG.evidence))


def test_a_statement_says_since_when_its_fact_holds(reference, analysers) -> None:
    graph = graph_of(reference, analysers, "Nieuws\n\nSinds 2014 is ISIS actief in Libië.\n")
    (statement,) = set(graph.subjects(RDF.subject, ID.isis)) & set(graph.subjects(RDF.object, ID.libie))
    assert graph.value(statement, IKG.since) == Literal("2014", datatype=XSD.gYear)
