"""The names a footnote cites are entities of the document: its authors persons, its publishers organisations."""

from isis_kg.model import Document


def _names(document: Document) -> dict[str, tuple[str, str]]:
    footnote_sentences = {s.index for s in document.sentences if s.in_footnote is not None}
    return {m.surface: (m.entity, m.entity_class) for m in document.mentions if m.sentence in footnote_sentences}


def test_cited_authors_and_publishers_are_mentioned_where_the_footnote_names_them(read_text) -> None:
    document = read_text(
        "Het Openbaar Ministerie vervolgde de man.1 Hij keerde terug uit Syrië.2 De groep groeide.3\n\n"
        "1 H. Verbeek en K. Maasland, ‘Terugkeerders voor de rechter’, Stichting Justitiewerk, 4 maart 2021.\n"
        "2 Omroep Zuidwest, ‘Een terugkeerder vertelt’, 2 februari 2021.\n"
        "3 Dagblad van Lemmer, 12 januari 2021; Noordkust Media, 14 januari 2021.\n"
    )
    named = _names(document)
    assert named["H. Verbeek"] == ("h-verbeek", "Person") and named["K. Maasland"] == ("k-maasland", "Person")
    assert named["Stichting Justitiewerk"] == ("stichting-justitiewerk", "Organisation")
    assert named["Omroep Zuidwest"] == ("omroep-zuidwest", "Organisation")
    assert named["Dagblad van Lemmer"][1] == named["Noordkust Media"][1] == "Organisation"
    # the footnotes cite: they state no facts, so no relation rests on their sentences
    footnote_sentences = {s.index for s in document.sentences if s.in_footnote is not None}
    assert all(relation.sentence not in footnote_sentences for relation in document.relations)


def test_a_place_of_publication_and_joint_publishers(read_text) -> None:
    document = read_text(
        "De cel werd opgerold.1\n\n"
        "1 ‘Jaarverslag 2020’, een publicatie van de Veiligheidsdienst Oost en de Recherche Noord, Amsterdam, 2021.\n"
    )
    named = _names(document)
    assert named["Veiligheidsdienst Oost"][1] == named["Recherche Noord"][1] == "Organisation"
    assert "Amsterdam" not in named
