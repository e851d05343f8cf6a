"""Telling systemd the kiosk is up (READY=1) and alive (WATCHDOG=1 from the GUI thread), and when it stops.

The pings come from a QTimer on the GUI thread, so they stop when its event loop stops turning, and systemd's
watchdog (WatchdogSec=) then restarts the kiosk. Worker threads send no heartbeat of their own: staff jobs run in
child processes with their own time limits, and a stuck speech worker silences speech but leaves every page working,
which is better for a pupil than a restart in the middle of a visit.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import time
from typing import IO, Mapping

from PySide6.QtCore import QObject, Qt, QTimer

from kiosk.recovery.notify import FREEZE_VARIABLE, notify, watchdog_interval_ms

log = logging.getLogger(__name__)


def test_freeze(environ: Mapping[str, str]) -> tuple[int, float] | None:
    """The hang a test asked for with KIOSK_TEST_FREEZE, or None (nothing on the screen can set it)."""
    pings, _, seconds = environ.get(FREEZE_VARIABLE, "").partition(":")
    try:
        after, block = int(pings), float(seconds)
    except ValueError:
        return None
    return (after, block) if after > 0 and 0 < block <= 600 else None


class Watchdog(QObject):
    """READY=1 once, then WATCHDOG=1 every half of WATCHDOG_USEC while the event loop turns, and STOPPING=1."""

    def __init__(self, environ: Mapping[str, str] | None = None, hang_file: IO | None = None,
                 parent: QObject | None = None) -> None:
        """`hang_file`, if given, receives every thread's stack when the loop stalls for most of the timeout."""
        super().__init__(parent)
        self._environ = dict(os.environ if environ is None else environ)
        self.interval_ms = watchdog_interval_ms(self._environ)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may be 5% late, eating the margin
        self._timer.timeout.connect(self.ping)
        self._hang_file = hang_file
        self._freeze = test_freeze(self._environ)
        self._ready = False
        self._failed = False
        self.pings = 0

    def ready(self) -> None:
        """The first screen is painted: say so, and start pinging if systemd keeps a watchdog on the kiosk."""
        if self._ready:
            return
        self._ready = True
        self._send("READY=1")
        if self.interval_ms is not None:
            self.ping()
            self._timer.start(self.interval_ms)

    def ping(self) -> None:
        """One WATCHDOG=1; the timer calls this, from the GUI thread, only while the event loop turns."""
        self.pings += 1
        self._send("WATCHDOG=1")
        if self._hang_file is not None and self.interval_ms is not None:
            # 1.8 intervals is 90% of systemd's timeout: the stacks are written before systemd kills the kiosk.
            faulthandler.dump_traceback_later(1.8 * self.interval_ms / 1000, file=self._hang_file)
        if self._freeze is not None and self.pings == self._freeze[0]:
            log.warning("the GUI thread stops for %.1f s, as %s asks", self._freeze[1], FREEZE_VARIABLE)
            time.sleep(self._freeze[1])  # a hang on purpose: the event loop stops turning, so the pings stop

    def stopping(self) -> None:
        """The kiosk is stopping: no more pings, and systemd is told (a stop is not a hang)."""
        self._timer.stop()
        if self._hang_file is not None:
            faulthandler.cancel_dump_traceback_later()
        self._send("STOPPING=1")

    def _send(self, message: str) -> None:
        if notify(message, self._environ):
            self._failed = False
        elif not self._failed and "NOTIFY_SOCKET" in self._environ:
            self._failed = True  # said once, not every few seconds
            log.warning("could not tell systemd %s through NOTIFY_SOCKET=%s", message, self._environ["NOTIFY_SOCKET"])
