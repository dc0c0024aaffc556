"""The graph of a build, kept in parts so that a large one fits in memory."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib.namespace import PROV, RDF
from rdflib.term import Node

from isis_kg.namespaces import ID, IKG
from isis_kg.rdf.export import Triple, parse_ntriples, to_ntriples

_DOCUMENT = str(ID["document/"])


@dataclass
class CorpusGraph:
    """What documents share (entities, events, sources) as rdflib triples, the build's own
    provenance (the build record, curation decisions, reviewers), and what each document says
    as N-Triples bytes, keyed by the document's IRI in content-hash order.

    A fact two documents state is in both of their parts; the parts together are the graph.
    """

    shared: set[Triple] = field(default_factory=set)
    provenance: set[Triple] = field(default_factory=set)
    documents: dict[str, bytes] = field(default_factory=dict)

    def triples(self) -> set[Triple]:
        """Every triple as rdflib terms: for small graphs (a test, a corpus of a few documents)."""
        everything = self.shared | self.provenance
        for data in self.documents.values():
            everything.update(parse_ntriples(data))
        return everything

    def chunks(self) -> list[bytes]:
        """The parts as N-Triples chunks, each in the order of the Turtle file (see write_turtle)."""
        return [to_ntriples(self.shared), to_ntriples(self.provenance), *self.documents.values()]

    @classmethod
    def from_triples(cls, triples: set[Triple]) -> CorpusGraph:
        """A whole graph (a graph.ttl read back, say) cut into the parts a build makes: each
        document's own node, statements and claims, with the facts they state, go to its part;
        activities, curation decisions and agents to the provenance; the rest is shared."""
        of_document: dict[Node, str] = {}  # statement, claim or document node -> its document
        for s, p, o in triples:
            if p == PROV.wasDerivedFrom and str(o).startswith(_DOCUMENT):
                of_document[s] = str(o)
            elif p == RDF.type and o == IKG.Document:
                of_document[s] = str(s)
        described: dict[Node, dict[Node, Node]] = defaultdict(dict)  # statement -> its subject, predicate, object
        for s, p, o in triples:
            if s in of_document and p in (RDF.subject, RDF.predicate, RDF.object):
                described[s][p] = o
        facts_of: dict[Triple, set[str]] = defaultdict(set)  # a fact -> the documents whose statements state it
        for statement, fact in described.items():
            if len(fact) == 3:
                facts_of[(fact[RDF.subject], fact[RDF.predicate], fact[RDF.object])].add(of_document[statement])
        provenance_nodes = {
            s for s, p, o in triples if p == RDF.type and o in (PROV.Activity, IKG.CurationDecision, PROV.Agent)
        }
        graph = cls()
        parts: dict[str, set[Triple]] = defaultdict(set)
        for triple in triples:
            owner = of_document.get(triple[0])
            if owner is not None:
                parts[owner].add(triple)
            elif triple in facts_of:
                for document in facts_of[triple]:
                    parts[document].add(triple)
            elif triple[0] in provenance_nodes:
                graph.provenance.add(triple)
            else:
                graph.shared.add(triple)
        graph.documents = {document: to_ntriples(parts[document]) for document in sorted(parts)}
        return graph
