"""isis-kg build and isis-kg validate: texts into a validated graph, and Turtle files against the shapes."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from isis_kg.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_VIOLATIONS,
    analyser_options,
    default_cache,
    error,
    ontology_option,
    positive_int,
    print_report,
    warning,
)

if TYPE_CHECKING:
    from isis_kg.cli.common import Commands
    from isis_kg.link import WikidataClient

ProgressCallback = Callable[[str, int, int], None]


def register(commands: Commands) -> None:
    parser = commands.add_parser("build", help="build the graph from texts into DIR/graph.ttl")
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        default=[Path("corpus")],
        metavar="PATH",
        help="text, PDF or HTML files, or folders to search for them (default: corpus)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("graph"),
        metavar="DIR",
        help="where graph.ttl, validation.ttl and ontology.ttl go (default: graph)",
    )
    ontology_option(parser)
    parser.add_argument(
        "--cache",
        type=Path,
        default=None,
        metavar="DIR",
        help="keep each document's extraction here and reuse it while the document and ontology/ are "
        "unchanged (default: ~/.cache/isis-kg/documents)",
    )
    parser.add_argument("--no-cache", action="store_true", help="extract every document again")
    parser.add_argument(
        "--jobs",
        type=positive_int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="extract documents, and validate shards of a large graph, in N processes (default: every core)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="extract documents on a Dask cluster: its scheduler's address (tcp://host:8786), or 'config' "
        "for the one Dask's configuration names; needs isis-kg[dask]",
    )
    parser.add_argument(
        "--link",
        action="store_true",
        help="look up Wikidata items for entities without a link; proposals go to DIR/wikidata-links.yaml",
    )
    parser.add_argument("--link-endpoint", metavar="URL", help="SPARQL endpoint for --link (default: Wikidata's)")
    analyser_options(parser)
    parser.add_argument("--quiet", action="store_true", help="print errors only, no progress")
    parser.set_defaults(command=run_build)

    parser = commands.add_parser("validate", help="validate Turtle files against the SHACL shapes")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    ontology_option(parser)
    parser.add_argument("--quiet", action="store_true", help="print errors only")
    parser.set_defaults(command=run_validate)


def run_build(options: argparse.Namespace) -> int:
    from isis_kg.pipeline import REPORT_FILE, build

    with _progress(options.quiet) as report_progress:
        result = build(
            options.paths,
            options.out,
            ontology_dir=options.ontology,
            progress=report_progress,
            cache=None if options.no_cache else options.cache or default_cache("documents"),
            jobs=options.jobs,
            link=_link_client(options.ontology, options.link_endpoint) if options.link else None,
            ner=options.ner,
            parser=options.parser,
            scheduler=options.scheduler,
            model=options.model,
            relations=options.relations,
            relation_model=options.relation_model,
        )
    for problem in result.errors:
        error(str(problem))
    for notice in result.warnings:
        warning(notice)
    if not options.quiet:
        for notice in result.notices:
            print(notice)
        reused = f", {result.reused} reused from the cache" if result.reused else ""
        print(f"Read {result.documents} document(s){reused}; wrote {result.graph_path} ({result.triples:,} triples).")
    assert result.report is not None
    print_report(result.report, options.quiet, result.out_dir / REPORT_FILE)
    if result.errors:
        return EXIT_BAD_INPUT
    return EXIT_OK if result.conforms else EXIT_VIOLATIONS


def run_validate(options: argparse.Namespace) -> int:
    from isis_kg.reference import load_reference
    from isis_kg.validate import validate_files

    report = validate_files(options.files, load_reference(options.ontology))
    print_report(report, options.quiet, None)
    return EXIT_OK if report.conforms else EXIT_VIOLATIONS


def _link_client(ontology: Path | None, endpoint: str | None) -> WikidataClient:
    from isis_kg.link import WikidataClient, load_link_settings
    from isis_kg.reference import load_reference

    return WikidataClient(load_link_settings(load_reference(ontology), endpoint), default_cache("wikidata"))


def _progress(quiet: bool) -> AbstractContextManager[ProgressCallback | None]:
    """A rich progress bar on stderr, or nothing when quiet or not on a terminal."""
    if quiet or not sys.stderr.isatty():
        return nullcontext(None)
    from rich.progress import Progress

    class _Bar:
        def __init__(self) -> None:
            self.bar = Progress(transient=True)
            self.task = self.bar.add_task("building", total=None)

        def __enter__(self) -> ProgressCallback:
            self.bar.start()
            return self.update

        def update(self, description: str, done: int, total: int) -> None:
            self.bar.update(self.task, description=description, completed=done, total=total)

        def __exit__(self, *exc: object) -> None:
            self.bar.stop()

    return _Bar()
