"""Layout repair on arbitrary text: it never fails, and every offset points at the same character."""

from hypothesis import given, settings
from hypothesis import strategies as st

from isis_kg.ingest import repair_layout

LINE_PIECES = st.sampled_from(
    [
        "ISIS-",
        "strijders",
        "organi-",
        "satie",
        "12",
        "| 7",
        "6 |",
        "‘kalifaat’1",
        " ",
        "\n",
        "\n\n",
        "Syrië.",
        "en",
        "-",
        "  ",
    ]
)
TEXT = st.one_of(st.text(max_size=300), st.lists(LINE_PIECES, max_size=60).map("".join))


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_every_offset_maps_to_the_same_character(reference, text: str) -> None:
    for block in repair_layout(text, reference.layout):
        assert len(block.offsets) == len(block.text)
        for char, offset in zip(block.text, block.offsets, strict=True):
            source = text[offset]
            # a space may stand for a line break; a joined hyphenation drops characters, never changes them
            assert char == source or (char == " " and source.isspace())
        for position, _number in block.markers:
            assert 0 <= position <= len(block.text)
