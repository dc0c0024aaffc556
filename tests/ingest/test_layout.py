import pytest

from isis_kg.ingest import repair_layout
from isis_kg.ingest.layout import Joint, hyphen_joint


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


def test_page_furniture_and_chart_ticks_are_dropped(reference) -> None:
    # AIVD report: the end of the travellers' chart and a page break
    text = "250\n\n200\n\n012\n\n13 november 2015  \naanslagen in Parijs\n\n6 |  \n\n\n\n |  7\n\ninmiddels verplicht."
    blocks = repair_layout(text, reference.layout)
    assert [b.text for b in blocks] == ["13 november 2015 aanslagen in Parijs", "inmiddels verplicht."]
