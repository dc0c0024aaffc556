"""isis-kg check-ontology: the project's ontology passes, and each kind of pitfall is caught."""

import shutil
from pathlib import Path

from isis_kg.check import ERROR, check_ontology
from isis_kg.cli import main
from isis_kg.reference import load_reference

from conftest import GRAPH, ONTOLOGY


def test_the_ontology_and_shapes_have_no_error_level_pitfall(reference) -> None:
    pitfalls = check_ontology(reference, GRAPH / "graph.ttl")
    assert [p.line() for p in pitfalls if p.level == ERROR] == []
    assert any(p.check == "unused-in-graph" and p.term == "ikg:injured" for p in pitfalls)


def test_each_pitfall_is_reported(tmp_path: Path, capsys) -> None:
    ontology = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY, ontology)
    owl = ontology / "isis-kg.ttl"
    text = owl.read_text(encoding="utf-8")
    text = text.replace('rdfs:label "persoon"@nl , "person"@en ;', 'rdfs:label "person"@en ;')
    text = text.replace(
        "    rdfs:domain ikg:Region ; rdfs:range ikg:Region ;\n    rdfs:subPropertyOf schema:containedInPlace ;",
        "    rdfs:subPropertyOf schema:containedInPlace ;",
    )
    text = text.replace(
        "    rdfs:subClassOf ikg:Event ; rdfs:isDefinedBy <https://w3id.org/isis-kg/ontology> .\n\nikg:Fall",
        "    rdfs:isDefinedBy <https://w3id.org/isis-kg/ontology> .\n\nikg:Fall",
        1,
    )
    owl.write_text(text, encoding="utf-8")
    shapes = ontology / "shapes.ttl"
    shapes.write_text(
        shapes.read_text(encoding="utf-8").replace(
            "sh:path ikg:operatesIn ; sh:class ikg:Region ;", "sh:path ikg:operatesIn ; sh:class ikg:Person ;"
        )
        + "\nshape:Extra a sh:NodeShape ; sh:targetClass ikg:Terrorist .\n",
        encoding="utf-8",
    )
    found = {(p.check, p.term) for p in check_ontology(load_reference(ontology)) if p.level == ERROR}
    assert ("missing-label", "ikg:Person") in found
    assert ("missing-domain", "ikg:locatedIn") in found and ("missing-range", "ikg:locatedIn") in found
    assert ("outside-hierarchy", "ikg:Attack") in found
    assert ("unknown-in-shapes", "ikg:Terrorist") in found
    assert ("shape-contradicts-range", "ikg:operatesIn") in found
    assert main(["check-ontology", "--ontology", str(ontology)]) == 1
    assert "error(s)" in capsys.readouterr().out


def test_the_command_exits_0_on_the_project(capsys) -> None:
    assert main(["check-ontology"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("0 error(s)")
