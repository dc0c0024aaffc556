"""The evaluation command: its arithmetic, and a floor under the quality measured on the gold set."""

from pathlib import Path

import pytest

from isis_kg.cli import main
from isis_kg.errors import InputError
from isis_kg.evaluate import DEFAULT_GOLD, Score, evaluate

TINY_GOLD = """
passages:
  - id: voetnoot
    text: |
      ISIS-leider Abu Bakr al Baghdadi heeft zichzelf tot kalief benoemd. Zijn strijders zitten in Mosul.
    entities:
      - [isis, Organisation]
      - [abu-bakr-al-baghdadi, Person]
      - [mosul, Region]
      - [raqqa, Region]
    relations:
      - [abu-bakr-al-baghdadi, leaderOf, isis]
      - [isis, operatesIn, mosul]
    events: []
"""


def test_scores_count_what_matches(tmp_path: Path, reference) -> None:
    gold = tmp_path / "gold.yaml"
    gold.write_text(TINY_GOLD, encoding="utf-8")
    (result,) = evaluate(gold, reference)
    regions = next(s for s in result.entities if s.label == "Region")
    assert (regions.gold, regions.predicted, regions.correct) == (2, 1, 1)
    assert regions.precision == 1.0 and regions.recall == 0.5 and regions.f1 == pytest.approx(2 / 3)
    relations = next(s for s in result.relations if s.label == "all")
    assert (relations.gold, relations.predicted, relations.correct) == (2, 1, 1)
    assert ("voetnoot", "isis", "operatesIn", "mosul") in result.missed


def test_a_passage_is_scored_on_what_the_build_reads_from_it(tmp_path: Path, reference) -> None:
    # NCTV 2017, read whole: the passage opens inside "al Qa’ida", so of its first sentence only
    # ISIS is inside it, and al Qa'ida's place ("in deze regio", Zuidoost-Azië two sentences back)
    # is not scored; the footnote marker ends the sentence ("dreiging.264" is no word)
    gold = tmp_path / "gold.yaml"
    gold.write_text(
        """passages:
  - id: staart
    document: nctv-2017-transformatie-isis-na-kalifaat.txt
    text: |
      Qa’ida in deze regio vormen personen en groepen verbonden aan
      ISIS de grootste dreiging.
    entities:
      - [isis, Organisation]
  - id: geheel
    document: nctv-2017-transformatie-isis-na-kalifaat.txt
    text: |
      van nieuwe energie voorzien.264 Met de afnemende invloed van al
      Qa’ida in deze regio vormen personen en groepen verbonden aan
      ISIS de grootste dreiging.
    entities:
      - [al-qaida, Organisation]
      - [isis, Organisation]
    relations:
      - [al-qaida, operatesIn, zuidoost-azie]
""",
        encoding="utf-8",
    )
    (result,) = evaluate(gold, reference)
    assert result.spurious == () and result.missed == ()


def test_an_empty_score_is_zero_not_an_error() -> None:
    assert Score("x", 0, 0, 0).f1 == 0.0


def test_quality_on_the_gold_set_does_not_fall(reference) -> None:
    # floors a little under what was measured when they were set; raise them as quality improves
    result = next(split for split in evaluate(DEFAULT_GOLD, reference) if split.split == "development")
    entities = {s.label: s for s in result.entities}
    relations = {s.label: s for s in result.relations}
    assert result.passages >= 12
    assert entities["all"].f1 >= 0.90 and entities["all"].precision >= 0.95
    assert relations["franchiseOf"].f1 >= 0.95
    # measured in session 7 over 225 passages, every former held-out part included: P 0.96, F1 0.87;
    # events found 68 of 78
    assert relations["contract relations"].f1 >= 0.85 and relations["contract relations"].precision >= 0.93
    assert result.events_found >= 0.84 * entities["Event"].gold
    assert result.event_dates_right >= 0.95 * result.events_found


def test_the_command_prints_the_table(capsys) -> None:
    # the corpus passages, every footnote gold set and the figures (the fresh texts' scores: the test below)
    assert main(["evaluate", "--gold", str(DEFAULT_GOLD)]) == 0
    out = capsys.readouterr().out
    assert "entity class" in out and "relation" in out and "quantity claims" in out
    for gold in ("footnotes.yaml", "footnotes-2.yaml"):
        assert f"Citations gold set {gold}, development" in out
    assert any(line.startswith("operatesIn") for line in out.splitlines())


def test_a_broken_gold_file_is_named(tmp_path: Path, reference) -> None:
    gold = tmp_path / "gold.yaml"
    gold.write_text("passages:\n  - text: zonder id\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold\.yaml: passage 1 needs 'id' and 'text'"):
        evaluate(gold, reference)


def test_citation_quality_does_not_fall(reference) -> None:
    from isis_kg.evaluate import evaluate_citations, footnote_golds

    scores = [score for gold in footnote_golds() for score in evaluate_citations(gold, reference=reference)]
    development = [s for s in scores if s.split == "development"]
    assert sum(s.footnotes for s in development) >= 270
    for score in development:
        # footnote 562 of footnotes-2 repeats a footnote whose start the PDF text lost: its title cannot be read
        assert score.repeats_resolved >= 0.95 * score.repeats, score.gold_set
        for field in ("title", "creators", "publisher", "date"):
            assert score.fields_right[field] / score.works >= 0.95, (score.gold_set, field)


def test_footnote_gold_files_are_scored_each_on_its_own(tmp_path: Path, capsys) -> None:
    from isis_kg.evaluate import DEFAULT_FOOTNOTE_GOLD, footnote_golds

    # every footnote gold file of the project, in a fixed order
    assert [p.name for p in footnote_golds()] == [
        "footnotes-2.yaml",
        "footnotes-3.yaml",
        "footnotes-4.yaml",
        "footnotes.yaml",
    ]
    gold = tmp_path / "gold.yaml"
    gold.write_text(TINY_GOLD, encoding="utf-8")
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    for path, number in ((first, 102), (second, 240)):
        path.write_text(
            f"document: nctv-2017-transformatie-isis-na-kalifaat.txt\nfootnotes:\n  - number: {number}\n"
            "    kind: citation\n    split: heldout\n    works: []\n",
            encoding="utf-8",
        )
    options = ["evaluate", "--gold", str(gold), "--footnotes", str(first), "--footnotes", str(second)]
    assert main(options) == 0
    out = capsys.readouterr().out
    assert "Citations gold set first.yaml, heldout: 1 footnotes" in out
    assert "Citations gold set second.yaml, heldout: 1 footnotes" in out
    assert DEFAULT_FOOTNOTE_GOLD.name not in out


def test_figure_quality_does_not_fall(reference) -> None:
    from isis_kg.evaluate import evaluate_figures

    figures = evaluate_figures(reference=reference)
    assert figures.claims.gold >= 12
    assert figures.claims.precision >= 0.95 and figures.claims.recall >= 0.70


def test_a_broken_figures_gold_file_is_named(tmp_path: Path, reference) -> None:
    from isis_kg.evaluate import evaluate_figures

    gold = tmp_path / "figures.yaml"
    gold.write_text("documents:\n  - document: x.txt\n    figures:\n      - {about: isis}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"figures\.yaml: x\.txt: every figure needs 'about', 'quantity' and 'unit'"):
        evaluate_figures(gold, reference)


def test_fresh_texts_quality_does_not_fall(reference) -> None:
    """New texts on subjects the corpus does not cover (tests/gold/fresh.yaml), their development part: the
    recogniser was trained on it, so these floors guard against regressions, not generalisation (the
    closing notes give the held-out figures)."""
    from isis_kg.evaluate import FRESH_GOLD

    (development,) = evaluate(FRESH_GOLD, reference, only={"development"})
    scores = {s.label: s for s in development.entities} | {s.label: s for s in development.relations}
    assert development.passages >= 48
    assert scores["names"].f1 >= 0.88
    # organisations are the hardest class of every new part (0.80 before part AC-AG joined, 0.798 since)
    for entity_class, floor in (("Person", 0.80), ("Organisation", 0.78), ("Region", 0.80)):
        assert scores[entity_class].recall >= floor, entity_class
    # the relation classifier was trained on these texts too (0.31 by the patterns alone)
    assert scores["contract relations"].precision >= 0.75 and scores["contract relations"].recall >= 0.50
    assert development.events_found / development.gold_events >= 0.22
