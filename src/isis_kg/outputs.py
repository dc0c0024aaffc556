"""The files a build writes, and how: all of them or none."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from isis_kg.errors import OutputError

GRAPH_FILE = "graph.ttl"
LINKS_FILE = "wikidata-links.yaml"
REPORT_FILE = "validation.ttl"
ONTOLOGY_COPY = "ontology.ttl"


def write_outputs(out_dir: Path, files: dict[str, bytes | Callable[[BinaryIO], None]]) -> None:
    """Write every file or none: each goes to a temporary name first (its bytes, or what its writer
    streams there), then all are moved in place."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        staged: list[tuple[str, Path]] = []
        try:
            for name, data in files.items():
                handle, temporary = tempfile.mkstemp(prefix=f".{name}.", dir=out_dir)
                staged.append((temporary, out_dir / name))
                with os.fdopen(handle, "wb") as stream:
                    if isinstance(data, bytes):
                        stream.write(data)
                    else:
                        data(stream)
                os.chmod(temporary, 0o644)  # mkstemp makes files private; outputs are for sharing
            for temporary, final in staged:
                os.replace(temporary, final)
        finally:
            for temporary, _final in staged:
                if os.path.exists(temporary):
                    os.unlink(temporary)
    except OSError as error:
        raise OutputError(out_dir, f"cannot write the graph ({error.strerror or error})") from None
