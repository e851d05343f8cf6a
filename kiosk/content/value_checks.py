"""The checks a pack's column values must pass: each returns the value normalised or raises RowError naming why."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any, Callable

SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")
SOC_CODE = re.compile(r"^[1-9][0-9]{3}$")
# Characters content may not hold, each kind with the reason staff are given. Control characters (C0 other than
# tab and newline, DEL, C1) confuse a screen; the Unicode line and paragraph separators break lines where a JSON-lines
# reader using str.splitlines would; bidirectional overrides and isolates can make text read other than it is
# stored; a lone surrogate cannot be written as UTF-8 at all.
REFUSED_KINDS = (
    ("\x00-\x08\x0b-\x1f\x7f-\x9f", "a control character"),
    ("\u2028\u2029", "a Unicode line or paragraph separator (write an ordinary line break)"),
    ("\u202a-\u202e\u2066-\u2069", "a bidirectional override character, which can disguise text"),
    ("\ud800-\udfff", "a broken character (a lone UTF-16 surrogate)"),
)
CONTROL = re.compile("[" + "".join(chars for chars, _ in REFUSED_KINDS) + "]")
# Characters with no width: text of only these (and spaces) shows as nothing, so it counts as empty.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
AUDIENCES = frozenset({"ks3", "ks4", "post16", "parents", "send"})

MAX_SHORT_TEXT = 200
MAX_LONG_TEXT = 5_000
MAX_LIST_ITEMS = 300


class RowError(ValueError):
    """A row that breaks its table's schema; the message names the column and the problem."""


def _text(limit: int) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise RowError(f"must be text, not {type(value).__name__}")
        value = value.strip()
        if len(value) > limit:
            raise RowError(f"is {len(value)} characters long; the limit is {limit}")
        refused = CONTROL.search(value)
        if refused:
            raise RowError(f"contains {refused_kind(refused.group())} (U+{ord(refused.group()):04X})")
        return "" if is_blank(value) else value

    return check


def refused_kind(char: str) -> str:
    """What kind of refused character `char` is, in words."""
    return next(why for chars, why in REFUSED_KINDS if re.fullmatch(f"[{chars}]", char))


def is_blank(text: str) -> bool:
    """True for text that shows as nothing: empty, or only spaces and zero-width characters."""
    return not text.translate(_NO_ZERO_WIDTH).strip()


_NO_ZERO_WIDTH = dict.fromkeys(map(ord, ZERO_WIDTH))
short_text = _text(MAX_SHORT_TEXT)
long_text = _text(MAX_LONG_TEXT)
url_text = _text(2_000)


def slug(value: Any) -> str:
    if not isinstance(value, str) or not SLUG.match(value):
        raise RowError(f"must be an id of lower-case letters, digits and dashes, not {value!r}")
    return value


def soc_code(value: Any) -> str:
    value = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(value, str) or not SOC_CODE.match(value):
        raise RowError(f"must be a 4-digit SOC code, not {value!r}")
    return value


def text_list(item: Callable[[Any], str] = short_text) -> Callable[[Any], list[str]]:
    def check(value: Any) -> list[str]:
        if not isinstance(value, list):
            raise RowError(f"must be a list, not {type(value).__name__}")
        if len(value) > MAX_LIST_ITEMS:
            raise RowError(f"has {len(value)} items; the limit is {MAX_LIST_ITEMS}")
        return [v for v in (item(v) for v in value) if v]

    return check


def number(low: float, high: float, *, whole: bool = False) -> Callable[[Any], float | int]:
    def check(value: Any) -> float | int:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise RowError(f"must be a number, not {value!r}")
        if not math.isfinite(value) or not low <= value <= high:
            raise RowError(f"must be between {low:g} and {high:g}, not {value!r}")
        if whole:
            if value != int(value):
                raise RowError(f"must be a whole number, not {value!r}")
            return int(value)
        return value

    return check


def one_of(*choices: str) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in choices:
            raise RowError(f"must be one of {', '.join(choices)}, not {value!r}")
        return value

    return check


def audience(value: Any) -> list[str]:
    items = text_list()(value)
    unknown = sorted(set(items) - AUDIENCES)
    if unknown:
        raise RowError(f"has unknown audiences {unknown}; use {', '.join(sorted(AUDIENCES))}")
    return items


def url(value: Any) -> str:
    value = url_text(value)
    if value and not re.match(r"^https?://[^\s/$.?#][^\s]*$", value, re.IGNORECASE):
        raise RowError(f"must be an http(s) address, not {value!r}")
    return value


def iso_date(value: Any) -> str:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise RowError(f"must be a date like 2026-11-01, not {value!r}") from None


def iso_datetime(value: Any) -> str:
    """A local date and time (or a date alone), normalised to ISO text without seconds."""
    if isinstance(value, (dt.date, dt.datetime)):
        value = value.isoformat()
    if not isinstance(value, str):
        raise RowError(f"must be a date and time like 2027-01-20T17:30, not {value!r}")
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value).isoformat()
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise RowError(f"must be a date and time like 2027-01-20T17:30, not {value!r}") from None
    return parsed.replace(tzinfo=None).isoformat(timespec="minutes")


YEAR = number(1970, 2100, whole=True)
REGION = short_text
