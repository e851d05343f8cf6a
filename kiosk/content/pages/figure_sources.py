"""Where a page's figures come from, said once at its end: each source named once, with its years and places."""

from __future__ import annotations

from typing import NamedTuple

from kiosk.content.model import SourceRef
from kiosk.content.pages import wording as w
from kiosk.content.pages.page import SOURCES_HEADING, Note, Section


class Cited(NamedTuple):
    """One use of a source on a page: the years it gives (a year or "2020 to 2035") and the place."""

    source: SourceRef
    years: str
    place: str


class Citations:
    """The sources a page's figures use, gathered as the page is built (a figure no longer carries its own)."""

    def __init__(self) -> None:
        self._uses: list[Cited] = []

    def add(self, source: SourceRef, years: int | str, place: str = "") -> None:
        self._uses.append(Cited(source, str(years), place))

    def lines(self) -> tuple[str, ...]:
        """One line per distinct source, in the order the page first uses them, with all its years and places."""
        merged: dict[SourceRef, tuple[list[str], list[str]]] = {}
        for use in self._uses:
            years, places = merged.setdefault(use.source, ([], []))
            if use.years and use.years not in years:
                years.append(use.years)
            if use.place and use.place not in places:
                places.append(use.place)
        return tuple(_line(source, years, places) for source, (years, places) in merged.items())

    def section(self) -> Section | None:
        """The page's last section, small print only (picture mode gives it no symbols); None with no figures."""
        lines = self.lines()
        return Section(SOURCES_HEADING, tuple(Note(line) for line in lines)) if lines else None


def _line(source: SourceRef, years: list[str], places: list[str]) -> str:
    """"ONS, Annual Survey of Hours and Earnings 2024, Table 14: figures for 2024, UK. Retrieved 6 December 2026.
    Open Government Licence v3.0." The publisher and edition are in the source's name, as its pack gives it."""
    what = source.name
    if years:
        what += f": figures for {_and(years)}"
    if places:
        what += f" ({_and(places)})"
    parts = [what + "."]
    if source.retrieved:
        parts.append(f"Retrieved {w.day(source.retrieved)}.")
    if source.licence and source.licence != "unknown licence":
        parts.append(f"{source.licence}.")
    return " ".join(parts)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
