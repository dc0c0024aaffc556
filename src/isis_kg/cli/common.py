"""What the commands share: exit codes, how errors and warnings print, option types and options.

Nothing here loads the library's heavy parts (spaCy, rdflib, the pipeline): building the parser,
and so ``isis-kg --help``, needs none of them.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from isis_kg.choices import DEFAULT_RECOGNIZER, PARSERS, RECOGNIZERS, RELATION_CLASSIFIERS

if TYPE_CHECKING:
    from isis_kg.validate import ValidationReport

    # what each command module's register() adds its commands to (argparse names no public type for it)
    Commands = argparse._SubParsersAction[argparse.ArgumentParser]

EXIT_OK = 0
EXIT_VIOLATIONS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130


def error(message: str) -> None:
    print(f"isis-kg: error: {message}", file=sys.stderr)


def warning(message: str) -> None:
    print(f"isis-kg: warning: {message}", file=sys.stderr)


def print_report(report: ValidationReport, quiet: bool, written_to: Path | None) -> None:
    """The validation's summary: one line on stdout when the graph conforms, the violations on stderr."""
    if report.conforms:
        if not quiet:
            print(report.summary()[0])
        return
    for line in report.summary():
        print(line, file=sys.stderr)
    if written_to is not None:
        print(f"The full SHACL report is in {written_to}.", file=sys.stderr)


def cache_home() -> Path:
    """Where isis-kg keeps what it may reuse: $XDG_CACHE_HOME/isis-kg, else ~/.cache/isis-kg.
    Raises RuntimeError when there is no home folder to find."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "isis-kg"


def default_cache(name: str) -> Path | None:
    try:
        return cache_home() / name
    except RuntimeError as problem:  # no HOME and no user entry: the build goes on without a cache
        warning(f"no cache folder ({problem}); building without it")
        return None


def positive_int(text: str) -> int:
    value = _whole(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a whole number of 1 or more")
    return value


def port(text: str) -> int:
    value = _whole(text)
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{text} is not a port (1 to 65535)")
    return value


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text} is not a whole number") from None


def positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text} is not a number") from None
    if not 0 < value < float("inf"):  # NaN fails too
        raise argparse.ArgumentTypeError(f"{text} is not a number above 0")
    return value


def ontology_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--ontology",
        type=Path,
        default=None,
        metavar="DIR",
        help="ontology, shapes, reference data and patterns (default: the project's ontology/)",
    )


def analyser_options(parser: argparse.ArgumentParser) -> None:
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
    parser.add_argument(
        "--relations",
        choices=RELATION_CLASSIFIERS,
        default=None,
        help="the learned relation classifier beside the patterns (default: learned, the shipped model; "
        "none: the patterns alone)",
    )
    parser.add_argument(
        "--relation-model",
        type=Path,
        default=None,
        metavar="DIR",
        help="the relation classifier's folder (written by train-relations; default: the one in the package)",
    )


def graph_option(parser: argparse.ArgumentParser, verb: str) -> None:
    parser.add_argument(
        "--graph", type=Path, default=Path("graph"), metavar="DIR", help=f"the built graph to {verb} (default: graph)"
    )


def endpoint_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", help="user name for HTTP Basic or Digest authentication")
    parser.add_argument("--password", help="password for HTTP Basic or Digest authentication")
    parser.add_argument(
        "--timeout", type=positive_float, default=60.0, metavar="SECONDS", help="give up after (default: 60)"
    )
