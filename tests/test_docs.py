"""isis-kg docs: the ontology documented in Dutch and English, with its shapes and alignments."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from isis_kg.cli import main


class _Text(HTMLParser):
    """The text a reader sees, and the ids of the sections."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.ids: set[str] = set()
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        self.ids |= {value for name, value in attrs if name == "id" and value}

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", " ".join(self.parts))


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, _Text]:
    out = tmp_path_factory.mktemp("docs")
    assert main(["docs", "--out", str(out)]) == 0
    pages = {}
    for language in ("nl", "en"):
        parser = _Text()
        parser.feed((out / language / "index.html").read_text(encoding="utf-8"))
        pages[language] = parser
    assert 'href="nl/index.html"' in (out / "index.html").read_text(encoding="utf-8")
    index = _Text()
    index.feed((out / "index.html").read_text(encoding="utf-8"))
    pages["index"] = index
    return pages


def test_the_index_links_each_language_by_its_name(docs: dict[str, _Text]) -> None:
    links = [part.strip() for part in docs["index"].parts if part.strip()][1:]  # after the page's title
    assert links == ["isis-kg ontologie (Nederlands)", "isis-kg ontology (English)"]


def test_each_language_has_its_own_labels_and_definitions(docs: dict[str, _Text]) -> None:
    assert "uitroepen van het kalifaat" in docs["nl"].text
    assert "proclamation of the caliphate" not in docs["nl"].text
    assert "proclamation of the caliphate" in docs["en"].text
    assert "uitroepen van het kalifaat" not in docs["en"].text


def test_the_pages_document_the_shapes(docs: dict[str, _Text]) -> None:
    for page in (docs["nl"], docs["en"]):
        assert {"shapes", "alignments", "vocabularies"} <= page.ids
        assert "shape:FranchiseShape" in page.text
        assert "ikg:franchiseOf points to an ikg:Organisation." in page.text
    assert "SHACL-shapes" in docs["nl"].text


def test_the_pages_show_the_alignments_and_vocabularies(docs: dict[str, _Text]) -> None:
    for page in (docs["nl"], docs["en"]):
        assert "ikg:franchiseOf rdfs:subPropertyOf org:subOrganizationOf" in page.text
        assert "ikg:intelligenceReport" in page.text
        assert "ikg:CurationActions" in page.text
    assert "publicatie van een inlichtingendienst" in docs["nl"].text


def test_docs_with_a_broken_ontology_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    (tmp_path / "isis-kg.ttl").write_text("this is not turtle", encoding="utf-8")
    assert main(["docs", "--ontology", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    error = capsys.readouterr().err
    assert error.startswith("isis-kg: error:") and len(error.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_the_dutch_page_has_dutch_headings_where_pylode_writes_english(docs: dict[str, _Text]) -> None:
    dutch, english = docs["nl"].text, docs["en"].text
    for words in ("Inhoud", "Klassen", "Objecteigenschappen", "Legenda", "Beschrijving", "Subklasse van", "Domein"):
        assert words in dutch
    for words in ("Table of Contents", "Object Properties", "Is Defined By", "Sub Class Of"):
        assert words not in dutch and words in english


def test_the_pages_name_the_disjoint_classes_and_the_transitive_properties(docs: dict[str, _Text]) -> None:
    for page in (docs["nl"], docs["en"]):
        assert "axioms" in page.ids
        classes = r"ikg:Person\s*,\s*ikg:Organisation\s*,\s*ikg:Region\s*,\s*ikg:Event\s*,\s*ikg:Source"
        assert re.search(classes, page.text)
        assert re.search(r"Transitie?ve (eigenschappen|properties) ikg:locatedIn", page.text)
    assert "Disjuncte klassen" in docs["nl"].text and "Disjoint classes" in docs["en"].text
