"""Opening hours: parsed strictly with refusals that name the problem; open and the next change in wall-clock time,
around midnight, weekends and the clocks changing in Europe/London."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, strategies as st

from kiosk.schedule.opening_hours import DAYS, HoursError, Opening, OpeningHours, parse_hours, seconds_until

LONDON = ZoneInfo("Europe/London")
SCHOOL = "Mon-Thu 08:00-16:30, Fri 08:00-15:00"


def at(y: int, m: int, d: int, h: int = 0, mi: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, h, mi, tzinfo=LONDON)


def test_a_school_week_is_read_day_by_day() -> None:
    openings = parse_hours(SCHOOL)
    assert openings[:1] == (Opening(0, 8 * 60, 16 * 60 + 30),)
    assert openings[-1] == Opening(4, 8 * 60, 15 * 60)
    assert [o.day for o in openings] == [0, 1, 2, 3, 4]
    assert parse_hours("") == parse_hours("   ") == ()
    assert parse_hours("sat 09:00-12:00,SUN 10:00-24:00") == (Opening(5, 540, 720), Opening(6, 600, 1440))


@pytest.mark.parametrize("text, named", [
    ("Mon-Fri", "is not days then times"),
    ("Mon-Fri 8:00-16:00", "has the time '8:00'"),
    ("Mon-Fri 08:00-16:60", "has the time '16:60'"),
    ("Mon-Fri 24:00-24:00", "has the time '24:00'"),
    ("Mon-Fri 25:00-26:00", "has the time '25:00'"),
    ("Mon-Fri 16:00-08:00", "closes before it opens"),
    ("Mon-Fri 08:00-08:00", "closes before it opens"),
    ("Monday 08:00-16:00", "has days 'Monday'"),
    ("Mon-Wed-Fri 08:00-16:00", "has days 'Mon-Wed-Fri'"),
    ("Sat-Sun 09:00-12:00, Fri-Mon 08:00-09:00", "runs backwards from Fri to Mon"),
    ("Mon-Fri 08:00-16:00,", "an empty part between commas"),
    ("Mon 08:00-12:00 13:00-16:00", "is not days then times"),
])
def test_bad_hours_are_refused_naming_the_part(text: str, named: str) -> None:
    with pytest.raises(HoursError) as refused:
        parse_hours(text)
    assert named in str(refused.value) and str(refused.value).startswith("opening_hours")


TIMES = st.integers(0, 24 * 60 - 1)


@st.composite
def ranges(draw) -> tuple[str, int, int, int, int]:
    first = draw(st.integers(0, 6))
    last = draw(st.integers(first, 6))
    start = draw(TIMES)
    end = draw(st.integers(start + 1, 24 * 60))
    text = f"{DAYS[first].title()}-{DAYS[last]} {start // 60:02}:{start % 60:02}-{end // 60:02}:{end % 60:02}"
    return text, first, last, start, end


@given(st.lists(ranges(), min_size=1, max_size=4))
def test_any_well_written_hours_parse_to_what_they_say(parts) -> None:
    openings = parse_hours(", ".join(p[0] for p in parts))
    assert set(openings) == {Opening(d, s, e) for _, first, last, s, e in parts for d in range(first, last + 1)}
    assert all(0 <= o.start < o.end <= 24 * 60 for o in openings)


@given(st.text(max_size=40))
def test_any_text_parses_or_is_refused_in_words(text: str) -> None:
    try:
        openings = parse_hours(text)
    except HoursError as e:
        assert str(e).startswith("opening_hours")
    else:
        assert all(0 <= o.day <= 6 and 0 <= o.start < o.end <= 24 * 60 for o in openings)


@given(st.lists(ranges(), min_size=1, max_size=3), st.datetimes(dt.datetime(2026, 1, 1), dt.datetime(2028, 12, 31)))
def test_the_next_change_is_the_first_moment_the_state_flips(parts, now) -> None:
    hours = OpeningHours(", ".join(p[0] for p in parts))
    change = hours.next_change(now)
    if change is None:  # open all week, all day
        assert all(hours.is_open(now + dt.timedelta(minutes=m)) for m in range(0, 7 * 24 * 60, 37))
        return
    assert change > now and hours.is_open(change) != hours.is_open(now)
    step = now.replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
    while step < change:  # nothing changes before it, minute by minute
        assert hours.is_open(step) == hours.is_open(now)
        step += dt.timedelta(minutes=1)


def test_open_and_closed_through_a_school_week() -> None:
    hours = OpeningHours(SCHOOL)
    assert not hours.is_open(at(2026, 12, 7, 7, 59)) and hours.is_open(at(2026, 12, 7, 8, 0))  # a Monday
    assert hours.is_open(at(2026, 12, 7, 16, 29)) and not hours.is_open(at(2026, 12, 7, 16, 30))
    assert not hours.is_open(at(2026, 12, 11, 15, 0))  # Friday closes early
    assert not hours.is_open(at(2026, 12, 12, 12, 0))  # Saturday
    assert OpeningHours("").is_open(at(2026, 12, 12, 3, 0)) and OpeningHours("").next_change(at(2026, 12, 12)) is None


def test_from_friday_evening_the_next_opening_is_monday_morning() -> None:
    hours = OpeningHours(SCHOOL)
    assert hours.next_change(at(2026, 12, 11, 15, 0)) == at(2026, 12, 14, 8, 0)
    assert hours.next_change(at(2026, 12, 13, 23, 59)) == at(2026, 12, 14, 8, 0)
    assert hours.next_change(at(2026, 12, 14, 8, 0)) == at(2026, 12, 14, 16, 30)


def test_around_midnight() -> None:
    late = OpeningHours("Mon-Fri 20:00-24:00, Tue-Sat 00:00-02:00")
    assert late.is_open(at(2026, 12, 7, 23, 59)) and late.is_open(at(2026, 12, 8, 0, 0))
    # Open from Monday 20:00 straight through midnight to Tuesday 02:00: midnight is no change.
    assert late.next_change(at(2026, 12, 7, 21, 0)) == at(2026, 12, 8, 2, 0)
    assert late.next_change(at(2026, 12, 12, 2, 0)) == at(2026, 12, 14, 20, 0)  # Saturday 02:00 to Monday 20:00


def test_opening_after_the_clocks_change_is_at_wall_clock_time() -> None:
    hours = OpeningHours("Mon-Fri 08:00-16:30")
    # Spring: the clocks go forward on Sunday 29 March 2026, so the night before Monday is an hour shorter.
    friday, monday = at(2026, 3, 27, 16, 30), at(2026, 3, 30, 8, 0)
    assert hours.next_change(friday) == monday
    assert seconds_until(monday, friday) == (2 * 24 + 15.5) * 3600 - 3600
    assert monday.utcoffset() == dt.timedelta(hours=1)
    # Autumn: back on Sunday 25 October 2026, an hour longer.
    friday, monday = at(2026, 10, 23, 16, 30), at(2026, 10, 26, 8, 0)
    assert hours.next_change(friday) == monday and seconds_until(monday, friday) == (2 * 24 + 15.5) * 3600 + 3600
    assert monday.utcoffset() == dt.timedelta(0)


def test_open_at_the_hour_the_clocks_skip() -> None:
    # 01:00-02:00 on 29 March 2026 does not happen in London: an opening at 01:30 is read with the offset before
    # the change (01:30 GMT, the moment it is 02:30 BST), so the kiosk wakes an hour after 00:30, never not at all.
    hours = OpeningHours("Sun 01:30-03:00")
    before = at(2026, 3, 29, 0, 30)
    opening = hours.next_change(before)
    assert opening.hour == 1 and opening.minute == 30
    assert seconds_until(opening, before) == 3600
