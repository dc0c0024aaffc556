"""The namespaces of the graph contract (rdflib's terms; the plain strings are isis_kg.prefixes)."""

from rdflib import Namespace

from isis_kg.prefixes import PREFIXES

__all__ = ["ID", "IKG", "PREFIXES", "WD"]

IKG = Namespace(PREFIXES["ikg"])
ID = Namespace(PREFIXES["id"])
WD = Namespace(PREFIXES["wd"])
