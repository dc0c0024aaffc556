"""The learned relation classifier: shipped in the package, reproduced by its training command, its card
saying what it was trained on and which relations it decides."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from isis_kg.cli import main
from isis_kg.errors import ToolError
from isis_kg.evaluate import CONTRACT_RELATIONS, FRESH_GOLD, TRAINING_GOLD
from isis_kg.nlp.relation_model import (
    CARD_FILE,
    LEARNED_PATTERN_PREFIX,
    MODEL_FILE,
    PairClassifier,
    model_directory,
    ontology_signatures,
)
from isis_kg.reference import ReferenceData


@pytest.fixture(scope="module")
def classifier(reference: ReferenceData) -> PairClassifier:
    return PairClassifier(reference)


def test_the_shipped_model_loads_from_the_package_and_its_card_names_the_data_it_was_trained_on(
    classifier: PairClassifier, reference: ReferenceData
) -> None:
    directory = model_directory()
    assert (directory / MODEL_FILE).is_file() and directory.parent.name == "isis_kg"
    card = classifier.card.data
    files = {source["file"]: source["sha256"] for source in card["trained_on"]}  # type: ignore[union-attr]
    for gold in (FRESH_GOLD, TRAINING_GOLD):
        # a model trained on other annotations than those committed is stale: retrain it
        assert files[gold.name] == hashlib.sha256(gold.read_bytes()).hexdigest(), f"retrain: {gold.name} changed"
    sets = card["sets"]
    assert set(sets) == {"fresh.yaml:development", "training.yaml:training"}  # type: ignore[arg-type]
    assert sum(sets["fresh.yaml:development"]["relations"].values()) > 300  # type: ignore[index]
    # it decides the contract relations, between the classes the ontology's domains and ranges allow
    assert classifier.card.signatures == {
        p: tuple(s) for p, s in ontology_signatures(reference, sorted(CONTRACT_RELATIONS)).items()
    }
    assert classifier.card.signatures["leaderOf"] == (("Person", "Organisation"),)
    assert (
        classifier.pattern
        == LEARNED_PATTERN_PREFIX + hashlib.sha256((directory / MODEL_FILE).read_bytes()).hexdigest()[:12]
    )


@pytest.mark.long
def test_the_training_command_reproduces_the_shipped_model_byte_for_byte(tmp_path: Path) -> None:
    assert main(["train-relations", "--out", str(tmp_path)]) == 0
    shipped = model_directory()
    assert (tmp_path / MODEL_FILE).read_bytes() == (shipped / MODEL_FILE).read_bytes()
    assert json.loads((tmp_path / CARD_FILE).read_text()) == json.loads((shipped / CARD_FILE).read_text())


def test_a_broken_model_card_is_one_plain_error(reference: ReferenceData, tmp_path: Path) -> None:
    (tmp_path / CARD_FILE).write_text('{"features_version": 1}', encoding="utf-8")
    (tmp_path / MODEL_FILE).write_bytes(b"")
    with pytest.raises(ToolError, match="is not a readable model card"):
        PairClassifier(reference, tmp_path)
