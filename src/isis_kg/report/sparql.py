"""The explorer's SPARQL: one query per file in report/queries/, run on the build's store."""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from pathlib import Path

import pyoxigraph as ox

QUERY_DIR = Path(__file__).resolve().parent / "queries"  # package data: an installed wheel reports too


@cache
def query_text(name: str) -> str:
    """The text of ``report/queries/<name>.rq``."""
    return (QUERY_DIR / f"{name}.rq").read_text(encoding="utf-8")


def solutions(store: ox.Store, name: str) -> list[tuple[ox.NamedNode | ox.BlankNode | ox.Literal | None, ...]]:
    """The query's solutions as terms (None where a variable is unbound)."""
    found = store.query(query_text(name))
    assert isinstance(found, ox.QuerySolutions)
    return [tuple(solution) for solution in found]


def select(store: ox.Store, name: str) -> list[tuple[str, ...]]:
    """The query's solutions as their values ("" where unbound), sorted so that pages are byte-stable."""
    return sorted(tuple(term.value if term is not None else "" for term in row) for row in solutions(store, name))


def grouped(store: ox.Store, name: str) -> dict[str, set[str]]:
    """A two-column query as first column -> the set of second-column values."""
    found: dict[str, set[str]] = defaultdict(set)
    for key, value in select(store, name):
        found[key].add(value)
    return found
