"""Staff leave the real kiosk through the staff screen's buttons: it tells systemd it is stopping, exits with
STAFF_LEFT, records the run as left by staff (not a crash), and marks this boot for the service to stay stopped."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.doctor.recovery import recovery_checks
from kiosk.recovery.exit_codes import STAFF_LEFT
from kiosk.recovery.start_record import RECORD_FILE, crash_streak, read_runs
from tests.recovery.notify_socket import NotifySocket

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent.parent
# The kiosk as `kiosk run` starts it, with one addition: once it is up, the staff screen's Leave section is used as
# staff use it (the PIN is not the point here: tests/ui/test_staff_pin.py covers it).
LEAVER = """
import sys
from PySide6.QtCore import QTimer
from kiosk import run_guard
from kiosk.cli import main

painted = run_guard.RunGuard.painted

def leave(window):
    window.staff.open_staff_screen()
    window.staff.screen.show_section("Leave the kiosk")
    section = window.staff.screen.current
    section.close_button.click()
    section.yes_button.click()

def painted_then_leave(self, window):
    painted(self, window)
    QTimer.singleShot(0, lambda: leave(window))

run_guard.RunGuard.painted = painted_then_leave
sys.exit(main(["--windowed"]))
"""


def test_staff_leaving_exits_with_staff_left_and_is_no_crash(sample_data_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(sample_data_dir, data)
    listener = NotifySocket(tmp_path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": str(data), "PYTHONPATH": str(ROOT),
           "NOTIFY_SOCKET": listener.variable, "WATCHDOG_USEC": "30000000"}
    try:
        run = subprocess.run([sys.executable, "-c", LEAVER], env=env, cwd=ROOT, capture_output=True, text=True,
                             timeout=180)
        listener.drain()
    finally:
        listener.close()
    assert run.returncode == STAFF_LEFT, run.stderr
    assert [m for _, m in listener.received if m != "WATCHDOG=1"] == ["READY=1", "STOPPING=1"]
    runs = read_runs(data / RECORD_FILE)
    assert runs[-1]["how"] == "staff" and crash_streak(runs, runs[-1]["ended"]) == []
    assert "staff left it through the staff screen" in recovery_checks(data)[0].detail
