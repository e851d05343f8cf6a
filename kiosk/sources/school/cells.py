"""Reading one spreadsheet cell as staff typed it: text, choices, audiences, dates and times, years and ids."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from kiosk.content.schema import AUDIENCES
from kiosk.content.value_checks import is_blank as shows_nothing

WHEN_EXAMPLE = "a date and time like 2027-01-20 17:30 or 20/01/2027 17:30"
# Day first, as UK staff write dates: 20/01/2027, 20.1.2027 or 20-01-2027, with an optional time.
UK_DATE = re.compile(
    r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2})[:.](\d{2})\s*([ap]m)?)?$", re.IGNORECASE)
TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*([ap]m)?$", re.IGNORECASE)
AUDIENCE_ALIASES = {"keystage3": "ks3", "keystage4": "ks4", "sixthform": "post16"}
# Line ends inside a cell: \r\n and \r from CSV files, and the Unicode line ends text pasted from the web or a
# word processor brings (NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR). The schema allows \n only.
LINE_ENDS = re.compile("\r\n|[\r\x85\u2028\u2029]")


class CellError(ValueError):
    """A cell that cannot be read as its column needs; the message says what was expected and what was found."""


def is_blank(value: Any) -> bool:
    """True for an empty cell: nothing, or only spaces and zero-width characters."""
    return value is None or (isinstance(value, str) and shows_nothing(value))


def text(value: Any) -> str | None:
    """A cell as trimmed plain text; numbers as typed (2019, not 2019.0); None when blank."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return LINE_ENDS.sub("\n", str(value)).strip()


def identifier(value: Any) -> str | None:
    """An id as typed, in lower case (the schema checks its shape)."""
    value = text(value)
    return value.lower() if value else None


def identifiers(value: Any) -> list[str]:
    """A comma-separated list of ids, lower case, each once, in the order given."""
    items = [identifier(v) for v in re.split(r"[,;\n]", text(value) or "")]
    return list(dict.fromkeys(i for i in items if i))


def choice(value: Any, choices: dict[str, str]) -> str | None:
    """One of a column's choices, written with spaces, dashes or underscores and in any case."""
    value = text(value)
    if value is None:
        return None
    key = " ".join(value.replace("_", " ").replace("-", " ").lower().split())
    for label, stored in choices.items():
        if key in (label, stored.replace("_", " ")):
            return stored
    raise CellError(f"must be one of {', '.join(choices)}, not {value!r}")


def audiences(value: Any) -> list[str]:
    """Audiences separated by commas (KS4, Post-16, Key Stage 3 and the like), each once."""
    found = []
    for item in re.split(r"[,;\n]", text(value) or ""):
        if not item.strip():
            continue
        key = re.sub(r"[\s._-]+", "", item.lower())
        key = AUDIENCE_ALIASES.get(key, key)
        if key not in AUDIENCES:
            raise CellError(f"has an unknown audience {item.strip()!r}; use {', '.join(sorted(AUDIENCES))}")
        found.append(key)
    return list(dict.fromkeys(found))


def year(value: Any) -> int | None:
    """A whole year, from a number cell (Excel stores 2019 as 2019.0) or text."""
    if is_blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isdecimal():  # isdigit() takes "²", which int() refuses
        return int(value.strip())
    raise CellError(f"must be a year like 2019, not {_shown(value)}")


def when(value: Any) -> dt.datetime | dt.date | dt.time | None:
    """A date and time, a date alone, or a time alone, from an Excel date cell or from text."""
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        # Excel keeps times as fractions of a day, so 17:30 may come back a hair early: round to the minute.
        value = value.replace(tzinfo=None)
        if value < dt.datetime.max - dt.timedelta(seconds=30):  # rounding up the very last minute would overflow
            value += dt.timedelta(seconds=30)
        value = value.replace(second=0, microsecond=0)
        # A date cell holds midnight when no time was typed: that is a date alone.
        return value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.time):
        return (dt.datetime.combine(dt.date(2000, 1, 1), value) + dt.timedelta(seconds=30)).time().replace(
            second=0, microsecond=0)
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        parsed = _when_text(value.strip())
        if parsed is not None:
            return parsed
    raise CellError(f"must be {WHEN_EXAMPLE}, not {_shown(value)}")


def _when_text(value: str) -> dt.datetime | dt.date | dt.time | None:
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(:\d{2})?", value):
            return dt.datetime.fromisoformat(value).replace(second=0)
        match = UK_DATE.match(value)
        if match:
            day, month, year_, hour, minute, half = match.groups()
            date = dt.date(int(year_), int(month), int(day))
            if hour is None:
                return date
            return dt.datetime.combine(date, _clock(int(hour), int(minute), half))
        match = TIME.match(value)
        if match and (match.group(2) or match.group(3)):  # "17:30" or "5pm", never a bare number
            hour, minute, half = match.groups()
            return _clock(int(hour), int(minute or 0), half)
    except ValueError:  # a day, month, hour or minute out of range
        return None
    return None


def _clock(hour: int, minute: int, half: str | None) -> dt.time:
    if half:
        if not 1 <= hour <= 12:
            raise ValueError("a 12-hour time needs an hour from 1 to 12")
        hour = hour % 12 + (12 if half.lower() == "pm" else 0)
    return dt.time(hour, minute)


def slug_from(*parts: Any) -> str:
    """A stable id made from words: lower case ASCII, dashes between words, at most 80 characters."""
    words = " ".join(text(p) or "" for p in parts)
    ascii_words = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode()
    ascii_words = re.sub(r"['\u2019]", "", ascii_words.lower())  # "children's" -> "childrens"
    return re.sub(r"[^a-z0-9]+", "-", ascii_words).strip("-")[:80].strip("-")


def _shown(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value.strip() if isinstance(value, str) else value)
