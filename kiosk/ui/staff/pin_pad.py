"""The staff PIN pad: big digits, Delete, OK and Cancel; the PIN shows only as dots; a wait counts down."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from kiosk.staff.pin import MAX_DIGITS, MIN_DIGITS, PinResult, describe_wait
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.kiosk_button import KioskButton
from kiosk.ui.widgets.plain_label import PlainLabel

PROMPT = "Enter the staff PIN, then OK."
CHECKING = "Checking…"


class PinPad(QWidget):
    """Collects a PIN and hands it on with `submitted`; the controller checks it and calls show_result."""

    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, theme: Theme, clock: Callable[[], float], unavailable: str = "",
                 parent: QWidget | None = None) -> None:
        """`unavailable` says why no PIN can open the pad (none set, a damaged PIN file): its keys stay off."""
        super().__init__(parent)
        t = theme
        self._clock = clock
        self._pin = ""
        self._locked_until = 0.0
        self._checking = False
        self._usable = not unavailable
        self.timer = QTimer(self)  # the countdown while the pad waits after wrong tries
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)

        title = PlainLabel("Staff", t.font(t.title, bold=True), t.color("text"))
        self.dots = PlainLabel("", t.font(64, bold=True), t.color("text"))
        self.message = PlainLabel(unavailable or PROMPT, t.font(t.body), t.color("text"))
        # Heights fixed whatever they say (no dots, a wait on two lines), so the keys never move under a finger.
        self.dots.setFixedHeight(max(t.px(80), QFontMetrics(self.dots.font()).height()))
        self.message.setFixedHeight(2 * QFontMetrics(self.message.font()).lineSpacing() + t.px(8))
        for label in (title, self.dots, self.message):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.keys: dict[str, KioskButton] = {}
        grid = QGridLayout()
        grid.setSpacing(t.px(14))
        labels = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "Delete", "0", "OK"]
        for i, label in enumerate(labels):
            key = KioskButton(label, t, role="primary" if label == "OK" else "key")
            key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            key.setFixedSize(t.target(170), t.target(100))
            key.clicked.connect(lambda _=False, k=label: self._press(k))
            grid.addWidget(key, i // 3, i % 3)
            self.keys[label] = key
        self.cancel_button = KioskButton("Cancel", t, role="tile")
        self.cancel_button.setFixedSize(3 * t.target(170) + 2 * t.px(14), t.target(90))
        self.cancel_button.clicked.connect(self.cancelled)

        column = QVBoxLayout(self)
        column.setSpacing(t.px(16))
        column.addStretch(1)
        column.addWidget(title)
        column.addWidget(self.dots)
        column.addWidget(self.message)
        column.addLayout(grid)
        column.setAlignment(grid, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(1)
        self._update()

    @property
    def entered(self) -> str:
        """How many digits are typed, as the dots show them (the digits themselves are never shown)."""
        return "●" * len(self._pin)

    def wait(self, seconds: float) -> None:
        """Refuse digits for `seconds`, counting down in the message."""
        if seconds > 0:
            self._locked_until = self._clock() + seconds
            self.timer.start()
            self.tick()

    def tick(self) -> None:
        """Bring the countdown up to date (the timer calls this every second)."""
        left = self._locked_until - self._clock()
        if left > 0:
            self.message.setText(f"Too many wrong tries. Try again in {describe_wait(left)}.")
        elif self.timer.isActive():
            self.timer.stop()
            self.message.setText(PROMPT)
        self._update()

    def show_result(self, result: PinResult) -> None:
        """After a check: clear the dots and say what happened (a right PIN closes the pad instead)."""
        self._checking = False
        self._pin = ""
        if result.locked_for_s > 0:
            self.wait(result.locked_for_s)
        self.message.setText(result.message or PROMPT)  # the countdown takes over at the next second
        self._update()

    def stop(self) -> None:
        """Stop the countdown (the pad is closing)."""
        self.timer.stop()

    def _press(self, key: str) -> None:
        if key == "Delete":
            self._pin = self._pin[:-1]
        elif key == "OK":
            if len(self._pin) < MIN_DIGITS:
                self.message.setText(f"The staff PIN has {MIN_DIGITS} to {MAX_DIGITS} digits.")
            else:
                self._checking = True
                self.message.setText(CHECKING)
                self._update()
                self.submitted.emit(self._pin)
                return
        elif len(self._pin) < MAX_DIGITS:
            self._pin += key
        self._update()

    def _update(self) -> None:
        self.dots.setText(self.entered or " ")
        usable = self._usable and not self._checking and not self.timer.isActive()
        for key in self.keys.values():
            key.setEnabled(usable)
