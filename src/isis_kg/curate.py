"""Reviewers' decisions, applied to every build: reject a fact, merge two entities, retype,
relabel, link to or unlink from Wikidata.

Decisions live in ``curation.yaml`` beside the texts (like the catalogue), so they outlast
any rebuild. They are applied to the mapped triples, after extraction and before validation:
the cache of extractions stays valid, and the shapes check what a decision leaves behind.
Each decision becomes a PROV-O activity in the graph, with who took it, when and why, and
whether it still applies; one whose fact or entity is gone is kept, marked, and reported.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS
from rdflib.term import Node

from isis_kg.errors import InputError
from isis_kg.ingest.catalogue import read_yaml
from isis_kg.model import DateValue
from isis_kg.namespaces import ID, IKG, WD
from isis_kg.rdf.export import Triple, parse_ntriples
from isis_kg.rdf.graph import CorpusGraph
from isis_kg.rdf.mapping import date_literal
from isis_kg.reference import ReferenceData

CURATION_NAME = "curation.yaml"
ACTIONS = ("reject", "merge", "retype", "relabel", "link", "unlink")
_REQUIRED = {
    "reject": ("subject", "predicate", "object"),
    "merge": ("entity", "into"),
    "retype": ("entity", "class"),
    "relabel": ("entity", "label", "language"),
    "link": ("entity", "wikidata", "verified_at"),
    "unlink": ("entity", "wikidata"),
}
_COMMON = ("action", "by", "date", "reason")
_QID = re.compile(r"^Q[1-9][0-9]*$")


@dataclass(frozen=True)
class Decision:
    """One reviewer's decision, as written in the curation file (node keys or full IRIs)."""

    number: int  # its place in the file, for messages
    action: str
    by: str
    date: DateValue
    reason: str
    fields: tuple[tuple[str, str], ...]

    def get(self, name: str) -> str:
        return dict(self.fields)[name]

    @property
    def iri(self) -> URIRef:
        digest = hashlib.sha256(repr((self.action, self.fields, self.by, self.date.lexical)).encode()).hexdigest()
        return ID[f"curation/{digest[:16]}"]

    def describe(self) -> str:
        what = " ".join(value for _name, value in self.fields)
        return f"decision {self.number} ({self.action} {what}, by {self.by} on {self.date.lexical})"


@dataclass
class CurationOutcome:
    graph: CorpusGraph
    applied: list[Decision] = field(default_factory=list)
    stale: list[Decision] = field(default_factory=list)
    files: tuple[Path, ...] = ()

    def notices(self) -> list[str]:
        where = ", ".join(str(f) for f in self.files)
        return [f"{where}: {d.describe()} no longer applies: {_why_stale(d)}" for d in self.stale]


def curation_paths(inputs: Iterable[Path]) -> list[Path]:
    """The curation files that go with the inputs: one in each folder named or holding a file named."""
    found: dict[Path, None] = {}
    for path in inputs:
        candidate = (path if path.is_dir() else path.parent) / CURATION_NAME
        if candidate.is_file():
            found.setdefault(candidate, None)
    return list(found)


def load_curation(paths: Iterable[Path], reference: ReferenceData) -> list[Decision]:
    """Read the decisions; raise InputError naming the file and the decision that is wrong."""
    decisions: list[Decision] = []
    for path in paths:
        data = read_yaml(path, "curation file")
        if data is None:
            continue
        if not isinstance(data, dict) or not isinstance(data.get("decisions"), list):
            raise InputError(path, "curation file needs a 'decisions:' list")
        for number, entry in enumerate(data["decisions"], start=1):
            decisions.append(_decision(path, number, entry, reference))
    return decisions


def _decision(path: Path, number: int, entry: Any, reference: ReferenceData) -> Decision:
    where = f"decision {number}"
    if not isinstance(entry, dict):
        raise InputError(path, f"{where} is not a mapping")
    action = entry.get("action")
    if action not in ACTIONS:
        raise InputError(path, f"{where}: action '{action}' is not one of {', '.join(ACTIONS)}")
    wanted = _COMMON + _REQUIRED[action]
    missing = [name for name in wanted if entry.get(name) in (None, "")]
    if missing:
        raise InputError(path, f"{where} ({action}) needs {', '.join(missing)}")
    unknown = set(entry) - set(wanted)
    if unknown:
        raise InputError(path, f"{where} ({action}) has unknown field(s): {', '.join(sorted(unknown))}")
    try:
        date = DateValue.parse(str(entry["date"]))
    except ValueError as error:
        raise InputError(path, f"{where}: {error}") from None
    fields = tuple((name, str(entry[name]).strip()) for name in _REQUIRED[action])
    values = dict(fields)
    if action == "retype" and values["class"] not in reference.superclasses:
        raise InputError(path, f"{where}: '{values['class']}' is not a class of the ontology")
    if action in ("link", "unlink") and not _QID.match(values["wikidata"]):
        raise InputError(path, f"{where}: '{values['wikidata']}' is not a Wikidata item id (Q followed by digits)")
    if action == "reject" and _term(values["predicate"], IKG) not in _properties(reference):
        raise InputError(path, f"{where}: '{values['predicate']}' is not a property of the ontology")
    return Decision(number, action, str(entry["by"]).strip(), date, str(entry["reason"]).strip(), fields)


def _properties(reference: ReferenceData) -> set[Node]:
    return {
        prop
        for kind in (OWL.ObjectProperty, OWL.DatatypeProperty)
        for prop in reference.ontology.subjects(RDF.type, kind)
    }


def _term(text: str, namespace: Any = ID) -> URIRef:
    """A node key ("isis"), a curie of the ontology ("ikg:operatesIn") or a full IRI."""
    if text.startswith(("http://", "https://")):
        return URIRef(text)
    if text.startswith("ikg:"):
        return IKG[text[4:]]
    return URIRef(namespace[text])


def _object(text: str) -> Node:
    """The object of a rejected fact: a node, or a date (YYYY, YYYY-MM, YYYY-MM-DD)."""
    try:
        return date_literal(DateValue.parse(text))
    except ValueError:
        return _term(text)


def apply_curation(graph: CorpusGraph, decisions: list[Decision], files: Iterable[Path] = ()) -> CurationOutcome:
    """The graph with every decision applied, in the order of the file; and which no longer apply.

    Types, labels and links are in the shared part. A rejected fact or a merged entity can be in
    what documents say too: the parts of the documents that name it are read back, the decisions
    apply to them with the shared part, and the result is cut into parts again.
    """
    named = {
        f"<{_term(d.get('subject' if d.action == 'reject' else 'entity'))}>".encode()
        for d in decisions
        if d.action in ("reject", "merge")
    }
    taken = {document for document, data in graph.documents.items() if any(iri in data for iri in named)}
    working = set(graph.shared)
    for document in taken:
        working.update(parse_ntriples(graph.documents[document]))
    outcome = CurationOutcome(CorpusGraph(), files=tuple(files))
    for decision in decisions:
        applies = _APPLY[decision.action](working, decision)
        (outcome.applied if applies else outcome.stale).append(decision)
    curated = CorpusGraph.from_triples(working) if taken else CorpusGraph(shared=working)
    documents = {d: data for d, data in graph.documents.items() if d not in taken} | curated.documents
    outcome.graph = CorpusGraph(
        shared=curated.shared,
        provenance=graph.provenance | curated.provenance,
        documents=dict(sorted(documents.items())),
    )
    for decision in decisions:
        outcome.graph.provenance |= _provenance(decision, applied=decision in outcome.applied)
    return outcome


def _nodes(triples: set[Triple]) -> set[Node]:
    return {s for s, _p, _o in triples} | {o for _s, _p, o in triples}


def _reject(triples: set[Triple], decision: Decision) -> bool:
    fact = (_term(decision.get("subject")), _term(decision.get("predicate"), IKG), _object(decision.get("object")))
    if fact not in triples:
        return False
    statements = {
        s
        for s in {s for s, p, o in triples if p == RDF.subject and o == fact[0]}
        if (s, RDF.predicate, fact[1]) in triples and (s, RDF.object, fact[2]) in triples
    }
    triples -= {t for t in triples if t[0] in statements or t == fact}
    return True


def _merge(triples: set[Triple], decision: Decision) -> bool:
    """Everything said of the merged entity is said of the one it is merged into; its labels become aliases."""
    gone, kept = _term(decision.get("entity")), _term(decision.get("into"))
    present = _nodes(triples)
    if gone not in present or kept not in present:
        return False
    moved: set[Triple] = set()
    for triple in [t for t in triples if gone in (t[0], t[2])]:
        triples.discard(triple)
        s, p, o = (kept if term == gone else term for term in triple)
        if s == kept and p == RDF.type:
            continue  # the entity merged into keeps its own type
        if s == kept and p == RDFS.label:
            p = SKOS.altLabel
        moved.add((s, p, o))
    triples |= moved
    triples.add((kept, PROV.wasInfluencedBy, decision.iri))
    return True


def _retype(triples: set[Triple], decision: Decision) -> bool:
    entity = _term(decision.get("entity"))
    types = {t for t in triples if t[0] == entity and t[1] == RDF.type and str(t[2]).startswith(str(IKG))}
    if not types:
        return False
    triples -= types
    triples |= {(entity, RDF.type, IKG[decision.get("class")]), (entity, PROV.wasInfluencedBy, decision.iri)}
    return True


def _relabel(triples: set[Triple], decision: Decision) -> bool:
    entity, language = _term(decision.get("entity")), decision.get("language")
    if entity not in {s for s, _p, _o in triples}:
        return False
    old = {t for t in triples if t[0] == entity and t[1] == RDFS.label and getattr(t[2], "language", None) == language}
    triples -= old
    triples |= {(entity, SKOS.altLabel, label) for _s, _p, label in old}
    new_label = Literal(decision.get("label"), lang=language)
    triples.discard((entity, SKOS.altLabel, new_label))
    triples |= {(entity, RDFS.label, new_label), (entity, PROV.wasInfluencedBy, decision.iri)}
    return True


def _link(triples: set[Triple], decision: Decision) -> bool:
    entity = _term(decision.get("entity"))
    if entity not in {s for s, _p, _o in triples}:
        return False
    triples |= {(entity, OWL.sameAs, WD[decision.get("wikidata")]), (entity, PROV.wasInfluencedBy, decision.iri)}
    return True


def _unlink(triples: set[Triple], decision: Decision) -> bool:
    link = (_term(decision.get("entity")), OWL.sameAs, WD[decision.get("wikidata")])
    if link not in triples:
        return False
    triples.discard(link)
    triples.add((link[0], PROV.wasInfluencedBy, decision.iri))
    return True


_APPLY = {
    "reject": _reject,
    "merge": _merge,
    "retype": _retype,
    "relabel": _relabel,
    "link": _link,
    "unlink": _unlink,
}


def _why_stale(decision: Decision) -> str:
    if decision.action == "reject":
        return "the build no longer finds this fact"
    if decision.action == "unlink":
        return "the entity has no such link"
    if decision.action == "merge":
        return "one of the two entities is not in the graph"
    return "the entity is not in the graph"


def _provenance(decision: Decision, applied: bool) -> set[Triple]:
    """The decision as a prov:Activity: who, when, why, what it touched, whether it still applies."""
    node = decision.iri
    reviewer = ID[f"reviewer/{hashlib.sha256(decision.by.encode()).hexdigest()[:12]}"]
    triples: set[Triple] = {
        (node, RDF.type, IKG.CurationDecision),
        (node, IKG.curationAction, IKG[decision.action]),
        (node, RDFS.label, Literal(f"{decision.action} ({decision.number})", lang="en")),
        (node, PROV.wasAssociatedWith, reviewer),
        (node, DCTERMS.date, date_literal(decision.date)),
        (node, IKG.reason, Literal(decision.reason)),
        (node, IKG.applied, Literal(applied)),
        (reviewer, RDF.type, PROV.Agent),
        (reviewer, RDFS.label, Literal(decision.by)),
    }
    values = dict(decision.fields)
    if decision.action == "reject":
        triples |= {
            (node, IKG.rejectedSubject, _term(values["subject"])),
            (node, IKG.rejectedPredicate, _term(values["predicate"], IKG)),
            (node, IKG.rejectedObject, _object(values["object"])),
        }
    else:
        triples.add(
            (node, IKG.curatedEntity, _term(values["into"] if decision.action == "merge" else values["entity"]))
        )
    if decision.action == "merge":
        triples.add((node, IKG.mergedEntity, _term(values["entity"])))
    if decision.action in ("link", "unlink"):
        triples.add((node, IKG.wikidataItem, WD[values["wikidata"]]))
    if decision.action == "link":
        triples.add((node, IKG.verifiedAt, Literal(values["verified_at"])))
    return triples
