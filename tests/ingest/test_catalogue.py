import hashlib
import shutil
from pathlib import Path

import pytest

from isis_kg.errors import InputError
from isis_kg.ingest import load_catalogues, read_source
from isis_kg.model import DateValue

from conftest import CORPUS


def test_the_corpus_catalogue_describes_every_corpus_text(reference) -> None:
    catalogue = load_catalogues([CORPUS / "catalogue.yaml"], reference.source_kinds)
    for path in sorted(CORPUS.glob("*.txt")):
        meta = catalogue.meta_for(hashlib.sha256(path.read_bytes()).hexdigest())
        assert meta.title and meta.kind in reference.source_kinds and meta.date is not None, path.name


def test_a_renamed_copy_finds_its_entry_by_content(tmp_path: Path, reference) -> None:
    copy = tmp_path / "004_bf05112f95792169.txt"
    shutil.copy(CORPUS / "neurink-2020-isis-gebruikt-corona.txt", copy)
    meta = load_catalogues([CORPUS / "catalogue.yaml"], reference.source_kinds).meta_for(read_source(copy).sha256)
    assert meta.title == "ISIS gebruikt corona voor terugkeer"
    assert meta.author == "Judit Neurink"
    assert meta.date == DateValue(2020, 4)
    assert meta.kind == "blog"


def test_a_text_without_entry_gets_only_its_hash(reference) -> None:
    meta = load_catalogues([], reference.source_kinds).meta_for("0" * 64)
    assert meta.sha256 == "0" * 64 and meta.title is None and meta.date is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("documents: [", r"catalogue is not valid YAML at line 1"),
        ("files: []", r"catalogue needs a 'documents:' list"),
        ("documents:\n  - sha256: abc", r"catalogue entry 1 needs 'sha256': 64 lower-case hex digits"),
        (f"documents:\n  - sha256: {'a' * 64}\n    date: 2016-13", r"catalogue entry 1: month out of range in 2016-13"),
        (f"documents:\n  - sha256: {'a' * 64}\n    kind: pamflet", r"kind 'pamflet' is not one of academic, blog, "),
        (f"documents:\n  - sha256: {'a' * 64}\n    titel: x", r"catalogue entry 1 has unknown field\(s\): titel"),
        (f"documents:\n  - sha256: {'a' * 64}\n    reliability: G", r"reliability 'G' is not a letter A to F"),
        (f"documents:\n  - sha256: {'a' * 64}\n    credibility: 7", r"credibility '7' is not a number 1 to 6"),
        (
            f"documents:\n  - sha256: {'a' * 64}\n    language: nl_NL",
            r"entry 1: language 'nl_NL' is not a language tag",
        ),
        (f"documents:\n  - sha256: {'a' * 64}\n    title: [a, b]", r"entry 1: 'title' is a list; give one text"),
        (f"documents:\n  - sha256: {'a' * 64}\n    kind: [news]", r"entry 1: kind '\['news'\]' is not one of academic"),
        (f"documents:\n  - sha256: {'a' * 64}\n    author: {{x: y}}", r"entry 1: 'author' is a mapping; give one text"),
        (
            f"documents:\n  - sha256: {'a' * 64}\n    publisher_ref: nergens",
            r"entry 1: publisher_ref 'nergens' is not an id of ontology/reference/entities.yaml",
        ),
        (
            f"documents:\n  - sha256: {'a' * 64}\n    author_ref: niemand",
            r"entry 1: author_ref 'niemand' is not an id of ontology/reference/entities.yaml",
        ),
    ],
)
def test_a_broken_catalogue_is_named_with_what_is_wrong(tmp_path: Path, reference, content: str, message: str) -> None:
    path = tmp_path / "catalogue.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_catalogues([path], reference.source_kinds, reference.entities)
