"""Names no list knows, typed by the words around them."""

from isis_kg.nlp.names import find_cued_names


def cued(reference, matcher, sentences_of, text: str) -> list[tuple[str, str, str]]:
    sentence = sentences_of(text)[0]
    known = matcher.find(sentence)
    return [(m.surface, m.entity, m.entity_class) for m in find_cued_names(sentence, known, reference)]


def test_an_organisation_a_place_and_a_person_no_list_knows(reference, matcher, sentences_of) -> None:
    # a made-up text: none of these names is in ontology/reference/
    text = (
        "De militie Katibat al-Noor viel de stad Qaryat Zamil aan, volgens commandant Yusuf Haddadi "
        "die de aanval leidde vanuit de Wadi-provincie."
    )
    assert cued(reference, matcher, sentences_of, text) == [
        ("Katibat al-Noor", "katibat-al-noor", "Organisation"),
        ("Qaryat Zamil", "qaryat-zamil", "Region"),
        ("Yusuf Haddadi", "yusuf-haddadi", "Person"),
        ("Wadi", "wadi", "Region"),
    ]


def test_known_names_and_common_words_are_left_alone(reference, matcher, sentences_of) -> None:
    # NCTV 2017: a sentence start the splitter missed, and a president the list knows
    assert cued(reference, matcher, sentences_of, "Ondermijning van landen in de regio Net zoals gebeurde.") == []
    assert cued(reference, matcher, sentences_of, "Ze strijden tegen president Assad.") == []


def test_a_new_name_builds_into_a_typed_entity(tmp_path) -> None:
    from isis_kg import build

    text = tmp_path / "bericht.txt"
    text.write_text("De militie Katibat al-Noor viel de stad Qaryat Zamil aan.\n", encoding="utf-8")
    result = build([text], tmp_path / "out")
    assert result.conforms
    graph = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert "id:katibat-al-noor a ikg:Organisation" in graph and "id:qaryat-zamil a ikg:Region" in graph


def test_names_that_say_what_they_are(reference, matcher, sentences_of) -> None:
    # NCTV 2017 (Ajdabiya for Derna, which the list knows); none of these names is in ontology/reference/
    text = (
        "De belangrijkste partijen in Libië (de Libyan National Army en de Bunyan al-Marsous strijdkrachten) "
        "en de Benghazi Revolutionaire Shura vochten in Ajdabiya "
        "(een fundamentalistisch bolwerk in het oosten van Libië) "
        "tegen kolonel Gaddafi, zoals na de aanslag in Las Vegas."
    )
    assert cued(reference, matcher, sentences_of, text) == [
        ("Libyan National Army", "libyan-national-army", "Organisation"),
        ("Bunyan al-Marsous", "bunyan-al-marsous", "Organisation"),
        ("Benghazi Revolutionaire Shura", "benghazi-revolutionaire-shura", "Organisation"),
        ("Ajdabiya", "ajdabiya", "Region"),
        ("Gaddafi", "gaddafi", "Person"),
        ("Las Vegas", "las-vegas", "Region"),
    ]
    # a group word alone is no name
    assert cued(reference, matcher, sentences_of, "De Shura besloot anders.") == []


def test_patronyms_bracketed_roles_compounds_and_acronyms(reference, matcher, sentences_of) -> None:
    # NCTV 2017, with a leader and movement the list does not know for "Muqtada al Sadr (leider van de Sadr-beweging)"
    assert cued(reference, matcher, sentences_of, "Ammar al Hakim (leider van de Hikma-beweging) sust.") == [
        ("Ammar al Hakim", "ammar-al-hakim", "Person"),
        ("Hikma-beweging", "hikma-beweging", "Organisation"),
    ]
    assert cued(reference, matcher, sentences_of, "Er zijn voorbeelden: AMISOM in Somalië.") == [
        ("AMISOM", "amisom", "Organisation")
    ]
    # an acronym that acts nowhere is left alone ("IED’s")
    assert cued(reference, matcher, sentences_of, "Cellen plegen aanslagen met IED’s en autobommen.") == []
    # ... and one "in" something that is no place
    assert cued(reference, matcher, sentences_of, "Cellen zetten TATP in de strijd in.") == []


def test_a_given_name_before_a_known_surname_is_another_person(reference, matcher, sentences_of) -> None:
    # NCTV 2017 (with Saad for Hamza, whom the list knows): Saad bin Laden is not Osama bin Laden
    sentence = sentences_of("In tegenstelling tot al Zawahiri vermijdt Saad bin Laden kritiek op ISIS.")[0]
    assert [m.entity for m in matcher.find(sentence)] == ["ayman-al-zawahiri", "isis"]
    assert cued(reference, matcher, sentences_of, "Toen Saad bin Laden sprak, zweeg men.") == [
        ("Saad bin Laden", "saad-bin-laden", "Person")
    ]
    # a sentence that opens with a common word keeps the known name
    assert [m.entity for m in matcher.find(sentences_of("Toen bin Laden stierf, zweeg men.")[0])] == ["osama-bin-laden"]


def test_the_place_of_an_attack_even_a_frequent_name(reference, matcher, sentences_of) -> None:
    # NCTV 2017; the adjective before "milities" is no name
    assert cued(reference, matcher, sentences_of, "De mislukte aanslag op de metro in Londen was een voorbeeld.") == [
        ("Londen", "londen", "Region")
    ]
    assert cued(reference, matcher, sentences_of, "De aanslag in januari 2016 in Jakarta mislukte.") == [
        ("Jakarta", "jakarta", "Region")
    ]
    assert cued(reference, matcher, sentences_of, "Raketten die Iraakse milities afvuren.") == []


def test_a_researcher_and_a_soldier_by_their_surname(reference, matcher, sentences_of) -> None:
    # NCTV 2017
    assert cued(reference, matcher, sentences_of, "Ook onderzoek van Vidino en anderen bevestigt dit beeld.") == [
        ("Vidino", "vidino", "Person")
    ]
    # ... also where the sentence opens on the research
    assert cued(reference, matcher, sentences_of, "Onderzoek van Basra en Neumann suggereert dit.") == [
        ("Basra", "basra", "Person")
    ]
    # AIVD 2016: a group whose apposition says what it is
    assert cued(
        reference, matcher, sentences_of, "Hij werd agent voor de Hisba, de religieuze politie, die mensen beboet."
    ) == [("Hisba", "hisba", "Organisation")]
    assert cued(reference, matcher, sentences_of, "Twee Britten doodden soldaat Rigby op straat.") == [
        ("Rigby", "rigby", "Person")
    ]
    # an institute's analysis is no person's
    assert cued(reference, matcher, sentences_of, "Een analyse van Rand Corporation toont dit.") != [
        ("Rand Corporation", "rand-corporation", "Person")
    ]
    # NCTV 2017: a faction named by its compound
    assert cued(reference, matcher, sentences_of, "Daarvoor is de Hazimi-factie te klein.") == [
        ("Hazimi-factie", "hazimi-factie", "Organisation")
    ]
