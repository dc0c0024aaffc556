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


def test_relative_dates_resolve_against_the_document_date(reference) -> None:
    from isis_kg.nlp.dates import find_dates

    def resolved(text: str, anchor: DateValue) -> list[tuple[str, str | None]]:
        return [(d.value.lexical, d.resolved_from) for d in find_dates(text, reference, anchor=anchor)]

    # Neurink 2020 (April 2020): "eind maart" is March 2020; a month still to come is last year's
    assert resolved("ISIS-gevangenen hebben eind maart tijdens een opstand", DateValue(2020, 4)) == [
        ("2020-03", "eind maart")
    ]
    assert resolved("sinds mei", DateValue(2020, 4)) == [("2019-05", "sinds mei")]
    assert resolved("vorig jaar, dit jaar en vorige maand", DateValue(2019, 1, 15)) == [
        ("2018", "vorig jaar"),
        ("2019", "dit jaar"),
        ("2018-12", "vorige maand"),
    ]
    # never more precise than the document's own date
    assert resolved("Afgelopen week, gisteren", DateValue(2019, 3)) == [
        ("2019-03", "Afgelopen week"),
        ("2019-03", "gisteren"),
    ]
    assert resolved("Afgelopen week, gisteren", DateValue(2019, 3, 24)) == [
        ("2019-03-17", "Afgelopen week"),
        ("2019-03-23", "gisteren"),
    ]
    assert resolved("op 3 maart en 31 april", DateValue(2020, 4)) == [("2020-03-03", "3 maart")]
    assert find_dates("eind maart", reference) == []  # without the document's date


def test_a_weekday_is_the_last_such_day_up_to_the_document_date(reference) -> None:
    from isis_kg.nlp.dates import find_dates

    def resolved(text: str, anchor: DateValue) -> list[tuple[str, str | None]]:
        return [(d.value.lexical, d.resolved_from) for d in find_dates(text, reference, anchor=anchor)]

    # a news item of Thursday 24 March 2016
    assert resolved("Dinsdag sloegen de daders toe op de luchthaven.", DateValue(2016, 3, 24)) == [
        ("2016-03-22", "Dinsdag")
    ]
    assert resolved("Donderdagavond werd een verdachte opgepakt.", DateValue(2016, 3, 24)) == [
        ("2016-03-24", "Donderdagavond")
    ]
    assert resolved("Vrijdag werd een verdachte opgepakt.", DateValue(2016, 3, 24)) == [("2016-03-18", "Vrijdag")]
    # the date that follows is the date; a document dated by its month alone cannot tell the day
    assert resolved("dinsdag 22 maart 2016", DateValue(2016, 3, 24)) == [("2016-03-22", None)]
    assert resolved("Dinsdag sloegen de daders toe.", DateValue(2016, 3)) == []


def test_a_news_item_dates_itself_in_its_dateline_and_a_timeline_does_not(reference) -> None:
    from isis_kg.nlp.dates import dateline

    news = "Verdachte aanslagen Brussel opgepakt\nBRUSSEL, donderdag 24 maart 2016 -\n\nDinsdag sloegen de daders toe."
    assert dateline(news, reference) == DateValue(2016, 3, 24)
    timeline = "Tijdlijn\n29 juni 2014\nuitroepen kalifaat\n13 november 2015\naanslagen in Parijs\n"
    assert dateline(timeline, reference) is None
    # a date in the first sentence is what the text tells, not when it was written
    story = "Op 22 maart 2016 pleegde ISIS aanslagen in Brussel op de luchthaven en in de metro.\n"
    assert dateline(story, reference) is None


def test_a_day_or_month_without_its_year_is_in_the_year_the_story_last_named(reference) -> None:
    dated = DateValue(2025, 8, 25)

    def values(text: str, narrative_year: int | None = None) -> list[str]:
        return [d.value.lexical for d in find_dates(text, reference, anchor=dated, narrative_year=narrative_year)]

    # a year earlier in the sentence, or the last its paragraph named, not the news item's
    assert values("26-30 juli 2009 - opstand; Yusuf sterft op 30 juli.") == ["2009-07-26", "2009-07-30"]
    assert values("Yusuf sterft op 30 juli in politiehechtenis.", narrative_year=2009) == ["2009-07-30"]
    assert values("Masharipov werd half januari opgepakt.", narrative_year=2017) == ["2017-01"]
    # without a story's year, the document's: this year's July, last year's December
    assert values("Yusuf sterft op 30 juli.") == ["2025-07-30"]
    assert values("Op 3 december viel het kamp.") == ["2024-12-03"]
    # a story's year after the document's own is none it tells of ("tot 2030"): the document's year
    assert values("Op 3 maart viel het kamp.", narrative_year=2030) == ["2025-03-03"]
    # words that name the year relative to the document's win over the story's
    assert values("Op 8 februari van dit jaar vielen zij aan.", narrative_year=2009) == ["2025-02-08"]
    assert values("Eind maart vorig jaar overvielen zij Palma.", narrative_year=2009) == ["2024-03"]
    # a text without a date of its own still reads the story's year
    assert [d.value.lexical for d in find_dates("Op 30 juli stierf hij.", reference, narrative_year=2009)] == [
        "2009-07-30"
    ]


def test_in_a_report_dated_by_its_year_alone_a_month_without_year_stays_undated(reference) -> None:
    # NCTV 2017: "het aantal in 2011 ... had ISIS halverwege oktober nog zes- tot tienduizend strijders"
    found = find_dates("ISIS had halverwege oktober nog strijders.", reference, DateValue(2017), narrative_year=2011)
    assert found == []


def test_a_stretch_of_days_is_dated_by_its_first(reference) -> None:
    def values(text: str) -> list[str]:
        return [d.value.lexical for d in find_dates(text, reference)]

    assert values("19-21 augustus 2022 - Al-Shabaab houdt het hotel bezet.") == ["2022-08-19"]
    assert values("in de nacht van 9 op 10 november 2021 sloegen de troepen een aanval af") == ["2021-11-09"]
    assert values("Op 19 en 20 juni 2015 vielen doden.") == ["2015-06-19"]
    # a footnote's number before the sentence is no first day
    assert values("het personeel.2 Op 27 april 2015 opende hij het vuur") == ["2015-04-27"]
