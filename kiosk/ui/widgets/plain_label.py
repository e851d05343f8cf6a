"""A label that only ever shows plain text: content is untrusted and must never render as rich text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class PlainLabel(QLabel):
    """A word-wrapped, non-interactive label in plain-text format."""

    def __init__(self, text: str = "", font: QFont | None = None, name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        if font is not None:
            self.setFont(font)
        if name:
            self.setObjectName(name)
        self.setText(text)
