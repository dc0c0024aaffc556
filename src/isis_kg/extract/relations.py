"""Relations between entity mentions of one sentence, read with the patterns of relations.yaml."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from isis_kg.extract.clause import CLAUSE_BREAK, break_between, denies, joins, negated, overlaps, read_relation
from isis_kg.extract.context import Extraction, SentenceContext
from isis_kg.extract.mentions import anaphors, lies_within, operates_anywhere
from isis_kg.model import DateValue, Mention, Relation, Sentence
from isis_kg.nlp.dates import YEAR, DateMatch
from isis_kg.nlp.entities import country_of_part
from isis_kg.reference import ReferenceData, RelationPattern

NAME_PATTERN_PREFIX = "name/"
NAME_CONFIDENCE = 0.95  # a name that states its parent or region ("ISIS in Libië")


class RelationExtractor:
    """The relations of relations.yaml's patterns between a sentence's names, and those its names state."""

    name = "relations"

    def may_apply(self, context: SentenceContext) -> bool:
        return True  # a name alone may state a relation ("ISIS in Libië")

    def extract(self, context: SentenceContext) -> Extraction:
        text = context.sentence.text
        # a fact's "since" is a date the text gives, so with its year: most sentences need no dates for it
        wants_dates = bool(YEAR.search(text)) and context.reference.relation_rules.since.may_apply(text)
        dates = context.dates if wants_dates else []
        relations = extract_relations(
            context.sentence, context.mentions, context.reference, context.names_before, dates
        )
        return Extraction(relations=relations)


def extract_relations(
    sentence: Sentence,
    mentions: list[Mention],
    reference: ReferenceData,
    previous: Sequence[Mention] = (),
    dates: Sequence[DateMatch] = (),
) -> list[Relation]:
    """Every relation the patterns read from the sentence, plus those its names state.

    A negated relation is not made; one in a hedged sentence is marked as such. ``previous`` are the
    names of the sentences before (relation_rules.anaphora_reach of them), which words such as
    "deze regio" point back to; ``dates`` those of the sentence, which may say since when a fact holds.
    """
    rules = reference.relation_rules
    text = _as_patterns_read(sentence.text, mentions, reference)
    relations = _implied_by_name(sentence, mentions, reference)
    if denies(sentence, reference):
        return relations
    adjectives = _adjectives(sentence, mentions, reference)
    pointing = anaphors(sentence, mentions, previous, reference)
    stand_ins = _stand_ins(sentence, mentions, reference)
    readable = sorted([*mentions, *adjectives, *pointing, *stand_ins], key=lambda m: (m.start, m.end))
    context = pointing.get  # the sentence of the name an anaphor stands for, if before this one
    for i, first in enumerate(readable):
        for second in readable[i + 1 :]:
            if second.start - first.end > rules.max_gap:
                break
            if second.start < first.end:
                continue  # a name inside another ("Celle" in "Oberlandesgericht Celle") is no second name
            between = text[first.end : second.start]
            for pattern in rules.patterns:
                if (first in adjectives) != pattern.first_adjective or (
                    second in adjectives
                ) != pattern.second_adjective:
                    continue
                if not _fits(pattern, first, second, reference):
                    continue
                if any(pattern.id not in stand_ins[m] for m in (first, second) if m in stand_ins):
                    continue
                if not pattern.between.fullmatch(between):
                    continue
                if pattern.before is not None and not pattern.before.search(text, 0, first.start):
                    continue
                if pattern.not_before is not None and pattern.not_before.search(text, 0, first.start):
                    continue
                if pattern.after is not None and not pattern.after.match(text, second.end):
                    continue
                if pattern.nearest and _name_between(mentions, first, second, pattern, reference):
                    continue
                if negated(text, first, second, reference):
                    continue
                members = [second] + (_list_members(text, mentions, second, reference) if pattern.object_list else [])
                for member in members:
                    subject, obj = (first, member) if pattern.first_role == "subject" else (member, first)
                    if subject.entity == obj.entity or reference.kind_of(subject.entity) in pattern.subject_not_kind:
                        continue
                    if pattern.within_known and not lies_within(subject, obj, reference):
                        continue
                    if pattern.predicate == "operatesIn" and not operates_anywhere(subject, obj, reference):
                        continue
                    span = (min(first.start, member.start), max(first.end, member.end))
                    earlier = [n for n in (context(first), context(member)) if n is not None]
                    relation = read_relation(
                        sentence,
                        subject.entity,
                        pattern.predicate,
                        obj.entity,
                        pattern,
                        span,
                        reference,
                        min(earlier, default=None),
                    )
                    relations.append(replace(relation, since=since(text, span, pattern.predicate, dates, reference)))
    return _unique(relations)


def _as_patterns_read(text: str, mentions: list[Mention], reference: ReferenceData) -> str:
    """The sentence with "op" before a place that takes it ("op de Filipijnen") written "in", so that
    patterns say "in" once for all places; same length, so every offset holds."""
    chars = list(text)
    for mention in mentions:
        known = reference.entities.get(mention.entity)  # names found by their cues are in no list
        if known is None or known.preposition != "op":
            continue
        match = reference.relation_rules.op_before.search(text, 0, mention.start)
        if match:
            chars[match.start("op") : match.end("op")] = "in" if match.group("op").islower() else "In"
    return "".join(chars)


def since(
    text: str, span: tuple[int, int], predicate: str, dates: Sequence[DateMatch], reference: ReferenceData
) -> DateValue | None:
    """Since when the fact read from ``span`` holds, as the sentence says: a date right after "sinds"
    in a clause that says the fact holds ("Sinds 2014 is ISIS actief in Libië"), or the date of a clause
    whose verb says the fact began ("werd in 2013 in Syrië actief"). Only near the fact's names, within
    their clause, and only a date the text gives (not one resolved from "vorig jaar")."""
    rules = reference.relation_rules.since
    if predicate not in rules.predicates:
        return None
    near = [
        date
        for date in dates
        if date.resolved_from is None
        and max(date.start - span[1], span[0] - date.end) <= rules.reach
        and not break_between(text, span, (date.start, date.end))
    ]
    for date in near:
        # the verb may stand anywhere in the clause: "werd ... in 2013 ... in Syrië actief"
        before = [m.end() for m in CLAUSE_BREAK.finditer(text, 0, min(date.start, span[0]))]
        after = CLAUSE_BREAK.search(text, max(date.end, span[1]))
        clause = text[before[-1] if before else 0 : after.start() if after else len(text)]
        cued = any(cue.end() == date.start for cue in rules.cue.finditer(text, max(0, date.start - 40), date.start))
        if rules.onset.search(clause) or (cued and rules.state.search(clause)):
            return date.value
    return None


def _stand_ins(sentence: Sentence, mentions: list[Mention], reference: ReferenceData) -> dict[Mention, frozenset[str]]:
    """Words that stand for one entity ("het 'kalifaat'" for ISIS), as mentions of it, each with
    the ids of the patterns that may read it; never part of a name."""
    found = {}
    for stand_in in reference.relation_rules.stand_ins:
        entity = reference.entities[stand_in.entity]
        for match in stand_in.words.finditer(sentence.text):
            start, end = match.span()
            if not overlaps(start, end, mentions):
                mention = Mention(entity.id, entity.entity_class, match.group(), sentence.index, start, end)
                found[mention] = stand_in.patterns
    return found


def _adjectives(sentence: Sentence, mentions: list[Mention], reference: ReferenceData) -> list[Mention]:
    """A region's adjectives in the sentence ("Syrische"), as mentions of the region for the patterns
    that read them; never part of a name."""
    found = []
    for match in reference.adjective_pattern.finditer(sentence.text):
        start, end = match.span()
        if overlaps(start, end, mentions):
            continue
        region = reference.entities[reference.adjective_owners[match.group()]]
        found.append(Mention(region.id, region.entity_class, match.group(), sentence.index, start, end))
    return found


def _fits(pattern: RelationPattern, first: Mention, second: Mention, reference: ReferenceData) -> bool:
    return reference.is_a(first.entity_class, pattern.first_class) and reference.is_a(
        second.entity_class, pattern.second_class
    )


def _name_between(
    mentions: list[Mention], first: Mention, second: Mention, pattern: RelationPattern, reference: ReferenceData
) -> bool:
    return any(
        first.end <= m.start
        and m.end <= second.start
        and m.entity != first.entity  # its own other names ("ISIS (ook wel IS)") are no other organisation
        and reference.is_a(m.entity_class, pattern.first_class)
        for m in mentions
    )


def _list_members(text: str, mentions: list[Mention], head: Mention, reference: ReferenceData) -> list[Mention]:
    """The names joined to ``head`` as a list in ``text`` (the sentence as patterns read it, so "en op
    de Balkan" joins as "en in de Balkan"): "Syrië, Irak en Libië"."""
    members: list[Mention] = []
    last = head
    for candidate in mentions:
        if candidate.start < last.end:
            continue
        if candidate.entity == last.entity and text[last.end : candidate.start].strip() == "(":
            last = candidate  # its abbreviation in brackets: "Al Qaida in Irak (AQI) en ..."
            continue
        if not joins(text, last, candidate, reference):
            break
        if reference.relation_rules.own_place.match(text, candidate.end):
            break  # "AMISOM in Somalië, en Saoedi-Arabië in Jemen": a pair of its own, not a list member
        if not reference.is_a(candidate.entity_class, head.entity_class) and not reference.is_a(
            head.entity_class, candidate.entity_class
        ):
            break
        members.append(candidate)
        last = candidate
    return members


def _implied_by_name(sentence: Sentence, mentions: list[Mention], reference: ReferenceData) -> list[Relation]:
    """Relations a name states itself: "ISIS in Libië", and so its short name "ISIS-L", is ISIS's
    franchise in Libya; "Noord-Irak" lies in Iraq."""
    relations = []
    for mention in mentions:
        entity = reference.entities.get(mention.entity)
        if entity is None and reference.is_a(mention.entity_class, "Organisation"):
            relations += [
                Relation(
                    mention.entity, predicate, target, sentence.index, NAME_PATTERN_PREFIX + predicate, NAME_CONFIDENCE
                )
                for predicate, target in named_parent(mention.surface, reference)
            ]
            continue
        if entity is None:
            country = country_of_part(mention.surface, reference) if mention.entity_class == "Region" else None
            if country is not None:
                relations.append(
                    Relation(
                        mention.entity,
                        "locatedIn",
                        country,
                        sentence.index,
                        NAME_PATTERN_PREFIX + "locatedIn",
                        NAME_CONFIDENCE,
                    )
                )
            continue
        for predicate, target in sorted(entity.implied_by_name.items()):
            relations.append(
                Relation(
                    mention.entity,
                    predicate,
                    target,
                    sentence.index,
                    NAME_PATTERN_PREFIX + predicate,
                    NAME_CONFIDENCE,
                )
            )
    return relations


def named_parent(surface: str, reference: ReferenceData) -> list[tuple[str, str]]:
    """What a new organisation's name says of it when it holds a known group's name at its start or end
    and more besides: "Islamitische Staat Somalië", "Provincie West-Afrika van de Islamitische Staat" are
    that group's franchises, active in the place the rest names."""
    links, provinces = reference.relation_rules.name_links, reference.relation_rules.province_words
    words = surface.split()
    for k in range(1, len(words)):
        for parent_words, rest in ((words[: len(words) - k], words[len(words) - k :]), (words[k:], words[:k])):
            while parent_words and parent_words[0] in links:
                parent_words = parent_words[1:]
            parent = _only_owner(" ".join(parent_words), reference, "Organisation")
            if parent is None or reference.entities[parent].entity_class != "Organisation":
                continue
            if not any(word[:1].isupper() for word in rest):
                continue
            # the rest is a place, or says it is a province, or both: "Somalië", "West-Afrika Provincie"
            province = any(word.lower() in provinces for word in rest)
            rest = [word for word in rest if word not in links and word.lower() not in provinces]
            place = _only_owner(" ".join(rest), reference, "Region") if rest else None
            if place is None and not province:
                return []  # "ISIS Groups", "Malhama Tactical Russischtalig": no branch by its name
            return [("franchiseOf", parent)] + ([("operatesIn", place)] if place is not None else [])
    return []


def _only_owner(name: str, reference: ReferenceData, wanted: str) -> str | None:
    owners = [o for o in reference.owners_of(name) if reference.is_a(reference.entities[o].entity_class, wanted)]
    return owners[0] if len(owners) == 1 else None


def keep_first_naming(relations: list[Relation]) -> list[Relation]:
    """Of the relations a name states, keep those of its first sentence in the document.

    "ISIS-L" states that it is a franchise of ISIS every time it is written; the sentence
    that introduces the name is the evidence a reader wants, not its hundredth use.
    """
    seen: set[tuple[str, str, object]] = set()
    kept = []
    for relation in relations:
        if relation.pattern.startswith(NAME_PATTERN_PREFIX):
            key = (relation.subject, relation.predicate, relation.object)
            if key in seen:
                continue
            seen.add(key)
        kept.append(relation)
    return kept


def strongest_per_sentence(relations: list[Relation]) -> list[Relation]:
    """One relation per fact and sentence: where two patterns read the same fact from one sentence,
    the surest (then the first) is kept, so that its statement node has one pattern and one confidence."""
    best: dict[tuple[str, str, object, int], Relation] = {}
    for relation in relations:
        key = (relation.subject, relation.predicate, relation.object, relation.sentence)
        if key not in best or relation.confidence > best[key].confidence:
            best[key] = relation
    return [r for r in relations if best[(r.subject, r.predicate, r.object, r.sentence)] is r]


def _unique(relations: list[Relation]) -> list[Relation]:
    return list(dict.fromkeys(relations))
