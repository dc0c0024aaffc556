"""The namespaces of the graph contract."""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

IKG = Namespace("https://w3id.org/isis-kg/ontology#")
ID = Namespace("https://w3id.org/isis-kg/id/")
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES: dict[str, Namespace] = {
    "ikg": IKG,
    "id": ID,
    "wd": WD,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "skos": SKOS,
    "prov": PROV,
    "dcterms": DCTERMS,
}
