"""Errors that isis-kg raises, each with the one line a user reads.

The library raises; only the command line prints and chooses the exit code. Every message
names the file or setting it is about, so the user knows where to look.
"""

from __future__ import annotations

from pathlib import Path


class IsisKgError(Exception):
    """Base of every error isis-kg raises on purpose."""


class PathError(IsisKgError):
    """Something wrong with one file or folder: "<path>: <problem>"."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        # errors travel back from worker processes of a parallel build
        return (type(self), (self.path, self.problem))


class InputError(PathError):
    """A text, catalogue or path that cannot be read as asked (exit code 2)."""


class NothingToBuildError(InputError):
    """No input file could be read; ``causes`` says why for each."""

    def __init__(self, paths: str, causes: list[InputError]) -> None:
        self.causes = causes
        super().__init__(paths, "no readable text file to build from")


class ReferenceDataError(PathError):
    """A file under ontology/ that the extractors cannot use (exit code 2)."""


class OutputError(PathError):
    """The output directory cannot be written (exit code 2)."""


class EndpointError(PathError):
    """A SPARQL endpoint or graph store that cannot be reached or refuses (exit code 2)."""


class ToolError(PathError):
    """An external program isis-kg was asked to use is missing or fails (exit code 2)."""
