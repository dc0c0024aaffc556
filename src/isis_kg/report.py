"""The review report: one self-contained HTML page of a build, for analysts who judge the facts.

Everything comes from the built graph (graph.ttl, validation.ttl, ontology.ttl) through
SPARQL, so the page shows what a triplestore would hold. All text from the corpus goes
through dominate, which escapes it; the page loads nothing from the network.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import rdflib
from dominate import document as html_document
from dominate import svg
from dominate.tags import (
    a,
    caption,
    details,
    div,
    h1,
    h2,
    input_,
    li,
    meta,
    nav,
    p,
    script,
    section,
    span,
    style,
    summary,
    table,
    tbody,
    td,
    th,
    thead,
    tr,
    ul,
)
from dominate.util import raw

from isis_kg.errors import InputError
from isis_kg.namespaces import ID, IKG
from isis_kg.outputs import GRAPH_FILE, REPORT_FILE, write_outputs
from isis_kg.query import open_graph
from isis_kg.reference import ReferenceData
from isis_kg.validate import ValidationReport, read_results

REPORT_NAME = "report.html"
TO_REVIEW = 100  # facts in the "to review" list: every hedged one of the corpus, then the least sure

_PREFIXES = """
PREFIX ikg: <https://w3id.org/isis-kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
_STATEMENTS = """
SELECT ?st ?s ?p ?o ?evidence ?doc ?confidence ?hedged ?pattern ?asserted WHERE {
  ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; ikg:evidence ?evidence ;
      prov:wasDerivedFrom ?doc ; ikg:pattern ?pattern .
  OPTIONAL { ?st ikg:confidence ?confidence } OPTIONAL { ?st ikg:hedged ?hedged }
  OPTIONAL { ?st ikg:assertedOn ?asserted }
}"""
_CITED = "SELECT ?node ?source WHERE { ?node ikg:citedSource ?source }"
_LABELS = "SELECT ?node ?label WHERE { ?node rdfs:label ?label }"
_ALIASES = "SELECT ?node ?label WHERE { ?node skos:altLabel ?label }"
_TYPES = "SELECT ?node ?type WHERE { ?node a ?type . FILTER (STRSTARTS(STR(?type), STR(ikg:))) }"
_SAME_AS = "SELECT ?node ?item WHERE { ?node owl:sameAs ?item }"
_MENTIONS = "SELECT ?node ?doc WHERE { ?doc ikg:mentions ?node }"
_DOCUMENTS = "SELECT ?doc WHERE { ?doc a ikg:Document }"
_SUBCLASSES = "SELECT ?class ?super WHERE { ?class rdfs:subClassOf* ?super }"
_DECISIONS = """
SELECT ?d ?action ?who ?date ?reason ?applied ?entity ?merged ?rs ?rp ?ro ?item WHERE {
  ?d a ikg:CurationDecision ; ikg:curationAction ?action ; prov:wasAssociatedWith/rdfs:label ?who ;
     dcterms:date ?date ; ikg:reason ?reason ; ikg:applied ?applied .
  OPTIONAL { ?d ikg:curatedEntity ?entity } OPTIONAL { ?d ikg:mergedEntity ?merged }
  OPTIONAL { ?d ikg:rejectedSubject ?rs ; ikg:rejectedPredicate ?rp ; ikg:rejectedObject ?ro }
  OPTIONAL { ?d ikg:wikidataItem ?item }
}"""


@dataclass(frozen=True)
class Fact:
    statement: str
    subject: str
    predicate: str
    object: str
    evidence: str
    document: str
    cited: tuple[str, ...]
    confidence: float | None
    hedged: bool
    pattern: str
    asserted_on: str | None


@dataclass(frozen=True)
class EntityRow:
    iri: str
    labels: tuple[str, ...]
    aliases: tuple[str, ...]
    entity_class: str
    wikidata: tuple[str, ...]
    documents: int


@dataclass(frozen=True)
class EventRow:
    iri: str
    event_class: str
    dates: tuple[str, ...]
    places: tuple[str, ...]
    perpetrators: tuple[str, ...]
    casualties: tuple[str, ...]  # "3 killed", "413 injured": each count a text gives
    documents: int


@dataclass(frozen=True)
class DecisionRow:
    iri: str
    action: str
    by: str
    date: str
    reason: str
    applied: bool
    what: str


@dataclass
class ReportData:
    """What the page shows, gathered from the graph; labels keyed by IRI."""

    build: str
    triples: int
    validation: ValidationReport
    labels: dict[str, str]
    class_counts: Counter[str] = field(default_factory=Counter)
    relation_counts: Counter[str] = field(default_factory=Counter)
    document_counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # facts, entities
    entities: list[EntityRow] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    events: list[EventRow] = field(default_factory=list)
    decisions: list[DecisionRow] = field(default_factory=list)

    def label(self, iri: str) -> str:
        return self.labels.get(iri) or _short(iri)


def write_report(graph_dir: Path | str, reference: ReferenceData, out: Path | str | None = None) -> Path:
    """Write the review page of the build in ``graph_dir`` (default: ``graph_dir/report.html``)."""
    graph_dir = Path(graph_dir)
    target = Path(out) if out is not None else graph_dir / REPORT_NAME
    page = render(collect(graph_dir, reference))
    write_outputs(target.parent, {target.name: page.encode("utf-8")})
    return target


def collect(graph_dir: Path, reference: ReferenceData) -> ReportData:
    store = open_graph(graph_dir)
    validation = _validation(graph_dir, reference)
    labels, all_labels = _labels(store)
    build = next(
        (_short(row[0]) for row in _select(store, "SELECT ?b WHERE { ?b a prov:Activity ; ikg:inputsHash ?h }")), ""
    )
    data = ReportData(build=build, triples=_triples_in(graph_dir), validation=validation, labels=labels)

    types = _grouped(store, _TYPES)
    supers = _grouped(store, _SUBCLASSES)
    for node, node_types in types.items():
        if node.startswith(str(ID)):
            data.class_counts.update(_short(t) for t in _most_specific(node_types, supers))

    mentioned = _grouped(store, _MENTIONS)
    cited = _grouped(store, _CITED)

    for row in _select(store, _STATEMENTS):
        st, s, p_, o, evidence, doc, confidence, hedged, pattern, asserted = row
        data.facts.append(
            Fact(
                statement=st,
                subject=s,
                predicate=p_,
                object=o,
                evidence=evidence,
                document=doc,
                cited=tuple(sorted(cited.get(st, ()))),
                confidence=float(confidence) if confidence else None,
                hedged=hedged == "true",
                pattern=pattern,
                asserted_on=asserted or None,
            )
        )
    data.facts.sort(key=lambda f: (data.label(f.subject), _short(f.predicate), data.label(f.object), f.statement))
    data.relation_counts.update(_short(f.predicate) for f in data.facts)

    documents = [row[0] for row in _select(store, _DOCUMENTS)]
    for doc in documents:
        facts = sum(1 for f in data.facts if f.document == doc)
        data.document_counts[doc] = (facts, sum(1 for docs in mentioned.values() if doc in docs))

    aliases = _grouped(store, _ALIASES)
    same_as = _grouped(store, _SAME_AS)
    event_class = {str(IKG.Event)}
    for node, node_types in sorted(types.items()):
        if not node.startswith(str(ID)):
            continue
        specific = _most_specific(node_types, supers)
        if any(event_class & supers[t] for t in specific):
            continue
        if not {str(IKG.Organisation), str(IKG.Region), str(IKG.Person)} & set().union(*(supers[t] for t in specific)):
            continue
        data.entities.append(
            EntityRow(
                iri=node,
                labels=tuple(sorted(all_labels.get(node, ()))),
                aliases=tuple(sorted(aliases.get(node, ()))),
                entity_class=", ".join(sorted(_short(t) for t in specific)),
                wikidata=tuple(sorted(same_as.get(node, ()))),
                documents=len(mentioned.get(node, ())),
            )
        )
    data.entities.sort(key=lambda e: (-e.documents, data.label(e.iri).casefold(), e.iri))
    data.events = _events(data, types, supers, mentioned)
    data.decisions = _decisions(store, data)
    return data


def _events(
    data: ReportData, types: dict[str, set[str]], supers: dict[str, set[str]], mentioned: dict[str, set[str]]
) -> list[EventRow]:
    by_event: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for fact in data.facts:
        if fact.predicate in (str(IKG.date), str(IKG.occurredIn), str(IKG.perpetrator)):
            by_event[fact.subject][fact.predicate].add(fact.object)
        elif fact.predicate in (str(IKG.killed), str(IKG.injured)):
            by_event[fact.subject]["casualties"].add(f"{fact.object} {_short(fact.predicate)[4:]}")
    rows = []
    for node, node_types in types.items():
        specific = _most_specific(node_types, supers)
        if not any(str(IKG.Event) in supers[t] for t in specific):
            continue
        found = by_event.get(node, {})
        rows.append(
            EventRow(
                iri=node,
                event_class=", ".join(sorted(_short(t) for t in specific)),
                dates=tuple(sorted(found.get(str(IKG.date), ()))),
                places=tuple(sorted(data.label(x) for x in found.get(str(IKG.occurredIn), ()))),
                perpetrators=tuple(sorted(data.label(x) for x in found.get(str(IKG.perpetrator), ()))),
                casualties=tuple(sorted(found.get("casualties", ()))),
                documents=len(mentioned.get(node, ())),
            )
        )
    # dated events first, in time order; then the undated ones by name
    rows.sort(key=lambda e: (not e.dates, e.dates[:1], data.label(e.iri).casefold()))
    return rows


def _decisions(store: ox.Store, data: ReportData) -> list[DecisionRow]:
    rows = []
    for d, action, who, date, reason, applied, entity, merged, rs, rp, ro, item in _select(store, _DECISIONS):
        action = action.rsplit("#", 1)[-1]
        if action == "reject":
            what = f"{data.label(rs)} {_short(rp)} {data.label(ro)}"
        elif action == "merge":
            what = f"{_short(merged)} into {data.label(entity)}"
        else:
            what = data.label(entity) + (f" {_short(item)}" if item else "")
        rows.append(DecisionRow(d, action, who, date, reason, applied == "true", what))
    return sorted(rows, key=lambda r: (r.date, r.iri))


def _validation(graph_dir: Path, reference: ReferenceData) -> ValidationReport:
    path = graph_dir / REPORT_FILE
    if not path.is_file():
        raise InputError(path, "no such file; build the graph first (isis-kg build)")
    return read_results(rdflib.Graph().parse(path, format="turtle"), reference.shapes)


def _triples_in(graph_dir: Path) -> int:
    store = ox.Store()
    store.bulk_load(path=str(graph_dir / GRAPH_FILE), format=ox.RdfFormat.TURTLE)
    return len(store)


def _select(store: ox.Store, query: str) -> list[tuple[str, ...]]:
    solutions = store.query(_PREFIXES + query)
    assert isinstance(solutions, ox.QuerySolutions)
    return sorted(tuple(term.value if term is not None else "" for term in solution) for solution in solutions)


def _grouped(store: ox.Store, query: str) -> dict[str, set[str]]:
    """A two-column SELECT as first column -> the set of second-column values."""
    grouped: dict[str, set[str]] = defaultdict(set)
    for key, value in _select(store, query):
        grouped[key].add(value)
    return grouped


def _labels(store: ox.Store) -> tuple[dict[str, str], dict[str, set[str]]]:
    """One label per node (English where there is one, else Dutch, else any), and all of them."""
    preference = {"en": 0, "nl": 1}
    best: dict[str, tuple[int, str]] = {}
    every: dict[str, set[str]] = defaultdict(set)
    solutions = store.query(_PREFIXES + _LABELS)
    assert isinstance(solutions, ox.QuerySolutions)
    for node, label in solutions:
        language = getattr(label, "language", None)
        rank = preference.get(language or "", 2)
        if node.value not in best or (rank, label.value) < best[node.value]:
            best[node.value] = (rank, label.value)
        every[node.value].add(f"{label.value} ({language})" if language else label.value)
    return {key: value for key, (_rank, value) in best.items()}, every


def _most_specific(types: set[str], supers: dict[str, set[str]]) -> set[str]:
    return {t for t in types if not any(t != other and t in supers[other] for other in types)}


def _short(iri: str) -> str:
    for prefix, namespace in (("ikg:", str(IKG)), ("", str(ID)), ("wd:", "http://www.wikidata.org/entity/")):
        if iri.startswith(namespace):
            return prefix + iri[len(namespace) :]
    return iri


# --- rendering ---------------------------------------------------------------------------------

_CSS = """
body { font-family: system-ui, sans-serif; margin: 0 2rem 4rem; color: #222; }
nav { position: sticky; top: 0; background: #fff; padding: .5rem 0; border-bottom: 1px solid #ccc; z-index: 1; }
nav a { margin-right: 1rem; }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; width: 100%; }
th, td { border: 1px solid #ddd; padding: .25rem .4rem; vertical-align: top; text-align: left; font-size: .9rem; }
th { background: #f3f3f3; }
td.number { text-align: right; }
.evidence { max-width: 40rem; }
.hedged { background: #fff4d6; }
.stale { color: #888; }
.conforms { color: #176317; } .violates { color: #a40000; }
input[type=search] { width: 24rem; padding: .3rem; }
svg text { font-size: 12px; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
"""

# The filter: every table with data-filter gets rows hidden that do not contain the search text.
_SCRIPT = """
document.querySelectorAll('input[data-filter]').forEach(function (box) {
  var rows = document.querySelectorAll('#' + box.dataset.filter + ' tbody tr');
  var count = document.getElementById(box.dataset.filter + '-shown');
  box.addEventListener('input', function () {
    var wanted = box.value.toLowerCase(), shown = 0;
    rows.forEach(function (row) {
      var hit = row.textContent.toLowerCase().indexOf(wanted) >= 0;
      row.hidden = !hit; if (hit) { shown++; }
    });
    count.textContent = shown;
  });
});
"""


def render(data: ReportData) -> str:
    page = html_document(title=f"isis-kg review report: {data.build}")
    with page.head:
        meta(charset="utf-8")
        meta(name="viewport", content="width=device-width, initial-scale=1")
        style(raw(_CSS))
    with page:
        h1("isis-kg review report")
        with nav():
            for anchor, title in (
                ("counts", "Counts"),
                ("validation", "SHACL"),
                ("to-review", "To review"),
                ("network", "Franchises"),
                ("timeline", "Timeline"),
                ("entities", "Entities"),
                ("facts", "Facts"),
                ("curation", "Curation"),
            ):
                a(title, href=f"#{anchor}")
        p(
            f"Build {data.build}: {data.triples:,} triples, {len(data.document_counts)} documents, "
            f"{len(data.entities)} entities, {len(data.events)} events, {len(data.facts)} statements of fact."
        )
        _counts(data)
        _validation_section(data.validation)
        _to_review(data)
        _network(data)
        _timeline(data)
        _entities(data)
        _facts(data)
        _curation(data)
        script(raw(_SCRIPT))
    return _visible_bidi_controls(page.render())


# embeddings, overrides and isolates reorder the text around them ("Trojan Source"): a text can make a
# sentence read otherwise than it is written; the page's own markup has none, so every one comes from data
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _visible_bidi_controls(html: str) -> str:
    return _BIDI_CONTROLS.sub(lambda control: f"[U+{ord(control.group()):04X}]", html)


def _counts(data: ReportData) -> None:
    documents = sorted(data.document_counts.items(), key=lambda item: data.label(item[0]))
    with section(id="counts"):
        h2("Counts")
        _count_table("class-counts", "Nodes by class", ("class", "nodes"), sorted(data.class_counts.items()))
        _count_table(
            "relation-counts",
            "Statements by relation",
            ("relation", "statements"),
            sorted(data.relation_counts.items()),
        )
        _count_table(
            "document-counts",
            "Documents",
            ("document", "statements", "entities and events mentioned"),
            [(data.label(doc), facts, mentioned) for doc, (facts, mentioned) in documents],
        )


def _count_table(table_id: str, title: str, head: tuple[str, ...], rows: list[tuple[str, ...] | tuple]) -> None:
    """A table of a name and its counts, the counts right-aligned."""
    with table(id=table_id):
        caption(title)
        thead(tr(*(th(name) for name in head)))
        with tbody():
            for name, *counts in rows:
                tr(td(name), *(td(str(count), cls="number") for count in counts))


def _validation_section(report: ValidationReport) -> None:
    with section(id="validation"):
        h2("SHACL validation")
        lines = report.summary(limit=50)
        p(lines[0], cls="conforms" if report.conforms else "violates")
        if len(lines) > 1:
            with ul():
                for line in lines[1:]:
                    li(line.strip())


def _fact_row(data: ReportData, fact: Fact) -> None:
    confidence = f"{fact.confidence:.2f}" if fact.confidence is not None else ""
    with tr(cls="hedged" if fact.hedged else "", id=_short(fact.statement).replace("/", "-")):
        td(data.label(fact.subject))
        td(_short(fact.predicate))
        td(data.label(fact.object))
        td(fact.evidence, cls="evidence")
        td(data.label(fact.document), " ", span(fact.asserted_on or "", cls="date"))
        td("; ".join(data.label(s) for s in fact.cited))
        td(confidence, " hedged" if fact.hedged else "", cls="number")
        td(fact.pattern)


_FACT_HEAD = ("subject", "relation", "object", "evidence", "document", "cited source", "confidence", "pattern")


def _to_review(data: ReportData) -> None:
    scored = [f for f in data.facts if f.confidence is not None]
    first = sorted(scored, key=lambda f: (not f.hedged, f.confidence, f.statement))[:TO_REVIEW]
    with section(id="to-review"):
        h2("To review")
        p(f"The {len(first)} facts with hedged wording or the lowest confidence, those first.")
        with table(id="review-table"):
            thead(tr(*(th(name) for name in _FACT_HEAD)))
            with tbody():
                for fact in first:
                    _fact_row(data, fact)


def _network(data: ReportData) -> None:
    """Franchises in the middle, the organisations they belong to left, the regions they operate in right."""
    franchise_of = {(f.subject, f.object) for f in data.facts if f.predicate == str(IKG.franchiseOf)}
    franchises = sorted({s for s, _o in franchise_of}, key=lambda n: data.label(n).casefold())
    operates = {
        (f.subject, f.object) for f in data.facts if f.predicate == str(IKG.operatesIn) and f.subject in franchises
    }
    parents = sorted({o for _s, o in franchise_of}, key=lambda n: data.label(n).casefold())
    regions = sorted({o for _s, o in operates}, key=lambda n: data.label(n).casefold())
    step, top = 26, 30
    height = top + step * max(len(franchises), len(parents), len(regions), 1)
    columns = {0: 170, 1: 460, 2: 750}
    where: dict[tuple[int, str], tuple[float, float]] = {}
    for column, nodes in enumerate((parents, franchises, regions)):
        offset = (height - top - step * len(nodes)) / 2
        for index, node in enumerate(nodes):
            where[(column, node)] = (columns[column], top + offset + step * index + step / 2)
    with section(id="network"):
        h2("Franchise network")
        p(
            f"{len(franchises)} franchises: to the left the organisation each belongs to (franchiseOf), "
            "to the right the regions each operates in (operatesIn)."
        )
        picture = svg.svg(
            width="920",
            height=str(math.ceil(height)),
            viewBox=f"0 0 920 {math.ceil(height)}",
            role="img",
            id="network-picture",
        )
        with picture:
            svg.title("Franchises, the organisations they belong to, the regions they operate in")
            for (child, parent), kind, (from_column, to_column) in [
                *((edge, "franchiseOf", (1, 0)) for edge in sorted(franchise_of)),
                *((edge, "operatesIn", (1, 2)) for edge in sorted(operates)),
            ]:
                x1, y1 = where[(from_column, child)]
                x2, y2 = where[(to_column, parent)]
                svg.line(
                    x1=f"{x1:.0f}",
                    y1=f"{y1:.0f}",
                    x2=f"{x2:.0f}",
                    y2=f"{y2:.0f}",
                    stroke="#c0392b" if kind == "franchiseOf" else "#2e86c1",
                    **{"class": f"edge {kind}"},
                )
            for (column, node), (x, y) in sorted(where.items()):
                with svg.g(**{"class": f"node column-{column}", "data-iri": node}):
                    svg.circle(cx=f"{x:.0f}", cy=f"{y:.0f}", r="5", fill="#333")
                    anchor = "end" if column == 0 else "start"
                    dx = -9 if column == 0 else 9
                    svg.text(data.label(node), x=f"{x + dx:.0f}", y=f"{y + 4:.0f}", **{"text-anchor": anchor})
        div(picture)


def _timeline(data: ReportData) -> None:
    with section(id="timeline"):
        h2("Timeline of events")
        with table(id="timeline-table"):
            thead(
                tr(
                    th("date"),
                    th("event"),
                    th("class"),
                    th("place"),
                    th("perpetrator"),
                    th("casualties"),
                    th("documents"),
                )
            )
            with tbody():
                for event in data.events:
                    tr(
                        td(", ".join(event.dates) or "undated"),
                        td(data.label(event.iri)),
                        td(event.event_class),
                        td(", ".join(event.places)),
                        td(", ".join(event.perpetrators)),
                        td(", ".join(event.casualties)),
                        td(str(event.documents), cls="number"),
                    )


def _entities(data: ReportData) -> None:
    with section(id="entities"):
        h2("Entities")
        p(
            "Filter: ",
            input_(type="search", placeholder="name, class, QID…", **{"data-filter": "entity-table"}),
            " ",
            span(str(len(data.entities)), id="entity-table-shown"),
            f" of {len(data.entities)} shown",
        )
        with table(id="entity-table"):
            thead(tr(th("entity"), th("labels"), th("aliases"), th("class"), th("Wikidata"), th("documents")))
            with tbody():
                for entity in data.entities:
                    with tr():
                        td(_short(entity.iri))
                        td("; ".join(entity.labels))
                        td("; ".join(entity.aliases))
                        td(entity.entity_class)
                        with td():
                            for item in entity.wikidata:
                                _wikidata_link(item)
                        td(str(entity.documents), cls="number")


_WIKIDATA_ITEM = re.compile(r"(https?)://www\.wikidata\.org/entity/(Q[1-9][0-9]*)")


def _wikidata_link(item: str) -> None:
    """A link to the item's Wikidata page; anything else a graph says is the same (a javascript: IRI,
    say) is shown as text, never as a link a reader might follow."""
    match = _WIKIDATA_ITEM.fullmatch(item)
    if match is None:
        span(_short(item), cls="not-linked")
        return
    a(_short(item), href=f"{match.group(1)}://www.wikidata.org/wiki/{match.group(2)}")


def _facts(data: ReportData) -> None:
    with section(id="facts"):
        h2("Facts with their evidence")
        p(
            "Every statement of fact, with the sentence it was read from, its document and the sources that "
            "sentence's footnotes cite. Filter: ",
            input_(
                type="search", placeholder="entity, relation, words of the sentence…", **{"data-filter": "fact-table"}
            ),
            " ",
            span(str(len(data.facts)), id="fact-table-shown"),
            f" of {len(data.facts)} shown",
        )
        with table(id="fact-table"):
            thead(tr(*(th(name) for name in _FACT_HEAD)))
            with tbody():
                for fact in data.facts:
                    _fact_row(data, fact)


def _curation(data: ReportData) -> None:
    with section(id="curation"):
        h2("Curation decisions")
        stale = sum(1 for d in data.decisions if not d.applied)
        p(f"{len(data.decisions)} decisions from curation.yaml, {stale} of which no longer apply.")
        with table(id="curation-table"):
            thead(tr(th("date"), th("by"), th("action"), th("what"), th("reason"), th("applies")))
            with tbody():
                for decision in data.decisions:
                    tr(
                        td(decision.date),
                        td(decision.by),
                        td(decision.action),
                        td(decision.what),
                        td(decision.reason),
                        td("yes" if decision.applied else "no longer"),
                        cls="" if decision.applied else "stale",
                    )
        with details():
            summary("How to add a decision")
            p("Add an entry to curation.yaml beside the texts (see README.md, 'Curation') and rebuild.")
