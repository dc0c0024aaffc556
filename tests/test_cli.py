"""The command line, in-process: exit codes and the one-line messages users read."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from isis_kg.cli import main

from conftest import CORPUS, ONTOLOGY, PROJECT

SHORT_TEXT = "nieuws-2015-icsr-is-deserteurs.txt"


def test_build_writes_the_graph_and_exits_0(tmp_path: Path, capsys) -> None:
    assert main(["build", str(CORPUS / SHORT_TEXT), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr()
    assert "Read 1 document(s); wrote" in out.out
    assert "The graph conforms to the SHACL shapes." in out.out
    assert out.err == ""
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["graph.ttl", "ontology.ttl", "validation.ttl"]


def test_quiet_prints_nothing_when_all_is_well(tmp_path: Path, capsys) -> None:
    assert main(["build", str(CORPUS / SHORT_TEXT), "--out", str(tmp_path), "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")


def test_bad_files_get_one_line_each_and_the_rest_still_builds(tmp_path: Path, capsys) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(CORPUS / SHORT_TEXT, inputs / "good.txt")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(b"\x7fELF\x00\x00\x01")
    (inputs / "latin1.txt").write_bytes("Aanslagen in Brussel, België".encode("latin-1"))  # read: detected
    (inputs / "garbled.txt").write_bytes(bytes(range(128, 256)) * 3)
    out_dir = tmp_path / "out"
    code = main(["build", str(inputs), str(tmp_path / "missing.txt"), "--out", str(out_dir)])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.splitlines() == [
        f"isis-kg: error: {tmp_path / 'missing.txt'}: no such file or folder",
        f"isis-kg: error: {inputs / 'binary.txt'}: binary file (it contains NUL bytes), not text",
        f"isis-kg: error: {inputs / 'empty.txt'}: empty file, no text to read",
        f"isis-kg: error: {inputs / 'garbled.txt'}: "
        "cannot tell its text encoding (not UTF-8, UTF-16 or Windows-1252); convert it to UTF-8",
    ]
    assert "Traceback" not in captured.out + captured.err
    graph = (out_dir / "graph.ttl").read_text(encoding="utf-8")
    assert "good.txt" in graph and "latin1.txt" in graph


def test_nothing_readable_writes_nothing(tmp_path: Path, capsys) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["build", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"isis-kg: error: {tmp_path / 'empty.txt'}: empty file, no text to read",
        f"isis-kg: error: {tmp_path / 'empty.txt'}: no readable text file to build from",
    ]
    assert not (tmp_path / "out").exists()


def test_a_broken_catalogue_stops_the_build_with_its_reason(tmp_path: Path, capsys) -> None:
    shutil.copy(CORPUS / SHORT_TEXT, tmp_path / "a.txt")
    (tmp_path / "catalogue.yaml").write_text("documents:\n  - sha256: 123\n", encoding="utf-8")
    assert main(["build", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == (
        f"isis-kg: error: {tmp_path / 'catalogue.yaml'}: catalogue entry 1 needs 'sha256': 64 lower-case hex digits\n"
    )
    assert not (tmp_path / "out").exists()


def test_a_graph_that_violates_the_shapes_exits_1_with_the_report_written(tmp_path: Path, capsys) -> None:
    ontology = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY, ontology)
    with (ontology / "shapes.ttl").open("a", encoding="utf-8") as shapes:
        shapes.write(
            "\nshape:EveryPersonLinkedShape a sh:NodeShape ; sh:targetClass ikg:Person ;\n"
            '    sh:property [ sh:path owl:sameAs ; sh:minCount 1 ; sh:message "A person needs a Wikidata link." ] .\n'
        )
    code = main(
        [
            "build",
            str(CORPUS / "nieuws-2019-is-na-baghouz.txt"),
            "--out",
            str(tmp_path / "out"),
            "--ontology",
            str(ontology),
        ]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "The graph violates the SHACL shapes: 3 problem(s)." in err
    assert (
        "3 x A person needs a Wikidata link. (for example at https://w3id.org/isis-kg/id/abu-bakr-al-baghdadi)" in err
    )
    assert "A person needs a Wikidata link." in (tmp_path / "out" / "validation.ttl").read_text(encoding="utf-8")


def test_a_broken_ontology_file_is_named(tmp_path: Path, capsys) -> None:
    ontology = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY, ontology)
    (ontology / "patterns" / "relations.yaml").write_text("relations: [\n", encoding="utf-8")
    assert main(["build", str(CORPUS / SHORT_TEXT), "--out", str(tmp_path / "out"), "--ontology", str(ontology)]) == 2
    assert capsys.readouterr().err.startswith(
        f"isis-kg: error: {ontology / 'patterns' / 'relations.yaml'}: not valid YAML"
    )


def test_validate_reports_violations_with_exit_1(capsys) -> None:
    assert main(["validate", str(PROJECT / "tests" / "shapes" / "BackedFactShape" / "invalid.ttl")]) == 1
    assert "A fact has no statement node with its evidence sentence." in capsys.readouterr().err
    assert main(["validate", str(PROJECT / "tests" / "shapes" / "BackedFactShape" / "valid.ttl")]) == 0
    assert capsys.readouterr().out == "The graph conforms to the SHACL shapes.\n"


def test_validate_names_a_file_that_is_not_turtle(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    assert main(["validate", str(bad)]) == 2
    assert capsys.readouterr().err.startswith(f"isis-kg: error: {bad}: not valid Turtle")


@pytest.mark.parametrize("argv", [[], ["bogus"], ["build", "--jobs", "many"]])
def test_usage_errors_exit_2(argv: list[str], capsys) -> None:
    assert main(argv) == 2
    assert "usage: isis-kg" in capsys.readouterr().err


def test_every_command_is_documented_in_the_readme() -> None:
    from isis_kg.cli import _parser

    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    commands = _parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name in commands:
        assert f"isis-kg {name}" in readme, f"README does not document 'isis-kg {name}'"


def test_help_loads_none_of_the_heavy_libraries() -> None:
    """isis-kg --help answers at once: the commands import spaCy, wordfreq, rdflib and the pipeline when they run."""
    script = (
        "import contextlib, io, sys\n"
        "from isis_kg.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['--help']) == 0 and main(['build', '--help']) == 0\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    loaded = set(
        subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True).stdout.split()
    )
    heavy = {"spacy", "wordfreq", "rdflib", "pyshacl", "isis_kg.pipeline", "isis_kg.reference"}
    assert not heavy & loaded, heavy & loaded
