"""The running kiosk and systemd's watchdog, over a real notify socket: one READY=1 after the first paint, WATCHDOG=1
about every WATCHDOG_USEC/2, no ping while the GUI thread is frozen (so systemd would restart it), pings again once
it turns, and STOPPING=1 when it stops. The freeze is the kiosk's test-only KIOSK_TEST_FREEZE hook: the GUI thread
blocks while the process lives on (SIGSTOP would stop every thread, which proves nothing about the event loop)."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.recovery.start_record import FATAL_FILE, read_runs, RECORD_FILE
from tests.recovery.notify_socket import ROOT, NotifySocket, running_kiosk, stop_kiosk

pytestmark = pytest.mark.slow
WATCHDOG_S = 1.0  # WATCHDOG_USEC: pings every half second
FREEZE_AFTER, FREEZE_S = 4, 2.5  # the GUI thread blocks 2.5 s after the 4th ping


def pings(listener: NotifySocket) -> list[float]:
    return [at for at, message in listener.received if message == "WATCHDOG=1"]


@pytest.fixture
def data(sample_data_dir: Path, tmp_path: Path) -> Path:
    shutil.copytree(sample_data_dir, tmp_path / "data")
    return tmp_path / "data"


@pytest.mark.parametrize("form", ["path", "abstract"])
def test_a_frozen_event_loop_stops_the_pings_and_they_come_back(data: Path, tmp_path: Path, form: str) -> None:
    listener = NotifySocket(tmp_path, abstract=form == "abstract")
    with running_kiosk(data, listener, int(WATCHDOG_S * 1e6), KIOSK_TEST_FREEZE=f"{FREEZE_AFTER}:{FREEZE_S}") as kiosk:
        assert listener.wait_for(lambda got: len(got) >= 1, 120), "no READY=1 within two minutes"
        # The freeze, then four pings after it.
        assert listener.wait_for(lambda got: len([m for _, m in got if m == "WATCHDOG=1"]) >= FREEZE_AFTER + 4,
                                 60), listener.received
        hang_dump = (data / FATAL_FILE).read_text()  # the stacks faulthandler wrote while the loop was stuck
        err = stop_kiosk(kiosk, listener)
    messages = [m for _, m in listener.received]
    assert messages[0] == "READY=1" and messages.count("READY=1") == 1, messages
    assert messages[-1] == "STOPPING=1" and set(messages[1:-1]) == {"WATCHDOG=1"}, messages
    times = pings(listener)
    gaps = [b - a for a, b in zip(times, times[1:])]
    frozen = gaps[FREEZE_AFTER - 1]  # from the ping that froze the loop to the next one
    normal = gaps[:FREEZE_AFTER - 1] + gaps[FREEZE_AFTER:]
    assert frozen >= FREEZE_S - 0.1, (frozen, gaps)
    assert frozen > WATCHDOG_S, "a ping came within the watchdog interval while the GUI thread was frozen"
    assert max(normal) < WATCHDOG_S, f"systemd would have restarted a working kiosk: {gaps}"
    assert 0.35 <= statistics.median(normal) <= 0.75, gaps  # about every WATCHDOG_USEC / 2
    assert hang_dump.startswith("Timeout") and "watchdog.py" in hang_dump, hang_dump
    assert kiosk.returncode == 0, err
    last = read_runs(data / RECORD_FILE)[-1]
    assert last["how"] == "clean" and not last["resting"]
    assert (data / FATAL_FILE).read_text() == "", "a stall the kiosk came back from is not how the run ended"


def test_a_watchdog_timeout_without_a_notify_socket_is_ignored(data: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": str(data), "PYTHONPATH": str(ROOT),
           "WATCHDOG_USEC": "1000000"}
    env.pop("NOTIFY_SOCKET", None)
    run = subprocess.run([sys.executable, "-m", "kiosk", "--windowed", "--quit-after-first-paint"], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and "first-paint" in run.stdout, run.stderr
    assert "could not tell systemd" not in run.stderr
