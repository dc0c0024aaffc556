"""Date expressions in Dutch (and English) text, at the precision the text gives.

Relative dates ("eind maart", "vorig jaar", "afgelopen week") are resolved against the date of
the document, never to a precision finer than that date; the match keeps the words it was
resolved from, so that the graph can say so.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from isis_kg.model import DateValue, Precision
from isis_kg.reference import ReferenceData, RelativeDateForm

_RANK = {Precision.YEAR: 0, Precision.MONTH: 1, Precision.DAY: 2}
# A year as a bare number ("2015"), the years dates.yaml's forms read: a figure shaped so is a
# year, not a count, and a sentence without one gives no date a fact holds since
YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True)
class DateMatch:
    value: DateValue
    start: int
    end: int
    form: str
    resolved_from: str | None = None  # the relative expression, when resolved against the document's date


def story_years(text: str, reference: ReferenceData) -> list[int]:
    """The years ``text`` names as the time its story is in: not those it measures from or compares
    with ("sinds 2015", "dan in 2021")."""
    return [
        int(match.group())
        for match in YEAR.finditer(text)
        if not reference.not_story_year.search(text, max(0, match.start() - 40), match.start())
    ]


def find_dates(
    text: str,
    reference: ReferenceData,
    anchor: DateValue | None = None,
    narrative_year: int | None = None,
    story_year: int | None = None,
) -> list[DateMatch]:
    """Non-overlapping date expressions in ``text``; earlier forms in dates.yaml win.

    With ``anchor`` (the document's date), relative expressions are found and resolved too. A day or
    a month without its year ("op 30 juli", "half januari") is in the year the story last named: a
    year earlier in ``text``, else ``narrative_year`` (the last its paragraph named before); else
    the document's year when it falls in the weeks before the document's date; else ``story_year``
    (the last year the document named before the paragraph), else the document's year (or the one
    before, for a day still to come). A story's year after the document's own is no year it tells
    of; in a document dated by its year alone, such a day or month stays undated (its own year or
    the story's, no one can tell).
    """
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for form in reference.date_forms:
        for match in form.regex.finditer(text):
            # the span covers the date's own parts, not a word that introduced it ("in 2014")
            spans = [match.span(name) for name, value in match.groupdict().items() if value is not None]
            start, end = min(s for s, _ in spans), max(e for _, e in spans)
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            value = _value(match.groupdict(), reference.month_numbers)
            taken.append((start, end))  # an impossible "31 juni 2014" is no date at any precision
            if value is None:
                continue
            found.append(DateMatch(value=value, start=start, end=end, form=form.id))
    for relative in reference.relative_dates:
        for match in relative.regex.finditer(text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            told = next((year for year in reversed(story_years(text[:start], reference))), narrative_year)
            story = story_year
            if anchor is not None and (anchor.month is None or (told or 0) > anchor.year or (story or 0) > anchor.year):
                # a report dated by its year alone may tell of its own year as much as of the one it
                # named last ("het aantal in 2011 ... had ISIS halverwege oktober nog"): no guess
                told = story = None
            resolved = resolve_relative(
                relative, match.groupdict(), anchor, reference.month_numbers, told, story, reference.recent_days
            )
            if resolved is None:
                continue
            taken.append((start, end))
            found.append(DateMatch(resolved, start, end, relative.id, resolved_from=match.group().strip()))
    return sorted(found, key=lambda d: d.start)


# A dateline stands at the top of a news item, on a short line of its own: "24 maart 2016",
# "AMSTERDAM, donderdag 24 maart 2016 -" (one of the first two lines, the date and a few words).
# A timeline's entries are short dated lines too, so a dateline must be the only one near the top.
DATELINE_LINES = 2
DATELINE_WORDS = 4  # besides the date: a place, a weekday, an agency
TOP_LINES = 10


def dateline(text: str, reference: ReferenceData) -> DateValue | None:
    """The date a text gives itself in its dateline, to the day; None where it has none."""
    top = [line for line in text.splitlines() if line.strip()][:TOP_LINES]
    dated: list[tuple[int, DateValue]] = []
    for number, line in enumerate(top):
        days = [d for d in find_dates(line, reference) if d.value.precision is Precision.DAY]
        if len(days) == 1 and len((line[: days[0].start] + line[days[0].end :]).split()) <= DATELINE_WORDS:
            dated.append((number, days[0].value))
    if len(dated) == 1 and dated[0][0] < DATELINE_LINES:
        return dated[0][1]
    return None


def resolve_relative(
    form: RelativeDateForm,
    groups: dict[str, str | None],
    anchor: DateValue | None,
    months: dict[str, int],
    told_year: int | None = None,
    story_year: int | None = None,
    recent_days: int = 0,
) -> DateValue | None:
    """The date a relative expression names, seen from ``anchor`` (or, for a day or month without
    its year, in ``told_year``, the year its paragraph last named, else in the document's year if
    that puts it within ``recent_days`` before the document's date, else in ``story_year``, the year
    the document last named); None when it cannot be told."""
    if form.resolve in ("month-before", "day-before"):
        month = months.get((groups.get("month") or "").lower().rstrip("."))
        if month is None:
            return None
        named_day = int(groups.get("day") or 0) if form.resolve == "day-before" else 0
        if form.document_year:
            if anchor is None:
                return None
            year = anchor.year + form.years
        elif told_year is not None:
            year = told_year
        elif anchor is None or anchor.month is None:
            return None
        elif story_year is not None and not _recent(anchor, month, named_day, recent_days):
            year = story_year
        else:
            # a day still to come in the document's month is last year's ("op 16 november" on 15 November)
            later = (month, named_day) > (anchor.month, anchor.day or 31)
            year = anchor.year - 1 if later else anchor.year
        if form.resolve == "month-before":
            return DateValue(year, month)
        value = DateValue(year, month, int(groups.get("day") or 0))
        try:
            value.validate()
        except ValueError:
            return None
        return value
    if anchor is None:
        return None
    if form.resolve == "weekday-before":
        # "dinsdag" in a news item of Thursday 24 March 2016 is Tuesday 22 March: the last such day
        # up to the document's own; a document dated only by its month or year cannot tell which
        name = (groups.get("weekday") or "").lower()
        if anchor.precision is not Precision.DAY or name not in form.weekdays:
            return None
        today = datetime.date(anchor.year, anchor.month or 1, anchor.day or 1)
        day = today - datetime.timedelta(days=(today.weekday() - form.weekdays.index(name)) % 7)
        return DateValue(day.year, day.month, day.day)
    wanted = Precision(form.precision)
    if _RANK[wanted] > _RANK[anchor.precision]:
        wanted = anchor.precision  # "gisteren" in a text dated only by its month: that month
    if form.days and anchor.precision is not Precision.DAY:
        return _at(DateValue(anchor.year, anchor.month), wanted)
    year, month = divmod(anchor.year * 12 + (anchor.month or 1) - 1 + form.years * 12 + form.months, 12)
    moved = datetime.date(year, month + 1, min(anchor.day or 1, 28)) + datetime.timedelta(days=form.days)
    return _at(DateValue(moved.year, moved.month, moved.day), wanted)


def _recent(anchor: DateValue, month: int, day: int, days: int) -> bool:
    """Whether the day (or, with day 0, the month's end) in the document's year lies at most ``days``
    before the document's date, and not after it."""
    document_day = datetime.date(anchor.year, anchor.month or 1, anchor.day or 28)
    named = datetime.date(anchor.year, month, min(day, 28) if day else 1)
    if not day:  # a month is recent when it is the document's or ends within the days before
        named = datetime.date(anchor.year, month, 28) if month != document_day.month else document_day
    return 0 <= (document_day - named).days <= days


def _at(value: DateValue, precision: Precision) -> DateValue:
    if precision is Precision.YEAR:
        return DateValue(value.year)
    if precision is Precision.MONTH:
        return DateValue(value.year, value.month)
    return value


def _value(groups: dict[str, str | None], months: dict[str, int]) -> DateValue | None:
    year, month_name, month_number, day = (groups.get(k) for k in ("year", "month", "month_number", "day"))
    if year is None:
        return None
    month: int | None = None
    if month_name is not None:
        month = months.get(month_name.lower().rstrip("."))
    elif month_number is not None:
        month = int(month_number)
    value = DateValue(int(year), month, int(day) if day is not None and month is not None else None)
    try:
        value.validate()
    except ValueError:
        return None
    return value
