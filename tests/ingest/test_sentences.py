def test_sentences_keep_their_place_in_the_original_file(sentences_of) -> None:
    # Neurink 2020, second paragraph (one line per paragraph, as in the file)
    text = (
        "Nieuws\n\nDe terreurgroep ISIS gebruikt het coronavirus om terug te keren. Terwijl de wereld met "
        "iets anders bezig is, hergroepeert de groep zich.\n"
    )
    sentences = sentences_of(text)
    assert [s.text for s in sentences] == [
        "Nieuws",
        "De terreurgroep ISIS gebruikt het coronavirus om terug te keren.",
        "Terwijl de wereld met iets anders bezig is, hergroepeert de groep zich.",
    ]
    assert [s.index for s in sentences] == [0, 1, 2]
    for sentence in sentences:
        assert text[sentence.original_start : sentence.original_end] == sentence.text


def test_a_sentence_across_lines_maps_to_the_whole_span(sentences_of) -> None:
    # NCTV 2017, the lines as the PDF extraction broke them
    text = (
        "De analyse probeert beide ontwikkelingen in kaart te brengen aan de \n"
        "hand van twee centrale onderzoeksvragen over de ontwikkelingsrichtin-\n"
        "gen van ISIS. Daarna meer.\n"
    )
    first = sentences_of(text)[0]
    assert first.text == (
        "De analyse probeert beide ontwikkelingen in kaart te brengen aan de hand van twee "
        "centrale onderzoeksvragen over de ontwikkelingsrichtingen van ISIS."
    )
    assert (first.original_start, first.original_end) == (0, text.index("ISIS.") + 5)


def test_a_word_spacy_takes_for_an_abbreviation_ends_its_sentence(sentences_of) -> None:
    # NCTV 2017: "bijl." is no "bijlage" here; true abbreviations still do not end a sentence
    text = "Twee Britten doodden soldaat Rigby op straat met een bijl. Geen van deze aanvallers was lid.\n"
    assert [s.text for s in sentences_of(text)] == [
        "Twee Britten doodden soldaat Rigby op straat met een bijl.",
        "Geen van deze aanvallers was lid.",
    ]
    assert len(sentences_of("Landen zoals bijv. Syrië en o.a. Irak, ca. 5 procent.\n")) == 1
