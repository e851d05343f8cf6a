"""SIGTERM (systemd stopping the service) and SIGINT (Ctrl+C) stop the kiosk promptly and cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.ui.stop_signals import StopSignals


def test_a_signal_arrives_as_a_qt_signal(qtbot) -> None:
    stops = StopSignals()
    stops.install()
    try:
        with qtbot.waitSignal(stops.stop_requested, timeout=5000) as caught:
            os.kill(os.getpid(), signal.SIGTERM)
        assert caught.args == [signal.SIGTERM]
    finally:
        stops.uninstall()
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_the_running_kiosk_stops_cleanly(tmp_path: Path, number: int) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": str(tmp_path)}
    kiosk = subprocess.Popen([sys.executable, "-m", "kiosk", "--windowed"], env=env,
                             stderr=subprocess.PIPE, text=True)
    lines = []
    for line in kiosk.stderr:  # wait for the kiosk to say it is running (a condition, not a sleep)
        lines.append(line)
        if "kiosk running" in line:
            break
    kiosk.send_signal(number)
    _, rest = kiosk.communicate(timeout=30)
    assert kiosk.returncode == 0, "".join(lines) + rest
    assert f"stopping on signal {int(number)}" in rest
