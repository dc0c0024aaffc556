"""Per-document work cached on disk, and extracted in parallel: the same graph, byte for byte."""

import builtins
import gzip
import pickle
import shutil
from pathlib import Path

import pytest

from isis_kg import build
from isis_kg.cache import SUFFIX, CacheEntryError, read_entry, write_entry
from isis_kg.cli import main
from isis_kg.outputs import GRAPH_FILE

from conftest import CORPUS, GRAPH


def test_a_parallel_build_writes_the_committed_graph(tmp_path: Path) -> None:
    result = build([CORPUS], tmp_path, jobs=2)
    assert result.conforms and result.documents == 5
    assert (tmp_path / GRAPH_FILE).read_bytes() == (GRAPH / GRAPH_FILE).read_bytes()


def test_the_cache_reuses_unchanged_documents_only(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    cache = tmp_path / "cache"
    first = build([corpus], tmp_path / "first", cache=cache)
    second = build([corpus], tmp_path / "second", cache=cache)
    assert (first.reused, second.reused) == (0, 5)
    assert (tmp_path / "first" / GRAPH_FILE).read_bytes() == (tmp_path / "second" / GRAPH_FILE).read_bytes()
    assert (tmp_path / "second" / GRAPH_FILE).read_bytes() == (GRAPH / GRAPH_FILE).read_bytes()
    changed = corpus / "nieuws-2015-icsr-is-deserteurs.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nIS vecht tegen Al Qaida.\n", encoding="utf-8")
    third = build([corpus], tmp_path / "third", cache=cache)
    assert third.reused == 4
    assert "al-qaida" in (tmp_path / "third" / GRAPH_FILE).read_text(encoding="utf-8")


def test_the_command_says_what_it_reused(tmp_path: Path, capsys) -> None:
    argv = [
        "build",
        str(CORPUS / "nieuws-2019-is-na-baghouz.txt"),
        "--out",
        str(tmp_path / "out"),
        "--cache",
        str(tmp_path / "cache"),
    ]
    assert main(argv) == 0
    assert "reused" not in capsys.readouterr().out
    assert main(argv) == 0
    assert "Read 1 document(s), 1 reused from the cache;" in capsys.readouterr().out


def test_a_build_on_a_dask_cluster_writes_the_committed_graph(tmp_path: Path) -> None:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        result = build([CORPUS], tmp_path, scheduler=cluster.scheduler_address)
    assert result.conforms and result.documents == 5
    assert (tmp_path / GRAPH_FILE).read_bytes() == (GRAPH / GRAPH_FILE).read_bytes()


def test_an_unreachable_scheduler_is_one_line_and_exit_2(tmp_path: Path, capsys) -> None:
    import dask

    from conftest import free_port

    address = f"tcp://127.0.0.1:{free_port()}"
    argv = ["build", str(CORPUS), "--out", str(tmp_path / "out"), "--scheduler", address, "--quiet"]
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        assert main(argv) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith(f"isis-kg: error: {address}: cannot reach the Dask scheduler") and "\n" not in error
    assert not (tmp_path / "out").exists()


def test_a_cached_document_read_under_another_name_carries_that_name(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    news = CORPUS / "nieuws-2019-is-na-baghouz.txt"
    build([news], tmp_path / "first", cache=cache)
    renamed = tmp_path / "elders" / "bericht.txt"
    renamed.parent.mkdir()
    shutil.copy(news, renamed)
    shutil.copy(CORPUS / "catalogue.yaml", renamed.parent)  # the same entry, found by the text's hash
    again = build([renamed], tmp_path / "second", cache=cache)
    assert again.reused == 1
    graph = (tmp_path / "second" / GRAPH_FILE).read_text(encoding="utf-8")
    assert 'ikg:fileName "bericht.txt"' in graph and "nieuws-2019-is-na-baghouz.txt" not in graph


def test_an_edited_extractor_does_not_reuse_what_the_old_one_cached(tmp_path: Path) -> None:
    from isis_kg import execution

    package = Path(execution.__file__).parent
    copy = tmp_path / "isis_kg"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert execution.code_fingerprint(copy) == execution.code_fingerprint()
    events = copy / "extract" / "events.py"
    events.write_text(events.read_text(encoding="utf-8") + "\n# a changed rule\n", encoding="utf-8")
    assert execution.code_fingerprint(copy) != execution.code_fingerprint()


class _Exploit:
    """What a crafted pickle does when read: here it opens (creates) a file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (builtins.open, (str(self.marker), "w"))


NEWS = CORPUS / "nieuws-2019-is-na-baghouz.txt"
DESERTERS = CORPUS / "nieuws-2015-icsr-is-deserteurs.txt"


def _cached_build(tmp_path: Path, out: str, jobs: str) -> int:
    cache = str(tmp_path / "cache")
    return main(["build", str(NEWS), str(DESERTERS), "--out", str(tmp_path / out), "--cache", cache, "--jobs", jobs])


def _entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").glob("*" + SUFFIX))


def _tamper(entry: Path, how: str, crafted: bytes, other: Path) -> None:
    if how == "a pickle":
        entry.write_bytes(crafted)
    elif how == "a gzipped pickle":
        entry.write_bytes(gzip.compress(crafted))
    elif how == "cut short":
        entry.write_bytes(entry.read_bytes()[:100])
    elif how == "edited content":  # valid gzip and JSON, but not what was written
        head, payload = gzip.decompress(entry.read_bytes()).split(b"\n", 1)
        entry.write_bytes(gzip.compress(head + b"\n" + payload.replace(b'"sha256":"', b'"sha256":"0', 1)))
    elif how == "another document's entry":
        entry.write_bytes(other.read_bytes())


TAMPERINGS = ["a pickle", "a gzipped pickle", "cut short", "edited content", "another document's entry"]


@pytest.mark.parametrize("how", TAMPERINGS)
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_crafted_or_corrupt_cache_entry_runs_nothing_and_is_read_again(
    tmp_path: Path, how: str, jobs: str, capsys
) -> None:
    assert _cached_build(tmp_path, "first", jobs) == 0
    capsys.readouterr()
    clean = (tmp_path / "first" / GRAPH_FILE).read_bytes()
    first, second = _entries(tmp_path)
    pickle.loads(pickle.dumps(_Exploit(tmp_path / "proof"))).close()
    assert (tmp_path / "proof").exists()  # the crafted pickle runs code when unpickled
    marker = tmp_path / "the-pickle-ran"
    crafted = pickle.dumps(_Exploit(marker))
    _tamper(first, how, crafted, second)
    (tmp_path / "cache" / (first.name.removesuffix(SUFFIX) + ".pickle")).write_bytes(crafted)  # the old name

    assert _cached_build(tmp_path, "again", jobs) == 0
    captured = capsys.readouterr()
    assert not marker.exists()
    assert captured.err.startswith(f"isis-kg: warning: {first}: cache entry not used, ")
    assert captured.err.endswith(" is read again\n") and captured.err.count("\n") == 1
    assert "Read 2 document(s), 1 reused from the cache;" in captured.out
    assert (tmp_path / "again" / GRAPH_FILE).read_bytes() == clean
    assert _entries(tmp_path) == [first, second]  # written again, and used from now on
    assert build([NEWS, DESERTERS], tmp_path / "third", cache=tmp_path / "cache").reused == 2
    assert not marker.exists()


def test_an_entry_keeps_every_field_of_the_document(tmp_path: Path, reference) -> None:
    from isis_kg.ingest import load_catalogues, read_source
    from isis_kg.ingest.catalogue import catalogue_paths
    from isis_kg.nlp import Analysers
    from isis_kg.stages import read_document

    catalogue = load_catalogues(catalogue_paths([CORPUS]), reference.source_kinds)
    document = read_document(read_source(NEWS), catalogue, reference, Analysers.create(reference, None, None))
    assert document.blocks and document.sentences and document.relations and document.footnotes is not None
    write_entry(tmp_path / "entry.json.gz", "sleutel", document)
    assert read_entry(tmp_path / "entry.json.gz", "sleutel") == document
    with pytest.raises(CacheEntryError, match="written under another key"):
        read_entry(tmp_path / "entry.json.gz", "andere sleutel")
