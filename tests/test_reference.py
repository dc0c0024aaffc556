"""The reference data under ontology/: what a reviewer may write, and the errors a slip gives."""

import shutil
from pathlib import Path

import pytest

from isis_kg.errors import ReferenceDataError
from isis_kg.reference import load_reference

from conftest import ONTOLOGY


def test_every_wikidata_link_says_where_it_was_verified(reference) -> None:
    linked = {e.id: e.wikidata for e in reference.entities.values() if e.wikidata}
    assert linked["isis"] == "Q2429253" and linked["syrie"] == "Q858"


def test_franchises_know_their_parent_and_classes_come_from_the_ontology(reference) -> None:
    franchises = [e for e in reference.entities.values() if e.entity_class == "Franchise"]
    assert franchises and all(e.parent in reference.entities for e in franchises)
    assert reference.is_a("Franchise", "Organisation") and reference.is_a("Attack", "Event")
    assert not reference.is_a("Region", "Organisation")


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("reference/entities.yaml", "class: Person", "class: Persoon", r"class 'Persoon' is not in the ontology"),
        (
            "reference/entities.yaml",
            "wikidata: {qid: Q2429253, verified_at:",
            "wikidata: {qid: Q2429253, seen_at:",
            r"entity 'isis': wikidata needs a qid \(Q\.\.\.\) and where it was verified_at",
        ),
        (
            "patterns/relations.yaml",
            "predicate: leaderOf",
            "predicate: leads",
            r"predicate 'leads' is not in the ontology",
        ),
        (
            "patterns/relations.yaml",
            "patterns: [operates-in/org-in-region]",
            "patterns: [operates-in/org-in-land]",
            r"stand_ins 1: patterns must name relation patterns \(operates-in/org-in-land\)",
        ),
        (
            "reference/entities.yaml",
            "id: mindanao, class: Region, preposition: op",
            "id: mindanao, class: Region, preposition: bij",
            r"entity 'mindanao': preposition is 'in' or 'op', not 'bij'",
        ),
        ("patterns/events.yaml", "class: Attack", "class: Aanslag", r"class 'Aanslag' is not in the ontology"),
        (
            "patterns/dependencies.yaml",
            "shape: apposition",
            "shape: bijstelling",
            r"pattern 'parse/leader-of/leider-van': shape 'bijstelling' is neither clause nor apposition",
        ),
        (
            "patterns/dependencies.yaml",
            "Region: Irak",
            "Region: Noord Irak",
            r"'Noord Irak' for Region is not one word",
        ),
        (
            "patterns/citations.yaml",
            "kind: courtRuling, identifier: ecli",
            "kind: vonnis, identifier: ecli",
            r"'vonnis' is not a concept of ikg:SourceKinds",
        ),
    ],
)
def test_a_slip_in_the_reference_data_is_named(tmp_path: Path, file: str, old: str, new: str, message: str) -> None:
    ontology = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY, ontology)
    path = ontology / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=message):
        load_reference(ontology)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    ontology = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY, ontology)
    (ontology / "shapes.ttl").unlink()
    with pytest.raises(ReferenceDataError, match=r"shapes\.ttl: missing"):
        load_reference(ontology)


def test_the_manifest_lists_every_file_of_the_ontology_folder() -> None:
    import yaml

    folder = ONTOLOGY
    manifest = yaml.safe_load((folder / "MANIFEST.yaml").read_text(encoding="utf-8"))["files"]
    present = {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and p.name != "MANIFEST.yaml"}
    assert set(manifest) == present
    assert all({"what", "source", "updated"} <= set(entry) for entry in manifest.values())


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("patterns/relations.yaml", "max_gap: 120", "max_gapp: 120", r"relations\.yaml: unknown key 'max_gapp'$"),
        ("patterns/names.yaml", "common_word_zipf: 5.0\n", "", r"names\.yaml: missing 'common_word_zipf'$"),
        (
            "patterns/dates.yaml",
            "- id: month-year\n    precision: month\n",
            "- id: month-year\n    precision: maand\n",
            r"dates\.yaml: form 'month-year': precision: input should be 'year', 'month' or 'day'$",
        ),
        (
            "patterns/relations.yaml",
            "own_place: '",
            "own_place: '((",
            r"relations\.yaml: own_place is not a regular expression \(missing \), unterminated subpattern",
        ),
    ],
)
def test_a_misspelt_missing_or_malformed_key_is_one_line(
    tmp_path: Path, file: str, old: str, new: str, message: str
) -> None:
    ontology = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY, ontology)
    path = ontology / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=message) as raised:
        load_reference(ontology)
    assert "\n" not in str(raised.value)


def test_a_word_yaml_1_1_takes_for_a_boolean_stays_a_word(reference) -> None:
    # citations.yaml lists the English word on unquoted, which YAML 1.1 reads as true
    assert "on" in reference.citations.english_words and "True" not in reference.citations.english_words


def test_a_key_keeps_the_letters_unicode_does_not_decompose() -> None:
    from isis_kg.reference import entity_key

    assert entity_key("Syrië") == "syrie"
    assert entity_key("Łukasz Urban") == "lukasz-urban"
    assert entity_key("Stephen Heißner") == "stephen-heissner"
    assert entity_key("Şanlıurfa") == "sanliurfa"
