import pytest


def names(matcher, sentences_of, text: str) -> list[tuple[str, str]]:
    sentence = sentences_of(text)[0]
    return [(m.surface, m.entity) for m in matcher.find(sentence)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # AIVD 2016: compounds with a hyphen
        ("Jihadisten die naar ISIS-gebied willen uitreizen.", [("ISIS", "isis")]),
        ("Het leven van een ISIS-strijder.", [("ISIS", "isis")]),
        # news 2019: a compound naming a person after it
        (
            "Veiligheidsdiensten denken dat IS-leider Abu Bakr al-Baghdadi in Irak zit.",
            [("IS", "isis"), ("Abu Bakr al-Baghdadi", "abu-bakr-al-baghdadi"), ("Irak", "irak")],
        ),
        # derivation and genitive
        ("Veel IS'ers keerden terug.", [("IS", "isis")]),
        ("ISIS’ strategie verandert.", [("ISIS", "isis")]),
        # NCTV 2017: a person's genitive without apostrophe; a place's "s" makes another word
        (
            "Hamza bin Ladens rijzende ster binnen al Qa’ida.",
            [("Hamza bin Laden", "hamza-bin-laden"), ("al Qa’ida", "al-qaida")],
        ),
        ("Zij spreken Nederlands.", []),
        # NCTV 2017, Neurink 2020: a side of the compass before a country names a part of it; a
        # listed name that holds one is the listed region
        (
            "Zij kwamen uit West-Irak (Anbar) en Noord-Oost Syrië.",
            [("West-Irak", "west-irak"), ("Anbar", "anbar"), ("Noord-Oost Syrië", "noord-oost-syrie")],
        ),
        ("ISIS groeit in Noord-Afrika.", [("ISIS", "isis"), ("Noord-Afrika", "noord-afrika")]),
        # the longest name wins: a franchise, not ISIS in a region
        (
            "Sommige franchises, zoals ISIS in Libië (ISIS-L).",
            [("ISIS in Libië", "isis-libie"), ("ISIS-L", "isis-libie")],
        ),
    ],
)
def test_names_in_dutch_morphology(matcher, sentences_of, text, expected) -> None:
    assert names(matcher, sentences_of, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Waar andere groeperingen vechten om het Syrische regime omver te werpen.",  # adjective, not Syrië
        "Het is bekend dat dit zo is.",  # the verb, not the group
        "De AQI-cellen en ISISstrijders.",  # glued letters are not a name's end
    ],
)
def test_no_name_where_there_is_none(matcher, sentences_of, text) -> None:
    found = names(matcher, sentences_of, text)
    assert ("Syrische", "syrie") not in found
    assert all(entity != "isis" for _surface, entity in found)


def test_mentions_point_into_the_sentence(matcher, sentences_of) -> None:
    sentence = sentences_of("Kern-ISIS blijft voor een deel van de financiering van ISIS-K zorgen.")[0]
    for mention in matcher.find(sentence):
        assert sentence.text[mention.start : mention.end] == mention.surface


def test_a_name_compounded_with_a_quoted_word(matcher, sentences_of) -> None:
    # NCTV 2017
    assert names(matcher, sentences_of, "Het ISIS-‘kalifaat’ is in de Levant opgezet.") == [
        ("ISIS", "isis"),
        ("Levant", "levant"),
    ]


def test_names_whose_shared_tail_a_coordination_leaves_out(matcher, sentences_of) -> None:
    # NCTV 2017
    assert names(matcher, sentences_of, "Strijders uit de Kaukasus, Centraal- en Zuidoost-Azië.") == [
        ("Kaukasus", "kaukasus"),
        ("Centraal-Azië", "centraal-azie"),
        ("Zuidoost-Azië", "zuidoost-azie"),
    ]
    # the elided name points at its own words
    sentence = sentences_of("Jongeren in Zuidoost- en Centraal-Azië.")[0]
    first = matcher.find(sentence)[0]
    assert sentence.text[first.start : first.end] == "Zuidoost-"
    # only where the whole is a name: "Noord-Soedan" is none
    assert names(matcher, sentences_of, "Strijders uit Noord- en Zuid-Soedan.") == [("Zuid-Soedan", "zuid-soedan")]


def test_the_names_texts_use_for_the_united_states_and_russia(matcher, sentences_of) -> None:
    # NCTV 2017, Neurink 2020
    assert names(matcher, sentences_of, "De door Amerika geleide coalitie, in Europa en de VS.") == [
        ("Amerika", "verenigde-staten"),
        ("Europa", "europa"),
        ("VS", "verenigde-staten"),
    ]
    assert names(matcher, sentences_of, "In de Russische Federatie en Noord-Amerika.") == [
        ("Russische Federatie", "rusland"),
        ("Noord-Amerika", "noord-amerika"),
    ]


def test_the_bodies_and_media_texts_on_terrorism_keep_naming_are_known(matcher, sentences_of) -> None:
    (sentence,) = sentences_of(
        "Volgens Human Rights Watch en het ICRC hielden YPG-strijders de mannen vast, meldde de NOS op basis van AP."
    )
    assert {m.entity for m in matcher.find(sentence)} == {
        "human-rights-watch",
        "internationaal-comite-van-het-rode-kruis",
        "volksbeschermingseenheden",
        "nos",
        "associated-press",
    }
    # a prosecution service is every country's: no list says whose
    (sentence,) = sentences_of("Het Openbaar Ministerie van Bosnië en het OM gaan in beroep.")
    assert not [m for m in matcher.find(sentence) if m.entity_class == "Organisation"]
