"""Event identity: which mentions of a document are one happening, and that happening's date.

A sentence tells what kind of event it names and where (see extract.events); whether two
mentions are one happening is a question of the whole document, and then of the corpus
(resolve.identify_across). The rules are those of the graph contract:

- mentions with different dates are different happenings ("de aanslag in Parijs van januari
  2015" and "de aanslagen van 13 november 2015 in Parijs");
- a mention dated less precisely ("in 2015") is the happening its date fits, where it fits
  exactly one more precise one; otherwise it is a happening of its own at that precision;
- a mention without a date is the happening it fits, where it fits exactly one; otherwise it is
  its own node, with no date;
- what happens once (the caliphate's proclamation) or to one person (a death) is never split.

A happening's key is its kind, place and date ("event/attack/parijs/2015-11-13"), so the same
happening dated alike by two documents is one node without any look at the other document.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace

from isis_kg.extract.events import OPERATES_FACTOR
from isis_kg.model import EVENT_KEY_PREFIX, DateValue, EventMention, Relation


def fits(less: DateValue, more: DateValue) -> bool:
    """Whether ``less`` is ``more`` read at a coarser (or the same) precision: 2015 fits 2015-11-13."""
    return (
        less.year == more.year
        and (less.month is None or less.month == more.month)
        and (less.day is None or less.day == more.day)
    )


def agreed_date(dates: Iterable[DateValue]) -> DateValue | None:
    """The most precise of the dates that every other date fits or is fitted by: what all the
    sources agree on. 2015, 2015-11 and 2015-11-13 agree on 2015-11-13; 2014-06-29 and 2014-07
    agree on nothing either says (so the event gets no date, and each claim stays a statement)."""
    claimed = set(dates)
    agreed = [d for d in claimed if all(fits(d, other) or fits(other, d) for other in claimed)]
    return max(agreed, key=_precision_rank, default=None)  # agreeing dates fit one another: one is finest


def dated_target(date: DateValue | None, dates: set[DateValue]) -> DateValue | None:
    """The one happening's date in ``dates`` that a mention dated ``date`` (or undated) belongs to:
    the most precise dates it fits, if exactly one; else its own date."""
    candidates = [d for d in dates if date is None or fits(date, d)]
    finest = {d for d in candidates if not any(d != other and fits(d, other) for other in candidates)}
    if len(finest) == 1:
        return next(iter(finest))
    return date


def happening_key(mention: EventMention, date: DateValue | None) -> str:
    """The node key of the happening: kind, place and date, as far as each is known."""
    if mention.once:
        return mention.key
    parts = [mention.pattern] + ([mention.place] if mention.place else []) + ([date.lexical] if date else [])
    if len(parts) == 1:  # neither place nor date: the sentence's own key says what it is
        return mention.key
    return EVENT_KEY_PREFIX + "/".join(parts)


def dated_labels(
    labels: tuple[tuple[str, str], ...], date: DateValue | None, once: bool
) -> tuple[tuple[str, str], ...]:
    """A happening's label names its date, so that two attacks in Paris are told apart."""
    if date is None or once:
        return labels
    return tuple((language, f"{label} ({date.lexical})") for language, label in labels)


@dataclass(frozen=True)
class _Group:
    """Mentions that may be one happening: the same kind, at the same place (or at none)."""

    pattern: str
    place: str | None
    once_key: str | None  # a happening that is never split: its sentence key


def identify_events(
    events: list[EventMention],
    relations: list[Relation],
    organisations: Collection[str] = (),
    sites: Collection[str] = (),
) -> tuple[list[EventMention], list[Relation]]:
    """The document's event mentions keyed by the happening each is one mention of, each with that
    happening's date; the relations about each mention follow its new key. Every date a sentence
    gives stays a claim (a statement); the happening's own date is the one they agree on.
    ``organisations``: the document's organisations, who operate where their events happen, unless
    that is a building or a site (``sites``)."""
    dates: dict[tuple[int, str], set[DateValue]] = {}
    for relation in relations:
        if relation.predicate == "date" and isinstance(relation.object, DateValue):
            dates.setdefault((relation.sentence, relation.subject), set()).add(relation.object)

    events, relations = _told_before(events, relations, dates, organisations, sites)

    def own_date(mention: EventMention) -> DateValue | None:
        return agreed_date(dates.get((mention.sentence, mention.key), ()))

    groups: dict[_Group, list[EventMention]] = {}
    for mention in events:
        group = _Group(mention.pattern, mention.place, mention.key if mention.once else None)
        groups.setdefault(group, []).append(mention)

    identified: dict[int, EventMention] = {}  # by the mention's place in ``events``
    position = {id(m): n for n, m in enumerate(events)}
    renamed: dict[tuple[int, str], str] = {}
    for members in groups.values():
        if members[0].once:
            date = agreed_date(d for m in members for d in dates.get((m.sentence, m.key), ()))
            chosen = {id(m): date for m in members}
        else:
            dated = {d for m in members if (d := own_date(m)) is not None}
            # the happenings are the dates that stay themselves; an undated mention fits only those
            happenings = {t for d in dated if (t := dated_target(d, dated)) is not None}
            chosen = {
                id(m): dated_target(own_date(m), dated) if own_date(m) is not None else dated_target(None, happenings)
                for m in members
            }
        for mention in members:
            date = chosen[id(mention)]
            key = happening_key(mention, date)
            renamed[(mention.sentence, mention.key)] = key
            identified[position[id(mention)]] = replace(mention, key=key, date=date)
    moved = [
        replace(r, subject=renamed[(r.sentence, r.subject)]) if (r.sentence, r.subject) in renamed else r
        for r in relations
    ]
    return [identified[n] for n in sorted(identified)], moved


# how many sentences back the event a mention points back to may stand ("IS eiste de aanslag op")
TOLD_BEFORE_REACH = 2


def _told_before(
    events: list[EventMention],
    relations: list[Relation],
    dates: dict[tuple[int, str], set[DateValue]],
    organisations: Collection[str],
    sites: Collection[str],
) -> tuple[list[EventMention], list[Relation]]:
    """Mentions that point back ("de aanslag", "die aanval") as mentions of the last event of their
    kind a little before, at its place and with its date; those with none before are dropped, with
    their facts. An organisation that did it ("IS eiste de aanslag op") operates where it happened."""
    kept: list[EventMention] = []
    dropped: set[tuple[int, str]] = set()
    operating: list[Relation] = []
    told = [m for m in events if not m.refers_back]
    for mention in events:
        if not mention.refers_back:
            kept.append(mention)
            continue
        # the nearest sentence before (or its own: "ontplofte een bom in Kasindi; IS eiste de aanslag op",
        # whose triggers a sentence lists in no order of the text)
        before = max(
            (
                m
                for m in told
                if m.pattern == mention.pattern and 0 <= mention.sentence - m.sentence <= TOLD_BEFORE_REACH
            ),
            key=lambda m: m.sentence,
            default=None,
        )
        if before is None:
            dropped.add((mention.sentence, mention.key))
            continue
        dates[(mention.sentence, mention.key)] = dates.get((before.sentence, before.key), set())
        kept.append(replace(mention, place=before.place, once=before.once, refers_back=False))
        operating += _operates_where(mention, before, relations, organisations, sites)
    return kept, [r for r in relations if (r.sentence, r.subject) not in dropped] + operating


def _operates_where(
    mention: EventMention,
    before: EventMention,
    relations: list[Relation],
    organisations: Collection[str],
    sites: Collection[str],
) -> list[Relation]:
    """The organisations that did what ``mention`` points back to operate where ``before`` says it
    happened; the fact rests on both sentences."""
    places = [
        r.object
        for r in relations
        if (r.sentence, r.subject, r.predicate) == (before.sentence, before.key, "occurredIn") and r.object not in sites
    ]
    return [
        Relation(
            str(r.object),
            "operatesIn",
            place,
            mention.sentence,
            f"{mention.pattern}/perpetrator-operates-in-place",
            round(r.confidence * OPERATES_FACTOR, 3),
            r.hedged,
            context=before.sentence if before.sentence != mention.sentence else None,
        )
        for r in relations
        if (r.sentence, r.subject, r.predicate) == (mention.sentence, mention.key, "perpetrator")
        and r.object in organisations
        for place in places
    ]


def _precision_rank(date: DateValue) -> int:
    return 3 if date.day is not None else 2 if date.month is not None else 1
