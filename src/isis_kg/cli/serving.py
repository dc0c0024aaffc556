"""isis-kg query, serve and load: asking the built graph, serving it, pushing it into a triplestore."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from isis_kg.choices import FORMATS
from isis_kg.cli.common import EXIT_OK, endpoint_options, graph_option, port
from isis_kg.cli.stopping import finish_stopping
from isis_kg.errors import InputError, IsisKgError

if TYPE_CHECKING:
    from isis_kg.cli.common import Commands


def register(commands: Commands) -> None:
    parser = commands.add_parser(
        "query", help="run a read-only SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) on the graph or an endpoint"
    )
    parser.add_argument("query", metavar="FILE|QUERY", help="a .rq file, or the query itself")
    graph_option(parser, "query")
    parser.add_argument("--endpoint", metavar="URL", help="query this SPARQL endpoint instead")
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    endpoint_options(parser)
    parser.set_defaults(command=run_query)

    parser = commands.add_parser("serve", help="serve the graph from an Oxigraph SPARQL server on 127.0.0.1")
    graph_option(parser, "serve")
    parser.add_argument("--port", type=port, default=7878, help="port on 127.0.0.1 (default: 7878)")
    parser.add_argument(
        "--writable",
        action="store_true",
        help="let clients change the store (SPARQL update, Graph Store PUT/POST/DELETE); read-only by default",
    )
    parser.set_defaults(command=run_serve)

    parser = commands.add_parser("load", help="push the graph into a SPARQL 1.1 Graph Store (HTTP PUT per graph)")
    parser.add_argument(
        "--endpoint",
        required=True,
        metavar="URL",
        help="the Graph Store Protocol endpoint, e.g. http://127.0.0.1:7878/store",
    )
    graph_option(parser, "load")
    endpoint_options(parser)
    parser.set_defaults(command=run_load)


def run_query(options: argparse.Namespace) -> int:
    from isis_kg.query import answer_endpoint, answer_store, format_answer, open_graph

    source = Path(options.query)
    if source.suffix == ".rq":
        try:
            text = source.read_text(encoding="utf-8")
        except OSError as error:
            raise InputError(source, f"cannot be read ({error.strerror or error})") from None
    else:
        text, source = options.query, Path("query")
    if options.endpoint:
        answer = answer_endpoint(
            options.endpoint,
            text,
            user=options.user,
            password=options.password,
            timeout=options.timeout,
            source=str(source),
        )
    else:
        answer = answer_store(open_graph(options.graph), text, str(source))
    print(format_answer(answer, options.format).rstrip("\n"))
    return EXIT_OK


def run_serve(options: argparse.Namespace) -> int:
    from isis_kg.store import serve

    with serve(options.graph, port=options.port, writable=options.writable) as server:
        mode = "writable" if options.writable else "read-only"
        try:  # a signal right after the first line is a stop too, not an interruption
            print(f"Serving {options.graph} ({mode}) at {server.url} (query page), SPARQL at {server.query_endpoint}.")
            print("Press Ctrl-C to stop.", flush=True)
            code = server.process.wait()
        except KeyboardInterrupt:  # Ctrl-C, SIGTERM or SIGHUP: leaving the block stops the server
            finish_stopping()
            code = None
    if code is not None:
        raise IsisKgError(f"{server.url}: the Oxigraph server stopped by itself (exit code {code})")
    print("Stopped.")
    return EXIT_OK


def run_load(options: argparse.Namespace) -> int:
    from isis_kg.store import load

    report = load(
        options.graph, options.endpoint, user=options.user, password=options.password, timeout=options.timeout
    )
    print(
        f"Loaded {report.triples:,} triples in {report.graphs} named graphs into {options.endpoint} "
        f"({report.seconds:.1f} s)."
    )
    return EXIT_OK
