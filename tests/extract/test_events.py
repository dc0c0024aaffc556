from isis_kg.model import DateValue


def test_the_caliphate_with_date_places_and_perpetrator(read_facts) -> None:
    # NCTV 2017, footnote 1
    _mentions, relations, events = read_facts("Op 29 juni 2014 heeft ISIS een kalifaat uitgeroepen in Syrië en Irak.")
    assert [(e.key, e.event_class) for e in events] == [("event/caliphate-proclamation", "CaliphateProclamation")]
    assert {(r.predicate, r.object) for r in relations} == {
        ("date", DateValue(2014, 6, 29)),
        ("occurredIn", "syrie"),
        ("occurredIn", "irak"),
        ("perpetrator", "isis"),
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
