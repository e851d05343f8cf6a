"""The start record: each start of the kiosk, how each run ended, and whether to rest after repeated crashes.

A small JSON file in the data directory, written whole (atomically) at each start and end. A missing or damaged
record never stops the kiosk: it starts as normal and writes a fresh one, and `kiosk doctor` names the damage.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import IO, Callable

from kiosk.recovery.crash_text import describe_fatal
from kiosk.staff.atomic import write_file_atomically

RECORD_FILE = "start-record.json"
FATAL_FILE = "fatal-error.log"  # faulthandler writes here: fatal errors, and every thread's stack when the loop hangs
FORMAT = 1
KEEP = 20  # runs remembered
MAX_BYTES = 64 * 1024
# Rest after this many unexpected stops in a row, all within WITHIN_S, none of which stayed up STEADY_S. Below
# systemd's StartLimitBurst=10 in 600 s, so the kiosk rests (and says so) before systemd gives up on it.
REST_AFTER = 5
WITHIN_S = 600
STEADY_S = 120
CRASHED = ("unknown", "fatal", "hang", "error")  # how a run may end that counts towards resting
ENDINGS = ("clean", "staff", "retry", *CRASHED)

log = logging.getLogger(__name__)


class RecordDamaged(ValueError):
    """The start record cannot be used as it is; the message says why."""


def read_runs(path: Path) -> list[dict]:
    """The runs recorded at `path`, oldest first ([] if there is no record); RecordDamaged if it cannot be used."""
    if not path.exists() and not path.is_symlink():
        return []
    try:
        if not path.is_file():
            raise RecordDamaged(f"{path} is {'a folder' if path.is_dir() else 'a link to nothing'}")
        with path.open("rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except OSError as e:
        raise RecordDamaged(f"{path} cannot be read: {e.strerror or e}") from None
    if len(raw) > MAX_BYTES:
        raise RecordDamaged(f"{path} is over {MAX_BYTES // 1024} KB, far bigger than the kiosk writes")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise RecordDamaged(f"{path} is not a start record the kiosk wrote (not JSON)") from None
    runs = data.get("runs") if isinstance(data, dict) and data.get("format") == FORMAT else None
    if not isinstance(runs, list) or not all(_sound(run) for run in runs):
        raise RecordDamaged(f"{path} is not a start record the kiosk wrote (the wrong shape)")
    return runs


def _sound(run: object) -> bool:
    return (isinstance(run, dict) and isinstance(run.get("started"), (int, float))
            and run.get("how") in ("running", *ENDINGS) and isinstance(run.get("detail", ""), str))


def crash_streak(runs: list[dict], now: float) -> list[dict]:
    """The latest runs that stopped unexpectedly, newest first, back to one that ended well, stayed up, or is old."""
    streak = []
    for run in reversed(runs):
        if run["how"] not in CRASHED or run.get("steady") or not 0 <= now - run["started"] <= WITHIN_S:
            break
        streak.append(run)
    return streak


class StartRecord:
    """This run's entry in the record: made at start (`begin`), marked as it goes, closed at its end."""

    def __init__(self, data_dir: Path, clock: Callable[[], float] = time.time) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / RECORD_FILE
        self._clock = clock
        self.runs: list[dict] = []
        self.run: dict = {}
        self.problem: str | None = None  # why the record could not be read or written, if it could not
        self.streak: list[dict] = []  # the unexpected stops before this start, newest first
        self.fatal_file: IO | None = None

    @property
    def resting(self) -> bool:
        return bool(self.run.get("resting"))

    def begin(self, may_rest: bool = True) -> StartRecord:
        """Note how the last run ended, record this start, and decide whether to rest instead of showing the kiosk."""
        try:
            self.runs = read_runs(self.path)
        except RecordDamaged as e:
            self.problem = str(e)
            log.warning("%s: the kiosk starts afresh with a new start record", e)
            self.runs = []
        if self.runs and self.runs[-1]["how"] == "running":
            self._close_unsaid(self.runs[-1])
        now = self._clock()
        self.streak = crash_streak(self.runs, now)
        resting = may_rest and len(self.streak) >= REST_AFTER
        self.run = {"started": now, "how": "running", "detail": "", "resting": resting}
        self.runs.append(self.run)
        self._save()
        return self

    def _close_unsaid(self, last: dict) -> None:
        """The last run stopped without saying how: what faulthandler wrote, if anything, tells."""
        how, detail = describe_fatal(self._read_fatal())
        last.update(how=how, detail=detail or last.get("error") or
                    "it stopped without saying how (killed, the power cut, or its screen server stopped)")
        log.warning("the kiosk's last run stopped unexpectedly: %s", last["detail"])

    def _read_fatal(self) -> str:
        try:
            with (self.data_dir / FATAL_FILE).open("rb") as f:
                return f.read(MAX_BYTES).decode("utf-8", "replace")
        except OSError:
            return ""

    def open_fatal_file(self) -> IO | None:
        """A fresh fatal-error file for this run (faulthandler writes to it), or None if the disk will not have it."""
        try:
            self.fatal_file = (self.data_dir / FATAL_FILE).open("w")
        except OSError as e:
            log.warning("fatal errors go to the log only: %s", e)
        return self.fatal_file

    def steady(self) -> None:
        """This run stayed up long enough to count as working (it breaks a crash streak)."""
        if not self.resting:
            self.run["steady"] = True
            self._save()

    def error(self, text: str) -> None:
        """Keep the last error the run logged, to say why if it then stops without a word."""
        if self.run.get("error") != text[-400:]:  # the same error over and over is written once
            self.run["error"] = text[-400:]
            self._save()

    def end(self, how: str, detail: str = "") -> None:
        """Close this run: "clean", "staff" (left through the staff screen) or "error"."""
        self.run.update(how=how, detail=detail, ended=self._clock())
        self._save()
        if self.fatal_file is not None and how in ("clean", "staff"):
            self.fatal_file.truncate(0)  # a stall the kiosk came back from is not how this run ended

    def try_again(self) -> None:
        """Staff asked to try again while resting: close the resting run and start a normal one."""
        self.end("retry", "staff tried again")
        self.run = {"started": self._clock(), "how": "running", "detail": "", "resting": False}
        self.runs.append(self.run)
        self.streak = []
        self._save()

    def _save(self) -> None:
        data = json.dumps({"format": FORMAT, "runs": self.runs[-KEEP:]}, indent=1).encode()
        try:
            write_file_atomically(self.path, data)
        except OSError as e:  # a full or read-only disk: the kiosk runs on, it only forgets
            if self.problem is None or "cannot be written" not in self.problem:
                log.warning("the start record %s cannot be written: %s", self.path, e.strerror or e)
            self.problem = f"{self.path} cannot be written: {e.strerror or e}"

