"""Watching for a pupil walking away: a warning with a countdown, then a return home that forgets the session."""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

ACTIVITY = frozenset(
    {
        QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove,
        QEvent.Type.KeyPress, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.Wheel,
    }
)


class IdleWatcher(QObject):
    """An application event filter that notes input, warns before the timeout and signals the timeout once.

    The clock is injectable so tests can move time on; it must be monotonic so clock changes do no harm.
    """

    warning = Signal(int)  # seconds left before the session ends
    resumed = Signal()  # input arrived while the warning was showing
    idle = Signal()  # the timeout passed: forget the session

    def __init__(
        self,
        timeout_s: float,
        warning_s: float,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
        check_every_ms: int = 1000,
    ) -> None:
        super().__init__(parent)
        self.timeout_s = timeout_s
        self.warning_s = warning_s
        self._clock = clock
        self._last = clock()
        self._warned = False
        self.timer = QTimer(self)
        self.timer.setInterval(check_every_ms)
        self.timer.timeout.connect(self.check)

    @property
    def warning_shown(self) -> bool:
        return self._warned

    def start(self) -> None:
        self._last = self._clock()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def touch(self) -> None:
        """Count activity now (speech and switch scanning will call this too)."""
        self._last = self._clock()
        if self._warned:
            self._warned = False
            self.resumed.emit()

    def check(self) -> None:
        idle_for = self._clock() - self._last
        if idle_for >= self.timeout_s:
            self._warned = False
            self._last = self._clock()
            self.idle.emit()
        elif idle_for >= self.timeout_s - self.warning_s:
            self._warned = True
            self.warning.emit(max(1, round(self.timeout_s - idle_for)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY:
            self.touch()
        return False
