"""The catalogue: metadata of the texts, keyed by the SHA-256 of each file's bytes."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from isis_kg.errors import InputError
from isis_kg.model import DateValue, DocumentMeta
from isis_kg.yamlfile import parse_yaml

CATALOGUE_NAME = "catalogue.yaml"
FIELDS = {
    "sha256",
    "file",
    "title",
    "publisher",
    "publisher_ref",
    "author",
    "author_ref",
    "date",
    "language",
    "kind",
    "reliability",
    "credibility",
}
RELIABILITY = ("A", "B", "C", "D", "E", "F")
CREDIBILITY = (1, 2, 3, 4, 5, 6)
TEXT_FIELDS = ("title", "publisher", "publisher_ref", "author", "author_ref", "language")
# a BCP 47 language tag as RDF takes it (nl, en, nl-BE); "nl_NL" is a locale name, not a tag
LANGUAGE_TAG = re.compile(r"[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*")


@dataclass
class Catalogue:
    """Document metadata by content hash; a text without an entry gets only its hash."""

    entries: dict[str, DocumentMeta] = field(default_factory=dict)
    files: tuple[Path, ...] = ()

    def meta_for(self, sha256: str) -> DocumentMeta:
        return self.entries.get(sha256) or DocumentMeta(sha256=sha256)


def catalogue_paths(inputs: Iterable[Path]) -> list[Path]:
    """The catalogue files that go with the inputs: one in each folder named or holding a file named."""
    found: dict[Path, None] = {}
    for path in inputs:
        folder = path if path.is_dir() else path.parent
        candidate = folder / CATALOGUE_NAME
        if candidate.is_file():
            found.setdefault(candidate, None)
    return list(found)


def load_catalogues(paths: Iterable[Path], kinds: frozenset[str], entities: Collection[str] | None = None) -> Catalogue:
    """Read and merge catalogue files; raise InputError on the first broken one.

    ``kinds`` are the kinds of source a document may have (the concepts of ikg:SourceKinds);
    ``entities``, when given, the ids that ``publisher_ref`` and ``author_ref`` may name.
    """
    catalogue = Catalogue()
    files = []
    for path in paths:
        files.append(path)
        for meta in _read_catalogue(path, kinds, entities):
            known = catalogue.entries.get(meta.sha256)
            if known is not None and known != meta:
                raise InputError(path, f"entry {meta.sha256[:12]}… contradicts another catalogue's entry")
            catalogue.entries[meta.sha256] = meta
    catalogue.files = tuple(files)
    return catalogue


def read_yaml(path: Path, what: str) -> Any:
    """A YAML file beside the texts (``what``: "catalogue", "curation file"), or InputError saying why not."""
    try:
        return parse_yaml(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise InputError(path, f"{what} is not UTF-8 text") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise InputError(path, f"{what} is not valid YAML{where}") from None


def _read_catalogue(path: Path, kinds: frozenset[str], entities: Collection[str] | None) -> list[DocumentMeta]:
    data = read_yaml(path, "catalogue")
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise InputError(path, "catalogue needs a 'documents:' list")
    return [_entry(path, number, entry, kinds, entities) for number, entry in enumerate(data["documents"], start=1)]


def _entry(
    path: Path, number: int, entry: Any, kinds: frozenset[str], entities: Collection[str] | None
) -> DocumentMeta:
    where = f"catalogue entry {number}"
    if not isinstance(entry, dict):
        raise InputError(path, f"{where} is not a mapping")
    unknown = set(entry) - FIELDS
    if unknown:
        raise InputError(path, f"{where} has unknown field(s): {', '.join(sorted(unknown))}")
    sha256 = str(entry.get("sha256", ""))
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise InputError(path, f"{where} needs 'sha256': 64 lower-case hex digits")
    kind = entry.get("kind")
    if kind is not None and (not isinstance(kind, str) or kind not in kinds):
        raise InputError(path, f"{where}: kind '{kind}' is not one of {', '.join(sorted(kinds))}")
    reliability, credibility = entry.get("reliability"), entry.get("credibility")
    if reliability is not None and reliability not in RELIABILITY:
        raise InputError(path, f"{where}: reliability '{reliability}' is not a letter A to F (Admiralty code)")
    if credibility is not None and credibility not in CREDIBILITY:
        raise InputError(path, f"{where}: credibility '{credibility}' is not a number 1 to 6 (Admiralty code)")
    date = entry.get("date")
    try:
        date_value = DateValue.parse(str(date)) if date is not None else None
    except ValueError as error:
        raise InputError(path, f"{where}: {error}") from None

    for key in TEXT_FIELDS:
        if isinstance(entry.get(key), (list, dict)):
            kind_of = "list" if isinstance(entry[key], list) else "mapping"
            raise InputError(path, f"{where}: '{key}' is a {kind_of}; give one text (quote it if it holds a comma)")
    language = entry.get("language")
    if language is not None and not LANGUAGE_TAG.fullmatch(str(language)):
        raise InputError(path, f"{where}: language '{language}' is not a language tag (nl, en, nl-BE)")
    for key in ("publisher_ref", "author_ref"):
        ref = entry.get(key)
        if ref is not None and entities is not None and str(ref) not in entities:
            raise InputError(path, f"{where}: {key} '{ref}' is not an id of ontology/reference/entities.yaml")

    def text(key: str) -> str | None:
        value = entry.get(key)
        return str(value) if value is not None else None

    return DocumentMeta(
        sha256=sha256,
        title=text("title"),
        publisher=text("publisher"),
        publisher_ref=text("publisher_ref"),
        author=text("author"),
        author_ref=text("author_ref"),
        date=date_value,
        language=text("language") or "nl",
        kind=kind,
        reliability=reliability,
        credibility=credibility,
    )
