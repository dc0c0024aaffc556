"""The graph in a real triplestore: an Oxigraph server started by the tests on 127.0.0.1."""

import hashlib
import http.server
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from SPARQLWrapper import JSON, SPARQLWrapper

from isis_kg.cli import main
from isis_kg.query import open_graph, query_endpoint, query_store
from isis_kg.store import SHARED_GRAPH, Server, load, named_graphs, oxigraph_binary

from conftest import GRAPH, PROJECT, free_port, http_server

COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def count(endpoint: str) -> int:
    client = SPARQLWrapper(endpoint)
    client.setQuery(COUNT_QUADS)
    client.setReturnFormat(JSON)
    return int(client.queryAndConvert()["results"]["bindings"][0]["n"]["value"])


def test_every_triple_lands_in_exactly_one_named_graph() -> None:
    graphs = named_graphs(GRAPH)
    documents = [name for name in graphs if "/graph/document/" in name]
    assert len(documents) == 5
    built = open_graph(GRAPH)
    assert sum(len(triples) for triples in graphs.values()) == len(built)


def test_load_twice_changes_nothing_and_answers_match_embedded(oxigraph: Server) -> None:
    first = load(GRAPH, oxigraph.store_endpoint)
    assert count(oxigraph.query_endpoint) == first.triples
    second = load(GRAPH, oxigraph.store_endpoint)
    assert count(oxigraph.query_endpoint) == first.triples == second.triples
    question = (PROJECT / "queries" / "12-where-organisations-operate.rq").read_text(encoding="utf-8")
    remote = query_endpoint(oxigraph.query_endpoint, question)
    embedded = query_store(open_graph(GRAPH), question)
    assert remote.values() == embedded.values() and len(remote.rows) > 5


def test_isis_kg_serve_answers_like_the_embedded_store() -> None:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "isis_kg.cli", "serve", "--graph", str(GRAPH), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert "Serving" in process.stdout.readline()
        question = (PROJECT / "queries" / "10-leaders-and-members.rq").read_text(encoding="utf-8")
        client = SPARQLWrapper(f"http://127.0.0.1:{port}/query")
        client.setQuery(question)
        client.setReturnFormat(JSON)
        rows = client.queryAndConvert()["results"]["bindings"]
        remote = [tuple(row[v]["value"] for v in ("person", "role", "organisation", "evidence")) for row in rows]
        assert remote == query_store(open_graph(GRAPH), question).values()
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)  # the store flushes to disk on stopping; slow under load
    assert process.returncode == 0, err
    assert "Stopped." in out
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1)


def test_a_query_the_endpoint_rejects_is_one_line(oxigraph: Server, capsys) -> None:
    # valid SPARQL grammar, so it is sent; the store rejects the prefix no PREFIX line declares
    assert main(["query", "SELECT ?x WHERE { ?x nergens:p ?y }", "--endpoint", oxigraph.query_endpoint]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"isis-kg: error: {oxigraph.query_endpoint}: the endpoint rejected the query")
    assert err.count("\n") == 1


UPDATES = [
    "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }",
    "# SELECT * WHERE { ?s ?p ?o }\nPREFIX id: <https://w3id.org/isis-kg/id/>\nDROP ALL",
    "PREFIX ikg: <https://w3id.org/isis-kg/ontology#>\n# a comment\nINSERT DATA { ikg:a ikg:b ikg:c }",
    "BASE <http://example.org/>\nCLEAR DEFAULT ; LOAD <http://example.org/graph.ttl>",
]


@pytest.mark.parametrize("update", UPDATES)
@pytest.mark.parametrize("path", ["/update", "/query"])
def test_an_update_through_query_leaves_the_store_unchanged(oxigraph: Server, update: str, path: str, capsys) -> None:
    loaded = load(GRAPH, oxigraph.store_endpoint).triples
    assert main(["query", update, "--endpoint", oxigraph.url + path]) == 2
    err = capsys.readouterr().err
    assert err.startswith("isis-kg: error: query: an update (")
    assert err.endswith(") is refused: isis-kg query only reads\n")
    assert err.count("\n") == 1
    assert count(oxigraph.query_endpoint) == loaded


def test_an_update_in_a_query_file_is_refused_by_the_real_command(oxigraph: Server, tmp_path: Path) -> None:
    loaded = load(GRAPH, oxigraph.store_endpoint).triples
    wipe = tmp_path / "wipe.rq"
    prologue = "# nl: Wis alles\nPREFIX ikg: <https://w3id.org/isis-kg/ontology#>\n"
    wipe.write_text(prologue + UPDATES[0], encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "isis_kg.cli", "query", str(wipe), "--endpoint", f"{oxigraph.url}/update"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == f"isis-kg: error: {wipe}: an update (DELETE WHERE) is refused: isis-kg query only reads\n"
    assert count(oxigraph.query_endpoint) == loaded


class _Refusing(http.server.BaseHTTPRequestHandler):
    def _refuse(self) -> None:
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Basic realm="store"')
        self.end_headers()

    do_GET = do_POST = do_PUT = _refuse

    def log_message(self, *args: object) -> None:
        pass


class _Slow(_Refusing):
    def _refuse(self) -> None:
        time.sleep(3)
        self.send_response(204)
        self.end_headers()

    do_GET = do_POST = do_PUT = _refuse


class _DiesOnSecondGraph(_Refusing):
    puts = 0

    def do_PUT(self) -> None:  # noqa: N802 (the name http.server calls)
        type(self).puts += 1
        length = int(self.headers["Content-Length"])
        if type(self).puts == 2:
            self.rfile.read(length // 2)
            self.connection.shutdown(socket.SHUT_RDWR)  # the store goes away mid-upload
            return
        self.rfile.read(length)
        self.send_response(204)
        self.end_headers()


@pytest.mark.parametrize("command", ["load", "query"])
def test_endpoint_failures_are_one_line_and_exit_2(command: str, capsys) -> None:
    def run(endpoint: str, *extra: str) -> str:
        argv = ["load", "--endpoint", endpoint, "--graph", str(GRAPH), *extra]
        if command == "query":
            argv = ["query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "--endpoint", endpoint, *extra]
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err
        return err

    nowhere = f"http://127.0.0.1:{free_port()}/store"
    assert "cannot reach the endpoint" in run(nowhere)
    with http_server(_Refusing) as endpoint:
        assert "refused the credentials (HTTP 401)" in run(endpoint, "--user", "analist", "--password", "fout")
    with http_server(_Slow) as endpoint:
        assert "no answer within 1 s" in run(endpoint, "--timeout", "1")


def test_a_store_that_dies_mid_load_is_named_with_the_graph_left_unchanged(capsys) -> None:
    _DiesOnSecondGraph.puts = 0
    with http_server(_DiesOnSecondGraph) as endpoint:
        assert main(["load", "--endpoint", endpoint, "--graph", str(GRAPH)]) == 2
    err = capsys.readouterr().err
    assert "while loading graph <https://w3id.org/isis-kg/id/graph/" in err
    assert "that graph is unchanged" in err


def test_serve_refuses_a_port_in_use(capsys) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--graph", str(GRAPH), "--port", str(port)]) == 2
    assert f"127.0.0.1:{port}: the port is in use" in capsys.readouterr().err


def test_the_server_binary_is_installed() -> None:
    assert Path(oxigraph_binary()).exists() or os.path.isabs(oxigraph_binary())


def _start_serve(tmp_path: Path, *extra: str) -> tuple[subprocess.Popen[str], str, str]:
    """`isis-kg serve` as a user starts it, its temporary store under ``tmp_path/tmp``."""
    (tmp_path / "tmp").mkdir()
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "isis_kg.cli", "serve", "--graph", str(GRAPH), "--port", str(port), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(tmp_path / "tmp")},
    )
    line = process.stdout.readline()
    assert line.startswith("Serving"), line + process.stderr.read()
    # the second line says the server is up and how to stop it; read here, it is never part of what follows
    assert process.stdout.readline() == "Press Ctrl-C to stop.\n"
    return process, f"http://127.0.0.1:{port}", line


def _send(method: str, url: str, body: bytes, content_type: str) -> int:
    request = urllib.request.Request(url, data=body, method=method, headers={"Content-Type": content_type})
    request.add_header("Origin", "http://elders.example")  # as a form on another site would send it
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _children(pid: int) -> list[int]:
    """The live processes whose parent is ``pid`` (from /proc: Linux)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # it ended while we looked
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _stop(process: subprocess.Popen[str], number: int = signal.SIGINT, twice: bool = False) -> tuple[str, str]:
    process.send_signal(number)
    if twice:  # an impatient user: the second signal comes while the server is being stopped
        time.sleep(0.05)
        process.send_signal(number)
    return process.communicate(timeout=60)


def test_serve_is_read_only_by_default(tmp_path: Path) -> None:
    process, url, line = _start_serve(tmp_path)
    assert "(read-only)" in line
    shared = urllib.parse.quote(SHARED_GRAPH, safe="")
    try:
        triples = count(f"{url}/query")
        form = "application/x-www-form-urlencoded"
        assert _send("POST", f"{url}/update", b"update=DROP%20ALL", form) == 403
        assert _send("POST", f"{url}/update", b"CLEAR ALL", "application/sparql-update") == 403
        triple = b"<urn:a> <urn:b> <urn:c> ."
        assert _send("PUT", f"{url}/store?graph={shared}", triple, "application/n-triples") == 403
        assert _send("DELETE", f"{url}/store?graph={shared}", b"", "text/plain") == 403
        assert count(f"{url}/query") == triples == sum(len(t) for t in named_graphs(GRAPH).values())
    finally:
        out, err = _stop(process)
    assert process.returncode == 0, err
    assert out == "Stopped.\n"


def test_serve_writable_takes_updates(tmp_path: Path) -> None:
    process, url, _line = _start_serve(tmp_path, "--writable")
    try:
        triples = count(f"{url}/query")
        insert = b"INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }"
        assert _send("POST", f"{url}/update", insert, "application/sparql-update") == 204
        assert count(f"{url}/query") == triples + 1
    finally:
        _stop(process)
    assert process.returncode == 0


@pytest.mark.parametrize(
    "number",
    [signal.SIGINT, signal.SIGTERM, signal.SIGHUP],
    ids=lambda n: signal.Signals(n).name,
)
@pytest.mark.parametrize("twice", [False, True], ids=["once", "twice"])
def test_every_way_of_stopping_serve_stops_oxigraph_and_removes_its_store(
    tmp_path: Path, number: int, twice: bool
) -> None:
    process, url, _line = _start_serve(tmp_path)
    (oxigraph,) = _children(process.pid)
    assert list((tmp_path / "tmp").iterdir())  # the temporary store
    out, err = _stop(process, number, twice)
    assert process.returncode == 0, err
    assert out.endswith("Stopped.\n") and err == ""
    assert not _running(oxigraph)
    assert list((tmp_path / "tmp").iterdir()) == []
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1])), timeout=1)


def _md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()


class _DigestStore(http.server.BaseHTTPRequestHandler):
    """A Graph Store that, like Virtuoso's /sparql-graph-crud-auth, takes a PUT only with HTTP Digest
    credentials (RFC 7616: MD5, qop=auth); it keeps how many triples each graph got."""

    realm, user, password, nonce = "SPARQL", "dba", "geheim", secrets.token_hex(8)
    graphs: dict[str, int] = {}

    def do_PUT(self) -> None:  # noqa: N802 (the name http.server calls)
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if not self._authorised():
            self._challenge()
            return
        graph = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)["graph"][0]
        type(self).graphs[graph] = body.count(b"\n")
        self.send_response(204)
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802: a SPARQL query, answered with one row
        if not self._authorised("GET"):
            self._challenge()
            return
        answer = b'{"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {"type": "literal", "value": "7"}}]}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def _challenge(self) -> None:
        self.send_response(401)
        challenge = f'Digest realm="{self.realm}", nonce="{self.nonce}", qop="auth", algorithm=MD5'
        self.send_header("WWW-Authenticate", challenge)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _authorised(self, method: str = "PUT") -> bool:
        header = self.headers.get("Authorization", "")
        if not header.startswith("Digest "):
            return False
        fields = dict(re.findall(r'(\w+)="?([^",]*)"?', header[len("Digest ") :]))
        secret = _md5(f"{self.user}:{self.realm}:{self.password}")
        request = _md5(f"{method}:{fields.get('uri')}")
        parts = [secret, self.nonce, fields.get("nc"), fields.get("cnonce"), fields.get("qop"), request]
        expected = _md5(":".join(str(part) for part in parts))
        return fields.get("username") == self.user and fields.get("response") == expected

    def log_message(self, *args: object) -> None:
        pass


def test_load_speaks_http_digest_to_a_store_that_asks_for_it(capsys) -> None:
    _DigestStore.graphs = {}
    with http_server(_DigestStore) as endpoint:
        argv = ["load", "--endpoint", endpoint, "--graph", str(GRAPH), "--user", "dba"]
        assert main([*argv, "--password", "fout"]) == 2
        err = capsys.readouterr().err
        assert "refused the credentials (HTTP 401); check --user and --password while loading graph <" in err
        assert err.count("\n") == 1 and _DigestStore.graphs == {}
        assert main([*argv, "--password", "geheim"]) == 0
    graphs = named_graphs(GRAPH)
    assert _DigestStore.graphs == {name: len(triples) for name, triples in graphs.items()}


def test_query_speaks_http_digest_to_an_endpoint_that_asks_for_it(capsys) -> None:
    with http_server(_DigestStore) as endpoint:
        argv = ["query", "SELECT ?n WHERE { ?s ?p ?n }", "--endpoint", endpoint, "--format", "csv", "--user", "dba"]
        assert main([*argv, "--password", "fout"]) == 2
        assert capsys.readouterr().err.endswith("refused the credentials (HTTP 401); check --user and --password\n")
        assert main([*argv, "--password", "geheim"]) == 0
    assert capsys.readouterr().out == "n\n7\n"


READ_FORMS = [
    "ASK { ?s a <https://w3id.org/isis-kg/ontology#Franchise> }",
    "ASK { ?s a <https://w3id.org/isis-kg/ontology#Nergens> }",
    "PREFIX ikg: <https://w3id.org/isis-kg/ontology#>\n"
    "CONSTRUCT { ?f ikg:franchiseOf ?o } WHERE { ?f ikg:franchiseOf ?o }",
    "# wie is de AIVD?\nDESCRIBE <https://w3id.org/isis-kg/id/aivd>",
]


@pytest.mark.parametrize("question", READ_FORMS)
def test_ask_construct_and_describe_answer_alike_embedded_and_remote(oxigraph: Server, question: str, capsys) -> None:
    loaded = load(GRAPH, oxigraph.store_endpoint).triples
    assert main(["query", question]) == 0
    embedded = capsys.readouterr().out
    assert main(["query", question, "--endpoint", oxigraph.query_endpoint]) == 0
    assert capsys.readouterr().out == embedded
    assert embedded in ("true\n", "false\n") or embedded.count(" .\n") > 3
    assert count(oxigraph.query_endpoint) == loaded


def test_loading_into_a_read_only_serve_is_refused_and_says_why(tmp_path: Path, capsys) -> None:
    process, url, _line = _start_serve(tmp_path)
    try:
        triples = count(f"{url}/query")
        assert main(["load", "--endpoint", f"{url}/store", "--graph", str(GRAPH)]) == 2
        err = capsys.readouterr().err
        assert "the endpoint forbids it (HTTP 403): a read-only store" in err and err.count("\n") == 1
        assert count(f"{url}/query") == triples
    finally:
        _stop(process)
