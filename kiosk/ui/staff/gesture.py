"""The hidden way into the staff screen: five quick taps on the top bar's bare background, with nothing to show it.

Taps on the bar's buttons never reach the bar itself, so Back, Home and the rest work as always and a pupil
tapping them quickly never opens anything; five taps on nothing within three seconds is not done by chance.
"""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget

TAPS = 5
WITHIN_S = 3.0


class HiddenGesture(QObject):
    """An event filter on the top bar: emits `triggered` after TAPS presses on it within WITHIN_S seconds."""

    triggered = Signal()

    def __init__(self, clock: Callable[[], float] = time.monotonic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._taps: list[float] = []

    def watch(self, bar: QWidget) -> None:
        """Watch a (new) top bar; the window builds a new one whenever its look changes."""
        self._taps = []
        bar.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Only presses delivered to the bar itself: a press on one of its buttons is taken by the button.
        if event.type() == QEvent.Type.MouseButtonPress:
            now = self._clock()
            self._taps = [t for t in self._taps if now - t <= WITHIN_S] + [now]
            if len(self._taps) >= TAPS:
                self._taps = []
                self.triggered.emit()
        return False
