"""Faults and bad inputs: each ends in one plain line and the documented exit code, and loses nothing.

Real files, real processes and real servers: an Oxigraph server for the store, small HTTP servers of the
tests' own for a SERVICE that fails.
"""

import http.server
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_store import count

from isis_kg.cli import main
from isis_kg.ingest.sentences import text_pieces
from isis_kg.store import Server

from conftest import CORPUS, GRAPH, free_port, http_server

SHORT_TEXT = CORPUS / "nieuws-2015-icsr-is-deserteurs.txt"
ARTICLE = [  # Neurink 2020
    "ISIS-gevangenen hebben eind maart tijdens een opstand een verdieping van een gevangenis in Syrië in handen.",
    "In de gevangenis in Hasakeh zitten zo'n vijfduizend ISIS-strijders die zijn opgepakt na de val van Baghouz.",
]


def _one_error(capsys, starts: str) -> str:
    err = capsys.readouterr().err
    assert err.startswith(f"isis-kg: error: {starts}"), err
    assert err.count("\n") == 1 and "Traceback" not in err
    return err


@pytest.mark.parametrize("jobs", ["0", "-3"])
def test_jobs_below_one_are_refused(tmp_path: Path, jobs: str, capsys) -> None:
    assert main(["build", str(SHORT_TEXT), "--out", str(tmp_path / "out"), "--jobs", jobs]) == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == f"isis-kg build: error: argument --jobs: {jobs} is not a whole number of 1 or more"
    assert not (tmp_path / "out").exists()


def test_loading_a_graph_that_is_not_there_leaves_the_store_as_it_was(oxigraph: Server, capsys) -> None:
    assert main(["load", "--endpoint", oxigraph.store_endpoint, "--graph", str(GRAPH)]) == 0
    loaded = count(oxigraph.query_endpoint)
    capsys.readouterr()
    assert main(["load", "--endpoint", oxigraph.store_endpoint, "--graph", "/missing"]) == 2
    _one_error(capsys, "/missing/graph.ttl: no such file; build the graph first (isis-kg build)")
    assert count(oxigraph.query_endpoint) == loaded


@pytest.mark.parametrize(
    "argv",
    [
        ["query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "--endpoint", "notaurl"],
        ["load", "--endpoint", "notaurl", "--graph", str(GRAPH)],
        ["load", "--endpoint", "ftp://127.0.0.1/store", "--graph", str(GRAPH)],
        ["query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "--endpoint", "http://[::1/query"],
        ["load", "--endpoint", "http://127.0.0.1:99999/store", "--graph", str(GRAPH)],
    ],
)
def test_an_endpoint_that_is_no_http_address_is_one_line(argv: list[str], capsys) -> None:
    assert main(argv) == 2
    _one_error(capsys, f"{argv[argv.index('--endpoint') + 1]}: not a")


def test_check_ontology_on_a_graph_that_is_not_there_or_not_turtle(tmp_path: Path, capsys) -> None:
    assert main(["check-ontology", "--graph", "/missing.ttl"]) == 2
    _one_error(capsys, "/missing.ttl: no such file; build the graph first")
    broken = tmp_path / "graph.ttl"
    broken.write_text("dit is geen Turtle\n", encoding="utf-8")
    assert main(["check-ontology", "--graph", str(broken)]) == 2
    _one_error(capsys, f"{broken}: not valid Turtle (")


class _FailingService(http.server.BaseHTTPRequestHandler):
    def _fail(self) -> None:
        self.send_response(500)
        self.end_headers()

    do_GET = do_POST = _fail

    def log_message(self, *args: object) -> None:
        pass


def test_a_query_whose_service_fails_is_one_line_and_exit_2(capsys) -> None:
    with http_server(_FailingService) as url:
        question = f"SELECT ?x WHERE {{ SERVICE <{url.removesuffix('/store')}/sparql> {{ ?x ?p ?o }} }}"
        assert main(["query", question]) == 2
    _one_error(capsys, "query: a SERVICE the query calls failed (")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("language: nl_NL", "catalogue entry 1: language 'nl_NL' is not a language tag"),
        ("title: [a, b]", "catalogue entry 1: 'title' is a list; give one text"),
        ("publisher_ref: nergens", "catalogue entry 1: publisher_ref 'nergens' is not an id of ontology/reference/"),
        ("author_ref: niemand", "catalogue entry 1: author_ref 'niemand' is not an id of ontology/reference/"),
    ],
)
def test_a_catalogue_entry_the_graph_cannot_take_stops_the_build(
    tmp_path: Path, line: str, message: str, capsys
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SHORT_TEXT, corpus)
    sha256 = "fc1bb35abee17597447c5ef5eb094199c32a35ccd63e8afee597544ae2826302"
    (corpus / "catalogue.yaml").write_text(f"documents:\n  - sha256: {sha256}\n    {line}\n", encoding="utf-8")
    assert main(["build", str(corpus), "--out", str(tmp_path / "out")]) == 2
    _one_error(capsys, f"{corpus / 'catalogue.yaml'}: {message}")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("where", ["under a file", "read-only file system"])
def test_an_unwritable_cache_warns_once_and_builds_without_it(
    tmp_path: Path, where: str, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    if where == "under a file":
        (tmp_path / "a-file").write_text("", encoding="utf-8")
        cache_home = tmp_path / "a-file"
    else:
        cache_home = Path("/sys/isis-kg-cache")  # sysfs: no user, root included, may create anything there
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))
    two = [str(SHORT_TEXT), str(CORPUS / "nieuws-2019-is-na-baghouz.txt")]
    assert main(["build", *two, "--out", str(tmp_path / "out"), "--quiet", "--jobs", "2"]) == 0
    err = capsys.readouterr().err
    assert err.startswith(f"isis-kg: warning: {cache_home / 'isis-kg' / 'documents'}: cannot write the cache (")
    assert err.endswith("); building without it\n") and err.count("\n") == 1
    assert main(["build", *two, "--out", str(tmp_path / "uncached"), "--quiet", "--no-cache"]) == 0
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == (tmp_path / "uncached" / "graph.ttl").read_bytes()


def _long_text() -> tuple[str, str]:
    """One paragraph of over 1,000,000 characters (spaCy's max_length), a fact near its end."""
    fact = "Sinds 2014 is ISIS actief in Libië."
    text = "Het bericht gaat over het weer in de stad en over niets anders dan dat. " * 15000
    return text + fact + " Zo was het ook toen." * 200 + "\n", fact


def test_a_text_block_over_a_million_characters_is_read_in_pieces(tmp_path: Path, capsys) -> None:
    text, fact = _long_text()
    assert len(text) > 1_000_000 and "\n" not in text[:-1]
    (tmp_path / "lang.txt").write_text(text, encoding="utf-8")
    assert main(["build", str(tmp_path / "lang.txt"), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")
    graph = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    start = text.index(fact)
    assert f"ikg:startOffset {start} " in graph and f"ikg:endOffset {start + len(fact)} " in graph
    assert "ikg:operatesIn id:libie" in graph  # exit 0: and the graph conforms


def test_pieces_are_cut_after_a_sentence_end() -> None:
    text = "Een zin. Nog een zin! En nog een? Laatste zin zonder einde"
    pieces = list(text_pieces(text, size=20))
    assert "".join(piece for _offset, piece in pieces) == text
    cut = ["Een zin. ", "Nog een zin! ", "En nog een? ", "Laatste zin zonder ", "einde"]
    assert [piece for _offset, piece in pieces] == cut
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)


def test_sigterm_during_a_build_leaves_no_output_and_no_temporary_file(tmp_path: Path) -> None:
    text, _fact = _long_text()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "lang.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "isis_kg.cli", "build", str(tmp_path / "in"), "--out", str(out), "--no-cache"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(tmp_path)},
    )
    _wait_until_it_catches(process.pid, signal.SIGTERM)
    time.sleep(1)  # loading ontology/, then reading the text: seconds of work are left
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err == "isis-kg: error: interrupted\n"
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["in"]  # no temporary file left in TMPDIR


def _wait_until_it_catches(pid: int, number: int, seconds: float = 30.0) -> None:
    """Until the process has a handler for the signal (/proc's SigCgt mask): isis-kg's main() is running."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status = Path(f"/proc/{pid}/status").read_text()
        caught = int(next(line.split()[1] for line in status.splitlines() if line.startswith("SigCgt:")), 16)
        if caught & (1 << (number - 1)):
            return
        time.sleep(0.05)
    raise AssertionError(f"process {pid} never set a handler for signal {number}")


def _run_cli(argv: list[str], before: str = "") -> subprocess.CompletedProcess[str]:
    """isis-kg in a process of its own; ``before`` runs first (to take a module away, as a bare install lacks it)."""
    script = f"import sys\n{before}\nfrom isis_kg.cli import main\nsys.exit(main({argv!r}))\n"
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)


def test_an_html_page_without_lxml_html_clean_is_one_line_and_the_rest_builds(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    page = tmp_path / "in" / "artikel.html"
    page.write_text(f"<html><body><article><p>{' '.join(ARTICLE)}</p></article></body></html>", encoding="utf-8")
    shutil.copy(SHORT_TEXT, tmp_path / "in")
    # as where lxml_html_clean is not installed: importing it fails
    argv = ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--quiet", "--no-cache"]
    done = _run_cli(argv, before="sys.modules['lxml_html_clean'] = None")
    assert done.returncode == 2
    assert done.stderr == (
        f"isis-kg: error: {page}: cannot read HTML pages (lxml.html.clean module is now a separate project "
        "lxml_html_clean.); pip install 'lxml[html_clean]'\n"
    )
    assert SHORT_TEXT.name in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")


def test_pypdf_says_nothing_beside_isis_kgs_line(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    (tmp_path / "in").mkdir()
    repaired = tmp_path / "in" / "verkeerde-xref.pdf"
    pdf = canvas.Canvas(str(repaired))
    for number, line in enumerate(ARTICLE):
        pdf.drawString(50, 800 - 16 * number, line[:90])
    pdf.save()
    data = repaired.read_bytes()
    start = data.rindex(b"startxref")
    repaired.write_bytes(data[:start] + b"startxref\n999\n%%EOF\n")  # pypdf warns, repairs and reads it
    broken = tmp_path / "in" / "kapot.pdf"
    broken.write_bytes(b"%PDF-1.4\nthis is no pdf at all")
    done = _run_cli(["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--quiet", "--no-cache"])
    assert done.returncode == 2
    assert done.stderr.splitlines() == [f"isis-kg: error: {broken}: not a readable PDF (Stream has ended unexpectedly)"]
    assert "verkeerde-xref.pdf" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")


def test_serve_of_a_graph_that_is_not_there_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "tmp").mkdir()
    argv = ["serve", "--graph", str(tmp_path / "missing"), "--port", str(free_port())]
    done = subprocess.run(
        [sys.executable, "-m", "isis_kg.cli", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "TMPDIR": str(tmp_path / "tmp")},
    )
    assert done.returncode == 2
    missing = tmp_path / "missing" / "graph.ttl"
    assert done.stderr == f"isis-kg: error: {missing}: no such file; build the graph first (isis-kg build)\n"
    assert list((tmp_path / "tmp").iterdir()) == []


def test_an_interrupted_write_leaves_the_old_outputs_and_no_temporary_file(tmp_path: Path) -> None:
    from isis_kg.outputs import write_outputs

    out = tmp_path / "graph"
    write_outputs(out, {"graph.ttl": b"old graph\n", "validation.ttl": b"old report\n"})

    def interrupted(stream) -> None:  # SIGTERM arrives as KeyboardInterrupt (isis-kg's handler) mid-stream
        stream.write(b"half a new gra")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_outputs(out, {"validation.ttl": b"new report\n", "graph.ttl": interrupted})
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl", "validation.ttl"]  # no hidden .graph.ttl.*
    assert (out / "graph.ttl").read_bytes() == b"old graph\n"
    assert (out / "validation.ttl").read_bytes() == b"old report\n"
