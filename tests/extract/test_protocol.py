"""The per-sentence extractors: one protocol, each deciding itself whether it applies, none importing another."""

import ast
from pathlib import Path

from isis_kg.extract.context import SentenceContext
from isis_kg.model import DocumentMeta
from isis_kg.stages import EXTRACTORS

EXTRACT = Path(__file__).resolve().parents[2] / "src" / "isis_kg" / "extract"
EXTRACTOR_MODULES = {"relations", "events", "quantities", "dependencies", "pairs"}


def test_no_extractor_imports_another() -> None:
    for name in sorted(EXTRACTOR_MODULES):
        tree = ast.parse((EXTRACT / f"{name}.py").read_text(encoding="utf-8"))
        imported = {
            node.module.rsplit(".", 1)[-1]
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("isis_kg.extract.")
        }
        assert not imported & (EXTRACTOR_MODULES - {name}), f"extract/{name}.py imports {imported}"


def test_each_extractor_decides_whether_it_applies(reference, matcher, sentences_of) -> None:
    sentence = sentences_of("ISIS is actief in Syrië.")[0]
    context = SentenceContext(sentence, matcher.find(sentence), [], [], None, DocumentMeta("0" * 64), reference)
    applying = [e.name for e in EXTRACTORS if e.may_apply(context)]
    assert applying == ["relations"]  # no figure, no event, no parser
    relations = [r for e in EXTRACTORS if e.may_apply(context) for r in e.extract(context).relations]
    assert ("isis", "operatesIn", "syrie") in {(r.subject, r.predicate, r.object) for r in relations}
