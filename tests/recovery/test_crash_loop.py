"""Real crashes in child processes: a segfault and an uncaught exception are recorded as such, and after repeated
crashes the real kiosk starts resting (still telling systemd it is ready and alive) instead of looping."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.doctor.recovery import recovery_checks
from kiosk.recovery.start_record import REST_AFTER, RECORD_FILE, read_runs
from tests.recovery.notify_socket import NotifySocket, running_kiosk, stop_kiosk

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent.parent
CRASHER = """
import faulthandler, sys
from kiosk.config import load_settings
from kiosk.run_guard import RunGuard

def main():
    if sys.argv[2] == "segfault":
        faulthandler._sigsegv()
    raise RuntimeError("broken on purpose")

RunGuard(load_settings(sys.argv[1], environ={})).run(main)
"""


def crash(data: Path, how: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", CRASHER, str(data), how], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=60)


@pytest.fixture
def data(sample_data_dir: Path, tmp_path: Path) -> Path:
    shutil.copytree(sample_data_dir, tmp_path / "data")
    return tmp_path / "data"


def test_a_segfault_and_an_exception_are_each_recorded(data: Path) -> None:
    segfault = crash(data, "segfault")
    assert segfault.returncode == -signal.SIGSEGV
    exception = crash(data, "exception")
    assert exception.returncode == 1 and "RuntimeError: broken on purpose" in exception.stderr  # still in the log
    crash(data, "exception")  # this start notes how the segfault's run ended
    runs = read_runs(data / RECORD_FILE)
    assert runs[0]["how"] == "fatal"
    assert runs[0]["detail"].startswith("Fatal Python error: Segmentation fault in main (")
    assert runs[1]["how"] == "error" and runs[1]["detail"].startswith("RuntimeError: broken on purpose in main (")


def test_after_repeated_crashes_the_kiosk_rests_and_still_answers_systemd(data: Path, tmp_path: Path) -> None:
    for n in range(REST_AFTER):
        crash(data, "exception" if n % 2 else "segfault")  # the last is a segfault
    listener = NotifySocket(tmp_path)
    with running_kiosk(data, listener, 1_000_000) as kiosk:
        assert listener.wait_for(lambda got: len([m for _, m in got if m == "WATCHDOG=1"]) >= 3, 120), \
            listener.received
        resting = read_runs(data / RECORD_FILE)[-1]
        assert resting["how"] == "running" and resting["resting"]
        check = recovery_checks(data)[0]
        assert check.status == "warning" and f"stopped {REST_AFTER} times" in check.detail
        assert "Fatal Python error: Segmentation fault" in check.detail and "It is resting" in check.detail
        err = stop_kiosk(kiosk, listener)
    assert kiosk.returncode == 0, err
    assert "it is resting" in err and "kiosk running" not in err  # the full kiosk never started
    assert "stopping on signal 15" in err
    assert [m for _, m in listener.received][0] == "READY=1"
    assert read_runs(data / RECORD_FILE)[-1]["how"] == "clean"


# The real kiosk, resting; staff's Try again is pressed as soon as the resting screen is up (the gesture and PIN
# are tests/ui/test_resting.py's): the full kiosk must then start in the same process, and keep running.
TRY_AGAIN = """
import sys
from PySide6.QtCore import QTimer
from kiosk import run_guard
from kiosk.cli import main

painted = run_guard.RunGuard.painted

def painted_then_try(self, context):
    painted(self, context)
    if self.resting:
        QTimer.singleShot(0, context.try_again.emit)

run_guard.RunGuard.painted = painted_then_try
sys.exit(main(["--windowed"]))
"""


def test_staff_trying_again_starts_the_full_kiosk(data: Path) -> None:
    for _ in range(REST_AFTER):
        crash(data, "exception")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": str(data), "PYTHONPATH": str(ROOT)}
    kiosk = subprocess.Popen([sys.executable, "-c", TRY_AGAIN], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
    lines = []
    try:
        for line in kiosk.stderr:  # wait for the full kiosk to say it is running (a condition, not a sleep)
            lines.append(line)
            if "kiosk running" in line:
                break
        assert kiosk.poll() is None, "".join(lines)  # running, not quit with the resting screen
        kiosk.send_signal(signal.SIGTERM)
        _, rest = kiosk.communicate(timeout=60)
    finally:
        if kiosk.poll() is None:
            kiosk.kill()
            kiosk.wait()
    assert kiosk.returncode == 0, "".join(lines) + rest
    assert any("it is resting" in line for line in lines) and any("staff tried the kiosk again" in line
                                                                 for line in lines)
    runs = read_runs(data / RECORD_FILE)
    assert [(r["how"], r["resting"]) for r in runs[-2:]] == [("retry", True), ("clean", False)]
