"""`kiosk doctor`'s look at the start record: whether the kiosk is resting after repeated crashes, and why."""

from __future__ import annotations

import math
import time
from pathlib import Path

from kiosk.doctor.check import Check
from kiosk.recovery.start_record import (
    CRASHED, FATAL_FILE, RECORD_FILE, REST_AFTER, STEADY_S, WITHIN_S, RecordDamaged, crash_streak, read_runs,
)

ENDED = {"clean": "it was stopped cleanly", "staff": "staff left it through the staff screen",
         "retry": "staff tried it again after it rested"}
LOOK = "Look at `journalctl -u careers-kiosk` for the details"


def recovery_checks(data_dir: Path, now: float | None = None) -> list[Check]:
    """One line on how the kiosk has been starting (resting, crashing, or well); a warning for a damaged record."""
    path = Path(data_dir) / RECORD_FILE
    try:
        runs = read_runs(path)
    except RecordDamaged as e:
        return [Check("starts", "warning", f"{e}: the kiosk writes a new start record at its next start, and "
                      "counts crashes afresh")]
    if not runs:
        return [Check("starts", "ok", "the kiosk has not been started on this data directory yet")]
    now = time.time() if now is None else now
    last = runs[-1]
    if last.get("resting"):
        return [Check("starts", "warning", _resting(crash_streak(runs[:-1], last["started"]), last))]
    streak = crash_streak(runs if last["how"] != "running" else runs[:-1], now)
    if streak:
        return [Check("starts", "warning", f"the kiosk stopped unexpectedly {_times(len(streak))} in "
                      f"{_minutes(now - streak[-1]['started'])}; the last time: {streak[0]['detail']}. It rests "
                      f"after {REST_AFTER} such stops within {WITHIN_S // 60} minutes. {LOOK}")]
    return [Check("starts", "ok", _well(runs))]


def _resting(streak: list[dict], resting: dict) -> str:
    span = resting["started"] - streak[-1]["started"] if streak else 0
    last = streak[0]["detail"] if streak else "not recorded"
    return (f"the kiosk stopped {_times(len(streak))} in {_minutes(span)}, never staying up {STEADY_S // 60} minutes; "
            f"the last time: {last}. It is resting: the screen says \"This kiosk is resting\". {LOOK} (and at "
            f"{FATAL_FILE} in the data directory); once the cause is fixed, staff tap Try again on the kiosk (five "
            "taps on the screen, then the staff PIN), or restart it with `sudo systemctl restart careers-kiosk`")


def _well(runs: list[dict]) -> str:
    last = runs[-1]
    started = time.strftime("%Y-%m-%d %H:%M", time.localtime(last["started"]))
    if last["how"] == "running":
        said = "it is running now, or stopped without saying how"
    elif last["how"] in CRASHED:
        said = f"it stopped unexpectedly, after staying up a while: {last['detail']}"
    else:
        said = ENDED[last["how"]]
    return f"last started {started}: {said}"


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def _minutes(seconds: float) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    return f"{minutes} minute{'s' if minutes != 1 else ''}"
