"""Opening hours such as "Mon-Fri 08:00-16:30, Sat 09:00-12:00": parsed strictly, asked about in local wall-clock time.

Times are wall-clock times where the kiosk stands: 08:00 is 08:00 in winter and in summer. A `now` that carries a
time zone (zoneinfo) gets changes in that zone; a naive `now` is the machine's local time.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
EXAMPLE = "Mon-Fri 08:00-16:30, Sat 09:00-12:00"
_RANGE = re.compile(r"(?P<days>\S+)\s+(?P<start>\S+)-(?P<end>\S+)")
_TIME = re.compile(r"(\d\d):(\d\d)")


class HoursError(ValueError):
    """Opening hours the kiosk cannot read; the message names the part that is wrong and shows a good example."""


class Opening(NamedTuple):
    """One day's open time: the weekday (0 is Monday) and minutes after midnight, start before end."""

    day: int
    start: int
    end: int


def parse_hours(text: str) -> tuple[Opening, ...]:
    """The openings `text` gives, one per day in each range; () for "" (always open). Raises HoursError."""
    openings: list[Opening] = []
    for part in (p.strip() for p in text.split(",")) if text.strip() else ():
        if not part:
            raise HoursError(f"opening_hours has an empty part between commas; write it like {EXAMPLE!r}")
        m = _RANGE.fullmatch(part)
        if m is None:
            raise HoursError(f"opening_hours part {part!r} is not days then times; write it like 'Mon-Fri 08:00-16:30'")
        first, last = _days(m["days"], part)
        start, end = _minutes(m["start"], part, start=True), _minutes(m["end"], part, start=False)
        if start >= end:
            raise HoursError(f"opening_hours part {part!r} closes before it opens; a range must end later the same "
                             "day (for a late evening, close at 24:00)")
        openings += [Opening(day, start, end) for day in range(first, last + 1)]
    return tuple(sorted(set(openings)))


def _days(text: str, part: str) -> tuple[int, int]:
    names = text.lower().split("-")
    if len(names) > 2 or any(n not in DAYS for n in names):
        raise HoursError(f"opening_hours part {part!r} has days {text!r}; use Mon Tue Wed Thu Fri Sat Sun, one day "
                         "or two joined by '-' such as Mon-Fri")
    first, last = DAYS.index(names[0]), DAYS.index(names[-1])
    if first > last:
        raise HoursError(f"opening_hours part {part!r} runs backwards from {names[0].title()} to "
                         f"{names[-1].title()}; the week starts on Monday, so write two parts")
    return first, last


def _minutes(text: str, part: str, start: bool) -> int:
    m = _TIME.fullmatch(text)
    hours, minutes = (int(m[1]), int(m[2])) if m else (99, 99)
    if m is None or minutes > 59 or hours > 24 or (hours == 24 and (minutes or start)):
        raise HoursError(f"opening_hours part {part!r} has the time {text!r}; write times as HH:MM from 00:00 to "
                         "23:59 (24:00 only as a closing time)")
    return hours * 60 + minutes


class OpeningHours:
    """When the kiosk is open; with no openings it is always open."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.openings = parse_hours(text)

    @property
    def always_open(self) -> bool:
        return not self.openings

    def is_open(self, now: dt.datetime) -> bool:
        """Whether the kiosk is open at `now` (its wall-clock weekday and time)."""
        if self.always_open:
            return True
        minute = now.hour * 60 + now.minute
        return any(o.day == now.weekday() and o.start <= minute < o.end for o in self.openings)

    def next_change(self, now: dt.datetime) -> dt.datetime | None:
        """The first wall-clock moment after `now` when it opens or closes (in now's zone); None if it never does."""
        if self.always_open:
            return None
        state = self.is_open(now)
        today = now.date()
        moments = sorted(
            dt.datetime.combine(day, dt.time(), now.tzinfo) + dt.timedelta(minutes=minute)
            if minute == 24 * 60 else dt.datetime.combine(day, dt.time(minute // 60, minute % 60), now.tzinfo)
            for day in (today + dt.timedelta(days=n) for n in range(8))
            for o in self.openings if o.day == day.weekday() for minute in (o.start, o.end))
        # Compared as wall-clock times: the same zone on both sides, so no offset is applied.
        return next((m for m in moments if m > now and self.is_open(m) != state), None)


def seconds_until(moment: dt.datetime, now: dt.datetime) -> float:
    """Real seconds from `now` to `moment`, across a clock change (both in one zone, or both the machine's)."""
    return moment.timestamp() - now.timestamp()
