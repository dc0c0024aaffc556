"""isis-kg: a knowledge-graph builder for Dutch documents on jihadist terrorism.

The Python API is what the command line calls::

    from isis_kg import build
    result = build(["corpus"], "graph")
    result.conforms, result.counts
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.7.0"

if TYPE_CHECKING:
    from isis_kg.pipeline import BuildResult, build

__all__ = ["__version__", "build", "BuildResult"]


def __getattr__(name: str) -> object:
    """``build`` and ``BuildResult`` load the pipeline (spaCy, rdflib) when first asked for: importing
    any part of the package, the command line's help among them, stays quick."""
    if name in ("build", "BuildResult"):
        from isis_kg import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'isis_kg' has no attribute {name!r}")
