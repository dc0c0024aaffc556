"""The command line: parse options, call the library, print, choose the exit code.

Exit codes:
  0  the graph was written (or the files validated) and conforms to the shapes
  1  the graph violates the shapes (the report is written next to it)
  2  bad input or usage: a file that cannot be read, a broken catalogue or ontology/,
     a missing path; for ``build``, the readable files are still built and written
  130  interrupted: Ctrl-C, SIGTERM or SIGHUP (what was half-written is removed)
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import replace
from pathlib import Path

from isis_kg import __version__
from isis_kg.errors import InputError, IsisKgError
from isis_kg.pipeline import REPORT_FILE, build
from isis_kg.query import FORMATS, answer_endpoint, answer_store, format_answer, open_graph
from isis_kg.reference import load_reference
from isis_kg.store import load, serve
from isis_kg.validate import ValidationReport, validate_files

EXIT_OK = 0
EXIT_VIOLATIONS = 1
EXIT_BAD_INPUT = 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        options = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse exits 2 on usage errors, 0 on --help
        return int(exit_.code or 0)
    try:
        with _stopping_on_termination():
            return int(options.command(options))
    except IsisKgError as error:
        for cause in getattr(error, "causes", ()):
            _error(str(cause))
        _error(str(error))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        _error("interrupted")
        return 130


@contextmanager
def _stopping_on_termination() -> Iterator[None]:
    """SIGTERM and SIGHUP stop a command as Ctrl-C does. Python's default for them ends the process on the
    spot, so no ``finally`` ran: a served store's Oxigraph process kept serving, temporary files stayed."""

    stopping: list[bool] = []

    def interrupt(_signal: int, _frame: object) -> None:
        # the first signal stops the command; the ones after it would cut its clean-up short, even before
        # the handler of the KeyboardInterrupt has started (an impatient user presses Ctrl-C twice)
        stopping.append(True)
        _finish_stopping()
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():  # only the main thread may set handlers
        yield
        return
    previous = {number: signal.getsignal(number) for number in _STOP_SIGNALS}
    for number in _STOP_SIGNALS:
        signal.signal(number, interrupt)
    try:
        yield
    finally:
        # once stopping, the signals stay ignored to the end: a second one, restored to its default, would
        # end the process before it has said how it stopped
        if not stopping:
            for number, handler in previous.items():
                signal.signal(number, handler)


_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def _finish_stopping() -> None:
    """Once stopping, a second Ctrl-C or SIGTERM must not cut the clean-up short (the server left running,
    its store left behind); _stopping_on_termination puts the handlers back afterwards."""
    if threading.current_thread() is threading.main_thread():
        for number in _STOP_SIGNALS:
            signal.signal(number, signal.SIG_IGN)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="isis-kg",
        description="Build a validated RDF knowledge graph from Dutch texts on jihadist terrorism.",
        epilog="Exit codes: 0 conforms, 1 the graph violates the shapes, 2 bad input or usage, 130 interrupted.",
    )
    parser.add_argument("--version", action="version", version=f"isis-kg {__version__}")
    commands = parser.add_subparsers(dest="name", required=True, metavar="COMMAND")

    build_parser = commands.add_parser("build", help="build the graph from texts into DIR/graph.ttl")
    build_parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        default=[Path("corpus")],
        metavar="PATH",
        help="text, PDF or HTML files, or folders to search for them (default: corpus)",
    )
    build_parser.add_argument(
        "--out",
        type=Path,
        default=Path("graph"),
        metavar="DIR",
        help="where graph.ttl, validation.ttl and ontology.ttl go (default: graph)",
    )
    _ontology_option(build_parser)
    build_parser.add_argument(
        "--cache",
        type=Path,
        default=None,
        metavar="DIR",
        help="keep each document's extraction here and reuse it while the document and ontology/ are "
        "unchanged (default: ~/.cache/isis-kg/documents)",
    )
    build_parser.add_argument("--no-cache", action="store_true", help="extract every document again")
    build_parser.add_argument(
        "--jobs",
        type=_positive_int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="extract documents, and validate shards of a large graph, in N processes (default: every core)",
    )
    build_parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="extract documents on a Dask cluster: its scheduler's address (tcp://host:8786), or 'config' "
        "for the one Dask's configuration names; needs isis-kg[dask]",
    )
    build_parser.add_argument(
        "--link",
        action="store_true",
        help="look up Wikidata items for entities without a link; proposals go to DIR/wikidata-links.yaml",
    )
    build_parser.add_argument("--link-endpoint", metavar="URL", help="SPARQL endpoint for --link (default: Wikidata's)")
    _analyser_options(build_parser)
    build_parser.add_argument("--quiet", action="store_true", help="print errors only, no progress")
    build_parser.set_defaults(command=_build)

    validate_parser = commands.add_parser("validate", help="validate Turtle files against the SHACL shapes")
    validate_parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    _ontology_option(validate_parser)
    validate_parser.add_argument("--quiet", action="store_true", help="print errors only")
    validate_parser.set_defaults(command=_validate)

    query_parser = commands.add_parser(
        "query", help="run a read-only SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) on the graph or an endpoint"
    )
    query_parser.add_argument("query", metavar="FILE|QUERY", help="a .rq file, or the query itself")
    _graph_option(query_parser, "query")
    query_parser.add_argument("--endpoint", metavar="URL", help="query this SPARQL endpoint instead")
    query_parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    _endpoint_options(query_parser)
    query_parser.set_defaults(command=_query)

    serve_parser = commands.add_parser("serve", help="serve the graph from an Oxigraph SPARQL server on 127.0.0.1")
    _graph_option(serve_parser, "serve")
    serve_parser.add_argument("--port", type=_port, default=7878, help="port on 127.0.0.1 (default: 7878)")
    serve_parser.add_argument(
        "--writable",
        action="store_true",
        help="let clients change the store (SPARQL update, Graph Store PUT/POST/DELETE); read-only by default",
    )
    serve_parser.set_defaults(command=_serve)

    load_parser = commands.add_parser("load", help="push the graph into a SPARQL 1.1 Graph Store (HTTP PUT per graph)")
    load_parser.add_argument(
        "--endpoint",
        required=True,
        metavar="URL",
        help="the Graph Store Protocol endpoint, e.g. http://127.0.0.1:7878/store",
    )
    _graph_option(load_parser, "load")
    _endpoint_options(load_parser)
    load_parser.set_defaults(command=_load)

    check_parser = commands.add_parser("check-ontology", help="report pitfalls of the ontology and the shapes")
    check_parser.add_argument(
        "--graph", type=Path, default=None, metavar="FILE", help="also report terms this built graph never uses"
    )
    _ontology_option(check_parser)
    check_parser.set_defaults(command=_check_ontology)

    docs_parser = commands.add_parser("docs", help="write HTML documentation of the ontology and shapes (nl, en)")
    docs_parser.add_argument(
        "--out", type=Path, default=Path("docs/ontology"), metavar="DIR", help="(default: docs/ontology)"
    )
    _ontology_option(docs_parser)
    docs_parser.set_defaults(command=_docs)

    report_parser = commands.add_parser("report", help="write the explorer page of a build: one offline HTML page")
    _graph_option(report_parser, "report on")
    report_parser.add_argument(
        "--out", type=Path, default=None, metavar="FILE", help="where the page goes (default: DIR/report.html)"
    )
    _ontology_option(report_parser)
    report_parser.set_defaults(command=_report)

    link_parser = commands.add_parser("link", help="look up Wikidata items for entities without a verified QID")
    link_parser.add_argument("--endpoint", metavar="URL", help="SPARQL endpoint (default: Wikidata's)")
    link_parser.add_argument(
        "--cache",
        type=Path,
        default=None,
        metavar="DIR",
        help="answers are kept here, so a rerun needs no network",
    )
    link_parser.add_argument(
        "--out",
        type=Path,
        default=Path("wikidata-links.yaml"),
        metavar="FILE",
        help="proposed links and the review list (default: wikidata-links.yaml)",
    )
    link_parser.add_argument(
        "--min-interval",
        type=float,
        default=None,
        metavar="SECONDS",
        help="seconds between requests (default: wikidata.yaml's; keep it for Wikidata)",
    )
    _ontology_option(link_parser)
    link_parser.set_defaults(command=_link)

    evaluate_parser = commands.add_parser("evaluate", help="precision, recall and F1 against the gold set")
    evaluate_parser.add_argument(
        "--gold",
        type=Path,
        action="append",
        default=None,
        metavar="FILE",
        help="gold passages, each file scored on its own; may be repeated "
        "(default: tests/gold/passages.yaml and tests/gold/fresh.yaml)",
    )
    evaluate_parser.add_argument(
        "--footnotes",
        type=Path,
        default=None,
        metavar="FILE",
        help="gold footnotes (default: tests/gold/footnotes.yaml)",
    )
    evaluate_parser.add_argument(
        "--figures",
        type=Path,
        default=None,
        metavar="FILE",
        help="gold figures (default: tests/gold/quantities.yaml)",
    )
    _ontology_option(evaluate_parser)
    _analyser_options(evaluate_parser)
    evaluate_parser.add_argument(
        "--details", action="store_true", help="also list what was missed and what was spurious"
    )
    evaluate_parser.set_defaults(command=_evaluate)

    train_parser = commands.add_parser(
        "train-recogniser", help="train the learned name recogniser on the annotated texts (deterministic)"
    )
    train_parser.add_argument(
        "--gold",
        type=Path,
        action="append",
        default=None,
        metavar="FILE",
        help="annotated passages to train on, their development and training splits "
        "(default: tests/gold/passages.yaml, fresh.yaml and training.yaml)",
    )
    train_parser.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="DIR",
        help="where to write the model (default: the package's models/)",
    )
    _ontology_option(train_parser)
    train_parser.set_defaults(command=_train_recogniser)
    return parser


def _build(options: argparse.Namespace) -> int:
    with _progress(options.quiet) as report_progress:
        result = build(
            options.paths,
            options.out,
            ontology_dir=options.ontology,
            progress=report_progress,
            cache=None if options.no_cache else options.cache or _default_cache("documents"),
            jobs=options.jobs,
            link=_link_client(options.ontology, options.link_endpoint) if options.link else None,
            ner=options.ner,
            parser=options.parser,
            scheduler=options.scheduler,
            model=options.model,
        )
    for error in result.errors:
        _error(str(error))
    for warning in result.warnings:
        _warning(warning)
    if not options.quiet:
        for notice in result.notices:
            print(notice)
        reused = f", {result.reused} reused from the cache" if result.reused else ""
        print(f"Read {result.documents} document(s){reused}; wrote {result.graph_path} ({result.triples:,} triples).")
    assert result.report is not None
    _print_report(result.report, options.quiet, result.out_dir / REPORT_FILE)
    if result.errors:
        return EXIT_BAD_INPUT
    return EXIT_OK if result.conforms else EXIT_VIOLATIONS


def _validate(options: argparse.Namespace) -> int:
    report = validate_files(options.files, load_reference(options.ontology))
    _print_report(report, options.quiet, None)
    return EXIT_OK if report.conforms else EXIT_VIOLATIONS


def _positive_int(text: str) -> int:
    value = _whole(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a whole number of 1 or more")
    return value


def _port(text: str) -> int:
    value = _whole(text)
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{text} is not a port (1 to 65535)")
    return value


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text} is not a whole number") from None


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text} is not a number") from None
    if not 0 < value < float("inf"):  # NaN fails too
        raise argparse.ArgumentTypeError(f"{text} is not a number above 0")
    return value


def cache_home() -> Path:
    """Where isis-kg keeps what it may reuse: $XDG_CACHE_HOME/isis-kg, else ~/.cache/isis-kg.
    Raises RuntimeError when there is no home folder to find."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "isis-kg"


def _default_cache(name: str) -> Path | None:
    try:
        return cache_home() / name
    except RuntimeError as error:  # no HOME and no user entry: the build goes on without a cache
        _warning(f"no cache folder ({error}); building without it")
        return None


def _ontology_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--ontology",
        type=Path,
        default=None,
        metavar="DIR",
        help="ontology, shapes, reference data and patterns (default: the project's ontology/)",
    )


def _analyser_options(parser: argparse.ArgumentParser) -> None:
    from isis_kg.nlp.analysers import DEFAULT_RECOGNIZER, RECOGNIZERS
    from isis_kg.nlp.parse import PARSERS

    parser.add_argument(
        "--ner",
        choices=RECOGNIZERS,
        default=None,
        help=f"the statistical recogniser for names no list knows (default: {DEFAULT_RECOGNIZER}, the shipped "
        "model; frog: Debian's frog and frogdata; none: the lists and cue words alone)",
    )
    parser.add_argument(
        "--parser",
        choices=PARSERS,
        default=None,
        help="also read relations from a dependency parse (frog: Debian's frog and frogdata)",
    )
    parser.add_argument(
        "--model",
        type=Path,
        default=None,
        metavar="DIR",
        help="the learned recogniser's folder (written by train-recogniser; default: the one in the package)",
    )


def _graph_option(parser: argparse.ArgumentParser, verb: str) -> None:
    parser.add_argument(
        "--graph", type=Path, default=Path("graph"), metavar="DIR", help=f"the built graph to {verb} (default: graph)"
    )


def _endpoint_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", help="user name for HTTP Basic or Digest authentication")
    parser.add_argument("--password", help="password for HTTP Basic or Digest authentication")
    parser.add_argument(
        "--timeout", type=_positive_float, default=60.0, metavar="SECONDS", help="give up after (default: 60)"
    )


def _query(options: argparse.Namespace) -> int:
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


def _serve(options: argparse.Namespace) -> int:
    with serve(options.graph, port=options.port, writable=options.writable) as server:
        mode = "writable" if options.writable else "read-only"
        try:  # a signal right after the first line is a stop too, not an interruption
            print(f"Serving {options.graph} ({mode}) at {server.url} (query page), SPARQL at {server.query_endpoint}.")
            print("Press Ctrl-C to stop.", flush=True)
            code = server.process.wait()
        except KeyboardInterrupt:  # Ctrl-C, SIGTERM or SIGHUP: leaving the block stops the server
            _finish_stopping()
            code = None
    if code is not None:
        raise IsisKgError(f"{server.url}: the Oxigraph server stopped by itself (exit code {code})")
    print("Stopped.")
    return EXIT_OK


def _load(options: argparse.Namespace) -> int:
    report = load(
        options.graph, options.endpoint, user=options.user, password=options.password, timeout=options.timeout
    )
    print(
        f"Loaded {report.triples:,} triples in {report.graphs} named graphs into {options.endpoint} "
        f"({report.seconds:.1f} s)."
    )
    return EXIT_OK


def _check_ontology(options: argparse.Namespace) -> int:
    from isis_kg.check import ERROR, check_ontology

    pitfalls = check_ontology(load_reference(options.ontology), options.graph)
    for pitfall in pitfalls:
        print(pitfall.line())
    errors = sum(1 for p in pitfalls if p.level == ERROR)
    print(f"{errors} error(s), {len(pitfalls) - errors} warning(s).")
    return EXIT_VIOLATIONS if errors else EXIT_OK


def _docs(options: argparse.Namespace) -> int:
    from isis_kg.docs import write_docs

    result = write_docs(load_reference(options.ontology), options.out)
    print(f"Wrote {', '.join(str(page) for page in result.pages)}.")
    return EXIT_OK


def _report(options: argparse.Namespace) -> int:
    from isis_kg.report import write_report

    print(f"Wrote {write_report(options.graph, load_reference(options.ontology), options.out)}.")
    return EXIT_OK


def _link_client(ontology: Path | None, endpoint: str | None):  # type: ignore[no-untyped-def]
    from isis_kg.link import WikidataClient, load_link_settings

    return WikidataClient(load_link_settings(load_reference(ontology), endpoint), _default_cache("wikidata"))


def _link(options: argparse.Namespace) -> int:
    from isis_kg.link import WikidataClient, link_entities, load_link_settings, reference_targets, review_file

    reference = load_reference(options.ontology)
    settings = load_link_settings(reference, options.endpoint)
    if options.min_interval is not None:
        settings = replace(settings, min_interval=options.min_interval)
    client = WikidataClient(settings, options.cache or _default_cache("wikidata"))
    decisions = link_entities(reference_targets(reference), reference, client)
    options.out.write_text(review_file(decisions, settings), encoding="utf-8")
    proposed = sum(1 for d in decisions if d.qid)
    print(
        f"{proposed} of {len(decisions)} entities have a proposed link; "
        f"the rest are listed for review in {options.out}."
    )
    return EXIT_OK


def _train_recogniser(options: argparse.Namespace) -> int:
    from isis_kg.evaluate import DEFAULT_GOLD, FRESH_GOLD, TRAINING_GOLD
    from isis_kg.nlp.learned import model_directory
    from isis_kg.nlp.training import train

    golds = options.gold or [g for g in (DEFAULT_GOLD, FRESH_GOLD, TRAINING_GOLD) if g.is_file()]
    out = options.out or model_directory()
    card = train(golds, out, load_reference(options.ontology))
    for name, scores in card["sets"].items():
        print(
            f"{name}: {scores['sentences']} sentences, {scores['names']} names, fit P {scores['precision']:.2f} "
            f"R {scores['recall']:.2f}"
        )
    print(f"wrote {out}")
    return EXIT_OK


def _evaluate(options: argparse.Namespace) -> int:
    from isis_kg.evaluate import (
        DEFAULT_CORPUS,
        DEFAULT_FIGURE_GOLD,
        DEFAULT_FOOTNOTE_GOLD,
        DEFAULT_GOLD,
        FRESH_GOLD,
        evaluate,
        evaluate_citations,
        evaluate_figures,
        reading_corpus,
    )

    reference = load_reference(options.ontology)
    with reading_corpus(DEFAULT_CORPUS, reference, options.ner, options.parser, model=options.model) as documents:
        passages = [
            split
            for gold in options.gold or [g for g in (DEFAULT_GOLD, FRESH_GOLD) if g.is_file()]
            for split in evaluate(gold, reference, documents=documents)
        ]
        figures = evaluate_figures(options.figures or DEFAULT_FIGURE_GOLD, reference, documents=documents)
    citations = evaluate_citations(options.footnotes or DEFAULT_FOOTNOTE_GOLD, reference=reference)
    print("\n".join([line for split in passages for line in split.table()]))
    print("\n".join([line for split in citations for line in split.table()]))
    print("\n".join(figures.table()))
    if options.details:
        for split in passages:
            print(f"\nmissed ({split.split}):")
            print("\n".join(f"  {' | '.join(item)}" for item in split.missed))
            print(f"spurious ({split.split}):")
            print("\n".join(f"  {' | '.join(item)}" for item in split.spurious))
        for citation_split in citations:
            print(f"citation fields wrong ({citation_split.split}):")
            print("\n".join(f"  {line}" for line in citation_split.wrong))
        for label, lines in (
            ("figures missed", figures.missed),
            ("figures spurious", figures.spurious),
            ("figure details wrong", figures.wrong),
        ):
            print(f"{label}:")
            print("\n".join(f"  {line}" for line in lines))
    return EXIT_OK


def _print_report(report: ValidationReport, quiet: bool, written_to: Path | None) -> None:
    if report.conforms:
        if not quiet:
            print(report.summary()[0])
        return
    for line in report.summary():
        print(line, file=sys.stderr)
    if written_to is not None:
        print(f"The full SHACL report is in {written_to}.", file=sys.stderr)


def _progress(quiet: bool):  # type: ignore[no-untyped-def]
    """A rich progress bar on stderr, or nothing when quiet or not on a terminal."""
    if quiet or not sys.stderr.isatty():
        return nullcontext(None)
    from rich.progress import Progress

    class _Bar:
        def __init__(self) -> None:
            self.bar = Progress(transient=True)
            self.task = self.bar.add_task("building", total=None)

        def __enter__(self) -> Callable[[str, int, int], None]:
            self.bar.start()
            return self.update

        def update(self, description: str, done: int, total: int) -> None:
            self.bar.update(self.task, description=description, completed=done, total=total)

        def __exit__(self, *exc: object) -> None:
            self.bar.stop()

    return _Bar()


def _error(message: str) -> None:
    print(f"isis-kg: error: {message}", file=sys.stderr)


def _warning(message: str) -> None:
    print(f"isis-kg: warning: {message}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
