"""RDF: stable IRIs, mapping to the ontology with provenance, the graph in parts, and byte-stable Turtle."""

from isis_kg.rdf.export import serialize_turtle, write_turtle
from isis_kg.rdf.graph import CorpusGraph
from isis_kg.rdf.mapping import BuildRecord, map_corpus, map_document

__all__ = ["BuildRecord", "CorpusGraph", "map_corpus", "map_document", "serialize_turtle", "write_turtle"]
