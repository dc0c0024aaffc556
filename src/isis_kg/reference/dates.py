"""Date expressions, absolute and relative to the document's date (patterns/dates.yaml)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

from pydantic import model_validator

from isis_kg.reference.schema import NEVER, Regex, Rules, Vocabulary, read_yaml, validated

Precision = Literal["year", "month", "day"]


class DateForm(Rules):
    id: str
    regex: Regex
    precision: Precision  # for the reader of dates.yaml: the groups the form matches give the date


class RelativeDateForm(Rules):
    """A date relative to the document's ("eind maart", "vorig jaar"); see patterns/dates.yaml."""

    id: str
    regex: Regex
    resolve: Literal["month-before", "day-before", "offset", "weekday-before"]
    years: int = 0
    months: int = 0
    days: int = 0
    # a month named resolves to that month; the others to the day, unless the file says
    precision: Precision
    weekdays: tuple[str, ...] = ()  # for weekday-before: the names of Monday to Sunday
    # for month-before and day-before: the words name the year too, as the document's moved by `years`
    # ("8 februari van dit jaar", "eind maart vorig jaar"), whatever year the story last named
    document_year: bool = False

    @model_validator(mode="after")
    def _seven_weekdays(self) -> RelativeDateForm:
        if (self.resolve == "weekday-before") != (len(self.weekdays) == 7):
            raise ValueError("weekday-before needs the 7 weekdays (Monday to Sunday), and only it has them")
        return self

    @model_validator(mode="before")
    @classmethod
    def _default_precision(cls, data: Any) -> Any:
        if isinstance(data, dict) and "precision" not in data:
            return {**data, "precision": "month" if data.get("resolve") == "month-before" else "day"}
        return data


class DateRules(Rules):
    months: dict[int, tuple[str, ...]]  # month number -> its names
    forms: tuple[DateForm, ...]
    relative: tuple[RelativeDateForm, ...] = ()
    not_story_year: Regex = NEVER  # the text right before a year that only measures or compares ("sinds")
    recent_days: int = 0  # a day without its year this close before the document's date is the document's year

    @model_validator(mode="before")
    @classmethod
    def _month_names_in_regexes(cls, data: Any) -> Any:
        """``{month}`` in a form's regex stands for any month's name, the longest first."""
        if not isinstance(data, dict) or not isinstance(data.get("months"), dict):
            return data
        names = [str(name).lower() for names in data["months"].values() for name in names or ()]
        alternatives = "|".join(sorted((re.escape(m) for m in names), key=len, reverse=True))

        def filled(entries: Any) -> Any:
            if not isinstance(entries, list):
                return entries
            return [
                {**entry, "regex": entry["regex"].replace("{month}", alternatives)}
                if isinstance(entry, dict) and isinstance(entry.get("regex"), str)
                else entry
                for entry in entries
            ]

        return {key: filled(value) if key in ("forms", "relative") else value for key, value in data.items()}

    @property
    def month_numbers(self) -> dict[str, int]:
        """Every month's name, lower-cased -> its number."""
        return {name.lower(): number for number, names in self.months.items() for name in names}


def load_dates(path: Path, vocabulary: Vocabulary) -> DateRules:
    return validated(DateRules, path, read_yaml(path), vocabulary, {"forms": "form", "relative": "relative form"})
