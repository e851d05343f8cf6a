"""A usage.db SQLite cannot read (garbage, a folder or a link to nothing in its place) is set aside and counting
starts afresh, logged; a full disk never condemns a sound one (issue 11, beyond the list: state files)."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest

from kiosk.staff.usage import UsageLog


def count_one(usage: UsageLog) -> None:
    usage.page_viewed("home", "standard")
    usage.end_visit()


@pytest.mark.parametrize("damage", ["garbage", "folder", "dangling link"])
def test_a_damaged_usage_file_is_set_aside_and_counting_starts_afresh(tmp_path: Path, damage: str,
                                                                       caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "usage.db"
    if damage == "garbage":
        path.write_bytes(b"this is not a database, it is a broken file " * 100)
    elif damage == "folder":
        (path / "inside").mkdir(parents=True)
    else:
        path.symlink_to(tmp_path / "gone" / "usage.db")
    usage = UsageLog(path)
    count_one(usage)
    with caplog.at_level(logging.WARNING):
        assert usage.flush() == 3  # the page, the visit and its mode
    assert [c.count for c in usage.summary(usage.weeks()[0])] == [1, 1, 1]
    from kiosk.staff.usage_file import damaged_copies, usage_file_problem  # (after: so the test runs on older code)

    assert usage_file_problem(path) is None
    assert len(damaged_copies(path)) == 1
    assert any(str(path) in r.getMessage() and "counting starts afresh" in r.getMessage() for r in caplog.records)
    assert not (tmp_path / "gone").exists()  # the link was moved aside, never followed


def test_only_the_newest_damaged_copy_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "usage.db"
    usage = UsageLog(path)
    for n in range(3):
        path.write_bytes(bytes([n]) * 4096)
        count_one(usage)
        usage.flush()
    from kiosk.staff.usage_file import damaged_copies

    copies = damaged_copies(path)
    assert len(copies) == 1 and copies[0].read_bytes() == bytes([2]) * 4096


def test_a_full_disk_keeps_a_sound_usage_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    usage = UsageLog(tmp_path / "usage.db")
    count_one(usage)
    usage.flush()
    opened = UsageLog._open

    def full(self: UsageLog) -> sqlite3.Connection:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(UsageLog, "_open", full)
    count_one(usage)
    with pytest.raises(sqlite3.OperationalError):
        usage.flush()
    monkeypatch.setattr(UsageLog, "_open", opened)
    assert list(tmp_path.iterdir()) == [usage.path]  # nothing set aside
    assert usage.flush() == 3 and usage.summary(usage.weeks()[0])[0].count == 2
