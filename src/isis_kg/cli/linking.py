"""isis-kg link: Wikidata items proposed for the reference entities without a verified QID."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from isis_kg.cli.common import EXIT_OK, default_cache, ontology_option

if TYPE_CHECKING:
    from isis_kg.cli.common import Commands


def register(commands: Commands) -> None:
    parser = commands.add_parser("link", help="look up Wikidata items for entities without a verified QID")
    parser.add_argument("--endpoint", metavar="URL", help="SPARQL endpoint (default: Wikidata's)")
    parser.add_argument(
        "--cache",
        type=Path,
        default=None,
        metavar="DIR",
        help="answers are kept here, so a rerun needs no network",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("wikidata-links.yaml"),
        metavar="FILE",
        help="proposed links and the review list (default: wikidata-links.yaml)",
    )
    parser.add_argument(
        "--min-interval",
        type=float,
        default=None,
        metavar="SECONDS",
        help="seconds between requests (default: wikidata.yaml's; keep it for Wikidata)",
    )
    ontology_option(parser)
    parser.set_defaults(command=run_link)


def run_link(options: argparse.Namespace) -> int:
    from isis_kg.link import WikidataClient, link_entities, load_link_settings, reference_targets, review_file
    from isis_kg.reference import load_reference

    reference = load_reference(options.ontology)
    settings = load_link_settings(reference, options.endpoint)
    if options.min_interval is not None:
        settings = replace(settings, min_interval=options.min_interval)
    client = WikidataClient(settings, options.cache or default_cache("wikidata"))
    decisions = link_entities(reference_targets(reference), reference, client)
    options.out.write_text(review_file(decisions, settings), encoding="utf-8")
    proposed = sum(1 for d in decisions if d.qid)
    print(
        f"{proposed} of {len(decisions)} entities have a proposed link; "
        f"the rest are listed for review in {options.out}."
    )
    return EXIT_OK
