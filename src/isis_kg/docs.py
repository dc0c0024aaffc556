"""HTML documentation of the ontology, in Dutch and in English.

pyLODE writes the page of classes and properties. It reads one language at a time badly (it
shows every label it finds), so each language gets its own copy of the ontology with only
that language's literals. Two sections pyLODE does not know are added to each page: the SHACL
shapes, and the alignments to standard vocabularies in one table. The SKOS lists (kinds of
source, kinds of curation decision) are shown there too, because pyLODE takes a concept
scheme for the ontology itself.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import rdflib
from dominate.tags import a, code, div, h2, h3, li, p, section, table, tbody, td, th, thead, tr, ul
from dominate.util import text as text_
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS

from isis_kg.namespaces import IKG
from isis_kg.outputs import write_outputs
from isis_kg.reference import ReferenceData

LANGUAGES = ("nl", "en")

_TEXT = {
    "nl": {
        "shapes": "SHACL-shapes",
        "shapes_intro": "Elke build wordt gevalideerd tegen deze shapes; een graaf die ze schendt, geeft exit-code 1.",
        "targets": "Doelen",
        "path": "Pad",
        "constraints": "Beperkingen",
        "message": "Melding",
        "alignments": "Aansluiting op standaardvocabulaires",
        "term": "Term",
        "relation": "Relatie",
        "external": "Externe term",
        "vocabularies": "Vaste lijsten (SKOS)",
        "other_language": "English",
        "this_language": "Nederlands",
        "sparql_target": "SPARQL-doel",
        "axioms": "Axioma's voor een reasoner",
        "disjoint": "Disjuncte klassen (niets is lid van twee ervan)",
        "transitive": "Transitieve eigenschappen",
    },
    "en": {
        "shapes": "SHACL shapes",
        "shapes_intro": "Every build is validated against these shapes; a graph that violates them exits with code 1.",
        "targets": "Targets",
        "path": "Path",
        "constraints": "Constraints",
        "message": "Message",
        "alignments": "Alignments to standard vocabularies",
        "term": "Term",
        "relation": "Relation",
        "external": "External term",
        "vocabularies": "Controlled vocabularies (SKOS)",
        "other_language": "Nederlands",
        "this_language": "English",
        "sparql_target": "SPARQL target",
        "axioms": "Axioms for a reasoner",
        "disjoint": "Disjoint classes (nothing is a member of two of them)",
        "transitive": "Transitive properties",
    },
}
_ALIGNING = (
    RDFS.subClassOf,
    RDFS.subPropertyOf,
    OWL.equivalentClass,
    OWL.equivalentProperty,
    SKOS.exactMatch,
    SKOS.closeMatch,
    SKOS.broadMatch,
    SKOS.narrowMatch,
)
_CONSTRAINTS = (
    SH["class"],
    SH.datatype,
    SH.nodeKind,
    SH.minCount,
    SH.maxCount,
    SH.pattern,
    SH.minInclusive,
    SH.maxInclusive,
    SH.hasValue,
)


@dataclass(frozen=True)
class DocsResult:
    pages: tuple[Path, ...]


def write_docs(reference: ReferenceData, out_dir: Path | str) -> DocsResult:
    """Write ``<out_dir>/<language>/index.html`` for each language, and an index page choosing one."""
    out = Path(out_dir)
    pages = {f"{language}/index.html": ontology_page(reference, language).encode() for language in LANGUAGES}
    pages["index.html"] = _choice_page(reference).encode()
    for name, data in pages.items():
        write_outputs((out / name).parent, {Path(name).name: data})
    return DocsResult(tuple(out / name for name in sorted(pages)))


# pyLODE writes its headings, its legend and the names of the properties it shows in English; on the Dutch
# page they are put in Dutch (a heading, a legend cell, a link of the table of contents or a property's name)
_PYLODE_DUTCH = {
    "Table of Contents": "Inhoud",
    "Classes": "Klassen",
    "Object Properties": "Objecteigenschappen",
    "Datatype Properties": "Datatype-eigenschappen",
    "Annotation Properties": "Annotatie-eigenschappen",
    "Legend": "Legenda",
    "Creator": "Maker",
    "Date Created": "Aangemaakt op",
    "Date Modified": "Gewijzigd op",
    "Description": "Beschrijving",
    "Domain": "Domein",
    "In Domain Of": "In het domein van",
    "In Range Of": "In het bereik van",
    "Is Defined By": "Gedefinieerd door",
    "License": "Licentie",
    "Preferred Namespace Prefix": "Voorkeursprefix",
    "Preferred Namespace Uri": "Voorkeurs-URI van de namespace",
    "Prior Version": "Vorige versie",
    "Range": "Bereik",
    "Sub Class Of": "Subklasse van",
    "Sub Property Of": "Subeigenschap van",
    "Super Class Of": "Superklasse van",
    "Title": "Titel",
    "Version Info": "Versie",
    "Version Iri": "Versie-IRI",
}
_PYLODE_WORDS = re.compile(
    r'(<h[23]>|<td>|<a href="#[a-z]+">|<a class="hover_property"[^>]*>)\s*([A-Z][A-Za-z ]*?)\s*(</)'
)


def ontology_page(reference: ReferenceData, language: str) -> str:
    """One language's page: pyLODE's classes and properties, then shapes, alignments and source kinds."""
    generated = _ontpub()(_in_language(_without_schemes(reference.ontology), language), sort_subjects=True).make_html()
    text = _TEXT[language]
    other = next(lang for lang in LANGUAGES if lang != language)
    extra = div(id="isis-kg-extra")
    with extra:
        p(a(text["other_language"], href=f"../{other}/index.html"), id="other-language")
        _shapes_section(reference.shapes, language)
        _axioms_section(reference.ontology, language)
        _alignments_section(reference.ontology, language)
        _vocabularies_section(reference.ontology, language)
    # inside pyLODE's content column, before its namespace list, so that its table of contents stays clear
    at = generated.index('<div id="namespaces"')
    page = generated[:at] + extra.render() + generated[at:]
    toc_heading = "<h3>Table of Contents</h3>"
    links = "".join(
        f'<h4><a href="#{anchor}">{_TEXT[language][key]}</a></h4>'
        for anchor, key in (
            ("shapes", "shapes"),
            ("axioms", "axioms"),
            ("alignments", "alignments"),
            ("vocabularies", "vocabularies"),
        )
    )
    page = page.replace(toc_heading, toc_heading + links, 1)
    if language == "nl":
        page = _PYLODE_WORDS.sub(lambda m: m[1] + _PYLODE_DUTCH.get(m[2], m[2]) + m[3], page)
    return page.replace("<html>", f'<html lang="{language}">', 1)


def _ontpub() -> type:
    """pyLODE's OntPub. Importing pyLODE sets the root logger to DEBUG with a handler of its own
    (its supermodel loader calls logging.basicConfig); the root logger is put back as it was."""
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    from pylode import OntPub

    root.setLevel(level)
    root.handlers[:] = handlers
    return OntPub  # type: ignore[no-any-return]


def _without_schemes(ontology: rdflib.Graph) -> rdflib.Graph:
    """The ontology without its SKOS concept schemes and concepts."""
    skos_terms = set(ontology.subjects(RDF.type, SKOS.ConceptScheme)) | set(ontology.subjects(RDF.type, SKOS.Concept))
    kept = rdflib.Graph()
    for prefix, namespace in ontology.namespaces():
        kept.bind(prefix, namespace)
    for triple in ontology:
        if triple[0] not in skos_terms:
            kept.add(triple)
    return kept


def _in_language(graph: rdflib.Graph, language: str) -> rdflib.Graph:
    """A copy keeping only the literals in ``language`` or in none."""
    kept = rdflib.Graph()
    for prefix, namespace in graph.namespaces():
        kept.bind(prefix, namespace)
    for s, p_, o in graph:
        if isinstance(o, rdflib.Literal) and o.language not in (None, language):
            continue
        kept.add((s, p_, o))
    return kept


def _label(graph: rdflib.Graph, node: rdflib.term.Node, language: str) -> str:
    labels = {lit.language: str(lit) for lit in graph.objects(node, RDFS.label) if isinstance(lit, rdflib.Literal)}
    labels |= {lit.language: str(lit) for lit in graph.objects(node, SKOS.prefLabel) if isinstance(lit, rdflib.Literal)}
    return labels.get(language) or labels.get(None) or _curie(graph, node)


def _curie(graph: rdflib.Graph, node: rdflib.term.Node) -> str:
    if isinstance(node, rdflib.URIRef):
        try:
            return graph.namespace_manager.normalizeUri(node)
        except Exception:  # rdflib cannot abbreviate some IRIs; the full one is as good
            return str(node)
    return str(node)


def _sorted(nodes: Iterable[rdflib.term.Node]) -> list[rdflib.term.Node]:
    return sorted(nodes, key=str)


def _shapes_section(shapes: rdflib.Graph, language: str) -> None:
    text = _TEXT[language]
    with section(id="shapes"):
        h2(text["shapes"])
        p(text["shapes_intro"])
        for shape in _sorted(shapes.subjects(RDF.type, SH.NodeShape)):
            name = _curie(shapes, shape)
            with div(cls="shape", id=name.replace(":", "-")):
                h3(_label(shapes, shape, language), " ", code(name))
                targets = [
                    f"{_curie(shapes, kind)} {_curie(shapes, value)}"
                    for kind in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
                    for value in _sorted(shapes.objects(shape, kind))
                ]
                targets += [text["sparql_target"] for _ in shapes.objects(shape, SH.target)]
                if targets:
                    p(f"{text['targets']}: ", ", ".join(targets))
                own = [(_curie(shapes, c), _curie(shapes, v)) for c in _CONSTRAINTS for v in shapes.objects(shape, c)]
                if own:
                    p(f"{text['constraints']}: ", "; ".join(f"{c} {v}" for c, v in own))
                rows = [_property_row(shapes, prop) for prop in shapes.objects(shape, SH.property)]
                rows += [
                    ("SPARQL", "", str(shapes.value(constraint, SH.message) or ""))
                    for constraint in shapes.objects(shape, SH.sparql)
                ]
                if rows:
                    with table(cls="shape-properties"):
                        thead(tr(th(text["path"]), th(text["constraints"]), th(text["message"])))
                        with tbody():
                            for path, constraints, message in sorted(rows):
                                tr(td(code(path)), td(constraints), td(message))


def _property_row(shapes: rdflib.Graph, prop: rdflib.term.Node) -> tuple[str, str, str]:
    path = shapes.value(prop, SH.path)
    constraints = [
        f"{_curie(shapes, c)} {_curie(shapes, v) if isinstance(v, rdflib.URIRef) else v}"
        for c in _CONSTRAINTS
        for v in shapes.objects(prop, c)
    ]
    for members in shapes.objects(prop, SH["in"]):
        values = rdflib.collection.Collection(shapes, members)
        constraints.append("sh:in (" + " ".join(_curie(shapes, v) for v in values) + ")")
    shown_path = _curie(shapes, path) if isinstance(path, rdflib.URIRef) else "(path expression)"
    return shown_path, "; ".join(constraints), str(shapes.value(prop, SH.message) or "")


def _axioms_section(ontology: rdflib.Graph, language: str) -> None:
    """What pyLODE leaves out: the groups of disjoint classes and the transitive properties."""
    text = _TEXT[language]
    groups = [
        [_curie(ontology, c) for c in rdflib.collection.Collection(ontology, members)]
        for group in ontology.subjects(RDF.type, OWL.AllDisjointClasses)
        for members in ontology.objects(group, OWL.members)
    ]
    groups += [[_curie(ontology, a_), _curie(ontology, b)] for a_, b in ontology.subject_objects(OWL.disjointWith)]
    transitive = sorted(_curie(ontology, p_) for p_ in ontology.subjects(RDF.type, OWL.TransitiveProperty))
    with section(id="axioms"):
        h2(text["axioms"])
        h3(text["disjoint"])
        with ul():
            for group in sorted(groups):
                with li():
                    for position, name in enumerate(group):
                        if position:
                            text_(", ")
                        code(name)
        h3(text["transitive"])
        with ul():
            for name in transitive:
                li(code(name))


def _alignments_section(ontology: rdflib.Graph, language: str) -> None:
    text = _TEXT[language]
    rows = sorted(
        (_curie(ontology, s), _curie(ontology, p_), _curie(ontology, o), str(o))
        for p_ in _ALIGNING
        for s, o in ontology.subject_objects(p_)
        if str(s).startswith(str(IKG)) and isinstance(o, rdflib.URIRef) and not str(o).startswith(str(IKG))
    )
    with section(id="alignments"):
        h2(text["alignments"])
        with table():
            thead(tr(th(text["term"]), th(text["relation"]), th(text["external"])))
            with tbody():
                for term, relation, external, iri in rows:
                    tr(td(code(term)), td(relation), td(a(external, href=iri)))


def _vocabularies_section(ontology: rdflib.Graph, language: str) -> None:
    """Each SKOS concept scheme of the ontology as a tree of its concepts."""

    def branch(concept: rdflib.term.Node, concepts: set[rdflib.term.Node]) -> None:
        definition = next(
            (str(d) for d in ontology.objects(concept, SKOS.definition) if getattr(d, "language", None) == language),
            "",
        )
        with li(code(_curie(ontology, concept)), " ", _label(ontology, concept, language), f": {definition}"):
            narrower = _sorted(c for c in concepts if (c, SKOS.broader, concept) in ontology)
            if narrower:
                with ul():
                    for child in narrower:
                        branch(child, concepts)

    with section(id="vocabularies"):
        h2(_TEXT[language]["vocabularies"])
        for scheme in _sorted(ontology.subjects(RDF.type, SKOS.ConceptScheme)):
            concepts = set(ontology.subjects(SKOS.inScheme, scheme))
            h3(_label(ontology, scheme, language), " ", code(_curie(ontology, scheme)))
            with ul():
                for top in _sorted(c for c in concepts if not set(ontology.objects(c, SKOS.broader))):
                    branch(top, concepts)


def _choice_page(reference: ReferenceData) -> str:
    ontology = rdflib.URIRef(str(IKG).rstrip("#"))
    titles = {
        title.language: str(title)
        for title in reference.ontology.objects(ontology, DCTERMS.title)
        if isinstance(title, rdflib.Literal)
    }
    title = {language: titles.get(language, "isis-kg") for language in LANGUAGES}
    page = div()
    with page:
        for language in LANGUAGES:
            # each link says its language: the two titles may well be the same words
            name = f"{title[language]} ({_TEXT[language]['this_language']})"
            p(a(name, href=f"{language}/index.html", hreflang=language))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>isis-kg ontology</title></head>'
        f"<body>{page.render()}</body></html>\n"
    )
