"""The optional dependency parser (Frog): every name one token that knows its name, one parse per sentence."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from isis_kg import build
from isis_kg.cli import main
from isis_kg.errors import ToolError
from isis_kg.model import Mention, Sentence
from isis_kg.nlp.parse import FrogParser


@pytest.fixture(scope="module")
def frog() -> Iterator[FrogParser]:
    if shutil.which("frog") is None:
        pytest.fail("this test needs Frog: install Debian's frog and frogdata (make test does)")
    parser = FrogParser()  # one Frog process (4 s to start) for the module
    yield parser
    parser.close()


def _sentence(text: str) -> Sentence:
    return Sentence(index=0, block=0, start=0, end=len(text), text=text, original_start=0, original_end=len(text))


def _name(sentence: Sentence, surface: str, entity: str, entity_class: str) -> Mention:
    start = sentence.text.index(surface)
    return Mention(entity, entity_class, surface, 0, start, start + len(surface))


def test_each_name_is_one_token_that_points_at_it(frog: FrogParser) -> None:
    sentence = _sentence("Jabhat al-Nusra is\nactief in Idlib en Deir ez-Zor.")
    names = [
        (_name(sentence, "Jabhat al-Nusra", "jabhat-al-nusra", "Franchise"), "Hamas"),
        (_name(sentence, "Idlib", "idlib", "Region"), "Irak"),
        (_name(sentence, "Deir ez-Zor", "deir-ez-zor", "Region"), "Irak"),
    ]
    tokens = frog.parse(sentence, names)
    assert [t.word for t in tokens] == ["Hamas", "is", "actief", "in", "Irak", "en", "Irak", "."]
    assert [t.mention for t in tokens] == [0, None, None, None, 1, None, 2, None]
    by_index = {t.index: t for t in tokens}
    subject = tokens[0]
    assert subject.relation == "su" and by_index[subject.head].lemma == "zijn"
    assert all(t.head == 0 or t.head in by_index for t in tokens)


def test_a_line_frog_reads_as_two_sentences_keeps_one_numbering(frog: FrogParser) -> None:
    sentence = _sentence("ISIS is actief in Irak. Het is daar sterk.")
    names = [
        (_name(sentence, "ISIS", "isis", "Organisation"), "Hamas"),
        (_name(sentence, "Irak", "irak", "Region"), "Irak"),
    ]
    tokens = frog.parse(sentence, names)
    assert [t.index for t in tokens] == list(range(1, 12))
    second_root = next(t for t in tokens[6:] if t.relation == "ROOT")
    assert second_root.word == "is" and second_root.index == 8
    assert all(t.head == 0 or t.head > 6 for t in tokens[6:])  # the second sentence's heads stay in it
    # and the process still answers the next sentence with its own parse
    assert [t.word for t in frog.parse(_sentence("Het regent."), [])] == ["Het", "regent", "."]


def test_a_frog_that_dies_is_named(tmp_path: Path) -> None:
    broken = tmp_path / "frog"
    broken.write_text("#!/bin/sh\nexit 3\n", encoding="utf-8")
    broken.chmod(0o755)
    with pytest.raises(ToolError, match=r"frog: stopped \(exit 3\) while parsing"):
        FrogParser(executable=str(broken)).parse(_sentence("ISIS is actief in Irak."), [])


def test_without_frog_the_option_is_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH without frog
    text = tmp_path / "bericht.txt"
    text.write_text("ISIS is actief in Irak.", encoding="utf-8")
    assert main(["build", str(text), "--out", str(tmp_path / "graph"), "--parser", "frog", "--quiet"]) == 2
    error = capsys.readouterr().err.strip()
    assert error == "isis-kg: error: frog: not on the PATH; install Debian's frog and frogdata, or leave out --parser"
    assert not (tmp_path / "graph").exists()


def _frog_children() -> list[int]:
    """Frog processes this test process started and that still run."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().split()
        except OSError:
            continue
        if fields[1] == "(frog)" and int(fields[3]) == os.getpid():
            children.append(int(fields[0]))
    return children


def test_a_build_with_the_parser_leaves_no_frog_running(tmp_path: Path) -> None:
    text = tmp_path / "bericht.txt"
    text.write_text("ISIS heeft zich in Syrië genesteld, zegt de AIVD.\n", encoding="utf-8")
    before = set(_frog_children())  # the module's own parser may be running
    result = build([text], tmp_path / "graph", parser="frog")
    assert result.conforms
    assert set(_frog_children()) <= before
