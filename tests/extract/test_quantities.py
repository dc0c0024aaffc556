from isis_kg.extract.quantities import extract_quantities


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
