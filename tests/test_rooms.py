"""The build's and the report's modules stay small enough to read: none over 600 lines, no function over 80."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "isis_kg"
MODULES = [
    "pipeline.py",
    "stages.py",
    "execution.py",
    "outputs.py",
    *sorted(
        str(p.relative_to(PACKAGE))
        for folder in ("extract", "cli", "reference", "report")
        for p in (PACKAGE / folder).glob("*.py")
    ),
]


@pytest.mark.parametrize("name", MODULES)
def test_a_module_of_the_build_is_small(name: str) -> None:
    path = PACKAGE / name
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 600, f"{path.name} has {len(text.splitlines())} lines"
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            assert length <= 80, f"{path.name}: {node.name} has {length} lines"
