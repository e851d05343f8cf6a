"""The start record: how each run ended (fatal error, hang, exception, killed, cleanly, left by staff), resting after
repeated crashes and only then, what `kiosk doctor` says, and a record damaged any way never stopping a start."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.doctor.recovery import recovery_checks
from kiosk.recovery.start_record import (
    FATAL_FILE, RECORD_FILE, REST_AFTER, STEADY_S, WITHIN_S, StartRecord, read_runs,
)
from tests.helpers.state_files import GARBAGE, plant

SEGFAULT = """Fatal Python error: Segmentation fault

Current thread 0x00007f3a2b1fe740 (most recent call first):
  File "/opt/careers-kiosk/current/venv/lib/python3.11/site-packages/kiosk/ui/window.py", line 312 in _show
  File "/opt/careers-kiosk/current/venv/lib/python3.11/site-packages/kiosk/app.py", line 220 in _run
"""
HANG = """Timeout (0:00:27)!
Thread 0x00007f3a2b1fe740 (most recent call first):
  File "/opt/kiosk/content/search.py", line 88 in search
"""


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def start(data: Path, clock: Clock, may_rest: bool = True) -> StartRecord:
    return StartRecord(data, clock).begin(may_rest)


def crash(data: Path, clock: Clock, times: int, every_s: float = 30.0, fatal: str = "") -> None:
    """`times` runs that each stop without a word a little after they start (a crash loop under systemd)."""
    for _ in range(times):
        start(data, clock)
        (data / FATAL_FILE).write_text(fatal)
        clock.now += every_s


def test_a_first_start_records_one_running_run(tmp_path: Path) -> None:
    record = start(tmp_path, Clock())
    assert not record.resting and record.problem is None
    assert [r["how"] for r in read_runs(tmp_path / RECORD_FILE)] == ["running"]
    assert recovery_checks(tmp_path)[0].status == "ok"


@pytest.mark.parametrize("fatal, how, words", [
    (SEGFAULT, "fatal", "Fatal Python error: Segmentation fault in _show ("),
    (HANG, "hang", "its screen stopped answering in search (/opt/kiosk/content/search.py, line 88)"),
    ("", "unknown", "it stopped without saying how"),
])
def test_the_next_start_says_how_the_last_run_ended(tmp_path: Path, fatal: str, how: str, words: str) -> None:
    clock = Clock()
    start(tmp_path, clock)
    (tmp_path / FATAL_FILE).write_text(fatal)
    clock.now += 600
    start(tmp_path, clock)
    last = read_runs(tmp_path / RECORD_FILE)[-2]
    assert last["how"] == how and words in last["detail"], last


def test_an_exception_logged_before_a_silent_stop_is_kept(tmp_path: Path) -> None:
    clock = Clock()
    start(tmp_path, clock).error("RuntimeError: the database went away in reads (reader.py, line 9)")
    start(tmp_path, clock)
    assert read_runs(tmp_path / RECORD_FILE)[-2]["detail"].startswith("RuntimeError: the database went away")


def test_repeated_crashes_make_the_kiosk_rest_and_doctor_says_why(tmp_path: Path) -> None:
    clock = Clock()
    crash(tmp_path, clock, REST_AFTER - 1, fatal=SEGFAULT)
    assert not start(tmp_path, clock).resting  # four stops (this start is the fifth run): not yet
    (tmp_path / FATAL_FILE).write_text(SEGFAULT)
    clock.now += 30
    record = start(tmp_path, clock)
    assert record.resting and len(record.streak) == REST_AFTER
    check = recovery_checks(tmp_path, clock.now + 5)[0]
    assert check.status == "warning"  # not a fault: `kiosk appliance update` must still install a fixed release
    assert check.detail.startswith(f"the kiosk stopped {REST_AFTER} times in 3 minutes, never staying up 2 minutes; "
                                   "the last time: Fatal Python error: Segmentation fault in _show (")
    assert "It is resting" in check.detail and "journalctl -u careers-kiosk" in check.detail
    assert "Try again" in check.detail and "systemctl restart careers-kiosk" in check.detail


def test_the_resting_kiosk_stays_resting_until_staff_try_again(tmp_path: Path) -> None:
    clock = Clock()
    crash(tmp_path, clock, REST_AFTER)
    resting = start(tmp_path, clock)
    assert resting.resting
    resting.steady()  # a resting kiosk that stays up is not a working kiosk
    resting.end("clean")
    clock.now += 5
    again = start(tmp_path, clock)
    assert not again.resting  # stopped cleanly (systemctl restart): it tries again
    crash(tmp_path, clock, REST_AFTER)
    resting = start(tmp_path, clock)
    assert resting.resting
    resting.try_again()
    assert not resting.resting and [r["how"] for r in read_runs(tmp_path / RECORD_FILE)][-2:] == ["retry", "running"]
    clock.now += 5
    assert not start(tmp_path, clock).resting
    assert recovery_checks(tmp_path, clock.now)[0].status == "warning"  # one unexpected stop since: said, not resting


@pytest.mark.parametrize("breaker", ["steady", "old", "staff", "clean"])
def test_a_run_that_worked_or_an_old_crash_breaks_the_streak(tmp_path: Path, breaker: str) -> None:
    clock = Clock()
    crash(tmp_path, clock, 2)
    middle = start(tmp_path, clock)
    if breaker == "steady":
        clock.now += STEADY_S
        middle.steady()
    elif breaker in ("staff", "clean"):
        middle.end(breaker)
    clock.now += WITHIN_S + 1 if breaker == "old" else 30
    crash(tmp_path, clock, REST_AFTER - 1)
    assert not start(tmp_path, clock).resting


def test_staff_leaving_is_recorded_and_not_counted_as_a_crash(tmp_path: Path) -> None:
    clock = Clock()
    record = start(tmp_path, clock)
    record.end("staff")
    assert read_runs(tmp_path / RECORD_FILE)[-1]["how"] == "staff"
    assert "staff left it through the staff screen" in recovery_checks(tmp_path)[0].detail
    assert start(tmp_path, clock).streak == []


def test_the_benchmarks_quick_runs_never_rest(tmp_path: Path) -> None:
    clock = Clock()
    crash(tmp_path, clock, REST_AFTER + 2)
    assert not start(tmp_path, clock, may_rest=False).resting


def test_the_record_keeps_only_the_latest_runs(tmp_path: Path) -> None:
    clock = Clock()
    for _ in range(60):
        start(tmp_path, clock).end("clean")
        clock.now += 1000
    assert len(read_runs(tmp_path / RECORD_FILE)) == 20


@pytest.mark.parametrize("kind", list(GARBAGE))
def test_a_damaged_record_never_stops_a_start_and_doctor_names_it(tmp_path: Path, kind: str, caplog) -> None:
    path = plant(tmp_path, RECORD_FILE, GARBAGE[kind])
    check = recovery_checks(tmp_path)[0]
    assert check.status == "warning" and str(path) in check.detail, check
    record = start(tmp_path, Clock())
    assert not record.resting
    if kind == "folder":  # it cannot be replaced by a file: the kiosk runs on, and says so
        assert "cannot be written" in (record.problem or "")
    else:
        assert [r["how"] for r in read_runs(path)] == ["running"]
    assert any(str(path) in r.getMessage() for r in caplog.records)


def test_a_data_directory_that_cannot_be_written_never_stops_a_start(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("")
    record = start(tmp_path / "a-file" / "data", Clock())  # no folder can be made here, even by root
    assert not record.resting and "cannot be written" in (record.problem or "")
    assert record.open_fatal_file() is None
    record.end("clean")  # and ending says nothing more


def test_a_record_from_another_writer_is_refused(tmp_path: Path) -> None:
    (tmp_path / RECORD_FILE).write_text(json.dumps({"format": 1, "runs": [{"started": "yesterday", "how": "clean"}]}))
    record = start(tmp_path, Clock())
    assert record.problem and "the wrong shape" in record.problem
