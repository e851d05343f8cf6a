"""A label that only ever shows plain text: content is untrusted and must never render as rich text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class PlainLabel(QLabel):
    """A word-wrapped, non-interactive label in plain-text format, optionally in its own colour."""

    def __init__(
        self, text: str = "", font: QFont | None = None, color: QColor | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        if font is not None:
            self.setFont(font)
        if color is not None:
            self.set_color(color)
        self.setText(text)

    def set_reading(self, on: bool) -> None:
        """Outline the label while speech reads it (colour is never the only cue: the outline is thick)."""
        if on != self.property("reading"):
            self.setProperty("reading", on)
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.property("reading"):
            painter = QPainter(self)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 4))
            painter.drawRect(self.rect().adjusted(2, 2, -2, -2))
            painter.end()

    def set_color(self, color: QColor) -> None:
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, color)
        self.setPalette(palette)
