"""Wikidata linking against a real SPARQL server (Oxigraph) loaded with a Wikidata-shaped fixture."""

import http.server
import json
import time
import urllib.request
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from isis_kg.cli import main
from isis_kg.errors import EndpointError
from isis_kg.link import WikidataClient, candidates_query, link_entities, load_link_settings, reference_targets
from isis_kg.store import Server

from conftest import free_port, http_server

FIXTURE = Path(__file__).parent / "link" / "wikidata-fixture.ttl"


@pytest.fixture
def wikidata(oxigraph: Server) -> Server:
    request = urllib.request.Request(
        f"{oxigraph.store_endpoint}?default",
        data=FIXTURE.read_bytes(),
        method="PUT",
        headers={"Content-Type": "text/turtle"},
    )
    urllib.request.urlopen(request, timeout=10).read()
    return oxigraph


def settings_for(reference, endpoint: str, **changes):
    fast = {"min_interval": 0.0, "retries": 2, "timeout": 2} | changes
    return replace(load_link_settings(reference, endpoint), **fast)


def test_links_what_is_certain_and_lists_the_rest(reference, wikidata: Server, tmp_path: Path) -> None:
    client = WikidataClient(settings_for(reference, wikidata.query_endpoint), tmp_path / "cache")
    decisions = {d.entity: d for d in link_entities(reference_targets(reference), reference, client)}
    assert decisions["mosul"].qid == "Q900001" and decisions["mosul"].score == 1.0
    assert decisions["tore-hamming"].qid == "Q900004"
    assert decisions["europol"].qid == "Q900005" and decisions["taliban"].qid == "Q900006"
    # two places answer to "Raqqa": no link, both candidates for review
    assert decisions["raqqa"].qid is None
    assert [c.qid for c in decisions["raqqa"].candidates] == ["Q900002", "Q900003"]
    # a person named Sirte is no candidate for the town
    assert decisions["sirte"].qid is None and decisions["sirte"].candidates == ()
    # entities with a verified QID are not looked up again
    assert "isis" not in decisions and "syrie" not in decisions


def test_a_malicious_label_cannot_alter_the_query(reference, wikidata: Server) -> None:
    client = WikidataClient(settings_for(reference, wikidata.query_endpoint))
    evil = 'Mosul"@en } ?item ?p ?o . { ?item ?p "x'
    query = candidates_query([evil, 'back\\slash "quote"\nnew line'], ("Q2221906",))
    assert client.select(query) == []  # a valid query that finds nothing, not every item


def test_cached_answers_need_no_network(reference, wikidata: Server, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    online = link_entities(
        reference_targets(reference), reference, WikidataClient(settings_for(reference, wikidata.query_endpoint), cache)
    )
    offline_settings = settings_for(reference, wikidata.query_endpoint)
    wikidata.process.terminate()
    wikidata.process.wait()
    assert link_entities(reference_targets(reference), reference, WikidataClient(offline_settings, cache)) == online


def test_an_endpoint_that_is_down_or_slow_is_named(reference) -> None:
    down = WikidataClient(settings_for(reference, f"http://127.0.0.1:{free_port()}/sparql"))
    with pytest.raises(EndpointError, match="cannot reach the endpoint"):
        down.select(candidates_query(["Mosul"], ("Q2221906",)))

    class Slow(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            time.sleep(3)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    with http_server(Slow) as endpoint:
        slow = WikidataClient(settings_for(reference, endpoint, timeout=1))
        with pytest.raises(EndpointError, match="no answer within 1 s"):
            slow.select(candidates_query(["Mosul"], ("Q2221906",)))


class _BusyOnce(http.server.BaseHTTPRequestHandler):
    requests = 0

    def do_POST(self) -> None:  # noqa: N802
        type(self).requests += 1
        self.rfile.read(int(self.headers["Content-Length"]))
        if type(self).requests == 1:
            self.send_response(429)
            self.send_header("Retry-After", "0")
            self.end_headers()
            return
        body = json.dumps(
            {
                "head": {"vars": ["item", "name", "how"]},
                "results": {
                    "bindings": [
                        {
                            "item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q900001"},
                            "name": {"type": "literal", "value": "Mosul"},
                            "how": {"type": "literal", "value": "label"},
                        }
                    ]
                },
            }
        )
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args: object) -> None:
        pass


def test_a_429_is_waited_out_and_retried(reference) -> None:
    _BusyOnce.requests = 0
    with http_server(_BusyOnce) as endpoint:
        rows = WikidataClient(settings_for(reference, endpoint)).select(candidates_query(["Mosul"], ("Q2221906",)))
    assert _BusyOnce.requests == 2
    assert rows == [{"item": "http://www.wikidata.org/entity/Q900001", "name": "Mosul", "how": "label"}]


def test_the_link_command_writes_proposals_and_a_review_list(wikidata: Server, tmp_path: Path, capsys) -> None:
    out = tmp_path / "links.yaml"
    argv = [
        "link",
        "--endpoint",
        wikidata.query_endpoint,
        "--cache",
        str(tmp_path / "cache"),
        "--out",
        str(out),
        "--min-interval",
        "0",
    ]
    assert main(argv) == 0
    assert "entities have a proposed link" in capsys.readouterr().out
    written = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert written["proposed"]["mosul"] == {"qid": "Q900001", "score": 1.0}
    assert {c["qid"] for c in written["review"]["raqqa"]} == {"Q900002", "Q900003"}


NEWS = Path(__file__).parent / "cases" / "news-baghouz-guerrilla" / "input.txt"


def test_build_with_link_writes_proposals_beside_the_graph_not_into_it(
    reference, wikidata: Server, tmp_path: Path
) -> None:
    from isis_kg import build

    client = WikidataClient(settings_for(reference, wikidata.query_endpoint), tmp_path / "cache")
    result = build([NEWS], tmp_path / "graph", link=client)
    assert result.conforms and result.errors == []
    written = yaml.safe_load((tmp_path / "graph" / "wikidata-links.yaml").read_text(encoding="utf-8"))
    assert written["proposed"]["mosul"] == {"qid": "Q900001", "score": 1.0}
    assert "wd:Q900001" not in (tmp_path / "graph" / "graph.ttl").read_text(encoding="utf-8")
    assert "isis" not in written["proposed"] and "isis" not in written["review"]  # verified already


def test_build_with_link_to_an_endpoint_that_is_down_still_writes_the_graph(tmp_path: Path, capsys) -> None:
    endpoint = f"http://127.0.0.1:{free_port()}/sparql"
    argv = ["build", str(NEWS), "--out", str(tmp_path / "graph"), "--link", "--link-endpoint", endpoint, "--quiet"]
    assert main(argv) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith(f"isis-kg: error: {endpoint}: cannot reach the endpoint") and len(error.splitlines()) == 1
    assert (tmp_path / "graph" / "graph.ttl").is_file()
    assert not (tmp_path / "graph" / "wikidata-links.yaml").exists()
