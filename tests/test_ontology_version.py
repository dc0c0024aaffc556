"""The ontology's version, its changelog, the docs and the built graph tell the same release."""

import re
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import DCTERMS, OWL

from isis_kg.cli import main
from isis_kg.namespaces import IKG

from conftest import GRAPH, ONTOLOGY

BASE = str(IKG).rstrip("#")
ENTRY = re.compile(r"^## (\d+\.\d+\.\d+) \((\d{4}-\d{2}-\d{2})\)$", re.MULTILINE)


def _header(reference) -> dict[str, str]:
    ontology = rdflib.URIRef(BASE)
    values = {
        name: reference.ontology.value(ontology, relation)
        for name, relation in (
            ("version", OWL.versionInfo),
            ("iri", OWL.versionIRI),
            ("prior", OWL.priorVersion),
            ("modified", DCTERMS.modified),
        )
    }
    assert all(v is not None for v in values.values()), values
    return {name: str(value) for name, value in values.items()}


def _changelog() -> list[tuple[str, str]]:
    return ENTRY.findall((ONTOLOGY / "CHANGELOG.md").read_text(encoding="utf-8"))


def test_the_header_names_the_changelogs_latest_and_previous_entries(reference) -> None:
    header = _header(reference)
    (latest, date), (previous, _) = _changelog()[:2]
    assert header["version"] == latest
    assert header["iri"] == f"{BASE}/{latest}"
    assert header["prior"] == f"{BASE}/{previous}"
    assert header["modified"] == date


def test_the_changelog_has_every_version_newest_first() -> None:
    versions = [tuple(int(n) for n in v.split(".")) for v, _ in _changelog()]
    assert versions == sorted(versions, reverse=True) and versions[-1] == (1, 0, 0)
    assert len(set(versions)) == len(versions)


def test_the_graph_is_built_with_this_version(reference) -> None:
    graph = rdflib.Graph().parse(GRAPH / "graph.ttl", format="turtle")
    assert {str(v) for v in graph.objects(None, IKG.ontologyVersion)} == {_header(reference)["version"]}


@pytest.mark.parametrize(("language", "modified_words"), [("nl", "Gewijzigd op"), ("en", "Date Modified")])
def test_the_docs_show_version_prior_version_and_modified_date(
    reference, tmp_path: Path, language: str, modified_words: str
) -> None:
    assert main(["docs", "--out", str(tmp_path)]) == 0
    page = (tmp_path / language / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    header = _header(reference)
    assert re.search(rf"(Versie|Version Info) {re.escape(header['version'])} ", text)
    assert re.search(rf"(Vorige versie|Prior Version) {re.escape(header['prior'])} ", text)
    assert f"{modified_words} {header['modified']}" in text
