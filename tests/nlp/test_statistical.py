"""The optional statistical recogniser (Frog): names no list knows, without adjectives or inhabitants."""

import shutil
from pathlib import Path

import pytest

from isis_kg.cli import main
from isis_kg.errors import ToolError
from isis_kg.model import Mention, Sentence
from isis_kg.nlp.statistical import FrogRecognizer

# A made-up text: no name here but ISIS and Raqqa is in ontology/reference/.
TEXT = (
    "Minister Kajsa Ollongren zei dat de groep cellen in Mombasa heeft. "
    "Syrische en Amerikaanse troepen verdreven ISIS uit de stad Raqqa."
)


@pytest.fixture(scope="module")
def recognized(reference, sentences_of) -> list[tuple[Sentence, list[Mention]]]:
    if shutil.which("frog") is None:
        pytest.fail("this test needs Frog: install Debian's frog and frogdata (make test does)")
    sentences = sentences_of(TEXT)
    found = FrogRecognizer(reference).recognize(sentences)  # one run of Frog (4 s) for the module
    return [(sentence, found.get(sentence.index, [])) for sentence in sentences]


def test_frog_finds_names_and_types_them(recognized) -> None:
    found = {(m.surface, m.entity_class) for _sentence, mentions in recognized for m in mentions}
    assert ("Kajsa Ollongren", "Person") in found  # "Minister" left out of the name
    assert ("Mombasa", "Region") in found
    assert not {surface for surface, _class in found} & {"Syrische", "Amerikaanse", "Minister Kajsa Ollongren"}


def test_offsets_point_at_the_name(recognized) -> None:
    assert sum(len(mentions) for _sentence, mentions in recognized) >= 2
    for sentence, mentions in recognized:
        for mention in mentions:
            assert sentence.text[mention.start : mention.end] == mention.surface


def test_without_frog_the_option_is_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH without frog
    text = tmp_path / "bericht.txt"
    text.write_text(TEXT, encoding="utf-8")
    assert main(["build", str(text), "--out", str(tmp_path / "graph"), "--ner", "frog", "--quiet"]) == 2
    error = capsys.readouterr().err.strip()
    assert error == "isis-kg: error: frog: not on the PATH; install Debian's frog and frogdata, or leave out --ner"
    assert not (tmp_path / "graph").exists()


def test_a_failing_frog_is_named(reference, tmp_path: Path, sentences_of) -> None:
    broken = tmp_path / "frog"
    broken.write_text("#!/bin/sh\necho 'init failed' >&2\nexit 3\n", encoding="utf-8")
    broken.chmod(0o755)
    with pytest.raises(ToolError, match=r"failed \(exit 3: init failed\)"):
        FrogRecognizer(reference, executable=str(broken)).recognize(sentences_of(TEXT))
