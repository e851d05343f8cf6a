"""A large on-screen keyboard for touch: letters, space, delete and clear."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.kiosk_button import KioskButton

ROWS = ("QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM")


class OnScreenKeyboard(QWidget):
    """Emits typed letters and editing actions; it never takes keyboard focus from the search field."""

    typed = Signal(str)
    backspace = Signal()
    cleared = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setSpacing(theme.px(10))
        grid.setContentsMargins(0, 0, 0, 0)
        self.keys: dict[str, KioskButton] = {}
        # Twenty half-key columns let the rows sit staggered, like a real keyboard.
        for r, row in enumerate(ROWS):
            for c, letter in enumerate(row):
                self._add(grid, letter, letter.lower(), r, r + 2 * c, 2, theme)
        self._add(grid, "Delete", "\b", 2, 16, 4, theme)
        self._add(grid, "Space", " ", 3, 4, 10, theme)
        self._add(grid, "Clear", "\x1b", 3, 14, 4, theme)

    def _add(self, grid: QGridLayout, label: str, value: str, row: int, col: int, span: int, theme: Theme) -> None:
        key = KioskButton(label, theme, role="key")
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.clicked.connect(lambda _=False, v=value: self._press(v))
        grid.addWidget(key, row, col, 1, span)
        self.keys[label] = key

    def _press(self, value: str) -> None:
        if value == "\b":
            self.backspace.emit()
        elif value == "\x1b":
            self.cleared.emit()
        else:
            self.typed.emit(value)
