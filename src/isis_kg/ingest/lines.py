"""The lines of a text, with their offsets and what kind of line each is."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from isis_kg.reference import LayoutRules


class LineKind(Enum):
    TEXT = "text"
    BLANK = "blank"
    FURNITURE = "furniture"  # page numbers, chart ticks: dropped


@dataclass(frozen=True)
class Line:
    index: int
    kind: LineKind
    start: int  # offset of the first non-space character
    end: int  # offset after the last non-space character
    text: str  # stripped
    indented: bool  # the raw line starts with white space (in PDF extractions: often a page start)


def scan_lines(text: str, rules: LayoutRules) -> list[Line]:
    lines = []
    position = 0
    for index, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        if not stripped:
            kind = LineKind.BLANK
        elif any(p.fullmatch(raw.rstrip("\r")) for p in rules.furniture):
            kind = LineKind.FURNITURE
        else:
            kind = LineKind.TEXT
        lines.append(Line(index, kind, position + lead, position + lead + len(stripped), stripped, lead > 0))
        position += len(raw) + 1
    return lines
