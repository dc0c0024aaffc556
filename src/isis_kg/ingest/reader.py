"""Find text files and read them, refusing what is not UTF-8 text with a clear reason."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from isis_kg.errors import InputError

TEXT_SUFFIXES = (".txt",)
MAX_BYTES = 50 * 1024 * 1024  # a text this large is almost surely not one document


@dataclass(frozen=True)
class SourceFile:
    """The bytes of one input file, decoded."""

    path: Path
    sha256: str
    text: str

    @property
    def file_name(self) -> str:
        return self.path.name


def discover(paths: list[Path]) -> tuple[list[Path], list[InputError]]:
    """Every text file named, or found under a folder named, in a stable order.

    Paths that do not exist are returned as errors, so that the other files still build.
    """
    found: dict[Path, None] = {}
    errors: list[InputError] = []
    for path in paths:
        if path.is_dir():
            for candidate in sorted(path.rglob("*")):
                if candidate.is_file() and candidate.suffix.lower() in TEXT_SUFFIXES:
                    found.setdefault(candidate, None)
        elif path.is_file():
            found.setdefault(path, None)
        else:
            errors.append(InputError(path, "no such file or folder"))
    return list(found), errors


def read_source(path: Path, max_bytes: int = MAX_BYTES) -> SourceFile:
    """Read one file as UTF-8 text; raise InputError saying why it cannot be used."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(path, f"too large ({size:,} bytes; the limit is {max_bytes:,})")
        data = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror or error})") from None
    if not data.strip():
        raise InputError(path, "empty file, no text to read")
    if b"\x00" in data:
        raise InputError(path, "binary file (it contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            path,
            f"not UTF-8 text (byte 0x{data[error.start]:02x} at byte offset {error.start}); convert it to UTF-8 first",
        ) from None
    return SourceFile(path=path, sha256=hashlib.sha256(data).hexdigest(), text=text)
