import hashlib
from pathlib import Path

import pytest

from isis_kg.errors import InputError
from isis_kg.ingest import discover, read_source


def test_reads_utf8_and_hashes_the_bytes(tmp_path: Path) -> None:
    path = tmp_path / "bericht.txt"
    data = "ISIS-strijders in Syrië.\n".encode()
    path.write_bytes(data)
    source = read_source(path)
    assert source.text == "ISIS-strijders in Syrië.\n"
    assert source.sha256 == hashlib.sha256(data).hexdigest()
    assert source.file_name == "bericht.txt"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", r"empty\.txt: empty file"),
        (b"  \n\n ", r"empty\.txt: empty file"),
        (b"ELF\x00\x01\x02", r"empty\.txt: binary file \(it contains NUL bytes\)"),
        (bytes(range(128, 256)) * 3, r"empty\.txt: cannot tell its text encoding"),
    ],
)
def test_refuses_what_is_not_text(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_source(path)


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16", b""),
        ("utf-16-le", b""),
        ("cp1252", b""),
        ("latin-1", b""),
    ],
)
def test_reads_common_encodings(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    text = "ISIS’ strijders in Syrië – aanslagen in België en Parijs."
    if encoding == "latin-1":
        text = text.replace("’", "'").replace("–", "-")
    path = tmp_path / "bericht.txt"
    path.write_bytes(prefix + text.encode(encoding))
    assert read_source(path).text == text


def test_refuses_huge_files_before_reading_them(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * 2000)
    with pytest.raises(InputError, match=r"huge\.txt: too large \(2,000 bytes; the limit is 1,000\)"):
        read_source(path, max_bytes=1000)


def test_discover_finds_texts_in_folders_in_order_and_reports_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("b", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / "notes.yaml").write_text("x: 1", encoding="utf-8")
    files, errors = discover([tmp_path, tmp_path / "missing.txt"])
    assert files == [tmp_path / "b.txt", tmp_path / "sub" / "a.txt"]
    assert [str(e) for e in errors] == [f"{tmp_path / 'missing.txt'}: no such file or folder"]
