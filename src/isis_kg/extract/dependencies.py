"""Relations between the names of one sentence, read from its dependency parse (patterns/dependencies.yaml).

The surface patterns of relations.yaml read what stands next to each other; a parse also reads
what a clause says across the words between ("In de Diyala-provincie in oostelijk Irak heeft
ISIS zich opnieuw genesteld", "ISIS probeert zich terug te vechten in Syrië en Irak").
"""

from __future__ import annotations

from collections.abc import Iterator

from isis_kg.extract.clause import denies, negated, read_relation
from isis_kg.extract.context import Extraction, SentenceContext
from isis_kg.model import Mention, Relation, Sentence
from isis_kg.nlp.parse import FrogParser, Token
from isis_kg.reference import DependencyPattern, DependencyRules, ReferenceData

_LIFTED = ("cnj", "app")  # a member of a coordination, or an apposition, plays the role of its head


class ParsedRelationExtractor:
    """The relations of dependencies.yaml's patterns, read from the parse of a sentence with two names or more."""

    name = "parsed relations"

    def may_apply(self, context: SentenceContext) -> bool:
        return context.parser is not None and len(context.mentions) > 1

    def extract(self, context: SentenceContext) -> Extraction:
        assert context.parser is not None  # may_apply said so
        named, tokens = parse_names(context.sentence, context.mentions, context.parser, context.reference)
        return Extraction(relations=extract_parsed_relations(context.sentence, named, tokens, context.reference))


def parse_names(
    sentence: Sentence, mentions: list[Mention], parser: FrogParser, reference: ReferenceData
) -> tuple[list[Mention], list[Token]]:
    """The sentence's parse, each name one token standing for its class; the names the tokens point to."""
    placed = [(m, word) for m in mentions if (word := placeholder(m.entity_class, reference)) is not None]
    return [m for m, _ in placed], parser.parse(sentence, placed)


def placeholder(entity_class: str, reference: ReferenceData) -> str | None:
    for wanted, word in reference.dependency_rules.placeholders:
        if reference.is_a(entity_class, wanted):
            return word
    return None


def extract_parsed_relations(
    sentence: Sentence, mentions: list[Mention], tokens: list[Token], reference: ReferenceData
) -> list[Relation]:
    """Every relation the dependency patterns read from the parse; ``tokens[i].mention`` indexes ``mentions``."""
    if denies(sentence, reference):
        return []
    rules = reference.dependency_rules
    parse = _Parse(tokens)
    named = [(mentions[t.mention], t) for t in tokens if t.mention is not None]
    relations: list[Relation] = []
    for pattern in rules.patterns:
        for subject, subject_token in named:
            if not reference.is_a(subject.entity_class, pattern.subject_class):
                continue
            for obj, object_token in named:
                if obj.entity == subject.entity or not reference.is_a(obj.entity_class, pattern.object_class):
                    continue
                clause = _link(pattern, parse, subject_token, object_token, rules)
                if clause is None or parse.negated(clause, rules):
                    continue
                first, second = sorted((subject, obj), key=lambda m: m.start)
                if negated(sentence.text, first, second, reference):
                    continue
                span = (first.start, second.end)
                relations.append(
                    read_relation(sentence, subject.entity, pattern.predicate, obj.entity, pattern, span, reference)
                )
    return list(dict.fromkeys(relations))


class _Parse:
    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = {t.index: t for t in tokens}
        self.children: dict[int, list[Token]] = {}
        for token in tokens:
            self.children.setdefault(token.head, []).append(token)

    def head(self, token: Token) -> Token | None:
        return self.tokens.get(token.head)

    def role(self, token: Token) -> tuple[str, Token | None]:
        """The relation a name bears to the word it depends on, through coordinations and appositions."""
        current = token
        for _ in range(len(self.tokens)):
            above = self.head(current)
            if current.relation not in _LIFTED or above is None or above.relation == "ROOT":
                break
            current = above
        return current.relation, self.head(current)

    def clause_up(self, start: Token, top: Token, links: frozenset[str]) -> list[Token] | None:
        """The words from ``start`` up to ``top`` when each hangs on the next by a clause link."""
        path = [start]
        current = start
        for _ in range(len(self.tokens)):
            if current.index == top.index:
                return path
            above = self.head(current)
            if above is None or current.relation not in links:
                return None
            current = above
            path.append(current)
        return None

    def negated(self, clause: list[Token], rules: DependencyRules) -> bool:
        return any(child.lemma in rules.negation for word in clause for child in self.children.get(word.index, ()))


def _link(
    pattern: DependencyPattern, parse: _Parse, subject: Token, obj: Token, rules: DependencyRules
) -> list[Token] | None:
    """The words that link the two names by the pattern's shape, or None."""
    object_role, object_governor = parse.role(obj)
    if object_governor is None:
        return None
    if pattern.shape == "apposition":
        return _apposition(pattern, parse, subject, object_role, object_governor)
    subject_role, verb = parse.role(subject)
    if subject_role != "su" or verb is None:
        return None
    if pattern.prepositions:
        if object_role != "obj1" or _lemma(object_governor) not in pattern.prepositions:
            return None
        if object_governor.relation not in pattern.attachments:
            return None
        attached = parse.head(object_governor)
        clause = parse.clause_up(attached, verb, rules.clause_links) if attached is not None else None
    else:
        clause = parse.clause_up(object_governor, verb, rules.clause_links) if object_role == "obj1" else None
    if clause is None:
        return None
    if pattern.verbs and not any(_lemma(word) in pattern.verbs for word in _with_particles(parse, clause)):
        return None
    return clause


def _apposition(
    pattern: DependencyPattern, parse: _Parse, subject: Token, object_role: str, preposition: Token
) -> list[Token] | None:
    """ "Jansen, de leider van Hamas" (app), "Hamas is een tak van Hamas" (su ... predc)."""
    if object_role != "obj1" or _lemma(preposition) not in pattern.prepositions:
        return None
    noun = parse.head(preposition)
    if noun is None or _lemma(noun) not in pattern.nouns:
        return None
    if noun.relation == "app" and noun.head == subject.index:
        return [noun]
    subject_role, verb = parse.role(subject)
    if noun.relation == "predc" and subject_role == "su" and verb is not None and noun.head == verb.index:
        return [verb, noun]
    return None


def _with_particles(parse: _Parse, clause: list[Token]) -> Iterator[Token]:
    """The clause's words and what hangs on them as a particle or fixed part ("sloot zich aan", "trouw")."""
    for word in clause:
        yield word
        yield from parse.children.get(word.index, ())


def _lemma(token: Token) -> str:
    return token.lemma.split("_")[0]
