"""isis-kg: a knowledge-graph builder for Dutch documents on jihadist terrorism.

The Python API is what the command line calls::

    from isis_kg import build
    result = build(["corpus"], "graph")
    result.conforms, result.counts
"""

__version__ = "0.7.0"

from isis_kg.pipeline import BuildResult, build  # noqa: E402  (needs __version__ above)

__all__ = ["__version__", "build", "BuildResult"]
