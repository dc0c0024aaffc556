"""The explorer: one self-contained, offline HTML page of a build, for analysts who judge the facts.

An overview (counts, the SHACL result, the build record, the curation decisions), the network of
organisations, franchises, regions and persons (laid out by Cytoscape.js), a timeline of events,
a card for every entity and event with each fact and its evidence, and a review queue; each card
and fact gives the curation.yaml decision to reject, merge, retype or link. Everything comes from
the built graph through the SPARQL of report/queries/, so the page shows what a triplestore holds.
"""

from __future__ import annotations

from pathlib import Path

from isis_kg.outputs import write_outputs
from isis_kg.reference import ReferenceData
from isis_kg.report.collect import collect
from isis_kg.report.page import render
from isis_kg.report.payload import payload

REPORT_NAME = "report.html"


def write_report(graph_dir: Path | str, reference: ReferenceData, out: Path | str | None = None) -> Path:
    """Write the explorer page of the build in ``graph_dir`` (default: ``graph_dir/report.html``)."""
    graph_dir = Path(graph_dir)
    target = Path(out) if out is not None else graph_dir / REPORT_NAME
    page = render(payload(collect(graph_dir, reference)))
    write_outputs(target.parent, {target.name: page.encode("utf-8")})
    return target
