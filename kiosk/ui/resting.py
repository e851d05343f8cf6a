"""The screen a kiosk shows after repeated crashes: "This kiosk is resting", and a way for staff to try again."""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.staff.pin import PinResult, PinStore
from kiosk.ui.staff.gesture import HiddenGesture
from kiosk.ui.staff.jobs import JobRunner
from kiosk.ui.staff.parts import action_button
from kiosk.ui.staff.pin_pad import PinPad
from kiosk.ui.theme import Palette, Theme
from kiosk.ui.widgets.plain_label import PlainLabel

RESTING = "This kiosk is resting"
TELL_STAFF = "Please tell a member of staff."
STAFF_NOTE = ("The kiosk stopped several times in a few minutes, so it is resting. The command kiosk doctor "
              "says why. Try again once the problem is fixed.")
CHECK_FAILED = "Staff sign-in is unavailable: the PIN could not be checked. Try again."


class RestingScreen(QWidget):
    """Calm words in big type; five taps anywhere and the staff PIN open "Try again" (`try_again` is emitted)."""

    try_again = Signal()

    def __init__(self, pins: PinStore, size: tuple[int, int], screen_inches: float = 24.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.setWindowTitle("Careers kiosk")
        self.resize(*size)
        self.allow_close = False
        self._pins = pins
        self._clock = clock
        self.theme = t = Theme.for_screen(size, screen_inches, Palette())
        self.setPalette(t.qpalette())
        self.setAutoFillBackground(True)
        self.pages = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # as big as the screen, whatever it holds
        layout.setContentsMargins(t.px(60), t.px(60), t.px(60), t.px(60))
        layout.addWidget(self.pages)
        self.words = QWidget()
        column = QVBoxLayout(self.words)
        column.addStretch(1)
        self.title = PlainLabel(RESTING, t.font(2 * t.title, bold=True), t.color("text"))
        self.tell = PlainLabel(TELL_STAFF, t.font(t.title), t.color("text"))
        for label in (self.title, self.tell):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            column.addWidget(label)
            column.addSpacing(t.px(40))
        column.addStretch(1)
        self.pages.addWidget(self.words)
        self.pin_pad: PinPad | None = None
        self.staff: QWidget | None = None
        self.checks = JobRunner(self)  # the PIN check (argon2 is slow on purpose) off the GUI thread
        self.checks.succeeded.connect(self._checked)
        self.checks.failed.connect(lambda *_: self.pin_pad and self.pin_pad.show_result(
            PinResult(False, 0.0, CHECK_FAILED)))
        self.gesture = HiddenGesture(clock, self)
        self.gesture.triggered.connect(self.open_pin_pad)
        self.gesture.watch(self.words)

    def open_pin_pad(self) -> None:
        """The PIN pad over the words (the hidden gesture does this)."""
        if self.pin_pad is not None:
            return
        pad = PinPad(self.theme, self._clock, self._pins.problem())
        pad.wait(self._pins.locked_for())
        pad.submitted.connect(lambda pin: self.checks.start("pin", lambda *_: self._pins.check(pin)))
        pad.cancelled.connect(self.back_to_words)
        self._put(pad)
        self.pin_pad = pad

    def open_staff(self) -> None:
        """What staff can do here: try the kiosk again, or go back to the resting words."""
        t = self.theme
        staff = QWidget()
        column = QVBoxLayout(staff)
        column.setSpacing(t.px(18))
        column.addStretch(1)
        column.addWidget(PlainLabel(RESTING, t.font(t.title, bold=True), t.color("text")))
        note = PlainLabel(STAFF_NOTE, t.font(t.body), t.color("text"))
        note.setWordWrap(True)
        column.addWidget(note)
        self.try_button = action_button(t, "Try again", 420)
        self.try_button.clicked.connect(self.try_again)
        self.cancel_button = action_button(t, "Cancel", 420)
        self.cancel_button.clicked.connect(self.back_to_words)
        column.addWidget(self.try_button)
        column.addWidget(self.cancel_button)
        column.addStretch(1)
        self._put(staff)
        self.staff = staff

    def back_to_words(self) -> None:
        """Back to "This kiosk is resting"."""
        self._put(None)

    def _checked(self, _name: str, result: object) -> None:
        if self.pin_pad is None or not isinstance(result, PinResult):
            return  # the pad was cancelled while the PIN was checked
        if result.ok:
            self.open_staff()
        else:
            self.pin_pad.show_result(result)

    def _put(self, page: QWidget | None) -> None:
        for old in (self.pin_pad, self.staff):
            if old is not None:
                if isinstance(old, PinPad):
                    old.stop()
                self.pages.removeWidget(old)
                old.deleteLater()
        self.pin_pad = self.staff = None
        if page is not None:
            self.pages.addWidget(page)
        self.pages.setCurrentWidget(page or self.words)

    def shutdown(self) -> None:
        """The kiosk is stopping: stop the pad's countdown and wait a moment for a PIN check."""
        self._put(None)
        self.checks.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        # As the kiosk window: a close request (Alt+F4) never closes it; only the kiosk stopping does.
        if self.allow_close:
            event.accept()
        else:
            event.ignore()
