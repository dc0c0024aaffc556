"""Snippets of the corpus and the graph each must give, compared by isomorphism.

Each folder under tests/cases/ holds ``input.txt`` and ``expected.ttl``. The build record
(the prov:Activity, whose hashes change with every edit of the reference data) is left out
of the comparison. After a deliberate change, regenerate with
``ISIS_KG_UPDATE_CASES=1 pytest tests/test_cases.py`` and review the diff.
"""

import os
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import graph_diff, isomorphic
from rdflib.namespace import PROV, RDF

from isis_kg import build
from isis_kg.outputs import GRAPH_FILE

CASES = Path(__file__).parent / "cases"


def without_build_record(graph: rdflib.Graph) -> rdflib.Graph:
    for activity in list(graph.subjects(RDF.type, PROV.Activity)):
        graph.remove((activity, None, None))
    return graph


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if (p / "input.txt").is_file()))
def test_case(case: str, tmp_path: Path) -> None:
    folder = CASES / case
    result = build([folder / "input.txt"], tmp_path)
    assert result.conforms
    produced = without_build_record(rdflib.Graph().parse(tmp_path / GRAPH_FILE))
    expected_path = folder / "expected.ttl"
    if os.environ.get("ISIS_KG_UPDATE_CASES"):
        expected_path.write_bytes((tmp_path / GRAPH_FILE).read_bytes())
    expected = without_build_record(rdflib.Graph().parse(expected_path))
    if not isomorphic(produced, expected):
        _both, only_produced, only_expected = graph_diff(produced, expected)
        pytest.fail(
            "graph differs from expected.ttl\n  produced only:\n"
            + "\n".join(f"    {t}" for t in sorted(only_produced))
            + "\n  expected only:\n"
            + "\n".join(f"    {t}" for t in sorted(only_expected))
        )
