"""A real triplestore: push the graph into any SPARQL 1.1 Graph Store, or serve it with Oxigraph.

The graph is split into named graphs: one per document (the document node and the
statement nodes read from it) and one shared graph (entities, events, sources, the facts
themselves, the build record). Every triple is in exactly one named graph, so the union of
the graphs is the built graph. Each named graph is replaced with one HTTP PUT of the Graph
Store Protocol, so loading twice changes nothing, and a load cut off halfway leaves each
graph either as it was or as it should be.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from isis_kg.errors import EndpointError, InputError, IsisKgError
from isis_kg.namespaces import ID, IKG
from isis_kg.query import GRAPH_FILES, check_endpoint_address, http_problem, network_problem

SHARED_GRAPH = str(ID["graph/shared"])
ONTOLOGY_GRAPH = str(ID["graph/ontology"])
_PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclass(frozen=True)
class LoadReport:
    graphs: int
    triples: int
    seconds: float


def named_graphs(graph_dir: Path | str) -> dict[str, list[ox.Triple]]:
    """The built graph split into named graphs (graph IRI -> triples)."""
    graph_dir = Path(graph_dir)
    triples = _parse(graph_dir / GRAPH_FILES[0])
    documents = {
        _text(t.subject) for t in triples if t.predicate.value == _RDF_TYPE and _text(t.object) == str(IKG.Document)
    }
    derived = {_text(t.subject): _text(t.object) for t in triples if t.predicate.value == _PROV_DERIVED}
    graphs: dict[str, list[ox.Triple]] = {SHARED_GRAPH: [], ONTOLOGY_GRAPH: _parse(graph_dir / GRAPH_FILES[1])}
    for triple in triples:
        subject = _text(triple.subject)
        document = subject if subject in documents else derived.get(subject)
        name = document_graph(document) if document is not None else SHARED_GRAPH
        graphs.setdefault(name, []).append(triple)
    return graphs


def document_graph(document_iri: str) -> str:
    return str(ID["graph/" + document_iri[len(str(ID)) :]])


def load(
    graph_dir: Path | str,
    endpoint: str,
    *,
    user: str | None = None,
    password: str | None = None,
    timeout: float = 60.0,
) -> LoadReport:
    """Replace each named graph of the build in the Graph Store at ``endpoint`` (HTTP PUT)."""
    started = time.perf_counter()
    check_endpoint_address(endpoint)
    graphs = named_graphs(graph_dir)
    opener = _opener(endpoint, user, password)
    total = 0
    for name in sorted(graphs):
        body = ox.serialize(graphs[name], format=ox.RdfFormat.N_TRIPLES) or b""
        separator = "&" if "?" in endpoint else "?"
        url = f"{endpoint}{separator}graph={urllib.parse.quote(name, safe='')}"
        request = urllib.request.Request(url, data=body, method="PUT")
        request.add_header("Content-Type", "application/n-triples")
        try:
            with opener.open(request, timeout=timeout) as response:
                response.read()
        except urllib.error.HTTPError as error:
            problem = http_problem(error.code, timeout, user is not None)
            raise EndpointError(endpoint, f"{problem} while loading graph <{name}>") from None
        except (urllib.error.URLError, OSError) as error:
            problem = network_problem(error, timeout)
            raise EndpointError(endpoint, f"{problem} while loading graph <{name}>; that graph is unchanged") from None
        total += len(graphs[name])
    return LoadReport(graphs=len(graphs), triples=total, seconds=time.perf_counter() - started)


def _opener(endpoint: str, user: str | None, password: str | None) -> urllib.request.OpenerDirector:
    """urllib with the credentials for HTTP Basic (sent with the first request, as before) and for HTTP Digest,
    which a store asks for by answering 401 (Virtuoso's Graph Store does): the request is then sent again."""
    if user is None:
        return urllib.request.build_opener()
    passwords = urllib.request.HTTPPasswordMgrWithPriorAuth()
    passwords.add_password(None, endpoint, user, password or "", is_authenticated=True)
    return urllib.request.build_opener(
        urllib.request.HTTPBasicAuthHandler(passwords), urllib.request.HTTPDigestAuthHandler(passwords)
    )


@dataclass(frozen=True)
class Server:
    url: str  # the server's root: its query page; SPARQL at /query, Graph Store at /store
    process: subprocess.Popen[bytes]

    @property
    def query_endpoint(self) -> str:
        return f"{self.url}/query"

    @property
    def store_endpoint(self) -> str:
        return f"{self.url}/store"


@contextmanager
def serve(
    graph_dir: Path | str, port: int = 7878, location: Path | None = None, writable: bool = False
) -> Iterator[Server]:
    """Start an Oxigraph server on 127.0.0.1 with the graph loaded; stop it on leaving.

    The graph is loaded into the store before the server starts, and the server is read-only unless
    ``writable``: anyone who can reach the port (a page in a browser included) could change the store.
    """
    binary = oxigraph_binary()
    if _port_in_use(port):
        raise IsisKgError(f"127.0.0.1:{port}: the port is in use; choose another with --port")
    with tempfile.TemporaryDirectory(prefix="isis-kg-store-") as temporary:
        data = location or Path(temporary) / "store"
        load_offline(binary, graph_dir, data, Path(temporary) / "graph.nq")
        mode = "serve" if writable else "serve-read-only"
        process = subprocess.Popen(
            [binary, mode, "--location", str(data), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        server = Server(f"http://127.0.0.1:{port}", process)
        try:
            wait_until_up(server)
            yield server
        finally:
            stop(server)


def load_offline(binary: str, graph_dir: Path | str, location: Path, staging: Path) -> None:
    """Load the build's named graphs into an Oxigraph store on disk (``oxigraph load``), no server running."""
    quads = [
        ox.Quad(triple.subject, triple.predicate, triple.object, ox.NamedNode(name))
        for name, triples in named_graphs(graph_dir).items()
        for triple in triples
    ]
    ox.serialize(quads, output=str(staging), format=ox.RdfFormat.N_QUADS)
    done = subprocess.run(
        [binary, "load", "--location", str(location), "--file", str(staging)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    staging.unlink()
    if done.returncode != 0:
        message = done.stderr.decode(errors="replace").strip().splitlines() or ["no message"]
        raise IsisKgError(f"{location}: Oxigraph could not load the graph ({message[-1][:200]})")


def oxigraph_binary() -> str:
    beside_python = Path(sys.executable).with_name("oxigraph")
    found = str(beside_python) if beside_python.exists() else shutil.which("oxigraph")
    if found is None:
        raise IsisKgError("oxigraph: the Oxigraph server is not installed (pip install oxigraph)")
    return found


def wait_until_up(server: Server, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            message = (server.process.stderr.read() if server.process.stderr else b"").decode(errors="replace")
            raise IsisKgError(f"{server.url}: the Oxigraph server stopped at start-up ({message.strip()[:200]})")
        try:
            with urllib.request.urlopen(f"{server.url}/query?query=ASK%7B%7D", timeout=1) as response:
                response.read()
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    stop(server)
    raise IsisKgError(f"{server.url}: the Oxigraph server did not answer within {seconds:g} s")


def stop(server: Server) -> None:
    if server.process.poll() is None:
        server.process.terminate()
        try:
            server.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()
    if server.process.stderr:
        server.process.stderr.close()


def _port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _text(term: object) -> str:
    """The IRI, literal or blank node id of a term (the graph has no quoted triples)."""
    return str(getattr(term, "value", term))


def _parse(path: Path) -> list[ox.Triple]:
    if not path.is_file():
        raise InputError(path, "no such file; build the graph first (isis-kg build)")
    try:
        return [quad.triple for quad in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
    except SyntaxError as error:
        raise InputError(path, f"not valid Turtle ({str(error).splitlines()[0]})") from None
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror or error})") from None
