"""Switch access: one switch with automatic scanning, or two switches stepping and selecting.

USB switch interfaces send key presses: Switch 1 is Space and Switch 2 is Enter. Scanning goes row by row
(the top bar is a row of its own), then button by button within the chosen row.
"""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.widgets.kiosk_button import KioskButton

GROUP_SIZE = 6  # more buttons than this in a row are scanned as smaller groups
SILENT_LOOPS = 3  # automatic scanning pauses after this many loops with no press
DEBOUNCE_S = 0.3  # presses this soon after a selection are ignored (tremor, a switch that bounces)


class ScanController(QObject):
    """Moves a highlight over the buttons on show and presses the one the pupil selects."""

    def __init__(
        self,
        window: QWidget,
        buttons: Callable[[], tuple[list[KioskButton], list[KioskButton]]],
        mode: str,
        interval_s: float,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if mode not in ("auto", "step"):
            raise ValueError(f"scan mode must be auto or step, not {mode!r}")
        self._window = window
        self._buttons = buttons  # (the page's buttons, the top bar's buttons), in reading order
        self.mode = mode
        self._clock = clock
        self._groups: list[list[KioskButton]] = []
        self._group = -1
        self._item = -1  # -1: choosing a group; otherwise the button within the chosen group
        self._loops = 0
        self._last_select = -1e9
        self._interval_ms = int(interval_s * 1000)
        self.timer = QTimer(self)
        self.timer.setInterval(self._interval_ms)
        self.timer.timeout.connect(self.advance)

    # -- driving it --------------------------------------------------------------------------------------

    def restart(self) -> None:
        """Start again from the first row (a new page has appeared)."""
        self._clear()
        self._groups = self._make_groups()
        self._group, self._item, self._loops = 0, -1, 0
        self._mark()
        if self.mode == "auto":
            # The first row is shown one and a half times as long, to give the pupil time to start.
            self.timer.start(int(self._interval_ms * 1.5))

    def stop(self) -> None:
        self.timer.stop()
        self._clear()

    def advance(self) -> None:
        """Move the highlight on: the next row, or the next button in the chosen row."""
        if not self._groups:
            self._groups = self._make_groups()
            if not self._groups:
                return
        if self.mode == "auto" and self.timer.interval() != self._interval_ms:
            self.timer.setInterval(self._interval_ms)  # back to the normal pace after the first row
        if self._item < 0:
            self._group = (self._group + 1) % len(self._groups)
            if self._group == 0:
                self._loops += 1
        else:
            self._item = (self._item + 1) % len(self._groups[self._group])
            if self._item == 0:
                self._loops += 1
        if self.mode == "auto" and self._loops >= SILENT_LOOPS:
            self.timer.stop()  # nobody is pressing: wait for the next press
        self._mark()

    def select(self) -> None:
        """Choose the highlighted row (then scan its buttons) or press the highlighted button."""
        if not self._groups:
            return
        group = self._groups[self._group]
        if self._item < 0 and len(group) > 1:
            self._item, self._loops = 0, 0
            self._last_select = self._clock()
            self._mark()
            return
        button = group[max(self._item, 0)]
        self._last_select = self._clock()
        self._clear()
        self._group, self._item = 0, -1
        if button.isEnabled():
            button.click()  # a new page calls restart(); otherwise scanning carries on from the top
        if self.mode == "auto":
            self.timer.start()
        self._groups = self._make_groups()
        self._mark()

    # -- the switches ------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        key = event.key() if isinstance(event, QKeyEvent) else None
        if key not in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return False
        if event.type() == QEvent.Type.KeyRelease or event.isAutoRepeat():
            return True  # a held switch is one press
        if self._clock() - self._last_select < DEBOUNCE_S:
            return True
        if self.mode == "auto":
            if not self.timer.isActive() and self._loops >= SILENT_LOOPS:
                self._loops = 0  # the press that wakes paused scanning only wakes it
                self.timer.start()
                self._mark()
                return True
            self.select()
        elif key == Qt.Key.Key_Space:
            self.advance()
        else:
            self.select()
        return True  # the switch drives the scan; it never types a space or presses a focused button

    # -- highlighting ------------------------------------------------------------------------------------

    @property
    def highlighted(self) -> list[KioskButton]:
        if not self._groups:
            return []
        group = self._groups[self._group]
        return group if self._item < 0 else [group[self._item]]

    def _make_groups(self) -> list[list[KioskButton]]:
        page, bar = self._buttons()
        rows: list[list[KioskButton]] = []
        for button in sorted(page, key=lambda b: (b.mapTo(self._window, b.rect().topLeft()).y() // 20,
                                                  b.mapTo(self._window, b.rect().topLeft()).x())):
            y = button.mapTo(self._window, button.rect().topLeft()).y() // 20
            if rows and rows[-1] and rows[-1][0].mapTo(self._window, rows[-1][0].rect().topLeft()).y() // 20 == y \
                    and len(rows[-1]) < GROUP_SIZE:
                rows[-1].append(button)
            else:
                rows.append([button])
        if bar:
            rows.append(bar)  # Back, Home, Speak, Stop… form their own group, after the page
        return rows

    def _mark(self) -> None:
        self._clear()
        for button in self.highlighted:
            button.set_marked(True)

    def _clear(self) -> None:
        for group in self._groups:
            for button in group:
                try:
                    button.set_marked(False)
                except RuntimeError:
                    pass  # its page has gone
