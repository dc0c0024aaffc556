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
