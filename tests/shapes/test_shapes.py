"""Every shape has a conforming and a violating example: tests/shapes/<ShapeName>/{valid,invalid}.ttl."""

from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import RDF, SH

from isis_kg.reference import load_reference
from isis_kg.validate import validate_files

HERE = Path(__file__).parent
SHAPES = "https://w3id.org/isis-kg/shapes#"


def test_every_shape_has_its_examples() -> None:
    declared = {str(s)[len(SHAPES) :] for s in load_reference().shapes.subjects(RDF.type, SH.NodeShape)}
    with_examples = {p.name for p in HERE.iterdir() if (p / "valid.ttl").is_file() and (p / "invalid.ttl").is_file()}
    assert declared == with_examples


@pytest.mark.parametrize("shape", sorted(p.name for p in HERE.iterdir() if (p / "valid.ttl").is_file()))
def test_valid_example_conforms(reference, shape: str) -> None:
    report = validate_files([HERE / shape / "valid.ttl"], reference)
    assert report.conforms, report.summary()


@pytest.mark.parametrize("shape", sorted(p.name for p in HERE.iterdir() if (p / "invalid.ttl").is_file()))
def test_invalid_example_is_caught_by_its_shape(reference, shape: str) -> None:
    report = validate_files([HERE / shape / "invalid.ttl"], reference)
    assert not report.conforms
    assert SHAPES + shape in {v.shape for v in report.violations}, report.summary()


def test_examples_are_valid_turtle() -> None:
    for path in HERE.glob("*/*.ttl"):
        assert len(rdflib.Graph().parse(path, format="turtle")) > 0, path
