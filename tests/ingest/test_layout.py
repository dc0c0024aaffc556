import pytest

from isis_kg.ingest import repair_layout
from isis_kg.ingest.layout import Joint, hyphen_joint

from conftest import CORPUS


@pytest.mark.parametrize(
    ("left", "right", "joint"),
    [
        ("organi", "satie", Joint.JOIN),
        ("ontwikkelings", "richtingen", Joint.JOIN),
        ("ISIS", "strijders", Joint.KEEP),
        ("ISIS", "ideologie", Joint.KEEP),
        ("niet", "militaire", Joint.KEEP),
        ("media", "afdeling", Joint.KEEP),
        ("binnen", "en", Joint.ELLIPTIC),
        ("battle", "hardened", Joint.KEEP),  # an English compound, in a cited title
        ("Smith", "Spark", Joint.KEEP),  # a double name broken at its hyphen: no space comes between
        ("anti", "Amerikaanse", Joint.KEEP),
        ("2016", "2017", Joint.KEEP),
        ("Strijd", "krachten", Joint.JOIN),  # "Syrische Democratische Strijd-|krachten": one word Dutch knows
        ("Daesh", "strijders", Joint.KEEP),  # a name in a compound keeps its hyphen
        ("Shabaab", "militanten", Joint.KEEP),
    ],
)
def test_dutch_dehyphenation(reference, left: str, right: str, joint: Joint) -> None:
    assert hyphen_joint(left, right, reference.layout) is joint


def test_lines_become_paragraphs_and_offsets_point_into_the_file(reference) -> None:
    # NCTV report, opening: a heading glued to its paragraph, hyphenation, double spaces
    text = (
        "Inleiding – einde ‘kalifaat’ in Syrië en Irak\n"
        "Islamitische Staat in Irak en Syrië (ISIS) ligt al geruime tijd zwaar \n"
        "onder vuur. Het rigide karakter van de ISIS-\n"
        "ideologie laat weinig ruimte. Reacties van binnen- \n"
        "en buitenlandse academici en overheidspartners van de  NCTV.\n"
    )
    blocks = repair_layout(text, reference.layout)
    assert [b.text for b in blocks] == [
        "Inleiding – einde ‘kalifaat’ in Syrië en Irak",
        "Islamitische Staat in Irak en Syrië (ISIS) ligt al geruime tijd zwaar onder vuur. "
        "Het rigide karakter van de ISIS-ideologie laat weinig ruimte. "
        "Reacties van binnen- en buitenlandse academici en overheidspartners van de NCTV.",
    ]
    for block in blocks:
        assert len(block.offsets) == len(block.text)
        for char, offset in zip(block.text, block.offsets, strict=True):
            assert char == text[offset] or (char == " " and text[offset].isspace())


def test_page_furniture_and_chart_ticks_are_dropped_and_the_sentence_around_the_chart_joined(reference) -> None:
    # AIVD 2016: a sentence runs on over the travellers' chart and a page break
    text = (CORPUS / "aivd-2016-leven-bij-isis.txt").read_text(encoding="utf-8")
    texts = [b.text for b in repair_layout(text, reference.layout)]
    assert (
        "Omdat ISIS bang is voor infiltratie door spionnen, heeft de groepering inmiddels verplicht gesteld dat "
        "iedere nieuwe uitreiziger iemand moet aandragen die al in ISIS-gebied verblijft"
    ) in "\n".join(texts)
    assert "29 juni 2014 uitroepen Islamitische Staat/kalifaat" in texts
    assert "Augustus 2014 bombardementen door coalitie" in texts
    assert "13 november 2015 aanslagen in Parijs" in texts
    assert not any(t.strip(" |") in {"6", "7", "250", "012"} for t in texts)


def test_a_year_that_ends_a_footnote_is_no_page_number(reference) -> None:
    text = (
        "Zo eist ISIS de aanslagen op.415\n\n415 ‘IS Claiming behaviour for attacks in the West: Patterns and "
        "hypotheses \nfor 2016 and 2017’, ECTC Situation Report, p.25, Europol, 7 november \n2017.\n\n12\n"
    )
    (footnote,) = [b for b in repair_layout(text, reference.layout) if b.kind == "footnote"]
    assert footnote.text.endswith("Europol, 7 november 2017.")


def test_a_name_broken_after_a_slash_is_joined_without_a_space(reference) -> None:
    # NCTV report, footnote 86: three publishers joined by slashes, the line broken after the second
    text = (
        "86 ‘Fear Thy Neighbour: Radicalization and Jihadist Attacks in the West’, \n"
        "p.63, Lorenzo Vidino, Francesco Marone en Entenmann, ICCT/ISPI/\n"
        "George Washington University, juni 2017.\n"
    )
    (footnote,) = [b for b in repair_layout(text, reference.layout) if b.footnote == 86]
    assert footnote.text.endswith("Entenmann, ICCT/ISPI/George Washington University, juni 2017.")
