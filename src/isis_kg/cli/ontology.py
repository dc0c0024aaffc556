"""isis-kg check-ontology, docs and report: what a reviewer reads about the ontology and a build."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from isis_kg.cli.common import EXIT_OK, EXIT_VIOLATIONS, graph_option, ontology_option

if TYPE_CHECKING:
    from isis_kg.cli.common import Commands


def register(commands: Commands) -> None:
    parser = commands.add_parser("check-ontology", help="report pitfalls of the ontology and the shapes")
    parser.add_argument(
        "--graph",
        type=Path,
        default=None,
        metavar="FILE",
        help="also report terms this built graph never uses, and its inconsistencies with the ontology "
        "(an OWL 2 RL reasoner: a node in two disjoint classes, a literal where an individual belongs)",
    )
    ontology_option(parser)
    parser.set_defaults(command=run_check_ontology)

    parser = commands.add_parser("docs", help="write HTML documentation of the ontology and shapes (nl, en)")
    parser.add_argument(
        "--out", type=Path, default=Path("docs/ontology"), metavar="DIR", help="(default: docs/ontology)"
    )
    ontology_option(parser)
    parser.set_defaults(command=run_docs)

    parser = commands.add_parser("report", help="write the explorer page of a build: one offline HTML page")
    graph_option(parser, "report on")
    parser.add_argument(
        "--out", type=Path, default=None, metavar="FILE", help="where the page goes (default: DIR/report.html)"
    )
    ontology_option(parser)
    parser.set_defaults(command=run_report)


def run_check_ontology(options: argparse.Namespace) -> int:
    from isis_kg.check import ERROR, check_ontology
    from isis_kg.reference import load_reference

    pitfalls = check_ontology(load_reference(options.ontology), options.graph)
    for pitfall in pitfalls:
        print(pitfall.line())
    errors = sum(1 for p in pitfalls if p.level == ERROR)
    print(f"{errors} error(s), {len(pitfalls) - errors} warning(s).")
    return EXIT_VIOLATIONS if errors else EXIT_OK


def run_docs(options: argparse.Namespace) -> int:
    from isis_kg.docs import write_docs
    from isis_kg.reference import load_reference

    result = write_docs(load_reference(options.ontology), options.out)
    print(f"Wrote {', '.join(str(page) for page in result.pages)}.")
    return EXIT_OK


def run_report(options: argparse.Namespace) -> int:
    from isis_kg.reference import load_reference
    from isis_kg.report import write_report

    print(f"Wrote {write_report(options.graph, load_reference(options.ontology), options.out)}.")
    return EXIT_OK
