"""The extraction cache on disk: data that cannot run anything when read.

A cache folder may be shared (between Dask workers, say), so whoever can write to it must not be able
to make a build run code: an entry is gzip-compressed JSON of the cached Document's fields, never a
pickle. Each entry carries the key it was written under and the SHA-256 of its content, both checked
on reading, and is turned back into the model's dataclasses by their type hints alone: a field of
the wrong kind, a missing one or an unknown one makes the entry unusable, not the build.

An entry is two lines: a header ``{"format": ..., "version": ..., "key": ..., "sha256": ...}`` and
the Document as JSON, whose bytes the header's sha256 is of.
"""

from __future__ import annotations

import dataclasses
import functools
import gzip
import hashlib
import json
import os
import tempfile
import types
import typing
import zlib
from array import array
from pathlib import Path

from isis_kg.model import Document

FORMAT = "isis-kg extraction cache"
VERSION = 1
SUFFIX = ".json.gz"
# an entry is a fraction of its text (text, blocks and sentences are dropped); far above any real one
MAX_ENTRY_BYTES = 512 * 1024 * 1024


class CacheEntryError(Exception):
    """An entry that cannot be used: corrupt, foreign (another key), or not this format."""


def write_entry(path: Path, key: str, document: Document) -> None:
    """Write the entry atomically: a reader sees the old entry, the new one, or none. Raises OSError."""
    payload = json.dumps(_to_json(document), separators=(",", ":")).encode("ascii")
    header = {"format": FORMAT, "version": VERSION, "key": key, "sha256": hashlib.sha256(payload).hexdigest()}
    data = gzip.compress(json.dumps(header).encode("ascii") + b"\n" + payload, compresslevel=6, mtime=0)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def read_entry(path: Path, key: str) -> Document:
    """The Document cached at ``path`` under ``key``; CacheEntryError says why it cannot be used."""
    try:
        with gzip.open(path, "rb") as stream:
            data = stream.read(MAX_ENTRY_BYTES + 1)
    except (OSError, EOFError, zlib.error) as error:  # gzip.BadGzipFile is an OSError
        raise CacheEntryError(f"not a readable gzip file ({error})") from None
    if len(data) > MAX_ENTRY_BYTES:
        raise CacheEntryError("larger than any entry isis-kg writes")
    head, _newline, payload = data.partition(b"\n")
    header = _json(head, "header")
    if not isinstance(header, dict) or header.get("format") != FORMAT or header.get("version") != VERSION:
        raise CacheEntryError("not an isis-kg cache entry of this version")
    if header.get("key") != key:
        raise CacheEntryError("written under another key")
    if header.get("sha256") != hashlib.sha256(payload).hexdigest():
        raise CacheEntryError("its content does not match its hash")
    try:
        document = _from_json(_json(payload, "content"), Document)
    except (TypeError, ValueError) as error:
        raise CacheEntryError(f"not a cached document ({error})") from None
    assert isinstance(document, Document)
    return document


def _json(data: bytes, part: str) -> object:
    try:
        return json.loads(data)
    except (UnicodeDecodeError, ValueError):
        raise CacheEntryError(f"its {part} is not JSON") from None


def _to_json(value: object) -> object:
    """Plain JSON of a model value; the type hints say on reading what each part was."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, array):
        return [value.typecode, value.tolist()]
    if isinstance(value, (list, tuple)):
        return [_to_json(item) for item in value]
    if isinstance(value, dict):  # keys may be numbers (footnotes): pairs keep their type
        return [[_to_json(k), _to_json(v)] for k, v in value.items()]
    if isinstance(value, bytes):
        return value.decode("utf-8", "surrogateescape")  # N-Triples are UTF-8; any other byte survives
    if value is None or isinstance(value, (str, int, float)):
        return value
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _from_json(data: object, hint: object) -> object:
    """``data`` as a value of type ``hint``, or TypeError/ValueError: nothing but the model's types is made."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return _from_union(data, typing.get_args(hint))
    if origin is list:
        return [_from_json(item, typing.get_args(hint)[0]) for item in _list(data)]
    if origin is tuple:
        return _from_tuple(data, typing.get_args(hint))
    if origin is dict:
        key_hint, value_hint = typing.get_args(hint)
        return {_from_json(k, key_hint): _from_json(v, value_hint) for k, v in (_pair(item) for item in _list(data))}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _from_dataclass(data, hint)
    return _from_scalar(data, hint)


def _from_union(data: object, members: tuple[object, ...]) -> object:
    for member in members:
        try:
            return _from_json(data, member)
        except (TypeError, ValueError):
            continue
    raise TypeError(f"{type(data).__name__} fits none of {members}")


def _from_tuple(data: object, members: tuple[object, ...]) -> tuple[object, ...]:
    items = _list(data)
    if len(members) == 2 and members[1] is Ellipsis:
        return tuple(_from_json(item, members[0]) for item in items)
    if len(items) != len(members):
        raise ValueError(f"{len(items)} values for a tuple of {len(members)}")
    return tuple(_from_json(item, member) for item, member in zip(items, members, strict=True))


def _from_dataclass(data: object, cls: type) -> object:
    if not isinstance(data, dict):
        raise TypeError(f"{cls.__name__}: not an object")
    hints = _hints(cls)
    if set(data) != set(hints):
        raise ValueError(f"{cls.__name__}: fields {sorted(set(data) ^ set(hints))} differ")
    return cls(**{name: _from_json(data[name], hint) for name, hint in hints.items()})


def _from_scalar(data: object, hint: object) -> object:
    if hint is type(None) or hint is None:
        if data is None:
            return None
    elif hint is bytes:
        if isinstance(data, str):
            return data.encode("utf-8", "surrogateescape")
    elif hint is array:
        typecode, items = _pair(data)
        if isinstance(typecode, str) and isinstance(items, list) and all(type(i) is int for i in items):
            return array(typecode, items)
    elif hint is bool:
        if isinstance(data, bool):
            return data
    elif hint is int:
        if type(data) is int:
            return data
    elif hint is float:
        if type(data) in (int, float):  # kept as written: a float field given an int stays one
            return data
    elif hint is str:
        if isinstance(data, str):
            return data
    else:
        raise TypeError(f"no cached values of type {hint}")
    raise TypeError(f"{type(data).__name__} is not {getattr(hint, '__name__', hint)}")


def _list(data: object) -> list[object]:
    if not isinstance(data, list):
        raise TypeError(f"{type(data).__name__} is not a list")
    return data


def _pair(data: object) -> tuple[object, object]:
    items = _list(data)
    if len(items) != 2:
        raise ValueError("not a pair")
    return items[0], items[1]


@functools.cache
def _hints(cls: type) -> dict[str, object]:
    names = {f.name for f in dataclasses.fields(cls)}
    return {name: hint for name, hint in typing.get_type_hints(cls).items() if name in names}
