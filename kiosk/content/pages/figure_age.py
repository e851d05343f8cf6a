"""When figures count as old: the staff's `figures_old_after_years` against the current year."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

DEFAULT_OLD_AFTER_YEARS = 3


class FigureAge(NamedTuple):
    """The current year (injectable for tests) and how many years old figures may be before they are marked."""

    this_year: int
    old_after_years: int = DEFAULT_OLD_AFTER_YEARS

    def mark(self, year: int | None) -> str:
        """"(figures from 2015: may be out of date)" for figures older than the limit, else ""."""
        if year is None or self.this_year - year <= self.old_after_years:
            return ""
        return f"(figures from {year}: may be out of date)"


def figure_age(old_after_years: int = DEFAULT_OLD_AFTER_YEARS, today: dt.date | None = None) -> FigureAge:
    """The figure age rule for today (or the day given)."""
    return FigureAge((today or dt.date.today()).year, old_after_years)


def marked(text: str, note: str) -> str:
    """`text` with an out-of-date note after it, when there is one."""
    return f"{text} {note}" if note and text else (text or note)
