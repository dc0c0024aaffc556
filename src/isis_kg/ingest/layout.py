"""Undo the layout of texts extracted from PDF, keeping every character's original offset.

Lines become paragraphs, words hyphenated across lines are joined again where Dutch says
they are one word, page furniture (page numbers, chart ticks) is dropped, and headings that
the extraction glued to the next paragraph are set apart.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from wordfreq import zipf_frequency

from isis_kg.model import Block
from isis_kg.reference import LayoutRules

_TOKEN = re.compile(r"\S+")
_TRAILING_WORD_HYPHEN = re.compile(r"(\w+)-$")
_LEADING_LOWER_WORD = re.compile(r"^([a-zà-ÿ]\w*)")
_SENTENCE_END = re.compile(r"[.!?:;…’'\")\]”]\d*$")
_STARTS_UPPER = re.compile(r"^[A-ZÀ-Ý0-9‘'\"“(]")
HEADING_WIDTH_RATIO = 0.75


class Joint(Enum):
    """How a word hyphenated at a line end is put back together."""

    JOIN = "join"  # organi-|satie -> organisatie
    KEEP = "keep"  # ISIS-|strijders -> ISIS-strijders
    ELLIPTIC = "elliptic"  # binnen-|en buitenlandse -> binnen- en buitenlandse


@lru_cache(maxsize=65536)
def is_dutch_word(word: str) -> bool:
    """Whether the word occurs in wordfreq's Dutch word list."""
    return zipf_frequency(word, "nl") > 0


def hyphen_joint(left: str, right: str, rules: LayoutRules, is_word: Callable[[str], bool] = is_dutch_word) -> Joint:
    """Decide how ``left-`` at a line end and ``right`` on the next line go together."""
    if right.lower() in rules.elliptic_followers:
        return Joint.ELLIPTIC
    if any(c.isupper() for c in left) or any(c.isdigit() for c in left):
        return Joint.KEEP  # acronyms and names keep their hyphen: ISIS-strijders, Al-Qaida
    if is_word(left + right):
        return Joint.JOIN
    if left.lower() in rules.hyphen_prefixes or (left[-1] + right[0]).lower() in rules.vowel_clashes:
        return Joint.KEEP
    return Joint.JOIN


@dataclass(frozen=True)
class _Line:
    start: int  # offset of the first non-space character
    end: int  # offset after the last non-space character
    text: str


def repair_layout(text: str, rules: LayoutRules) -> list[Block]:
    """Split ``text`` into blocks (paragraphs and headings) with their layout undone."""
    paragraphs = _paragraphs(text, rules)
    widths = sorted(len(line.text) for paragraph in paragraphs for line in paragraph)
    typical_width = widths[int(len(widths) * 0.9)] if widths else 0
    blocks = []
    for paragraph in paragraphs:
        for lines in _split_headings(paragraph, typical_width):
            blocks.append(_join_lines(lines, rules))
    return blocks


def _paragraphs(text: str, rules: LayoutRules) -> list[list[_Line]]:
    """Runs of text lines between blank lines and page furniture."""
    paragraphs: list[list[_Line]] = []
    current: list[_Line] = []
    position = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        is_text = bool(stripped) and not any(p.fullmatch(raw.rstrip("\r")) for p in rules.furniture)
        if is_text:
            lead = len(raw) - len(raw.lstrip())
            current.append(_Line(position + lead, position + lead + len(stripped), stripped))
        elif current:
            paragraphs.append(current)
            current = []
        position += len(raw) + 1
    if current:
        paragraphs.append(current)
    return paragraphs


def _split_headings(lines: list[_Line], typical_width: int) -> list[list[_Line]]:
    """Set apart short unpunctuated lines that start a paragraph of their own."""
    groups: list[list[_Line]] = [[]]
    for i, line in enumerate(lines):
        previous_ended = i == 0 or bool(_SENTENCE_END.search(lines[i - 1].text))
        is_heading = (
            previous_ended
            and i + 1 < len(lines)
            and len(line.text) < typical_width * HEADING_WIDTH_RATIO
            and not _SENTENCE_END.search(line.text)
            and not line.text.endswith((",", "-", "–"))
            and bool(_STARTS_UPPER.match(line.text))
            and bool(_STARTS_UPPER.match(lines[i + 1].text))
        )
        if is_heading:
            if groups[-1]:
                groups.append([])
            groups[-1].append(line)
            groups.append([])
        else:
            groups[-1].append(line)
    return [group for group in groups if group]


def _join_lines(lines: list[_Line], rules: LayoutRules) -> Block:
    pieces: list[str] = []
    offsets = array("l")
    for i, line in enumerate(lines):
        if i:
            previous = lines[i - 1]
            hyphenated = _TRAILING_WORD_HYPHEN.search(previous.text)
            continuation = _LEADING_LOWER_WORD.match(line.text)
            joint = (
                hyphen_joint(hyphenated.group(1), continuation.group(1), rules) if hyphenated and continuation else None
            )
            if joint is Joint.JOIN:
                pieces[-1] = pieces[-1][:-1]  # drop the hyphen
                offsets.pop()
            elif joint is not Joint.KEEP:
                pieces.append(" ")
                offsets.append(previous.end)  # the line break it stands for
        for k, token in enumerate(_TOKEN.finditer(line.text)):
            if k:
                pieces.append(" ")
                offsets.append(line.start + token.start() - 1)
            pieces.append(token.group())
            offsets.extend(range(line.start + token.start(), line.start + token.end()))
    return Block(text="".join(pieces), offsets=offsets)
