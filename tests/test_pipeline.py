"""The whole build: the committed graph is what the build writes, whatever the file names."""

import shutil
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import PROV, RDF, RDFS

from isis_kg import build
from isis_kg.namespaces import IKG
from isis_kg.outputs import GRAPH_FILE, ONTOLOGY_COPY, REPORT_FILE
from isis_kg.stages import STAGES, Stage, check_stage_order, read_document

from conftest import CORPUS, GRAPH

CONTRACT_RELATIONS = [
    IKG.franchiseOf,
    IKG.operatesIn,
    IKG.locatedIn,
    IKG.leaderOf,
    IKG.memberOf,
    IKG.predecessorOf,
    IKG.opposes,
    IKG.pledgedAllegianceTo,
    IKG.occurredIn,
    IKG.date,
    IKG.perpetrator,
    IKG.participant,
    IKG.cites,
]


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("graph")
    result = build([CORPUS], out)
    assert result.conforms and result.errors == [] and result.documents == 5
    return out


@pytest.fixture(scope="module")
def corpus_graph(corpus_build: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(corpus_build / GRAPH_FILE)


@pytest.mark.parametrize("name", [GRAPH_FILE, REPORT_FILE, ONTOLOGY_COPY])
def test_the_committed_graph_is_what_the_build_writes(corpus_build: Path, name: str) -> None:
    assert (corpus_build / name).read_bytes() == (GRAPH / name).read_bytes(), (
        f"graph/{name} is stale: run the README's build command and commit graph/"
    )


def test_all_six_contract_classes_have_instances(corpus_graph: rdflib.Graph) -> None:
    query = "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a/rdfs:subClassOf* ?class }"
    ontology = rdflib.Graph().parse(GRAPH / ONTOLOGY_COPY)
    both = corpus_graph + ontology
    for cls in (IKG.Organisation, IKG.Franchise, IKG.Region, IKG.Person, IKG.Event, IKG.Source):
        count = int(next(iter(both.query(query, initBindings={"class": cls}, initNs={"rdfs": RDFS})))[0])
        assert count > 0, cls


def test_every_relation_triple_has_its_evidence(corpus_graph: rdflib.Graph) -> None:
    facts = [(s, p, o) for p in CONTRACT_RELATIONS for s, o in corpus_graph.subject_objects(p)]
    assert len(facts) > 50
    for s, p, o in facts:
        statements = set(corpus_graph.subjects(RDF.subject, s)) & set(corpus_graph.subjects(RDF.predicate, p))
        statements &= set(corpus_graph.subjects(RDF.object, o))
        assert statements, (s, p, o)
        for statement in statements:
            assert corpus_graph.value(statement, IKG.evidence), statement


def test_the_seed_file_names_give_the_same_entities_and_relations(tmp_path: Path, corpus_graph: rdflib.Graph) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for number, path in enumerate(sorted(CORPUS.glob("*.txt"))):
        shutil.copy(path, seeds / f"{number:03d}_{path.stem[:8]}.txt")
    shutil.copy(CORPUS / "catalogue.yaml", seeds)  # its entries find the renamed files by their hash
    result = build([seeds], tmp_path / "out")
    assert result.conforms
    renamed = rdflib.Graph().parse(tmp_path / "out" / GRAPH_FILE)

    def entities_and_relations(graph: rdflib.Graph) -> set:
        typed = {(s, o) for s, o in graph.subject_objects(RDF.type) if "/statement/" not in s and o != PROV.Activity}
        relations = {(s, p, o) for p in CONTRACT_RELATIONS for s, o in graph.subject_objects(p)}
        return typed | relations

    assert entities_and_relations(renamed) == entities_and_relations(corpus_graph)


def test_stage_order_is_checked() -> None:
    check_stage_order(STAGES)
    without_layout = tuple(stage for stage in STAGES if stage.name != "layout")
    with pytest.raises(RuntimeError, match=r"stage 'footnotes' reads \['blocks'\] before any stage writes it"):
        check_stage_order(without_layout)
    assert all(isinstance(stage, Stage) for stage in STAGES)


def test_a_citing_footnote_states_the_facts_of_its_own_sentences(reference, analysers) -> None:
    from isis_kg.ingest import read_source
    from isis_kg.ingest.catalogue import Catalogue

    # NCTV 2017, footnote 17: an explanation, then the work it cites
    source = read_source(CORPUS / "nctv-2017-transformatie-isis-na-kalifaat.txt")
    document = read_document(source, Catalogue(), reference, analysers)
    sentences = [s for s in document.sentences if s.in_footnote == 17]
    stating = [s for s in sentences if document.states_facts(s, reference.citations.cited_title)]
    assert [s.text[:30] for s in stating] == ["De ISIS-strijders in Qalamoun ", "Dit lijkt een indicatie dat he"]
    assert any("Militarily Defeating" in s.text for s in sentences if s not in stating)
    assert {m.entity for m in document.mentions if m.sentence == stating[0].index} >= {"isis", "libanon"}


def test_every_fact_from_a_footnoted_sentence_cites_its_source(reference, analysers) -> None:
    from isis_kg.ingest import read_source
    from isis_kg.ingest.catalogue import Catalogue
    from isis_kg.rdf import BuildRecord, map_corpus
    from isis_kg.resolve import resolve

    source = read_source(CORPUS / "nctv-2017-transformatie-isis-na-kalifaat.txt")
    # not process_document, which drops the sentences this test looks at
    document = read_document(source, Catalogue(), reference, analysers)
    graph = rdflib.Graph()
    for triple in map_corpus(resolve([document], reference), BuildRecord("t", "1", "r", "i"), reference).triples():
        graph.add(triple)
    checked = 0
    for statement in set(graph.subjects(RDF.type, RDF.Statement)):
        if graph.value(statement, RDF.predicate) == IKG.cites:
            continue
        start = int(graph.value(statement, IKG.startOffset))
        sentence = next(s for s in document.sentences if s.original_start == start)
        cited = [n for n in sentence.footnotes if n in document.footnotes and document.footnotes[n].works]
        if cited:
            checked += 1
            assert graph.value(statement, IKG.citedSource) is not None, sentence.text
    assert checked >= 20


def test_no_two_entity_nodes_share_a_name() -> None:
    """One node per real entity: "ISIS", "IS" and "Islamitische Staat" are names of one node, not three."""
    from isis_kg.query import open_graph

    query = """
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX ikg: <https://w3id.org/isis-kg/ontology#>
        SELECT DISTINCT ?a ?b ?name WHERE {
          VALUES ?class { ikg:Organisation ikg:Franchise ikg:Region ikg:Person }
          ?a a ?class . ?b a ?class . FILTER (STR(?a) < STR(?b))
          ?a rdfs:label|skos:altLabel ?name . ?b rdfs:label|skos:altLabel ?other .
          FILTER (LCASE(STR(?name)) = LCASE(STR(?other)))
        }"""
    store = open_graph(GRAPH)
    assert [tuple(term.value for term in row) for row in store.query(query)] == []
    names = """
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT DISTINCT ?node WHERE {
          VALUES ?name { "ISIS" "IS" "Islamitische Staat" "ISIL" }
          ?node rdfs:label|skos:altLabel ?label . FILTER (STR(?label) = ?name)
        }"""
    assert [row[0].value for row in store.query(names)] == ["https://w3id.org/isis-kg/id/isis"]
