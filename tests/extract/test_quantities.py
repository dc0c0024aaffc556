from isis_kg.extract.quantities import extract_quantities
from isis_kg.model import DateValue
from isis_kg.nlp.dates import find_dates


def claims(reference, matcher, sentences_of, text: str):
    sentence = sentences_of(text)[0]
    return [
        (c.about, c.quantity, c.unit, c.approximate)
        for c in extract_quantities(sentence, matcher.find(sentence), reference)
    ]


def test_figures_about_the_organisation_the_sentence_names(reference, matcher, sentences_of) -> None:
    # news 2019 and NCTV 2017
    assert claims(
        reference, matcher, sentences_of, "Naast de meer dan 100.000 IS-leden die in Syrië en Irak vastzitten."
    ) == [("isis", 100000, "leden", True)]
    assert claims(
        reference,
        matcher,
        sentences_of,
        "ISIS heeft acht franchises, met 36 wilayats, van Algerije tot aan de Kaukasus.",
    ) == [("isis", 8, "franchises", False), ("isis", 36, "wilayats", False)]


def test_years_legends_and_figures_about_nothing_known_are_no_claims(reference, matcher, sentences_of) -> None:
    assert claims(reference, matcher, sentences_of, "ISIS stuurde al in 2015 strijders vanuit Syrië naar Libië.") == []
    assert (
        claims(reference, matcher, sentences_of, "Er zitten zo’n 70.000 aanhangers van de terreurgroep in kampen.")
        == []
    )
    assert claims(reference, matcher, sentences_of, "ISIS 522 Vrouwen Totaal uitgereisd") == []


def test_a_range_its_date_and_a_figure_that_borrows_the_unit_before_it(reference, matcher, sentences_of) -> None:
    # NCTV 2017, in a text dated December 2017: "halverwege oktober" is October 2017
    sentence = sentences_of("Volgens de coalitie had ISIS halverwege oktober nog zes- tot tienduizend strijders.")[0]
    dates = find_dates(sentence.text, reference, anchor=DateValue(2017, 12))
    (claim,) = extract_quantities(sentence, matcher.find(sentence), reference, dates)
    assert (claim.about, claim.lower, claim.quantity, claim.unit, claim.approximate) == (
        "isis",
        6000,
        10000,
        "strijders",
        True,
    )
    assert (claim.as_of, claim.as_of_resolved_from) == (DateValue(2017, 10), "halverwege oktober")
    # news 2019: "zo'n 20.000 die ..." counts IS-leden too; "sinds 2014" dates no figure
    text = "Sinds 2014 zitten meer dan 100.000 IS-leden vast, en nog zo’n 20.000 die ondergedoken zijn."
    sentence = sentences_of(text)[0]
    found = extract_quantities(sentence, matcher.find(sentence), reference, find_dates(sentence.text, reference))
    assert [(c.about, c.quantity, c.unit, c.as_of) for c in found] == [
        ("isis", 100000, "leden", None),
        ("isis", 20000, "leden", None),
    ]


def test_a_figure_about_the_organisation_of_the_sentence_before(reference, matcher, sentences_of) -> None:
    def read(text: str) -> list[tuple[str, int, str]]:
        first, second = sentences_of(text)[:2]
        found = extract_quantities(
            second, matcher.find(second), reference, previous=matcher.find(first), sentence_before=first
        )
        return [(c.about, c.quantity, c.unit) for c in found]

    # news 2015: the same unit, in a compound with its organisation, the sentence before
    assert read("Het ICSR verzamelde verklaringen van IS-deserteurs. Het ging in totaal om 58 deserteurs.") == [
        ("isis", 58, "deserteurs")
    ]
    # news 2019: a word pointing back to it
    assert read(
        "IS verloor zijn laatste bolwerk. Zo’n 70.000 aanhangers van de islamitische terreurgroep zitten in kampen."
    ) == [("isis", 70000, "aanhangers")]
    # an organisation the sentence before names, not for this unit, is not what the figure is about
    assert read("Het ICSR sprak met IS-deserteurs. Het ging om 58 vrouwen.") == []


def test_a_hedged_figure_says_so(reference, matcher, sentences_of) -> None:
    sentence = sentences_of("Het zou gaan om ongeveer 800 ISIS-strijders.")[0]
    (claim,) = extract_quantities(sentence, matcher.find(sentence), reference)
    assert (claim.quantity, claim.approximate, claim.hedged) == (800, True, True)
