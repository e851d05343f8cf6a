"""Usage counts: by ISO week only, batched in memory, written in one go, read back and exported as CSV."""

from __future__ import annotations

import csv
import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from kiosk.staff.usage import UsageCount, UsageLog, iso_week

TUESDAY = dt.datetime(2026, 11, 24, 12, 0).timestamp()  # ISO week 2026-W48 (local time, as the log uses)


class Clock:
    """A wall clock that only moves when the test moves it."""
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(TUESDAY)


@pytest.fixture
def usage(tmp_path: Path, clock: Clock) -> UsageLog:
    return UsageLog(tmp_path / "usage.db", clock=clock)


def test_iso_weeks() -> None:
    assert iso_week(TUESDAY) == "2026-W48"
    assert iso_week(dt.datetime(2027, 1, 1, 12).timestamp()) == "2026-W53"  # ISO years start on a Monday
    assert iso_week(dt.datetime(2027, 1, 4, 12).timestamp()) == "2027-W01"


def test_counts_wait_in_memory_until_flushed(usage: UsageLog) -> None:
    usage.page_viewed("home", "standard")
    assert not usage.path.exists()
    assert usage.flush() == 1
    assert usage.flush() == 0  # nothing new
    assert usage.summary("2026-W48") == [UsageCount("2026-W48", "page", "home", "", 1)]


def test_a_visit_counts_once_with_each_look_it_used(usage: UsageLog) -> None:
    usage.end_visit()  # nobody did anything: no visit
    for kind in ("home", "sectors", "occupation"):
        usage.page_viewed(kind, "standard")
    usage.occupation_viewed("nurse", "Nurse")
    usage.page_viewed("display", "standard")
    usage.page_viewed("occupation", "large")
    usage.occupation_viewed("nurse", "Nurse")
    usage.end_visit()
    usage.page_viewed("home", "standard")
    usage.end_visit()
    counts = {(c.kind, c.item): c.count for c in usage.summary("2026-W48")}
    assert counts[("visit", "")] == 2
    assert counts[("mode", "standard")] == 2 and counts[("mode", "large")] == 1
    assert counts[("occupation", "nurse")] == 2 and counts[("page", "occupation")] == 2
    assert counts[("page", "home")] == 2
    titles = {c.item: c.title for c in usage.summary("2026-W48") if c.kind == "occupation"}
    assert titles == {"nurse": "Nurse"}


def test_flushes_add_up_and_weeks_stay_apart(usage: UsageLog, clock: Clock) -> None:
    usage.page_viewed("home", "standard")
    usage.flush()
    usage.page_viewed("home", "standard")
    usage.flush()
    clock.now += 7 * 86_400
    usage.page_viewed("home", "picture")
    assert usage.weeks() == ["2026-W49", "2026-W48"]  # reading writes out what is waiting
    assert [c.count for c in usage.summary("2026-W48")] == [2]
    assert [c.count for c in usage.summary("2026-W49")] == [1]
    assert usage.summary("2020-W01") == []


def test_nothing_finer_than_the_week_is_stored(usage: UsageLog) -> None:
    usage.page_viewed("search", "standard")
    usage.end_visit()
    usage.flush()
    conn = sqlite3.connect(usage.path)
    columns = [row[1] for row in conn.execute("PRAGMA table_info(counts)")]
    rows = conn.execute("SELECT * FROM counts").fetchall()
    conn.close()
    assert columns == ["week", "kind", "item", "title", "count"]
    assert all(row[0] == "2026-W48" for row in rows)


def test_a_failed_write_keeps_the_counts_for_the_next(usage: UsageLog, monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(self: UsageLog) -> sqlite3.Connection:
        raise sqlite3.OperationalError("database or disk is full")

    opened = UsageLog._open
    monkeypatch.setattr(UsageLog, "_open", full_disk)
    usage.page_viewed("home", "standard")
    with pytest.raises(sqlite3.OperationalError):
        usage.flush()
    monkeypatch.setattr(UsageLog, "_open", opened)
    assert usage.flush() == 1
    assert usage.summary("2026-W48")[0].count == 1


def test_csv_export_for_the_careers_programme(usage: UsageLog, tmp_path: Path) -> None:
    usage.page_viewed("occupation", "standard")
    usage.occupation_viewed("odd", "=HYPERLINK(\"http://example.org\")")  # content is untrusted
    usage.occupation_viewed("nurse", "Nurse")
    usage.end_visit()
    out = tmp_path / "stick" / "usage.csv"
    out.parent.mkdir()
    assert usage.export_csv(out) == 5
    with open(out, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["week", "kind", "item", "title", "count"]
    assert ["2026-W48", "visit", "", "", "1"] in rows
    assert ["2026-W48", "occupation", "nurse", "Nurse", "1"] in rows
    assert ["2026-W48", "occupation", "odd", "'=HYPERLINK(\"http://example.org\")", "1"] in rows
    assert sorted(p.name for p in out.parent.iterdir()) == ["usage.csv"]  # no part file left behind
