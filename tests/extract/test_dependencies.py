"""Relations read from Frog's dependency parse (patterns/dependencies.yaml), on sentences of the corpus's kind."""

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from isis_kg.extract.dependencies import extract_parsed_relations, parse_names
from isis_kg.ingest import SourceFile
from isis_kg.ingest.catalogue import Catalogue
from isis_kg.model import Relation
from isis_kg.nlp import Analysers
from isis_kg.nlp.parse import FrogParser
from isis_kg.stages import process_document


@pytest.fixture(scope="module")
def frog() -> Iterator[FrogParser]:
    if shutil.which("frog") is None:
        pytest.fail("this test needs Frog: install Debian's frog and frogdata (make test does)")
    parser = FrogParser()
    yield parser
    parser.close()


@pytest.fixture
def parsed(reference, matcher, sentences_of, frog):  # type: ignore[no-untyped-def]
    """Text -> the relations the dependency patterns read from its first sentence."""

    def run(text: str) -> list[Relation]:
        sentence = sentences_of(text)[0]
        names, tokens = parse_names(sentence, matcher.find(sentence), frog, reference)
        return extract_parsed_relations(sentence, names, tokens, reference)

    return run


def facts(relations: list[Relation]) -> set[tuple[str, str, object]]:
    return {(r.subject, r.predicate, r.object) for r in relations}


def test_a_place_that_opens_the_clause_is_where_its_subject_operates(parsed) -> None:
    # after NCTV 2017: the region that only says where the province lies is not read
    found = parsed("In de Diyala-provincie in oostelijk Irak heeft ISIS zich opnieuw genesteld.")
    assert facts(found) == {("isis", "operatesIn", "diyala")}
    assert [r.pattern for r in found] == ["parse/operates-in/locative"]


def test_every_member_of_a_coordination_counts(parsed) -> None:
    assert facts(parsed("ISIS is actief in Syrië en Irak.")) == {
        ("isis", "operatesIn", "syrie"),
        ("isis", "operatesIn", "irak"),
    }


def test_a_negated_clause_gives_nothing_and_a_hedged_one_is_marked(parsed) -> None:
    assert parsed("ISIS is niet actief in Jemen.") == []
    (hedged,) = parsed("ISIS zou actief zijn in Jemen.")
    assert (hedged.predicate, hedged.object, hedged.hedged, hedged.confidence) == ("operatesIn", "jemen", True, 0.4)


def test_an_apposition_and_a_predicate_noun_name_leader_and_branch(parsed) -> None:
    assert facts(parsed("Abu Bakr al-Baghdadi, de leider van ISIS, riep het kalifaat uit.")) == {
        ("abu-bakr-al-baghdadi", "leaderOf", "isis")
    }
    assert facts(parsed("Jabhat al-Nusra is een tak van Al Qaida.")) == {("jabhat-al-nusra", "franchiseOf", "al-qaida")}


def test_fighting_against_is_opposing(parsed) -> None:
    assert ("al-qaida", "opposes", "isis") in facts(parsed("Al Qaida vecht tegen ISIS in Syrië."))


def test_a_build_with_the_parser_keeps_the_parsed_fact_with_its_sentence(reference, frog) -> None:
    # NCTV 2017
    text = "In 2016 claimde ISIS 1.112 ‘martelaaroperaties’ in Syrië en Irak.\n"
    source = SourceFile(Path("bericht.txt"), hashlib.sha256(text.encode()).hexdigest(), text)
    without = process_document(source, Catalogue(), reference, Analysers.create(reference))
    assert not [r for r in without.relations if r.pattern.startswith("parse/")]
    analysers = Analysers.create(reference)
    analysers.parser = frog
    document = process_document(source, Catalogue(), reference, analysers)
    parsed = {
        (r.subject, r.predicate, r.object, r.sentence) for r in document.relations if r.pattern.startswith("parse/")
    }
    assert parsed == {("isis", "operatesIn", "syrie", 0), ("isis", "operatesIn", "irak", 0)}
    assert b"parse/operates-in/locative" in document.ntriples
