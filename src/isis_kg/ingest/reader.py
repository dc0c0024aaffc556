"""Find input files and read them into text, one reader per format.

Plain text in any common encoding (UTF-8 with or without BOM, UTF-16, Windows-1252 and
Latin-1, detected with charset-normalizer among those candidates, never guessed blindly),
PDF through its text layer (pypdf) and HTML news pages through their main text
(trafilatura). Every reader yields the same SourceFile; what cannot be read raises an
InputError that says why, so that the other files still build.

Character offsets in the graph point into the text a reader returns: for a .txt file that
is the file itself, for PDF and HTML the extracted text.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import logging
import re
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from isis_kg.errors import InputError

MAX_BYTES = 50 * 1024 * 1024  # a text this large is almost surely not one document
TEXT_ENCODINGS = ["utf_8", "cp1252", "latin_1", "utf_16_le", "utf_16_be", "mac_roman"]
MAX_CHAOS = 0.1  # charset-normalizer's mess ratio above which a decoding is rejected
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class SourceFile:
    """One input file: its bytes' hash, its text, and what the file itself says of its metadata."""

    path: Path
    sha256: str
    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD, as the file states it

    @property
    def file_name(self) -> str:
        return self.path.name


def read_text_bytes(path: Path, data: bytes) -> SourceFile:
    return SourceFile(path, hashlib.sha256(data).hexdigest(), decode_text(path, data))


def read_pdf(path: Path, data: bytes) -> SourceFile:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        with _quiet_pypdf():
            pdf = PdfReader(io.BytesIO(data))
            if pdf.is_encrypted:
                raise InputError(path, "the PDF is encrypted; save an unprotected copy first")
            text = "\n".join(page.extract_text() or "" for page in pdf.pages)
            info = pdf.metadata
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise InputError(path, f"not a readable PDF ({error})") from None
    if not text.strip():
        raise InputError(path, "the PDF has no text layer (a scan?); run OCR on it first")
    title = str(info.title).strip() if info is not None and info.title else None
    author = str(info.author).strip() if info is not None and info.author else None
    return SourceFile(path, hashlib.sha256(data).hexdigest(), text, title=title or None, author=author or None)


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs what it repairs ("incorrect startxref pointer") on stderr; the user reads isis-kg's one
    line about the file instead, or nothing when pypdf could read it after all."""
    logger = logging.getLogger("pypdf")  # its modules log to children of this one, which take its level
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def read_html(path: Path, data: bytes) -> SourceFile:
    html = decode_text(path, data)
    try:
        import trafilatura

        text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
        metadata = trafilatura.extract_metadata(html) if text and text.strip() else None
    except ImportError as error:  # lxml >= 5.2 moved its HTML cleaner into lxml_html_clean, which may be missing
        why = f"{error.name} is not installed" if error.name else str(error).strip().splitlines()[0]
        raise InputError(path, f"cannot read HTML pages ({why}); pip install 'lxml[html_clean]'") from None
    if not text or not text.strip():
        raise InputError(path, "no article text found in the HTML page")
    return SourceFile(
        path,
        hashlib.sha256(data).hexdigest(),
        text,
        title=getattr(metadata, "title", None),
        author=getattr(metadata, "author", None),
        date=getattr(metadata, "date", None),
    )


READERS: dict[str, Callable[[Path, bytes], SourceFile]] = {
    ".txt": read_text_bytes,
    ".pdf": read_pdf,
    ".html": read_html,
    ".htm": read_html,
}


def discover(paths: list[Path]) -> tuple[list[Path], list[InputError]]:
    """Every readable file named, or found under a folder named, in a stable order.

    Paths that do not exist are returned as errors, so that the other files still build.
    """
    found: dict[Path, None] = {}
    errors: list[InputError] = []
    for path in paths:
        if path.is_dir():
            for candidate in sorted(path.rglob("*")):
                if candidate.is_file() and candidate.suffix.lower() in READERS:
                    found.setdefault(candidate, None)
        elif path.is_file():
            found.setdefault(path, None)
        else:
            errors.append(InputError(path, "no such file or folder"))
    return list(found), errors


def read_source(path: Path, max_bytes: int = MAX_BYTES) -> SourceFile:
    """Read one file with the reader for its format; raise InputError saying why it cannot be used."""
    reader = READERS.get(path.suffix.lower(), read_text_bytes)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(path, f"too large ({size:,} bytes; the limit is {max_bytes:,})")
        data = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror or error})") from None
    if not data.strip():
        raise InputError(path, "empty file, no text to read")
    return reader(path, data)


def decode_text(path: Path, data: bytes) -> str:
    """Decode text bytes: a byte-order mark decides; else UTF-8; else the likeliest candidate encoding."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(path, data.decode(encoding, errors="replace"))
    if b"\x00" in data and not _looks_utf16(data):
        raise InputError(path, "binary file (it contains NUL bytes), not text")
    try:
        return _checked(path, data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=TEXT_ENCODINGS).best()
    if best is None or best.chaos > MAX_CHAOS:
        raise InputError(path, "cannot tell its text encoding (not UTF-8, UTF-16 or Windows-1252); convert it to UTF-8")
    return _checked(path, str(best))


def _looks_utf16(data: bytes) -> bool:
    """Text in UTF-16 without a byte-order mark: every other byte is NUL."""
    sample = data[:2000]
    return sample[1::2].count(0) > len(sample) * 0.4 or sample[0::2].count(0) > len(sample) * 0.4


def _checked(path: Path, text: str) -> str:
    if "\x00" in text or len(_CONTROL.findall(text[:10000])) > 10:
        raise InputError(path, "binary file (it contains control characters), not text")
    return text
