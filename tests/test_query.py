"""Competency questions: each runs on the committed graph and gives its expected answer.

Expected answers are tests/queries/<question>.csv. After a deliberate change to the graph,
regenerate them with ``ISIS_KG_UPDATE_QUERIES=1 pytest tests/test_query.py`` and review the diff.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from isis_kg.cli import main
from isis_kg.errors import InputError
from isis_kg.query import format_table, open_graph, query_store

from conftest import GRAPH, PROJECT

QUERIES = sorted((PROJECT / "queries").glob("*.rq"))
EXPECTED = Path(__file__).parent / "queries"


def needs_internet(query: Path) -> bool:
    return "# needs: internet" in query.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def store():
    return open_graph(GRAPH)


def test_there_are_enough_questions() -> None:
    assert len(QUERIES) >= 15
    assert sum(needs_internet(q) for q in QUERIES) >= 2


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.stem)
def test_every_question_says_what_it_asks(query: Path) -> None:
    header = query.read_text(encoding="utf-8").splitlines()
    assert header[0].startswith("# nl: ") and header[0].endswith("?")
    assert header[1].startswith("# en: ") and header[1].endswith("?")
    assert header[2].startswith("# columns: ")
    columns = [c.strip() for c in header[2][len("# columns: ") :].split(",")]
    select = next(line for line in header if line.startswith("SELECT"))
    assert all(f"?{c}" in select for c in columns), (columns, select)


@pytest.mark.parametrize("query", [q for q in QUERIES if not needs_internet(q)], ids=lambda q: q.stem)
def test_question_gives_its_expected_answer(store, query: Path) -> None:
    answer = format_table(query_store(store, query.read_text(encoding="utf-8"), str(query)), "csv")
    expected = EXPECTED / f"{query.stem}.csv"
    if os.environ.get("ISIS_KG_UPDATE_QUERIES"):
        expected.write_text(answer, encoding="utf-8")
    assert answer == expected.read_text(encoding="utf-8")
    assert answer.count("\n") > 1 or query.stem.startswith("11-"), "a competency question should have answers"


def test_the_query_command_prints_a_table_and_csv(capsys) -> None:
    question = str(PROJECT / "queries" / "10-leaders-and-members.rq")
    assert main(["query", question]) == 0
    table = capsys.readouterr().out
    assert "Abu Bakr al-Baghdadi" in table and "rows)" in table
    assert main(["query", question, "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("person,role,organisation,evidence\n")
    assert (
        main(
            [
                "query",
                "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/isis-kg/ontology#Franchise> }",
                "--format",
                "json",
            ]
        )
        == 0
    )
    assert '"vars": [\n      "n"\n    ]' in capsys.readouterr().out


def test_a_malformed_query_is_one_line_and_exit_2(store, capsys) -> None:
    with pytest.raises(InputError, match=r"^query: not valid SPARQL"):
        query_store(store, "SELEKT ?x WHERE {}")
    assert main(["query", "SELEKT ?x WHERE {}"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("isis-kg: error: query: not valid SPARQL") and err.count("\n") == 1


def test_an_update_is_refused_by_the_embedded_store_too(store, capsys) -> None:
    before = len(store)
    with pytest.raises(InputError, match=r"^query: an update \(DROP\) is refused"):
        query_store(store, "# SELECT\nPREFIX ikg: <https://w3id.org/isis-kg/ontology#>\nDROP ALL")
    assert len(store) == before
    assert main(["query", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"]) == 2
    refused = "isis-kg: error: query: an update (INSERT DATA) is refused: isis-kg query only reads\n"
    assert capsys.readouterr().err == refused


@pytest.mark.parametrize("form", ["ASK { ?s ?p ?o }", "CONSTRUCT WHERE { ?s ?p ?o }", "DESCRIBE <urn:a>"])
def test_other_read_forms_are_named(store, form: str) -> None:
    named = rf"^query: only SELECT queries give a table; this is an? {form.split()[0]} query"
    with pytest.raises(InputError, match=named):
        query_store(store, form)


def test_the_embedded_query_starts_without_rdflib() -> None:
    """isis-kg query on the built graph starts at once: Oxigraph parses the query, rdflib's SPARQL grammar
    (and rdflib) load only to explain a query Oxigraph refused."""
    question, graph = str(PROJECT / "queries" / "10-leaders-and-members.rq"), str(GRAPH)
    script = (
        "import contextlib, io, sys\n"
        "from isis_kg.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['query', {question!r}, '--graph', {graph!r}]) == 0\n"
        f"    assert main(['query', 'ASK {{ ?s ?p ?o }}', '--graph', {graph!r}]) == 0\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True, cwd=PROJECT)
    heavy = {"spacy", "wordfreq", "rdflib", "pyparsing", "pyshacl", "urllib.request", "isis_kg.pipeline"}
    assert not heavy & set(done.stdout.split()), heavy & set(done.stdout.split())


def test_the_plain_prefixes_are_rdflib_s_namespaces() -> None:
    from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

    from isis_kg.namespaces import ID, IKG, PREFIXES, WD

    terms = {"ikg": IKG, "id": ID, "wd": WD, "rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD}
    terms |= {"skos": SKOS, "prov": PROV, "dcterms": DCTERMS}
    assert PREFIXES == {prefix: str(namespace) for prefix, namespace in terms.items()}


def test_querying_a_graph_that_was_never_built(tmp_path: Path, capsys) -> None:
    assert main(["query", "SELECT * WHERE { ?s ?p ?o }", "--graph", str(tmp_path)]) == 2
    assert "graph.ttl: no such file; build the graph first" in capsys.readouterr().err
