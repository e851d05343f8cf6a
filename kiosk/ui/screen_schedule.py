"""The screen schedule: outside opening hours the kiosk ends the visit and goes dark; a touch wakes it for a while,
and opening time wakes it for the day."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPalette
from PySide6.QtWidgets import QWidget

from kiosk.schedule.backlight import Backlight
from kiosk.schedule.opening_hours import HoursError, OpeningHours, seconds_until

if TYPE_CHECKING:
    from kiosk.ui.window import KioskWindow

# The longest the schedule waits before looking at the clock again: a clock put right after start-up (NTP), or
# a staff screen left open at closing time, is caught within this.
LONGEST_WAIT_MS = 10 * 60 * 1000


class SleepCover(QWidget):
    """The closed screen: black over the whole window. A touch (or a switch's key) on it wakes the kiosk and, like
    the idle warning, presses nothing underneath: the press and the release both land here."""

    woken = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("black"))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # keys come here, not to the page beneath
        self.hide()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # held here, so the release comes here too

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self.woken.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.accept()
        self.woken.emit()


class ScreenSchedule(QObject):
    """Sleeps and wakes the window by the school's opening hours (read from its settings each time it looks)."""

    def __init__(self, window: KioskWindow, now: Callable[[], dt.datetime] = dt.datetime.now,
                 backlight: Backlight | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._now = now  # wall-clock time where the kiosk stands: naive local time, or aware in a zoneinfo zone
        self.backlight = backlight if backlight is not None else Backlight()
        self.asleep = False
        self._visitor = False  # woken by a touch while closed: awake until the idle timeout, then dark again
        self.cover = SleepCover(window)
        self.cover.woken.connect(self._touched)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may fire seconds before opening time
        self.timer.timeout.connect(self.check)
        window.idle.idle.connect(self._idle)  # after the window's own reset (connected when it was built)
        window.installEventFilter(self)  # the cover follows the window's size
        window.screen_schedule = self  # the window checks again when staff save new settings
        self.check()

    def hours(self) -> OpeningHours:
        try:
            return OpeningHours(self._window.settings.opening_hours)
        except HoursError:  # settings are checked when read and saved; never dark because of a bad value
            return OpeningHours("")

    def check(self) -> None:
        """Sleep or wake for the time now (settings may have changed too), then wait for the next change."""
        now, hours = self._now(), self.hours()
        if hours.is_open(now):
            self._visitor = False
            if self.asleep:
                self._wake()
        elif not self.asleep and not self._visitor:
            self.sleep()
        change = hours.next_change(now)
        wait_ms = LONGEST_WAIT_MS if change is None else int(seconds_until(change, now) * 1000) + 1
        self.timer.start(max(1, min(wait_ms, LONGEST_WAIT_MS)))

    def sleep(self) -> None:
        """End the visit as the idle reset does, paint the window black and turn the backlight off."""
        staff = self._window.staff
        if staff is not None and staff.cover is not None:
            return  # staff are working: the next look at the clock (within LONGEST_WAIT_MS) tries again
        self._window.reset_session()
        self._window.idle.stop()  # no "Are you still there?" on a dark screen
        self.asleep = True
        self.cover.setGeometry(self._window.rect())
        self.cover.show()
        self.cover.raise_()
        self.cover.setFocus()
        self.backlight.off()

    def stop(self) -> None:
        """Stop looking at the clock (the kiosk is closing)."""
        self.timer.stop()

    def _touched(self) -> None:
        self._visitor = not self.hours().is_open(self._now())
        self._wake()

    def _wake(self) -> None:
        self.backlight.on()
        self.cover.hide()
        self.asleep = False
        self._window.idle.start()  # a fresh idle time from now: a visitor has it all to use

    def _idle(self) -> None:
        if self._visitor:
            self._visitor = False
            if not self.hours().is_open(self._now()):
                self.sleep()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.cover.isVisible():
            self.cover.setGeometry(self._window.rect())
        return False
