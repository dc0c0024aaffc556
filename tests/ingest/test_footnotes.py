"""Footnotes of the NCTV report: found, numbered, taken out of the body, markers attached."""

import re

import pytest

from isis_kg.ingest import repair_layout, split_sentences

from conftest import CORPUS

NCTV = CORPUS / "nctv-2017-transformatie-isis-na-kalifaat.txt"
# footnote texts the PDF extraction of the seed lost (their markers are in the body)
LOST = {
    124,
    125,
    *range(127, 132),
    *range(133, 141),
    *range(143, 175),
    245,
    246,
    259,
    267,
    272,
    *range(276, 284),
    *range(285, 290),
    *range(291, 298),
    *range(345, 351),
    361,
    362,
    365,
    366,
    *range(372, 377),
    *range(459, 464),
    *range(465, 475),
    *range(476, 483),
    *range(484, 487),
    *range(520, 528),
    561,
}


@pytest.fixture(scope="module")
def nctv(reference):
    blocks = repair_layout(NCTV.read_text(encoding="utf-8"), reference.layout)
    return blocks, split_sentences(blocks, reference.layout.sentence_end_words)


def test_every_footnote_in_the_file_is_found_once_in_order(nctv) -> None:
    blocks, _sentences = nctv
    numbers = [b.footnote for b in blocks if b.kind == "footnote"]
    assert numbers == sorted(set(range(1, 585)) - LOST)
    assert len(numbers) == 463


def test_markers_are_taken_out_of_the_body_in_order(nctv) -> None:
    blocks, _sentences = nctv
    markers = [number for b in blocks for _position, number in b.markers]
    assert markers == sorted(markers)
    # 20, 69 and 261 are glued to numbers ("5.00069") or lost with their page
    assert set(range(1, 585)) - set(markers) == {20, 69, 261}


def test_no_footnote_text_is_left_in_the_body(nctv) -> None:
    blocks, _sentences = nctv
    citation = re.compile(r"^\d{1,3} ‘[^’]+’, [A-Z]")
    assert not [b.text[:80] for b in blocks if b.kind != "footnote" and citation.match(b.text)]


def test_a_sentence_cut_by_footnotes_reads_whole_again(nctv) -> None:
    _blocks, sentences = nctv
    texts = {s.text for s in sentences}
    assert "De hardnekkige verdediging van Mosul en Raqqa kan worden gezien als een oefening in propaganda." in texts
    opening = next(s for s in sentences if s.text.startswith("De verliezen van ISIS lopen"))
    assert opening.text == (
        "De verliezen van ISIS lopen steeds verder op en het eind van het zogeheten ‘kalifaat’ is nabij."
    )
    assert opening.footnotes == (1, 2)


def test_footnote_sentences_know_their_footnote(nctv) -> None:
    _blocks, sentences = nctv
    khorasan = next(s for s in sentences if s.text.startswith("ISIS-K is de franchise van ISIS"))
    assert khorasan.in_footnote == 250
    assert khorasan.footnotes == ()


def test_an_excerpt_whose_footnotes_start_with_an_author_is_read_by_its_run_of_numbers(reference) -> None:
    # a report section whose first footnote is 7 and names its author first, not a quoted title
    text = (
        "De groep verloor in 2019 haar laatste dorp.7 Sindsdien opereert zij vanuit de woestijn.8\n"
        "\n"
        "7 Pieter de Vries, 'Het einde van een kalifaat', Uitgeverij Noord, 2020.\n"
        "8 Idem, p. 12.\n"
        "9 Analyse op basis van open bronnen.\n"
    )
    blocks = repair_layout(text, reference.layout)
    assert [b.footnote for b in blocks if b.footnote is not None] == [7, 8, 9]
    # two numbered lines are no run: a count that opens a line stays body text
    text = "Het leger meldde:\n\n12 doden vielen er bij de aanval op het kamp.\n"
    assert not [b for b in repair_layout(text, reference.layout) if b.footnote is not None]
