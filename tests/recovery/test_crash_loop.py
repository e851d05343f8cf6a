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
from tests.recovery.notify_socket import NotifySocket

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
    assert runs[0]["how"] == "fatal" and runs[0]["detail"].startswith("Fatal Python error: Segmentation fault in main (")
    assert runs[1]["how"] == "error" and runs[1]["detail"].startswith("RuntimeError: broken on purpose in main (")


def test_after_repeated_crashes_the_kiosk_rests_and_still_answers_systemd(data: Path, tmp_path: Path) -> None:
    for n in range(REST_AFTER):
        crash(data, "exception" if n % 2 else "segfault")  # the last: a segfault
    listener = NotifySocket(tmp_path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": str(data), "PYTHONPATH": str(ROOT),
           "NOTIFY_SOCKET": listener.variable, "WATCHDOG_USEC": "1000000"}
    kiosk = subprocess.Popen([sys.executable, "-m", "kiosk", "--windowed"], env=env, cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert listener.wait_for(lambda got: len([m for _, m in got if m == "WATCHDOG=1"]) >= 3, 120), \
            listener.received
        resting = read_runs(data / RECORD_FILE)[-1]
        assert resting["how"] == "running" and resting["resting"]
        check = recovery_checks(data)[0]
        assert check.status == "warning" and f"stopped {REST_AFTER} times" in check.detail
        assert "Fatal Python error: Segmentation fault" in check.detail and "It is resting" in check.detail
        kiosk.send_signal(signal.SIGTERM)
        assert listener.wait_for(lambda got: got[-1][1] == "STOPPING=1", 30), listener.received
        _, err = kiosk.communicate(timeout=60)
    finally:
        if kiosk.poll() is None:
            kiosk.kill()
            kiosk.wait()
        listener.close()
    assert kiosk.returncode == 0, err
    assert "it is resting" in err and "kiosk running" not in err  # the full kiosk never started
    assert [m for _, m in listener.received][0] == "READY=1"
    assert read_runs(data / RECORD_FILE)[-1]["how"] == "clean"
