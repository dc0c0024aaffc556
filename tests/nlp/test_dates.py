import pytest

from isis_kg.model import DateValue, Precision
from isis_kg.nlp import find_dates


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        (
            "Op 29 juni 2014 roept de terroristische groepering ISIS het kalifaat uit.",
            DateValue(2014, 6, 29),
            Precision.DAY,
        ),
        ("Augustus 2014 eerste onthoofding westerlingen door ISIS", DateValue(2014, 8), Precision.MONTH),
        ("werd de groepering in 2013 voor het eerst actief", DateValue(2013), Precision.YEAR),
        ("‘Uitspraak Rechtbank Den Haag’, ECLI:NL:RBDHA:2017:6927, 27-06-2017.", DateValue(2017, 6, 27), Precision.DAY),
        ("The Atlantic, June 12, 2017.", DateValue(2017, 6, 12), Precision.DAY),
    ],
)
def test_dates_at_the_precision_the_text_gives(reference, text, value, precision) -> None:
    found = find_dates(text, reference)
    assert [d.value for d in found] == [value]
    assert found[0].value.precision is precision
    assert str(value.year) in text[found[0].start : found[0].end]


@pytest.mark.parametrize(
    "text",
    [
        "ISIS heeft acht franchises, met 36 wilayats.",
        "Zie het VN-rapport S/2017/467 over ISIL.",
        "Were we defeated when we lost the cities in Iraq [in 2007-8]?",
        "Op 31 juni 2014 gebeurde niets.",  # no such day
    ],
)
def test_numbers_that_are_not_dates(reference, text) -> None:
    assert find_dates(text, reference) == []


def test_lexical_forms_follow_xsd() -> None:
    assert DateValue(2014, 6, 29).lexical == "2014-06-29"
    assert DateValue(2014, 8).lexical == "2014-08"
    assert DateValue(2014).lexical == "2014"
    with pytest.raises(ValueError, match="not a date of the form"):
        DateValue.parse("juni 2014")
