"""Undo the layout of texts extracted from PDF, keeping every character's original offset.

Lines become paragraphs, words hyphenated across lines are joined again where Dutch says
they are one word, page furniture (page numbers, chart ticks) is dropped, footnotes are
taken out of the body (see ``footnotes``), sentences cut by a page break or a footnote are
joined again, and headings that the extraction glued to the next paragraph are set apart.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable
from dataclasses import replace
from enum import Enum
from functools import lru_cache

from wordfreq import zipf_frequency

from isis_kg.ingest.footnotes import FootnoteLines, find_footnotes, take_markers
from isis_kg.ingest.lines import Line, LineKind, scan_lines
from isis_kg.model import Block
from isis_kg.reference import LayoutRules

_TOKEN = re.compile(r"\S+")
_TRAILING_WORD_HYPHEN = re.compile(r"(\w+)-$")
_TRAILING_SLASH = re.compile(r"\w/$")  # "ICCT/ISPI/" | "George Washington University": one name, no space
_LEADING_WORD = re.compile(r"^(\w+)")
_SENTENCE_END = re.compile(r"[.!?:;…’'\")\]”]\d*$")
_STARTS_UPPER = re.compile(r"^[A-ZÀ-Ý0-9‘'\"“(]")
_STARTS_LOWER = re.compile(r"^[a-zà-ÿ]")
HEADING_WIDTH_RATIO = 0.75
LABEL_WIDTH_RATIO = 0.5  # lines this short are chart labels, not running text


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
    if not right[:1].islower():
        return Joint.KEEP  # a compound of names or numbers: Smith-|Spark, Noord-|Irak, 2016-|2017
    if any(c.isupper() for c in left[1:]) or any(c.isdigit() for c in left):
        return Joint.KEEP  # acronyms keep their hyphen: ISIS-strijders, 2016-aanslagen
    if left[:1].isupper():
        # a name keeps it (Daesh-strijders, Shabaab-militanten), but a capitalised word broken at a line
        # end that Dutch knows whole is one word again ("Democratische Strijd-|krachten")
        return Joint.JOIN if is_word((left + right).lower()) else Joint.KEEP
    if is_word(left + right):
        return Joint.JOIN
    if rules.english_compound_zipf is not None and _english_compound(left, right, rules.english_compound_zipf):
        return Joint.KEEP  # battle-|hardened, in an English title
    if left.lower() in rules.hyphen_prefixes or (left[-1] + right[0]).lower() in rules.vowel_clashes:
        return Joint.KEEP
    return Joint.JOIN


@lru_cache(maxsize=65536)
def _english_compound(left: str, right: str, zipf: float) -> bool:
    joined = (left + right).lower()
    return (
        zipf_frequency(left, "en") >= zipf
        and zipf_frequency(right, "en") >= zipf
        and zipf_frequency(joined, "en") == 0
        and zipf_frequency(joined, "nl") == 0
    )


def repair_layout(text: str, rules: LayoutRules) -> list[Block]:
    """Split ``text`` into blocks (paragraphs, headings, footnotes) with their layout undone.

    Body paragraphs that a page break or a footnote cut in two are joined again; footnote
    markers are taken out of the body text (each block keeps where they stood).
    """
    lines = scan_lines(text, rules)
    footnotes = find_footnotes(lines, rules)
    in_footnote = {line.index for footnote in footnotes for line in footnote.lines}
    paragraphs = _body_paragraphs(lines, in_footnote)
    widths = sorted(len(line.text) for paragraph in paragraphs for line in paragraph)
    typical_width = widths[int(len(widths) * 0.9)] if widths else 0
    paragraphs = _stitch(paragraphs, typical_width)
    blocks: list[Block] = []
    expected_marker = footnotes[0].number if footnotes else 1
    for paragraph in paragraphs:
        for group, kind in _split_headings(paragraph, typical_width):
            block, expected_marker = take_markers(
                _join_lines(group, rules, kind), expected_marker, rules.footnote_window
            )
            blocks.append(block)
    for footnote in footnotes:
        blocks.append(_footnote_block(footnote, rules))
    return sorted(blocks, key=lambda block: block.offsets[0])


def _body_paragraphs(lines: list[Line], in_footnote: set[int]) -> list[list[Line]]:
    """Runs of body text lines between blank lines, page furniture and footnotes."""
    paragraphs: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.kind is LineKind.TEXT and line.index not in in_footnote:
            current.append(line)
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def _stitch(paragraphs: list[list[Line]], typical_width: int) -> list[list[Line]]:
    """Join a paragraph that goes on in lower case to the one it continues.

    That is the nearest earlier paragraph that stops mid-sentence and is of the same
    build: running text (a page break or footnotes came between) or short label lines
    (a chart label broken in two, "Augustus 2014 bombardementen" + "door coalitie"). A
    chart's labels between two halves of a running sentence are skipped over.
    """

    def is_label(paragraph: list[Line]) -> bool:
        return max(len(line.text) for line in paragraph) < typical_width * LABEL_WIDTH_RATIO

    stitched: list[list[Line]] = []
    for paragraph in paragraphs:
        target = None
        if _STARTS_LOWER.match(paragraph[0].text):
            for k in range(len(stitched) - 1, -1, -1):
                candidate = stitched[k]
                if is_label(candidate) != is_label(paragraph):
                    continue
                if not _SENTENCE_END.search(candidate[-1].text):
                    target = k
                break
        if target is None:
            stitched.append(paragraph)
        else:
            stitched[target] = stitched[target] + paragraph
    return stitched


def _split_headings(lines: list[Line], typical_width: int) -> list[tuple[list[Line], str]]:
    """Set apart short unpunctuated lines that start a paragraph of their own."""
    groups: list[tuple[list[Line], str]] = [([], "body")]
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
            groups.append(([line], "heading"))
            groups.append(([], "body"))
        else:
            groups[-1][0].append(line)
    return [(group, kind) for group, kind in groups if group]


def _footnote_block(footnote: FootnoteLines, rules: LayoutRules) -> Block:
    """A footnote's text, without its number."""
    first = footnote.lines[0]
    skip = footnote.number_end - first.start
    rest = first.text[skip:]
    lead = len(rest) - len(rest.lstrip())
    first = replace(first, start=footnote.number_end + lead, text=rest.strip())
    block = _join_lines([first, *footnote.lines[1:]], rules, "footnote")
    block.footnote = footnote.number
    return block


def _join_lines(lines: list[Line], rules: LayoutRules, kind: str) -> Block:
    pieces: list[str] = []
    offsets = array("l")
    for i, line in enumerate(lines):
        if i:
            previous = lines[i - 1]
            hyphenated = _TRAILING_WORD_HYPHEN.search(previous.text)
            continuation = _LEADING_WORD.match(line.text)
            joint = (
                hyphen_joint(hyphenated.group(1), continuation.group(1), rules) if hyphenated and continuation else None
            )
            if joint is Joint.JOIN:
                pieces[-1] = pieces[-1][:-1]  # drop the hyphen
                offsets.pop()
            elif joint is not Joint.KEEP and not _TRAILING_SLASH.search(previous.text):
                pieces.append(" ")
                offsets.append(previous.end)  # the line break it stands for
        for k, token in enumerate(_TOKEN.finditer(line.text)):
            if k:
                pieces.append(" ")
                offsets.append(line.start + token.start() - 1)
            pieces.append(token.group())
            offsets.extend(range(line.start + token.start(), line.start + token.end()))
    return Block(text="".join(pieces), offsets=offsets, kind=kind)
