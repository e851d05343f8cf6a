"""Numbers, money, dates and trends in plain words."""

from __future__ import annotations

import re

from kiosk.content.model import SourceRef

WEEKS_PER_YEAR = 52
FLAT_BAND_PERCENT = 2.0  # growth within ±2% over the outlook reads as "about the same"


def pounds(value: float) -> str:
    return f"£{round(value):,}"


def yearly_pay(weekly: float) -> str:
    """Weekly pay as a rounded yearly figure, e.g. "about £33,800 a year"."""
    return f"about {pounds(round(weekly * WEEKS_PER_YEAR, -2))} a year"


def hours(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return f"{text} hours a week"


def people(value: float) -> str:
    """A head count rounded so it reads easily: 1,234,567 → "1.2 million", 98,765 → "99,000"."""
    if value >= 1_000_000:
        return f"{value / 1_000_000:.1f} million".replace(".0 ", " ")
    if value >= 10_000:
        return f"{round(value, -3):,.0f}"
    if value >= 1_000:
        return f"{round(value, -2):,.0f}"
    return f"{round(value):,}"


def in_place(region: str) -> str:
    """A place as it reads after "in": "the UK", "England", "Greater London"."""
    return "the UK" if region == "UK" else region


def job_count(n: int) -> str:
    """How many jobs, in words a pupil reads: "1 job", "12 jobs"."""
    return "1 job" if n == 1 else f"{n} jobs"


def trend(percent: float | None) -> str:
    """'up', 'down' or 'flat' for a change over the outlook."""
    if percent is None or abs(percent) < FLAT_BAND_PERCENT:
        return "flat"
    return "up" if percent > 0 else "down"


def trend_words(percent: float | None) -> str:
    return {"up": "Growing", "down": "Shrinking", "flat": "Staying about the same"}[trend(percent)]


def change_by(percent: float, year: int) -> str:
    """A change in the number of jobs in a few plain words, e.g. "24% more jobs by 2035"."""
    direction = trend(percent)
    if direction == "flat":
        return f"about the same jobs by {year}"
    return f"{abs(percent):.0f}% {'more' if direction == 'up' else 'fewer'} jobs by {year}"


def day(iso: str) -> str:
    """An ISO date as "1 November 2026"; text that is not a date is returned as it is."""
    import datetime as dt  # not needed for the first screen, which shows no dates

    try:
        d = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{d.day} {d.strftime('%B')} {d.year}"


def source_line(source: SourceRef, year: int | str | None = None) -> str:
    """Where a figure comes from, e.g. "Source: ONS ASHE, figures for 2024, retrieved 1 November 2026"."""
    parts = [f"Source: {source.name}"]
    if year is not None:
        parts.append(f"figures for {year}")
    if source.retrieved:
        parts.append(f"retrieved {day(source.retrieved)}")
    return ", ".join(parts)


def group_name(title: str) -> str:
    """A unit group's title inside a sentence: "Vehicle technicians" becomes "vehicle technicians", "IT
    engineers" stays, ONS's "n.e.c." (not elsewhere classified) is dropped and "occupations" reads "jobs"."""
    name = plain_group(re.sub(r"\s*\bn\.?e\.?c\.?$", "", title.strip(), flags=re.IGNORECASE))
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


def plain_group(title: str) -> str:
    """A group of jobs' official title in a pupil's words: ONS's "occupations" is "jobs" ("Customer service
    occupations" becomes "Customer service jobs")."""
    return re.sub(r"\boccupations\b", "jobs", re.sub(r"\bOccupations\b", "Jobs", title))


_SMALL_WORDS = frozenset("a an and the of in on at to for by with or is are that what you your our i it its my from "
                         "this these be can do".split())


_A_T_LEVELS = re.compile(r"\b([AT]) levels?\b")  # "A levels" is one name, not the small word "a" and "levels"


def key_words(text: str) -> set[str]:
    """The words that carry a name's meaning, singular: "Train drivers" → {"train", "driver"}."""
    text = _A_T_LEVELS.sub(lambda m: f"{m.group(1)}-levels", text).lower()
    return {word.removesuffix("s") for word in re.findall(r"[a-z0-9'-]+", text)} - _SMALL_WORDS


def names_again(title: str, other: str) -> bool:
    """Whether `other` only says `title` again, perhaps with more words ("Trainee train driver" for "Train
    driver"): a subtitle that does is no help to a reader."""
    keys = key_words(title)
    return bool(keys) and keys <= key_words(other)


def sentence(text: str) -> str:
    """Capitalise the first letter, leaving the rest as written."""
    return text[:1].upper() + text[1:] if text else text
