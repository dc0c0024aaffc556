"""RDF: stable IRIs, mapping to the ontology with provenance, and byte-stable Turtle."""

from isis_kg.rdf.export import serialize_turtle
from isis_kg.rdf.mapping import BuildRecord, map_corpus, map_document

__all__ = ["BuildRecord", "map_corpus", "map_document", "serialize_turtle"]
