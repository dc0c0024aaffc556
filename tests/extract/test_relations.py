def facts(read_facts, text: str) -> set[tuple[str, str, object, str]]:
    _mentions, relations, _events = read_facts(text)
    return {(r.subject, r.predicate, r.object, r.pattern) for r in relations}


def test_apposition_names_a_branch(read_facts) -> None:
    # AIVD 2016
    text = (
        "Enkele maanden later ontstond er een duidelijke breuk tussen ISIS en Jabhat al-Nusra, "
        "inmiddels de Syrische tak van Al Qaida (AQ)."
    )
    assert ("jabhat-al-nusra", "franchiseOf", "al-qaida", "franchise-of/tak-van") in facts(read_facts, text)


def test_branches_listed_after_their_parent(read_facts) -> None:
    text = (
        "Steeds meer jihadisten verkiezen aansluiting bij ISIS boven de traditionele takken van "
        "Al Qaida (AQ), waaronder Jabhat al-Nusra (JaN) in Syrië."
    )
    assert ("jabhat-al-nusra", "franchiseOf", "al-qaida", "franchise-of/takken-waaronder") in facts(read_facts, text)


def test_compound_leader(read_facts) -> None:
    text = "ISIS-leider Abu Bakr al Baghdadi heeft zichzelf tot kalief benoemd."
    assert facts(read_facts, text) == {("abu-bakr-al-baghdadi", "leaderOf", "isis", "leader-of/compound")}


def test_organisation_in_a_list_of_regions(read_facts) -> None:
    text = "Momenteel ligt ISIS in Syrië en Irak zo zwaar onder vuur dat het zich moet aanpassen."
    found = facts(read_facts, text)
    assert ("isis", "operatesIn", "syrie", "operates-in/org-in-region") in found
    assert ("isis", "operatesIn", "irak", "operates-in/org-in-region") in found


def test_a_name_states_its_parent_and_region(read_facts) -> None:
    text = "Gezien deze uitgangsposities is het niet verrassend dat ISIS in Jemen (ISIS-J) door kern-ISIS is opgezet."
    found = facts(read_facts, text)
    assert ("isis-jemen", "franchiseOf", "isis", "name/franchiseOf") in found
    assert ("isis-jemen", "operatesIn", "jemen", "name/operatesIn") in found


def test_region_in_region_but_not_a_country_in_a_country(read_facts) -> None:
    assert ("rakhine", "locatedIn", "myanmar", "located-in/region-in-region") in facts(
        read_facts, "Eén van die gebieden zou de Rakhine-provincie in Myanmar kunnen zijn."
    )
    text = "Er zijn talloze voorbeelden: de Sovjets in Afghanistan, de Verenigde Staten in Irak."
    assert not any(p == "locatedIn" for _s, p, _o, _id in facts(read_facts, text))
