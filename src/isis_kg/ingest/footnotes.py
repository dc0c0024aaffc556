"""Footnotes of PDF extractions: the blocks that hold them, and the markers in the body.

In the extracted text a footnote is a run of lines that starts with its number ("205 ‘The
Origins...") at the foot of a page, between body paragraphs and often in the middle of a
sentence that goes on after it. The number sequence is the strongest signal: footnote N is
only looked for once N-1 has been seen, a little ahead to bridge footnotes the extraction
lost. Markers are digits glued to the word, quote or full stop before them
("Khorasan.205", "kalifaat’1"); they are taken out of the text and remembered.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

from isis_kg.ingest.lines import Line, LineKind
from isis_kg.model import Block
from isis_kg.reference import LayoutRules

_START = re.compile(r"(\d{1,3})\s+\S")
# a number followed by an opening quote or a citing word is a footnote even after a long gap
_STRONG_START = re.compile(r"(\d{1,3})\s+(?:[‘'\"“]|(?:Zie|Idem|Ibid|Aldus|Geciteerd)\b)")
_ENDS_CITATION = re.compile(r"[.!?][’'”\"]?$")
_MARKER = re.compile(r"(?<=[^\s\d/\-–:(])(\d{1,3})(?=[\s.,;:)’”\"\-]|$)")


@dataclass(frozen=True)
class FootnoteLines:
    number: int
    lines: tuple[Line, ...]
    number_end: int  # offset just after the number in the first line


def find_footnotes(lines: list[Line], rules: LayoutRules) -> list[FootnoteLines]:
    """The footnotes among the lines, in order; lines not in any footnote are body."""
    not_a_start = re.compile(r"(?:" + "|".join(sorted(rules.month_names, key=len, reverse=True)) + r")\b", re.I)
    footnotes: list[FootnoteLines] = []
    current: list[Line] = []
    number = number_end = 0
    expected = 1

    def close() -> None:
        if current:
            footnotes.append(FootnoteLines(number, tuple(current), number_end))
            current.clear()

    for i, line in enumerate(lines):
        if line.kind is not LineKind.TEXT:
            close()
            continue
        start = _START.match(line.text)
        after_break = i == 0 or lines[i - 1].kind is not LineKind.TEXT or bool(current) or line.indented
        if start and after_break:
            candidate = int(start.group(1))
            strong = bool(_STRONG_START.match(line.text)) or _numbered_run(lines, i, candidate)
            # an excerpt may start at any footnote; the first one must plainly start a citation
            window = (999 if not footnotes and not current else rules.footnote_gap) if strong else rules.footnote_window
            if expected <= candidate <= expected + window and not not_a_start.match(line.text, start.end(1) + 1):
                close()
                number, number_end, expected = candidate, line.start + start.end(1), candidate + 1
                current.append(line)
                continue
        if current:
            previous = current[-1]
            # an indented line after a finished citation is the body resuming on a new page
            if line.indented and _ENDS_CITATION.search(previous.text):
                close()
            else:
                current.append(line)
    close()
    return footnotes


RUN_REACH = 12  # lines ahead in which the next two footnotes of a run must start


def _numbered_run(lines: list[Line], i: int, number: int) -> bool:
    """Whether footnotes ``number`` + 1 and + 2 start on the lines that follow: a run of numbered lines is a
    footnote block, whatever its first footnote starts with ("14 Aymenn Jawad Al-Tamimi, ‘The ...")."""
    wanted = [number + 1, number + 2]
    for line in lines[i + 1 : i + 1 + RUN_REACH]:
        start = _START.match(line.text)
        if start and int(start.group(1)) == wanted[0]:
            wanted.pop(0)
            if not wanted:
                return True
    return False


def take_markers(block: Block, expected: int, window: int) -> tuple[Block, int]:
    """Remove footnote markers from a body block; return it and the next marker expected."""
    markers: list[tuple[int, int]] = []
    keep_until = 0
    pieces: list[str] = []
    offsets = array("l")
    for match in _MARKER.finditer(block.text):
        value = int(match.group(1))
        if not expected <= value <= expected + window:
            continue
        pieces.append(block.text[keep_until : match.start()])
        offsets.extend(block.offsets[keep_until : match.start()])
        markers.append((len(offsets), value))
        keep_until = match.end()
        expected = value + 1
    if not markers:
        return block, expected
    pieces.append(block.text[keep_until:])
    offsets.extend(block.offsets[keep_until:])
    return Block(text="".join(pieces), offsets=offsets, kind=block.kind, markers=tuple(markers)), expected
