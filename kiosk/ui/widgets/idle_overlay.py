"""The full-window "Are you still there?" warning with its countdown and one big button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.kiosk_button import KioskButton
from kiosk.ui.widgets.plain_label import PlainLabel


class IdleOverlay(QWidget):
    """Covers the whole window, so the touch that wakes the kiosk presses nothing underneath it."""

    still_here = Signal()

    def __init__(self, theme: Theme, parent: QWidget) -> None:
        super().__init__(parent)
        self._theme = theme
        layout = QVBoxLayout(self)
        layout.setSpacing(theme.px(40))
        layout.addStretch(1)
        self.question = PlainLabel("Are you still there?", theme.font(64, bold=True), theme.color("overlay_text"))
        self.countdown = PlainLabel("", theme.font(40), theme.color("overlay_text"))
        for label in (self.question, self.countdown):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            layout.addWidget(label)
        self.button = KioskButton("I'm still here", theme, role="primary")
        self.button.setFixedSize(theme.target(560), theme.target(150))
        self.button.clicked.connect(self.still_here)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.hide()

    def show_countdown(self, seconds: int) -> None:
        self.countdown.setText(
            f"The kiosk will go back to the start in {seconds} second{'s' if seconds != 1 else ''}.\n"
            "Tap anywhere to carry on."
        )
        if not self.isVisible():
            self.setGeometry(self.parentWidget().rect())
            self.show()
            self.raise_()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        colour = self._theme.color("overlay")
        colour.setAlpha(245)  # a hint of the page beneath, so the pupil sees where they were
        painter.fillRect(self.rect(), colour)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # A tap anywhere on the overlay means "still here", and it goes no further.
        event.accept()
        self.still_here.emit()
