from isis_kg.model import DateValue


def test_the_caliphate_with_date_places_and_perpetrator(read_facts) -> None:
    # NCTV 2017, footnote 1
    _mentions, relations, events = read_facts("Op 29 juni 2014 heeft ISIS een kalifaat uitgeroepen in Syrië en Irak.")
    assert [(e.key, e.event_class) for e in events] == [("event/caliphate-proclamation", "CaliphateProclamation")]
    assert {(r.predicate, r.object) for r in relations if r.subject == "event/caliphate-proclamation"} == {
        ("date", DateValue(2014, 6, 29)),
        ("occurredIn", "syrie"),
        ("occurredIn", "irak"),
        ("perpetrator", "isis"),
    }
    assert {(r.subject, r.predicate, r.object) for r in relations if r.subject == "isis"} == {
        ("isis", "operatesIn", "syrie"),
        ("isis", "operatesIn", "irak"),
    }


def test_the_same_event_in_two_wordings_is_one_key(read_facts) -> None:
    _m, _r, first = read_facts(
        "Op 29 juni 2014 roept de terroristische groepering ISIS het door hen verklaarde kalifaat uit."
    )
    _m, _r, second = read_facts("29 juni 2014 uitroepen Islamitische Staat/kalifaat")
    assert [e.key for e in first] == [e.key for e in second] == ["event/caliphate-proclamation"]


def test_attacks_in_two_cities_are_two_events(read_facts) -> None:
    _m, relations, events = read_facts("Zij kunnen samenwerken zoals bleek bij de aanslagen in Parijs en Brussel.")
    assert sorted(e.key for e in events) == ["event/attack/brussel", "event/attack/parijs"]
    labels = {e.key: dict(e.labels) for e in events}
    assert labels["event/attack/parijs"] == {"nl": "aanslag in Parijs", "en": "attack in Paris"}
    assert {(r.subject, r.object) for r in relations} == {
        ("event/attack/parijs", "parijs"),
        ("event/attack/brussel", "brussel"),
    }


def test_a_dated_event_without_place_needs_its_perpetrator(read_facts) -> None:
    _m, relations, events = read_facts("Augustus 2014 eerste onthoofding westerlingen door ISIS")
    assert [e.key for e in events] == ["event/execution/2014-08"]
    assert {(r.predicate, r.object) for r in relations} == {("date", DateValue(2014, 8)), ("perpetrator", "isis")}
    _m, _r, undated = read_facts("In september 2014 roept de groepering op om aanslagen te plegen.")
    assert undated == []


def test_a_bare_trigger_is_no_event(read_facts) -> None:
    _m, relations, events = read_facts("De dreiging van een aanslag blijft bestaan.")
    assert events == [] and relations == []


def test_a_relative_date_is_resolved_against_the_document_and_says_so(read_facts) -> None:
    # news 2019 (dated March 2019)
    text = "Afgelopen week vielen bij een aanslag op het Iraakse leger bij Bagdad zeker drie doden."
    _m, relations, events = read_facts(text, dated=DateValue(2019, 3))
    assert [e.key for e in events] == ["event/attack/bagdad"]
    [date] = [r for r in relations if r.predicate == "date"]
    assert (date.object, date.resolved_from) == (DateValue(2019, 3), "Afgelopen week")
    _m, undated, _e = read_facts(text)  # no document date: nothing to resolve against
    assert [r for r in undated if r.predicate == "date"] == []


def test_casualties_are_facts_of_the_event_they_are_counted_for(read_facts) -> None:
    _m, relations, _e = read_facts(
        "Afgelopen week vielen bij een aanslag op het Iraakse leger bij Bagdad zeker drie doden."
    )
    assert ("event/attack/bagdad", "killed", 3) in {(r.subject, r.predicate, r.object) for r in relations}
    _m, relations, _e = read_facts(
        "Bij de aanslagen in Parijs kwamen 130 mensen om het leven en raakten 413 mensen gewond."
    )
    counts = {(r.predicate, r.object) for r in relations if r.subject == "event/attack/parijs"}
    assert {("killed", 130), ("injured", 413)} <= counts


def test_parties_named_with_tussen_or_met_are_participants(read_facts) -> None:
    _m, relations, _e = read_facts("De slag om Mosul tussen ISIS en de Iraakse regering duurde maanden.")
    assert ("event/battle/mosul", "participant", "isis") in {(r.subject, r.predicate, r.object) for r in relations}
    # NCTV 2017: who worked together in the attacks took part in them
    _m, relations, _e = read_facts(
        "Gezien de ervaring bij de aanslagen in Parijs en Brussel, waar ISIS-operatives samenwerkten met "
        "al Qa’ida-aanhangers, valt te verwachten dat zij kunnen samenwerken."
    )
    participants = {(r.subject, r.object) for r in relations if r.predicate == "participant"}
    assert participants == {("event/attack/parijs", "al-qaida"), ("event/attack/brussel", "al-qaida")}


def test_the_subject_list_of_a_verb_of_doing_are_the_perpetrators(read_facts) -> None:
    # AIVD 2016: ISIS is governed by "voorlopers van", Saddam Hussein by "de val van"
    _m, relations, _e = read_facts(
        "De voorlopers van ISIS, Al Qaida in Irak (AQI) en Islamitische Staat Irak (ISI), pleegden in de "
        "jaren na de val van Saddam Hussein aanslagen in Irak."
    )
    facts = {(r.subject, r.predicate, r.object) for r in relations}
    assert {o for s, p, o in facts if s == "event/attack/irak" and p == "perpetrator"} == {
        "al-qaida-in-irak",
        "islamitische-staat-irak",
    }
    # and who attacks somewhere operates there
    assert {("al-qaida-in-irak", "operatesIn", "irak"), ("islamitische-staat-irak", "operatesIn", "irak")} <= facts


def test_a_date_heading_a_trigger_makes_a_timeline_entry_an_event(read_facts) -> None:
    # the AIVD chart: "Augustus 2014 bombardementen door coalitie"
    _m, relations, events = read_facts("Augustus 2014 bombardementen door coalitie")
    assert [e.key for e in events] == ["event/bombing/2014-08"]
    assert [(r.predicate, r.object) for r in relations] == [("date", DateValue(2014, 8))]
    # ... and a date opening a timeline's short entry dates the trigger further in it
    _m, relations, events = read_facts("Januari 2015 propagandafilmpje van ISIS over executie door een kind")
    assert [e.key for e in events] == ["event/execution/2015-01"]
    # a sentence of prose that opens with its year is no timeline's entry
    _m, _r, events = read_facts(
        "In 2015 zag de AIVD wederom een forse toename van het aantal aanslagen van jihadisten."
    )
    assert events == []


def test_places_in_a_bracket_each_with_their_own_year(read_facts) -> None:
    # NCTV 2017: the bracket says where in Europe, and each city has its year
    text = "Dit bleek bij de grote aanslagen in Europa (Parijs 2015 en Brussel 2016) en in Kenia (in 2016)."
    _m, relations, events = read_facts(text)
    assert sorted(e.key for e in events) == ["event/attack/brussel", "event/attack/kenia", "event/attack/parijs"]
    dates = {r.subject: r.object for r in relations if r.predicate == "date"}
    assert dates == {
        "event/attack/parijs": DateValue(2015),
        "event/attack/brussel": DateValue(2016),
        "event/attack/kenia": DateValue(2016),
    }


def test_a_date_in_another_clause_does_not_date_the_event(read_facts) -> None:
    # NCTV 2017: 2011 is the year of a comparison, not of the attacks in Baghdad
    text = (
        "ISIS pleegt vier tot vijf grote aanslagen per maand in Bagdad, "
        "een aantal dat vergelijkbaar is met het aantal in 2011."
    )
    _m, relations, events = read_facts(text)
    assert [e.key for e in events] == ["event/attack/bagdad"]
    assert {(r.predicate, r.object) for r in relations if r.subject == "event/attack/bagdad"} == {
        ("occurredIn", "bagdad"),
        ("perpetrator", "isis"),
    }


def test_a_separable_verb_holds_its_subject_and_places(read_facts) -> None:
    # news 2019: "kon IS ... Mosul in handen krijgen" is the fall of Mosul, by IS, in 2014
    text = (
        "Zich voedend op onvrede onder Iraakse soennieten, "
        "kon IS in 2014 Mosul en een derde van Irak in handen krijgen."
    )
    _m, relations, events = read_facts(text)
    assert [e.key for e in events] == ["event/fall/mosul"]
    assert {(r.predicate, r.object) for r in relations if r.subject == "event/fall/mosul"} == {
        ("date", DateValue(2014)),
        ("occurredIn", "mosul"),
        ("perpetrator", "isis"),
    }


def test_a_place_opening_the_clause_and_a_date_ending_the_trigger_phrase(read_facts) -> None:
    _m, relations, events = read_facts("Ook in Irak zijn er opnieuw aanvallen op controleposten en militairen.")
    assert [e.key for e in events] == ["event/attack/irak"]
    _m, relations, events = read_facts("Na de val van de Taliban-regering in 2002 trokken zijn strijders de bergen in.")
    assert [e.key for e in events] == ["event/fall/2002"]
    _m, _r, undated = read_facts("Na de val van de regering trokken de strijders in 2002 de bergen in.")
    assert undated == []


def test_the_actor_opening_the_clause_did_what_its_participle_says(read_facts) -> None:
    text = "ISIS heeft volgens eigen berichtgeving ruim 1400 aanslagen gepleegd in zestien steden in Irak en Syrië."
    _m, relations, events = read_facts(text)
    assert sorted(e.key for e in events) == ["event/attack/irak", "event/attack/syrie"]
    assert {(r.subject, r.object) for r in relations if r.predicate == "perpetrator"} == {
        ("event/attack/irak", "isis"),
        ("event/attack/syrie", "isis"),
    }


def test_losing_a_city_is_its_fall(read_facts) -> None:
    # NCTV 2017
    _m, relations, events = read_facts("Het verlies van Sirte stelt ISIS-L nog voor een tweede strategisch probleem.")
    assert [e.key for e in events] == ["event/fall/sirte"]
    _m, _r, events = read_facts("Met het wegvallen van het bolwerk in Sirte kan ISIS-L dit narratief niet uitdragen.")
    assert [e.key for e in events] == ["event/fall/sirte"]
    _m, _r, events = read_facts("Het verlies van strijders weegt zwaar.")
    assert events == []


def test_compound_attack_words_and_quoted_triggers(read_facts) -> None:
    # NCTV 2017: ISIS's own word for suicide attacks, in quotes
    _m, relations, events = read_facts("In 2016 claimde ISIS 1.112 ‘martelaaroperaties’ in Syrië en Irak.")
    assert [e.key for e in events] == ["event/attack/syrie", "event/attack/irak"]
    assert ("event/attack/syrie", "date", DateValue(2016)) in {(r.subject, r.predicate, r.object) for r in relations}
    _m, _r, events = read_facts("Bij een bomaanslag in Bagdad vielen zeker drie doden.")
    assert [(e.key, e.event_class) for e in events] == [("event/attack/bagdad", "Attack")]
    _m, _r, events = read_facts("Bij een luchtaanval op Raqqa vielen doden.")
    assert [e.event_class for e in events] == ["Bombing"]  # an air raid is no attack of the ground kind


def test_a_death_is_keyed_by_the_person_who_died(read_facts) -> None:
    _m, relations, events = read_facts(
        "Na de dood van IS-leider Abu Bakr al-Baghdadi in oktober 2019 volgde een nieuwe leider."
    )
    assert [(e.key, e.event_class, dict(e.labels)["nl"]) for e in events] == [
        ("event/death/abu-bakr-al-baghdadi", "Death", "dood van Abu Bakr al-Baghdadi")
    ]
    assert {(r.predicate, r.object) for r in relations if r.subject == "event/death/abu-bakr-al-baghdadi"} == {
        ("date", DateValue(2019, 10)),
        ("participant", "abu-bakr-al-baghdadi"),
    }
    # the death of many is no event of one person
    assert read_facts("De dood van honderden burgers in Mosul schokte de wereld.")[2] == []


def test_an_escape_from_a_prison_happened_where_the_prison_is(read_facts) -> None:
    _m, relations, events = read_facts("Bij de ontsnapping uit de gevangenis in Hasakeh kwamen tien gevangenen vrij.")
    assert [(e.key, e.event_class) for e in events] == [("event/escape/hasakeh", "Escape")]
    assert ("event/escape/hasakeh", "occurredIn", "hasakeh") in {(r.subject, r.predicate, r.object) for r in relations}


def test_the_date_after_van_dates_the_event(read_facts) -> None:
    # NCTV 2017
    _m, relations, events = read_facts("Al Qa’ida bevond zich in die situatie vóór de aanslagen van 11 september 2001.")
    assert [e.key for e in events] == ["event/attack/2001-09-11"]
    assert ("event/attack/2001-09-11", "date", DateValue(2001, 9, 11)) in {
        (r.subject, r.predicate, r.object) for r in relations
    }


def test_places_that_open_the_clause_as_a_list_and_an_inspiration_is_no_perpetrator(read_facts) -> None:
    # AIVD 2016
    _m, relations, events = read_facts(
        "In onder meer Frankrijk en Denemarken worden aanslagen gepleegd "
        "die ogenschijnlijk door ISIS zijn geïnspireerd."
    )
    assert [e.key for e in events] == ["event/attack/frankrijk", "event/attack/denemarken"]
    assert not [r for r in relations if r.predicate in ("perpetrator", "operatesIn")]


def test_an_attack_in_a_year_and_a_city_after_a_relative_clause(read_facts) -> None:
    # NCTV 2017
    _m, relations, events = read_facts(
        "Er speelde cybercoaching een rol bij de grote aanslagen die in 2017 in het Verenigd Koninkrijk plaatsvonden."
    )
    assert [e.key for e in events] == ["event/attack/verenigd-koninkrijk"]


def test_an_attack_of_an_organisation_was_done_by_it_where_its_places_follow(read_facts) -> None:
    # NCTV 2017
    text = "De tweede golf – de spectaculaire aanslagen van al Qa’ida in de Verenigde Staten, Kenia en Spanje – faalde."
    _m, relations, events = read_facts(text)
    assert sorted(e.key for e in events) == [
        "event/attack/kenia",
        "event/attack/spanje",
        "event/attack/verenigde-staten",
    ]
    assert {r.subject for r in relations if (r.predicate, r.object) == ("perpetrator", "al-qaida")} == {
        e.key for e in events
    }
    # a fall's "of" is the place that fell, never its perpetrator
    _m, relations, _e = read_facts("Na de val van ISIS in Mosul vluchtten velen.")
    assert [r for r in relations if r.predicate == "perpetrator"] == []


def test_the_subject_after_its_verb_did_the_event(read_facts) -> None:
    # NCTV 2017: the verb first, then its subject; "1.112" ends no clause
    _m, relations, events = read_facts("In 2016 claimde ISIS 1.112 ‘martelaaroperaties’ in Syrië en Irak.")
    assert sorted(e.key for e in events) == ["event/attack/irak", "event/attack/syrie"]
    assert {(r.subject, r.object) for r in relations if r.predicate == "perpetrator"} == {
        ("event/attack/irak", "isis"),
        ("event/attack/syrie", "isis"),
    }
    # "in heel 2001" is a year
    _m, relations, events = read_facts("Ter vergelijking: al Qa’ida pleegde in heel 2001 54 zelfmoordaanslagen.")
    assert [e.key for e in events] == ["event/attack/2001"]
    assert ("event/attack/2001", "perpetrator", "al-qaida") in {(r.subject, r.predicate, r.object) for r in relations}


def test_an_attack_tied_to_its_perpetrator_further_off(read_facts) -> None:
    # NCTV 2017
    text = (
        "De meerderheid van de aanslagen in Zuidoost-Azië tussen juni 2014 en april 2017 kon worden "
        "gerelateerd aan ISIS-operatives."
    )
    _m, relations, _e = read_facts(text)
    assert ("event/attack/zuidoost-azie", "perpetrator", "isis") in {
        (r.subject, r.predicate, r.object) for r in relations
    }


def test_more_wordings_of_the_caliphate_and_a_withdrawal(read_facts) -> None:
    # NCTV 2017, Neurink 2020
    _m, _r, events = read_facts("Die verzuurden na uitroeping van het ‘kalifaat’ door ISIS.")
    assert [e.key for e in events] == ["event/caliphate-proclamation"]
    _m, relations, events = read_facts(
        "Terwijl de Amerikanen hun soldaten terugtrekken uit Irak, hergroepeert ISIS zich."
    )
    assert [e.key for e in events] == ["event/withdrawal/irak"]
    assert ("event/withdrawal/irak", "occurredIn", "irak") in {(r.subject, r.predicate, r.object) for r in relations}


def test_an_undated_event_the_sentence_only_supposes_is_no_event(read_facts) -> None:
    # NCTV 2017, AIVD 2016: attacks that will, would or could happen have not happened
    for text in (
        "Aanslagen op de grote moskeeën in Mekka en Medina zullen de gehele regio op hun grondvesten doen beven.",
        "Ook is het waarschijnlijk dat ISIS opnieuw aanslagen in Europa zal proberen te plegen.",
        "Spectaculaire aanslagen op Israël zouden de regionale dynamiek grondig kunnen wijzigen.",
        # an aim is no event either
        "Geselecteerde mannen worden door ISIS getraind en teruggestuurd om aanslagen in Europa te plegen.",
        # nor what a modal verb says something may lead to (NCTV 2017)
        "Bovendien kan een gekrompen ‘kalifaat’ ertoe leiden dat ISIS zich meer richt op aanslagen in Europa.",
        # nor one a condition supposes
        "Als er aanslagen in Europa komen, stijgt de dreiging.",
    ):
        _m, relations, events = read_facts(text)
        assert events == [] and [r for r in relations if r.subject.startswith("event/")] == [], text
    # a hedge on what the event exemplifies, or a modal verb of the clause it is the circumstance of,
    # leaves the event as it happened
    # (and so does a phrase of circumstance: "Met het wegvallen van ...", see test_losing_a_city_is_its_fall)
    _m, _r, events = read_facts("De aanslag in Brussel was hier mogelijk een voorbeeld van.")
    assert [e.key for e in events] == ["event/attack/brussel"]
    _m, _r, events = read_facts("De recente aanslagen van ISIS in Iran kunnen ook in dit licht worden bezien.")
    assert [e.key for e in events] == ["event/attack/iran"]


def test_his_death_after_his_name_and_a_death_only_supposed(read_facts) -> None:
    # NCTV 2017: "zijn dood" points back to al Adnani; the date is that of his call, not of his death
    _m, relations, events = read_facts(
        "Dit is in lijn met een oproep van al Adnani uit mei 2016 die hij vlak voor zijn dood deed."
    )
    assert [e.key for e in events] == ["event/death/abu-muhammad-al-adnani"]
    assert [r for r in relations if r.predicate == "date"] == []
    # NCTV 2017: in 2017 al Baghdadi's death was a supposition
    _m, _r, events = read_facts(
        "Als hij gelijk heeft, dan zou de dood van al Baghdadi toenadering mogelijk kunnen maken."
    )
    assert events == []


def test_the_caliphate_proclaimed_in_the_past_tense(read_facts) -> None:
    # NCTV 2017
    _m, _r, events = read_facts("ISIS is veel ambitieuzer dan al Qa’ida en riep vroegtijdig het ‘kalifaat’ uit.")
    assert [e.key for e in events] == ["event/caliphate-proclamation"]


def test_who_acted_where_it_struck(read_facts) -> None:
    # NCTV 2017
    text = "Gezien de ervaring bij de aanslagen in Parijs en Brussel, waar ISIS-operatives samenwerkten met anderen."
    _m, relations, _e = read_facts(text)
    assert {(r.subject, r.object) for r in relations if r.predicate == "perpetrator"} == {
        ("event/attack/parijs", "isis"),
        ("event/attack/brussel", "isis"),
    }


def test_the_second_verb_of_the_actor_opening_the_clause(read_facts) -> None:
    # NCTV 2017
    _m, relations, _e = read_facts("ISIS is veel ambitieuzer dan al Qa’ida en riep vroegtijdig het ‘kalifaat’ uit.")
    perpetrators = {(r.subject, r.object) for r in relations if r.predicate == "perpetrator"}
    assert perpetrators == {("event/caliphate-proclamation", "isis")}
    # without "en" the verb is no second verb of the clause's opening actor
    _m, relations, _e = read_facts("Volgens al Qa’ida riep ISIS vroegtijdig het ‘kalifaat’ uit.")
    assert {r.object for r in relations if r.predicate == "perpetrator"} == {"isis"}


def test_the_place_opening_a_sentence_sets_the_scene_of_the_next(reference, matcher, sentences_of) -> None:
    from isis_kg.extract import extract_events, scene_places

    # NCTV 2017
    opening, deeds, liberation = sentences_of(
        "In de Diyala-provincie in oostelijk Irak heeft ISIS een nieuwe golf van geweld gestart. "
        "Cellen plegen sindsdien aanslagen met autobommen. "
        "Daar pleegt ISIS na de laatste bevrijding weer aanslagen."
    )
    scene = scene_places(opening, matcher.find(opening), reference)
    assert [m.entity for m in scene] == ["diyala"]
    events, facts = extract_events(deeds, matcher.find(deeds), [], reference, scene)
    assert [e.key for e in events] == ["event/attack/diyala"]
    assert [(f.predicate, f.object, f.context) for f in facts] == [("occurredIn", "diyala", opening.index)]
    # a liberation that a preposition governs is no deed of the clause's subject
    events, _facts = extract_events(liberation, matcher.find(liberation), [], reference, scene)
    assert [e.key for e in events] == ["event/attack/diyala"]
    # without a verb of doing the scene lends no place
    plain = sentences_of("De aanslagen waren talrijk.")[0]
    assert extract_events(plain, matcher.find(plain), [], reference, scene) == ([], [])


def test_a_fight_in_a_city_is_a_battle_in_a_country_a_war(read_facts) -> None:
    # NCTV 2017
    _m, _r, events = read_facts("De strijd in Marawi is belangrijk voor de toekomst van ISIS.")
    assert [(e.key, e.event_class) for e in events] == [("event/battle/marawi", "Battle")]
    _m, _r, events = read_facts("Naarmate de strijd in Syrië langer duurt, keren meer strijders terug.")
    assert events == []


def test_a_denied_event_is_no_event_and_a_denied_perpetrator_no_perpetrator(read_facts) -> None:
    for text in ("ISIS pleegde in 2016 geen aanslagen in Jemen.", "ISIS heeft nooit een aanslag in Jemen gepleegd."):
        _m, relations, events = read_facts(text)
        assert events == [] and relations == [], text
    _m, relations, events = read_facts("De aanslag in Parijs is niet door ISIS gepleegd.")
    assert [e.key for e in events] == ["event/attack/parijs"]
    assert [(r.predicate, r.object) for r in relations] == [("occurredIn", "parijs")]


def test_a_foiled_or_planned_attack_did_not_happen_a_failed_one_did(read_facts) -> None:
    for text in (
        "Een aanslag in Parijs werd verijdeld.",
        "De politie verijdelde een aanslag in Brussel.",
        "De geplande aanslag in Brussel ging niet door.",
    ):
        _m, _r, events = read_facts(text)
        assert events == [], text
    # after NCTV 2017 ("De grotendeels mislukte aanslag op de metro in Londen")
    _m, _r, events = read_facts("De grotendeels mislukte aanslag op de metro in Parijs is een voorbeeld.")
    assert [e.key for e in events] == ["event/attack/parijs"]


def test_a_place_in_apposition_says_where_in_the_wider_one(read_facts) -> None:
    # Neurink 2020: the fall of ISIS's last stronghold in Syria is the fall of Baghouz, not of Syria
    _m, relations, events = read_facts("Ze zijn opgepakt na de val van hun laatste bolwerk in Syrië, Baghouz.")
    assert [e.key for e in events] == ["event/fall/baghouz"]
    assert [r.object for r in relations if r.predicate == "occurredIn"] == ["baghouz"]
    # a list of countries is no apposition: Irak does not lie in Syria
    _m, _r, events = read_facts("De aanslagen in Syrië, Irak en Libië namen toe.")
    assert [e.key for e in events] == ["event/attack/syrie", "event/attack/irak", "event/attack/libie"]


def test_a_fall_of_its_holder_s_rule_is_where_the_holder_ruled(read_facts) -> None:
    # NCTV 2017: the Taliban lost their rule, so they took part; the place follows them
    for text in (
        "Al Suri reageerde op het verlies van het Emiraat van de Taliban in Afghanistan in 2001.",
        "Zijn strijders raakten verspreid, nadat de regering van de Taliban in Afghanistan viel.",
    ):
        _m, relations, events = read_facts(text)
        assert [e.key for e in events] == ["event/fall/afghanistan"], text
        facts = {(r.predicate, r.object) for r in relations}
        assert {("occurredIn", "afghanistan"), ("participant", "taliban")} <= facts, text
        assert not any(r.predicate == "perpetrator" for r in relations), text
    # an attack's "of" is who did it, not who lost
    _m, relations, _e = read_facts("De aanslagen van al Qa’ida in Kenia waren een keerpunt.")
    assert ("perpetrator", "al-qaida") in {(r.predicate, r.object) for r in relations}


def test_what_recurs_or_may_happen_is_no_event_but_where_the_group_acts_stays_a_fact(read_facts) -> None:
    _m, relations, events = read_facts("Ook in Irak zijn er dagelijks aanvallen op controleposten en militairen.")
    assert events == []
    _m, relations, events = read_facts("ISIS pleegt geregeld aanslagen in Irak.")
    assert events == [] and [r for r in relations if r.subject.startswith("event/")] == []
    assert ("isis", "operatesIn", "irak") in {(r.subject, r.predicate, r.object) for r in relations}
    for text in (
        "De eventuele dood van Abu Bakr al-Baghdadi zou de organisatie verzwakken.",
        "Men vreest een mogelijke aanslag in Parijs.",
    ):
        _m, relations, events = read_facts(text)
        assert events == [] and [r for r in relations if r.subject.startswith("event/")] == [], text


def test_a_death_verb_finds_each_person_of_a_list_and_the_subject_inside_its_parts(read_facts) -> None:
    _m, relations, events = read_facts("In 2019 werden Abu Bakr al-Baghdadi en Abu Muhammad al-Adnani in Syrië gedood.")
    people = {r.object for r in relations if r.predicate == "participant"}
    assert len(events) == 2 and len(people) == 2 and all(e.key.startswith("event/death/") for e in events)
    _m, relations, events = read_facts("In augustus 2021 kwam Abu Bakr al-Baghdadi om bij een luchtaanval.")
    assert "event/death/abu-bakr-al-baghdadi" in [e.key for e in events]


def test_a_bombing_told_without_the_word_attack_is_an_attack(read_facts) -> None:
    _m, relations, events = read_facts("Op 21 april 2019 blies een zelfmoordterrorist zich op in een kerk in Bagdad.")
    assert [e.event_class for e in events] == ["Attack"]
    assert {(r.predicate, r.object) for r in relations if r.predicate in ("date", "occurredIn")} == {
        ("date", DateValue(2019, 4, 21)),
        ("occurredIn", "bagdad"),
    }


def _facts(document) -> set[tuple[str, str, object]]:  # type: ignore[no-untyped-def]
    return {(r.subject, r.predicate, r.object) for r in document.relations}


def test_an_arrest_or_a_trial_is_done_to_the_person_by_the_agency_or_court(read_text) -> None:
    arrest = read_text("Het Tsjadische leger arresteert Muslim Mohammed Yusuf in N'Djamena.", "2025-08-01")
    assert [e.key for e in arrest.events] == ["event/arrest/n-djamena"]
    assert {(p, o) for s, p, o in _facts(arrest) if s == "event/arrest/n-djamena"} == {
        ("occurredIn", "n-djamena"),
        ("participant", "muslim-mohammed-yusuf"),
    }
    trial = read_text("Op 26 juli 2005 veroordeelde de rechtbank Amsterdam Mohammed Bouyeri tot levenslang.")
    facts = _facts(trial)
    assert ("event/trial/amsterdam/2005-07-26", "perpetrator", "rechtbank-amsterdam") in facts
    assert ("event/trial/amsterdam/2005-07-26", "participant", "mohammed-bouyeri") in facts
    # a court sits where it sits: it does not operate there
    assert not {f for f in facts if f[1] == "operatesIn"}


def test_the_fighters_of_a_group_after_its_verb_are_the_group_acting(read_text) -> None:
    document = read_text("Op 15 augustus 2022 verlieten de laatste militairen van Operatie Barkhane hun basis in Gao.")
    assert ("event/withdrawal/gao/2022-08-15", "perpetrator", "operatie-barkhane") in _facts(document)


def test_the_subject_of_a_clause_whose_verb_comes_last(read_text) -> None:
    document = read_text("De Taliban, die Kaboel op 15 augustus 2021 innamen, lieten gevangenen vrij.")
    assert ("event/fall/kaboel/2021-08-15", "perpetrator", "taliban") in _facts(document)
    # a noun after a preposition ends no clause: ISIS is the subject of "opzadelde", not of the proclamation
    document = read_text(
        "De allianties verzuurden toen ISIS zijn partners opzadelde met belastingen na uitroeping van het kalifaat."
    )
    assert not [f for f in _facts(document) if f[1] == "perpetrator"]


def test_a_date_without_its_year_takes_the_year_its_paragraph_last_named(read_text) -> None:
    story = (
        "In 2021 verlegde de ADF haar aandacht naar Oeganda. "
        "Op 16 november brachten drie zelfmoordterroristen in Kampala explosieven tot ontploffing."
    )
    document = read_text(story, "2023-11-15")
    assert {e.key for e in document.events} == {"event/attack/kampala/2021-11-16"}
    # in the next paragraph, a day of the weeks before the document's date is the document's own (news of
    # last week); a day further off is in the year the document last named (a background piece)
    document = read_text(story.replace("Oeganda. ", "Oeganda.\n\n").replace("16 november", "10 november"), "2023-11-15")
    assert {e.key for e in document.events} == {"event/attack/kampala/2023-11-10"}
    document = read_text(story.replace("Oeganda. ", "Oeganda.\n\n"), "2023-11-15")
    assert {e.key for e in document.events} == {"event/attack/kampala/2021-11-16"}
    # a year the story only measures from is not its year: "sinds 2015" leaves the day in the document's
    document = read_text(
        "Sinds 2015 vecht de ADF in Oeganda. Op 10 november brachten drie zelfmoordterroristen in Kampala "
        "explosieven tot ontploffing.",
        "2023-11-15",
    )
    assert {e.key for e in document.events} == {"event/attack/kampala/2023-11-10"}


def test_hij_and_hem_stand_for_the_one_man_named_before(read_text) -> None:
    document = read_text(
        "Op 5 mei 2019 stak Salman Abedi een agent neer. Hij werd op 6 mei 2019 in Manchester doodgeschoten."
    )
    assert ("event/death/salman-abedi", "participant", "salman-abedi") in _facts(document)
    # after two men, "hij" is no one
    document = read_text(
        "Op 5 mei 2019 vochten Salman Abedi en Hashem Abedi. Hij werd op 6 mei 2019 in Manchester doodgeschoten."
    )
    assert not [e for e in document.events if e.key.startswith("event/death/")]


def test_a_trial_happens_in_the_city_its_courts_name_holds(read_text) -> None:
    document = read_text(
        "Het Oberlandesgericht Celle heeft woensdag Abu Walaa veroordeeld tot tien jaar cel.", "2021-02-24"
    )
    assert ("Celle", "celle", "Region") in {(m.surface, m.entity, m.entity_class) for m in document.mentions}
    assert ("event/trial/celle/2021-02-24", "occurredIn", "celle") in _facts(document)
    # the court and the city inside its name are no pair of names: the court operates nowhere
    assert not [f for f in _facts(document) if f[1] in ("operatesIn", "locatedIn")]


def test_a_killing_told_subject_first_after_its_verb_happens_to_its_object(read_text) -> None:
    document = read_text("Op 19 december 2016 doodt Anis Amri de Poolse chauffeur Łukasz Urban.")
    assert [e.key for e in document.events] == ["event/death/lukasz-urban"]
    # "kwam ... om te": an aim, no death
    assert read_text("Ahmed Abdi Godane kwam in 2014 naar Somalië om er te vechten.").events == []


def test_stabbings_bombs_set_off_arrests_told_by_separable_verbs_and_hostages_taken(read_text) -> None:
    def kinds(text: str, date: str = "2024-06-01") -> set[str]:
        return {e.key for e in read_text(text, date).events}

    assert kinds("Op 18 augustus 2017 stak een man in Turku op voorbijgangers in.") == {"event/attack/turku/2017-08-18"}
    assert kinds("Op 24 juli 2016 liet een man in Ansbach een rugzakbom ontploffen.") == {
        "event/attack/ansbach/2016-07-24"
    }
    assert kinds("Het bureau hield in december 2018 in Marrakech drie verdachten aan.") == {
        "event/arrest/marrakech/2018-12"
    }
    hostages = kinds("In april 2014 voerde Boko Haram 276 schoolmeisjes uit Chibok mee als gijzelaars.")
    assert {key.split("/")[1] for key in hostages} == {"kidnapping"}
    # holding on to a view is no arrest
    assert kinds("De regering in Marrakech hield in 2018 aan haar standpunt vast.") == set()


def test_a_place_and_the_wider_place_it_lies_in_are_one_events_places(read_text) -> None:
    document = read_text("De politie hield de man op 3 mei 2024 aan in Hildesheim, in Nedersaksen.")
    assert {e.key for e in document.events} == {"event/arrest/hildesheim/2024-05-03"}
    assert {f[2] for f in _facts(document) if f[1] == "occurredIn"} == {"hildesheim", "nedersaksen"}
    # a list of places is one event in each
    document = read_text("Op 3 mei 2024 vonden aanslagen plaats in Parijs, in Brussel en in Londen.")
    assert len(document.events) == 3


def test_the_date_of_a_triggers_own_van_phrase_wins_over_a_nearer_one(read_text) -> None:
    document = read_text("Islamitische Staat heeft dinsdag de aanval van zondag in Kabul opgeëist.", "2024-03-21")
    assert {e.key for e in document.events} == {"event/attack/kabul/2024-03-17"}


def test_the_named_among_the_dead_each_have_their_death(read_text) -> None:
    def deaths(text: str) -> set[str]:
        return {e.key for e in read_text(text, "2019-07-13").events if e.event_class == "Death"}

    assert deaths("Vier fietsers kwamen om, onder wie de Nederlander René Wokke.") == {"event/death/rene-wokke"}
    # a list whose members each come with what the text calls them
    assert deaths(
        "Onder de 26 doden zijn de Somalisch-Canadese journaliste Hodan Nalayeh en haar man Farid Jama Suleiman."
    ) == {"event/death/hodan-nalayeh", "event/death/farid-jama-suleiman"}
    # the date heads the clause of the persons, before their verb
    document = read_text(
        "Op 17 oktober 2023 worden de Britse toerist David Barlow, zijn Zuid-Afrikaanse vrouw Celia en hun "
        "Oegandese gids Eric Alyai doodgeschoten."
    )
    assert {(f[0], f[2]) for f in _facts(document) if f[1] == "date"} == {
        ("event/death/david-barlow", DateValue(2023, 10, 17)),
        ("event/death/celia", DateValue(2023, 10, 17)),
        ("event/death/eric-alyai", DateValue(2023, 10, 17)),
    }


def test_a_dated_arrest_of_named_persons_is_an_event_without_its_place(read_text) -> None:
    document = read_text("Abikar en Hassan werden op 4 april 2015 aangehouden.", "2015-04-10")
    assert {e.key for e in document.events} == {"event/arrest/2015-04-04"}
    assert {f[2] for f in _facts(document) if f[1] == "participant"} == {"abikar", "hassan"}
    # no one named it was done to, no place: nothing to tell it from another arrest
    assert read_text("Op 4 april 2015 werden drie mannen aangehouden.", "2015-04-10").events == []


def test_an_attack_on_a_building_named_after_an_adjective_with_a_hyphen(read_text) -> None:
    document = read_text(
        "Bij een zelfmoordaanslag op de Grieks-orthodoxe Mar Elias-kerk in Damascus vielen 25 doden.", "2025-06-23"
    )
    assert {e.key for e in document.events} == {"event/attack/mar-elias-kerk"}
    document = read_text("Een autobom ontploft bij een politiebureau in Mayadin.", "2025-05-18")
    assert {f[2] for f in _facts(document) if f[1] == "occurredIn"} == {"mayadin"}


def test_a_town_taken_named_right_before_its_verb_and_hostages_taken_in_the_present(read_text) -> None:
    document = read_text("Een door HTS geleid offensief had op 8 december 2024 Damascus ingenomen.", "2024-12-20")
    assert {e.key for e in document.events} == {"event/fall/damascus/2024-12-08"}
    document = read_text("Gewapende mannen ontvoeren in Tawi-Tawi de Nederlander Ewold Horn.", "2012-02-02")
    assert {e.key for e in document.events} == {"event/kidnapping/tawi-tawi"}


def test_an_intended_happening_is_no_event(read_text) -> None:
    assert read_text("In 2019 maakte de groep plannen om in Niamey toeristen te ontvoeren.").events == []
    assert read_text("De cel wilde in maart 2019 in Niamey westerlingen ontvoeren.").events == []
    # who managed to escape did
    escaped = read_text("Francis Collomp wist in november 2013 in Zaria te ontsnappen.", "2014-01-01")
    assert {e.event_class for e in escaped.events} == {"Escape"}


def test_who_claims_an_attack_and_the_troops_of_an_operation_are_its_perpetrators(read_text) -> None:
    document = read_text("Al-Shabaab eiste nog dezelfde avond de aanval op het hotel in Mogadishu op.", "2022-08-20")
    assert ("event/attack/mogadishu", "perpetrator", "al-shabaab") in _facts(document)
    document = read_text("In januari 2013 heroverden Franse en Malinese troepen van Operatie Serval de stad Gao.")
    assert {f[2] for f in _facts(document) if f[1] == "perpetrator"} == {"operatie-serval"}


def test_who_reports_deaths_and_who_is_sentenced_to_death_do_not_die(read_text) -> None:
    def deaths(text: str) -> set[str]:
        return {e.key for e in read_text(text, "2021-09-20").events if e.event_class == "Death"}

    assert deaths("Woordvoerder Wilfried Houngbédji maakte woensdag bekend dat 54 militairen zijn omgekomen.") == set()
    assert deaths("Volgens Sellal zijn 29 aanvallers gedood.") == set()
    assert deaths("Aman Abdurrahman werd op 22 juni door de rechtbank ter dood veroordeeld.") == set()
    # "zijn dood" points back to the person named before
    assert deaths("Al-Baghdadi kwam om. Zijn dood werd op 27 oktober bekendgemaakt.") == {
        "event/death/abu-bakr-al-baghdadi"
    }


def test_the_channel_a_group_claims_through_is_not_the_perpetrator(read_text) -> None:
    document = read_text("IS eiste via zijn persbureau Amaq de aanslagen in Carcassonne en Trèbes op.", "2018-03-24")
    perpetrators = {(f[0], f[2]) for f in _facts(document) if f[1] == "perpetrator"}
    assert perpetrators == {("event/attack/carcassonne", "isis"), ("event/attack/trebes", "isis")}


def test_a_timeline_entry_dates_and_places_what_its_later_sentences_tell(read_text) -> None:
    document = read_text(
        "Tijdlijn\n\n7 juni 2017 - Teheran. Gewapende mannen vallen het parlement aan. IS eist de aanval op.\n\n"
        "8 juli 2023 - Shiraz. Twee mannen die de rechtbank had veroordeeld wegens hulp bij de aanslag, worden "
        "opgehangen.",
        "2024-01-20",
    )
    facts = _facts(document)
    assert {e.key for e in document.events if e.event_class == "Attack"} == {"event/attack/teheran/2017-06-07"}
    assert ("event/attack/teheran/2017-06-07", "date", DateValue(2017, 6, 7)) in facts
    assert ("event/attack/teheran/2017-06-07", "perpetrator", "isis") in facts
    # the date rests on the heading too
    [date] = [r for r in document.relations if r.predicate == "date" and r.subject.startswith("event/attack")]
    assert date.context == 1 and date.sentence == 2
    # what the entry tells as background ("wegens hulp bij de aanslag") takes neither its date nor place
    assert not any(e.key.startswith("event/attack/shiraz") for e in document.events)
    # a paragraph its date does not head is no entry: "Op 7 juni ..." dates its own sentence only
    other = read_text("Op 7 juni 2017 sprak de minister in Teheran. Gewapende mannen vallen het parlement aan.")
    assert other.events == []


def test_who_killed_is_the_subject_of_the_verb_of_killing_or_after_door(read_text) -> None:
    def killers(text: str) -> set[tuple[str, object]]:
        return {(f[0], f[2]) for f in _facts(read_text(text, "2021-01-01")) if f[1] == "perpetrator"}

    assert killers("Op 16 september 2018 doodt ISWAP de hulpverleenster Saifura Khorsa in Borno.") == {
        ("event/death/saifura-khorsa", "iswap")
    }
    assert killers(
        "Op 18 november 2015 schoot Enes Omeragić in Rajlovac de militairen Armin Salkić en Nedeljko Radić dood."
    ) == {
        ("event/death/armin-salkic", "enes-omeragic"),
        ("event/death/nedeljko-radic", "enes-omeragic"),
    }
    assert killers("In juli 2022 werd Ahmed Mahmood in Kandahar gedood door de Taliban.") == {
        ("event/death/ahmed-mahmood", "taliban")
    }
    # the victim's title names a group, who did not kill him; who died of his own is killed by no one
    assert (
        killers("Op 26 oktober 2019 doodden Amerikaanse commando's IS-leider Abu Bakr al-Baghdadi in Barisha.") == set()
    )
    assert killers("Abubakar Shekau kwam op 19 mei 2021 in het Sambisa-woud om het leven.") == set()


def test_the_murder_of_a_person_is_her_death_and_no_arrest_of_her(read_text) -> None:
    document = read_text(
        "Na de moord op de Deense Louisa Vesterager Jespersen bij Imlil in december 2018 werden verdachten opgepakt.",
        "2019-01-10",
    )
    assert "event/death/louisa-vesterager-jespersen" in {e.key for e in document.events}
    # she is named in a phrase "op" governs: the suspects were arrested, not she
    assert {f[2] for f in _facts(document) if f[1] == "participant" and f[0].startswith("event/arrest")} == set()
    assert {e.key for e in read_text("De aanslag op de Deense ambassade in Islamabad.", "2019-01-10").events} == {
        "event/attack/islamabad"
    }


def test_the_common_verbs_of_courts_arrests_executions_and_takeovers(read_text) -> None:
    def kinds(text: str) -> set[str]:
        return {e.event_class for e in read_text(text, "2024-06-01").events}

    assert kinds("Op 3 mei 2016 kreeg Al-Mahdi in Den Haag negen jaar cel.") == {"Trial"}
    assert kinds("Abdulmutallab bekende in oktober 2011 in Detroit schuld.") == {"Trial"}
    assert kinds("De rechtbank in Tampere spreekt op 2 mei 2019 de tweelingbroers vrij.") == {"Trial"}
    assert kinds("In april 2004 werd in Amman een cel rond Azmi al-Jayousi opgerold.") == {"Arrest"}
    assert kinds("Op 25 april 2016 onthoofdt Abu Sayyaf op Sulu de Canadees John Ridsdel.") >= {"Execution"}
    assert kinds("Op 10 juni 2014 valt Mosul in handen van IS.") == {"Fall"}
    # "kreeg twee jaar later" is no sentence handed down
    assert kinds("Hij kreeg twee jaar later in Den Haag een nieuwe baan.") == set()


def test_the_place_a_verb_of_taking_or_assault_takes_as_its_object(read_text) -> None:
    document = read_text(
        "Tijdlijn\n\n10 juni 2014 – Strijders van de Islamitische Staat (ISIS) veroveren Mosul, de hoofdstad van "
        "Nineve.\n8 augustus 2014 – Amerikaanse gevechtsvliegtuigen bombarderen IS-stellingen bij Erbil.",
        "2017-12-20",
    )
    facts = _facts(document)
    assert ("event/fall/mosul/2014-06-10", "occurredIn", "mosul") in facts
    # its abbreviation in brackets between the group and the verb
    assert ("event/fall/mosul/2014-06-10", "perpetrator", "isis") in facts
    assert ("event/bombing/erbil/2014-08-08", "occurredIn", "erbil") in facts
    # a noun takes no object: "de aanslag Parijs" is no phrase, "na de val" no verb
    assert read_text("Een dag na de aanslag Parijs was het stil.", "2017-12-20").events == []


def test_who_did_a_participle_is_the_clause_subject_and_not_the_name_right_before_it(read_text) -> None:
    def perpetrators(text: str) -> set[tuple[str, object]]:
        return {(f[0], f[2]) for f in _facts(read_text(text, "2016-11-30")) if f[1] == "perpetrator"}

    assert perpetrators(
        "De Georgische Staatsveiligheidsdienst (SSG) heeft dinsdag in Tbilisi vijf mannen opgepakt."
    ) == {("event/arrest/tbilisi/2016-11-29", "staatsveiligheidsdienst")}
    # the archeologist was beheaded; the fighters of IS did it
    assert perpetrators(
        "Strijders van Islamitische Staat hebben dinsdag de gepensioneerde archeoloog Khaled al-Asaad onthoofd."
    ) == {("event/execution/2016-11-29", "isis")}


def test_verbs_of_dying_escaping_withdrawing_and_arrest_in_their_other_forms(read_text) -> None:
    def kinds(text: str) -> set[str]:
        return {e.event_class for e in read_text(text, "2024-06-01").events}

    assert kinds("Op 27 februari 2008 ontsnapte Mas Selamat uit het Whitley Road Detention Centre.") == {"Escape"}
    assert kinds("Op 16 oktober 2017 trekken de peshmerga zich zonder slag of stoot terug uit Kirkuk.") == {
        "Withdrawal"
    }
    assert kinds("Op 1 april 2009 werd hij in Skudai ingerekend.") == {"Arrest"}
    assert kinds("Op 27 juli 1990 pleegde de Jamaat al Muslimeen een couppoging in Port of Spain.") == {"Uprising"}
    assert "Death" in kinds("Op 8 juli 2016 sneuvelt Abu Omar al-Shishani bij Shirqat.")


def test_a_sentence_with_no_date_tells_of_the_day_its_paragraph_told_last(read_text) -> None:
    document = read_text(
        "ALCANAR - Op de avond van 16 augustus 2017 vloog een huis in Alcanar de lucht in. Abdelbaki Es Satty "
        "kwam om. Eerder was Youssef Aalla in Ripoll gedood.\n\nYounes Abouyaaqoub kwam om.",
        "2017-08-30",
    )
    dates = {r.subject: r for r in document.relations if r.predicate == "date"}
    # the death in the next sentence is of that day, and the fact rests on the sentence that gave it
    assert dates["event/death/abdelbaki-es-satty"].object == DateValue(2017, 8, 16)
    assert dates["event/death/abdelbaki-es-satty"].context == dates["event/attack/alcanar/2017-08-16"].sentence
    # "eerder" tells of another time; a new paragraph tells its own story
    assert "event/death/youssef-aalla" not in dates
    assert "event/death/younes-abouyaaqoub" not in dates


def test_where_a_person_comes_from_is_not_where_it_happened_and_a_place_before_its_wider_place(read_text) -> None:
    facts = _facts(
        read_text(
            "Op 21 oktober 2013 blies de 30-jarige Naida Asijalova uit Dagestan zich op in een lijnbus in Volgograd.",
            "2013-12-01",
        )
    )
    places = {f[2] for f in facts if f[1] == "occurredIn"}
    assert places == {"volgograd"}
    facts = _facts(read_text("Kebekov werd in april 2015 in Boejnaksk in Dagestan gedood.", "2015-12-01"))
    assert {f[2] for f in facts if f[1] == "occurredIn"} == {"boejnaksk", "dagestan"}


def test_the_subject_after_its_verb_did_it_and_the_group_whose_camp_was_attacked_did_not(read_text) -> None:
    def perpetrators(text: str) -> set[object]:
        return {f[2] for f in _facts(read_text(text, "2016-12-01")) if f[1] == "perpetrator"}

    assert perpetrators("Op 13 juni 2016 drong de 25-jarige Larossi Abballa een woning in Magnanville binnen.") == {
        "larossi-abballa"
    }
    # the attackers and their target may stand between the verb and its particle; AQIM's camp was attacked
    assert perpetrators("Op 22 juli 2010 vielen Franse eenheden een AQIM-kamp in het noorden van Mali aan.") == set()
    assert {e.key for e in read_text("Op 22 juli 2010 vielen Franse eenheden een AQIM-kamp in Mali aan.").events} == {
        "event/attack/mali/2010-07-22"
    }


def test_what_was_blown_up_or_set_on_fire_and_the_dead_counted_with_their_names(read_text) -> None:
    document = read_text(
        "Op 7 augustus 1998 bliezen zelfmoordterroristen van al-Qaida de ambassades in Nairobi en Dar es Salaam op.",
        "1998-09-01",
    )
    assert {e.key for e in document.events} == {
        "event/attack/nairobi/1998-08-07",
        "event/attack/dar-es-salaam/1998-08-07",
    }
    deaths = read_text("Op 3 maart 2022 vallen er zeker negentien doden, onder wie Hamdullah Mokhlis.", "2022-04-01")
    assert {e.key for e in deaths.events} == {"event/death/hamdullah-mokhlis"}


def test_who_claims_an_attack_later_in_its_sentence_is_its_perpetrator(read_facts) -> None:
    def perpetrators(text: str) -> set[tuple[str, str]]:
        _m, relations, _e = read_facts(text)
        return {(r.subject, r.object) for r in relations if r.predicate == "perpetrator"}

    assert perpetrators("De aanslag in Brussel, die IS een dag later opeiste, kostte 32 mensen het leven.") == {
        ("event/attack/brussel", "isis")
    }
    assert perpetrators("Bij de aanslag in Parijs vielen 130 doden, volgens een opeisingsverklaring van IS.") == {
        ("event/attack/parijs", "isis")
    }
    assert perpetrators("De aanslag in Brussel, die IS nooit heeft opgeëist, kostte 32 mensen het leven.") == set()
    # a group named after the attack without a claim did not carry it out
    assert perpetrators("Na de aanslag in Brussel, die 32 doden eiste, verscherpte België de strijd tegen IS.") == set()


def test_a_death_told_with_an_apposition_and_the_place_before_its_verb(read_facts) -> None:
    for text in (
        "In juni 2006 werd Abu Musab al-Zarqawi, de leider van Al Qaida in Irak, bij Bagdad gedood.",
        "Het Pentagon meldde dat Abu Musab al-Zarqawi, de leider van AQI, bij een luchtaanval bij Bagdad was gedood.",
        "In juni 2006 kwam de leider van Al Qaida in Irak, Abu Musab al-Zarqawi, om bij een luchtaanval.",
    ):
        _m, _r, events = read_facts(text)
        assert "event/death/abu-musab-al-zarqawi" in {e.key for e in events}, text


def test_an_arrest_placed_before_its_verb_across_a_wider_place_and_not_across_a_clause(read_text) -> None:
    # the date that opens the clause dates it across the commas of the wider place
    document = read_text(
        "In maart 2006 werd in Hildesheim, in de deelstaat Nedersaksen, de student Karim Ahmed aangehouden."
    )
    assert {e.key for e in document.events} == {"event/arrest/hildesheim/2006-03"}
    assert {f[2] for f in _facts(document) if f[1] == "occurredIn"} == {"hildesheim", "nedersaksen"}
    document = read_text(
        "In de gevangenis in Hasakeh zitten duizenden strijders die na de val van Baghouz zijn opgepakt."
    )
    assert not [e for e in document.events if e.event_class == "Arrest"]


def test_a_verdict_on_a_person_named_with_an_initial(read_facts) -> None:
    _m, relations, events = read_facts(
        "Op 30 november 2021 legde de rechtbank in Bagdad Abu Musab al-Z. levenslang op."
    )
    assert [(e.key, e.event_class) for e in events] == [("event/trial/bagdad", "Trial")]
    assert ("date", DateValue(2021, 11, 30)) in {(r.predicate, r.object) for r in relations}


def test_the_agent_before_a_participle_of_killing_is_the_killer(read_facts) -> None:
    text = "Abu Musab al-Zarqawi werd op 7 juni 2006 door de Taliban in Bagdad doodgeschoten."
    _m, relations, _e = read_facts(text)
    assert ("event/death/abu-musab-al-zarqawi", "taliban") in {
        (r.subject, r.object) for r in relations if r.predicate == "perpetrator"
    }
