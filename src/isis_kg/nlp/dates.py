"""Date expressions in Dutch (and English) text, at the precision the text gives."""

from __future__ import annotations

from dataclasses import dataclass

from isis_kg.model import DateValue
from isis_kg.reference import ReferenceData


@dataclass(frozen=True)
class DateMatch:
    value: DateValue
    start: int
    end: int
    form: str


def find_dates(text: str, reference: ReferenceData) -> list[DateMatch]:
    """Non-overlapping date expressions in ``text``; earlier forms in dates.yaml win."""
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
    return sorted(found, key=lambda d: d.start)


def _value(groups: dict[str, str | None], months: dict[str, int]) -> DateValue | None:
    year = int(groups["year"]) if groups.get("year") else None
    if year is None:
        return None
    month: int | None = None
    if groups.get("month"):
        month = months.get(groups["month"].lower().rstrip("."))
    elif groups.get("month_number"):
        month = int(groups["month_number"])
    day = int(groups["day"]) if groups.get("day") else None
    value = DateValue(year, month, day if month is not None else None)
    try:
        value.validate()
    except ValueError:
        return None
    return value
