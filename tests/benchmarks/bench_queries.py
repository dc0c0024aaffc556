"""Benchmark: loading the built graph into an Oxigraph server, and the competency questions'
latency, embedded (pyoxigraph) and over HTTP (SPARQLWrapper against the server). Not a test:
run it with ``python tests/benchmarks/bench_queries.py [--runs 5]``.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import time
from pathlib import Path

from isis_kg.query import open_graph, query_endpoint, query_store
from isis_kg.store import serve

PROJECT = Path(__file__).resolve().parents[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--graph", type=Path, default=PROJECT / "graph")
    options = parser.parse_args()
    questions = [q for q in sorted((PROJECT / "queries").glob("*.rq")) if "# needs: internet" not in q.read_text()]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    started = time.perf_counter()
    store = open_graph(options.graph)
    print(f"embedded store loaded in {time.perf_counter() - started:.3f} s ({len(store):,} triples)")
    started = time.perf_counter()
    with serve(options.graph, port=port) as server:
        print(f"server started and loaded in {time.perf_counter() - started:.3f} s")
        print(f"\n{'question':<40} {'embedded ms':>12} {'HTTP ms':>9} {'rows':>6}")
        embedded_all, http_all = [], []
        for question in questions:
            text = question.read_text(encoding="utf-8")
            embedded, remote = [], []
            for _ in range(options.runs):
                t = time.perf_counter()
                rows = len(query_store(store, text).rows)
                embedded.append(time.perf_counter() - t)
                t = time.perf_counter()
                query_endpoint(server.query_endpoint, text)
                remote.append(time.perf_counter() - t)
            embedded_all.append(statistics.median(embedded))
            http_all.append(statistics.median(remote))
            print(f"{question.stem:<40} {embedded_all[-1] * 1000:>12.1f} {http_all[-1] * 1000:>9.1f} {rows:>6}")
        print(
            f"\nmedian over questions: embedded {statistics.median(embedded_all) * 1000:.1f} ms, "
            f"HTTP {statistics.median(http_all) * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()
