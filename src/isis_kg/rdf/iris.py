"""How IRIs are minted: from normalised keys, or content hashes for statements.

The same input always gives the same IRIs, so two builds are byte-identical and a reviewer
can point at any node.
"""

from __future__ import annotations

import hashlib

from rdflib import URIRef

from isis_kg.namespaces import ID


def node_iri(key: str) -> URIRef:
    """An entity ("isis") or event ("event/fall/baghouz") key as an IRI under id:."""
    return ID[key]


def document_iri(sha256: str) -> URIRef:
    return ID[f"document/{sha256[:16]}"]


def build_iri(inputs_hash: str) -> URIRef:
    return ID[f"build/{inputs_hash[:16]}"]


def statement_iri(*parts: str) -> URIRef:
    """A statement node named by the hash of what it says and where it was read."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return ID[f"statement/{digest[:32]}"]
