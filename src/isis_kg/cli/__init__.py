"""The command line: parse options, call the library, print, choose the exit code.

Each command's options sit beside its handler, in a module per group of commands (building,
serving, ontology, linking, gold), and each handler imports the library it wraps when it runs:
parsing the options, and ``isis-kg --help``, load neither spaCy nor rdflib nor the pipeline.

Exit codes:
  0  the graph was written (or the files validated) and conforms to the shapes
  1  the graph violates the shapes (the report is written next to it)
  2  bad input or usage: a file that cannot be read, a broken catalogue or ontology/,
     a missing path; for ``build``, the readable files are still built and written
  130  interrupted: Ctrl-C, SIGTERM or SIGHUP (what was half-written is removed)
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from isis_kg import __version__
from isis_kg.cli import building, gold, linking, ontology, serving
from isis_kg.cli.common import EXIT_BAD_INPUT, EXIT_INTERRUPTED, error
from isis_kg.cli.stopping import stopping_on_termination
from isis_kg.errors import IsisKgError

# in the order --help lists their commands
COMMAND_GROUPS = (building, serving, ontology, linking, gold)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        options = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse exits 2 on usage errors, 0 on --help
        return int(exit_.code or 0)
    try:
        with stopping_on_termination():
            return int(options.command(options))
    except IsisKgError as problem:
        for cause in getattr(problem, "causes", ()):
            error(str(cause))
        error(str(problem))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        error("interrupted")
        return EXIT_INTERRUPTED


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="isis-kg",
        description="Build a validated RDF knowledge graph from Dutch texts on jihadist terrorism.",
        epilog="Exit codes: 0 conforms, 1 the graph violates the shapes, 2 bad input or usage, 130 interrupted.",
    )
    parser.add_argument("--version", action="version", version=f"isis-kg {__version__}")
    commands = parser.add_subparsers(dest="name", required=True, metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.register(commands)
    return parser
