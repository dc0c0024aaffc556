"""Sentence splitting with spaCy's Dutch tokenizer (its abbreviation list keeps "o.a." whole)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer

from isis_kg.model import Block, Sentence

# the most characters handed to spaCy at once: it refuses a text over its max_length (1,000,000; E088), and a
# block of a long file with no paragraph breaks can be longer. A shorter block goes whole, as always.
PIECE = 500_000
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+")


@lru_cache(maxsize=4)
def sentence_splitter(sentence_end_words: frozenset[str]) -> Language:
    """spaCy's Dutch tokenizer and sentencizer, without the abbreviations that are words ending
    sentences (layout.yaml's sentence_end_words, in any case)."""
    nlp = spacy.blank("nl")
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):
        tokenizer.rules = {
            key: value
            for key, value in (tokenizer.rules or {}).items()
            if not (key.endswith(".") and key[:-1].lower() in sentence_end_words)
        }
    nlp.add_pipe("sentencizer")
    return nlp


def split_sentences(blocks: list[Block], sentence_end_words: frozenset[str]) -> list[Sentence]:
    """Every sentence of every block, numbered in reading order."""
    sentences: list[Sentence] = []
    nlp = sentence_splitter(sentence_end_words)
    pieces = [(index, offset, piece) for index, block in enumerate(blocks) for offset, piece in text_pieces(block.text)]
    for (block_index, offset, _piece), doc in zip(pieces, nlp.pipe(piece for _i, _o, piece in pieces), strict=True):
        block = blocks[block_index]
        for span in doc.sents:
            start, end = offset + span.start_char, offset + span.end_char
            while start < end and block.text[start].isspace():
                start += 1
            while end > start and block.text[end - 1].isspace():
                end -= 1
            if not any(c.isalpha() for c in block.text[start:end]):
                continue
            original_start, original_end = block.original_span(start, end)
            sentences.append(
                Sentence(
                    index=len(sentences),
                    block=block_index,
                    start=start,
                    end=end,
                    text=block.text[start:end],
                    original_start=original_start,
                    original_end=original_end,
                    # a marker right after the closing full stop ("nabij.2") belongs to the sentence
                    footnotes=tuple(number for position, number in block.markers if start < position <= end),
                    in_footnote=block.footnote,
                )
            )
    return sentences


def text_pieces(text: str, size: int | None = None) -> Iterator[tuple[int, str]]:
    """(offset, piece) of ``text`` in pieces of at most ``size`` characters, each cut after the last sentence
    end it holds (or else the last space), so that no sentence is cut where the text has sentence ends."""
    size = size or PIECE
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        ends = [match.end() for match in _SENTENCE_END.finditer(window)]
        cut = ends[-1] if ends else (window.rfind(" ") + 1 or size)
        yield start, window[:cut]
        start += cut
    yield start, text[start:]
