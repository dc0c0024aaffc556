"""isis-kg evaluate, train-recogniser and train-relations: the extractors scored on, and trained from, the gold
sets."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from isis_kg.cli.common import EXIT_OK, analyser_options, ontology_option

if TYPE_CHECKING:
    from isis_kg.cli.common import Commands
    from isis_kg.evaluate import CitationEvaluation, Evaluation, FigureEvaluation


def register(commands: Commands) -> None:
    parser = commands.add_parser("evaluate", help="precision, recall and F1 against the gold set")
    parser.add_argument(
        "--gold",
        type=Path,
        action="append",
        default=None,
        metavar="FILE",
        help="gold passages, each file scored on its own; may be repeated "
        "(default: tests/gold/passages.yaml and tests/gold/fresh.yaml)",
    )
    parser.add_argument(
        "--footnotes",
        type=Path,
        action="append",
        default=None,
        metavar="FILE",
        help="gold footnotes, each file and split scored on its own; may be repeated "
        "(default: every tests/gold/footnotes*.yaml)",
    )
    parser.add_argument(
        "--figures",
        type=Path,
        default=None,
        metavar="FILE",
        help="gold figures (default: tests/gold/quantities.yaml)",
    )
    ontology_option(parser)
    analyser_options(parser)
    parser.add_argument("--details", action="store_true", help="also list what was missed and what was spurious")
    parser.set_defaults(command=run_evaluate)

    parser = commands.add_parser(
        "train-recogniser", help="train the learned name recogniser on the annotated texts (deterministic)"
    )
    parser.add_argument(
        "--gold",
        type=Path,
        action="append",
        default=None,
        metavar="FILE",
        help="annotated passages to train on, their development and training splits "
        "(default: tests/gold/passages.yaml, fresh.yaml and training.yaml)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="DIR",
        help="where to write the model (default: the package's models/)",
    )
    ontology_option(parser)
    parser.set_defaults(command=run_train_recogniser)

    parser = commands.add_parser(
        "train-relations", help="train the learned relation classifier on the annotated texts (deterministic)"
    )
    parser.add_argument(
        "--gold",
        type=Path,
        action="append",
        default=None,
        metavar="FILE",
        help="annotated fresh passages to train on, their development and training splits "
        "(default: tests/gold/fresh.yaml and training.yaml)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="DIR",
        help="where to write the model (default: the package's models/)",
    )
    ontology_option(parser)
    parser.set_defaults(command=run_train_relations)


def run_evaluate(options: argparse.Namespace) -> int:
    from isis_kg.evaluate import (
        DEFAULT_CORPUS,
        DEFAULT_FIGURE_GOLD,
        DEFAULT_GOLD,
        FRESH_GOLD,
        evaluate,
        evaluate_citations,
        evaluate_figures,
        footnote_golds,
        reading_corpus,
    )
    from isis_kg.reference import load_reference

    reference = load_reference(options.ontology)
    with reading_corpus(
        DEFAULT_CORPUS,
        reference,
        options.ner,
        options.parser,
        model=options.model,
        relations=options.relations,
        relation_model=options.relation_model,
    ) as documents:
        passages = [
            split
            for gold in options.gold or [g for g in (DEFAULT_GOLD, FRESH_GOLD) if g.is_file()]
            for split in evaluate(gold, reference, documents=documents)
        ]
        figures = evaluate_figures(options.figures or DEFAULT_FIGURE_GOLD, reference, documents=documents)
    citations = [
        split
        for gold in options.footnotes or footnote_golds()
        for split in evaluate_citations(gold, reference=reference)
    ]
    print("\n".join([line for split in passages for line in split.table()]))
    print("\n".join([line for split in citations for line in split.table()]))
    print("\n".join(figures.table()))
    if options.details:
        _print_details(passages, citations, figures)
    return EXIT_OK


def _print_details(passages: list[Evaluation], citations: list[CitationEvaluation], figures: FigureEvaluation) -> None:
    for split in passages:
        print(f"\nmissed ({split.split}):")
        print("\n".join(f"  {' | '.join(item)}" for item in split.missed))
        print(f"spurious ({split.split}):")
        print("\n".join(f"  {' | '.join(item)}" for item in split.spurious))
    for citation_split in citations:
        print(f"citation fields wrong ({citation_split.gold_set}, {citation_split.split}):")
        print("\n".join(f"  {line}" for line in citation_split.wrong))
    for label, lines in (
        ("figures missed", figures.missed),
        ("figures spurious", figures.spurious),
        ("figure details wrong", figures.wrong),
    ):
        print(f"{label}:")
        print("\n".join(f"  {line}" for line in lines))


def run_train_recogniser(options: argparse.Namespace) -> int:
    from isis_kg.evaluate import DEFAULT_GOLD, FRESH_GOLD, TRAINING_GOLD
    from isis_kg.nlp.learned import model_directory
    from isis_kg.nlp.training import train
    from isis_kg.reference import load_reference

    golds = options.gold or [g for g in (DEFAULT_GOLD, FRESH_GOLD, TRAINING_GOLD) if g.is_file()]
    out = options.out or model_directory()
    card = train(golds, out, load_reference(options.ontology))
    for name, scores in card["sets"].items():
        print(
            f"{name}: {scores['sentences']} sentences, {scores['names']} names, fit P {scores['precision']:.2f} "
            f"R {scores['recall']:.2f}"
        )
    print(f"wrote {out}")
    return EXIT_OK


def run_train_relations(options: argparse.Namespace) -> int:
    from isis_kg.evaluate import FRESH_GOLD, TRAINING_GOLD
    from isis_kg.nlp.relation_model import model_directory
    from isis_kg.nlp.relation_training import train_relations
    from isis_kg.reference import load_reference

    golds = options.gold or [g for g in (FRESH_GOLD, TRAINING_GOLD) if g.is_file()]
    out = options.out or model_directory()
    card = train_relations(golds, out, load_reference(options.ontology))
    for name, scores in card["sets"].items():
        print(
            f"{name}: {scores['pairs']} pairs, {sum(scores['relations'].values())} relations, "
            f"fit P {scores['precision']:.2f} R {scores['recall']:.2f}"
        )
    print(f"wrote {out}")
    return EXIT_OK
