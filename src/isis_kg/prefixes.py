"""The prefixes of the graph contract, as plain strings.

Kept apart from isis_kg.namespaces so that what only prints or queries the graph (``isis-kg query``)
does not import rdflib, which is most of that command's start-up time.
"""

PREFIXES: dict[str, str] = {
    "ikg": "https://w3id.org/isis-kg/ontology#",
    "id": "https://w3id.org/isis-kg/id/",
    "wd": "http://www.wikidata.org/entity/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
}
