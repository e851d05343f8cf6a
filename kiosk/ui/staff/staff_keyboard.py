"""The staff screen's on-screen keyboard: digits, letters with Shift, space, and the marks settings
text needs: the hyphen and slash, and the colon and comma of opening hours ("Mon-Fri 08:00-16:30, Sat ...")."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.kiosk_button import KioskButton

ROWS = ("1234567890", "QWERTYUIOP", "ASDFGHJKL-", "ZXCVBNM/:,")


class StaffKeyboard(QWidget):
    """Emits what is typed; Shift makes the next letter a capital (region names have capitals: "North East")."""

    typed = Signal(str)
    backspace = Signal()
    done = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setSpacing(theme.px(8))
        grid.setContentsMargins(0, 0, 0, 0)
        self.keys: dict[str, KioskButton] = {}
        self.shifted = False
        for r, row in enumerate(ROWS):
            for c, char in enumerate(row):
                self._add(grid, char, r, c, 1, theme, lambda _=False, ch=char: self._type(ch))
        self._add(grid, "Shift", 4, 0, 2, theme, self._toggle_shift)
        self._add(grid, "Delete", 4, 2, 2, theme, self.backspace.emit)
        self._add(grid, "Space", 4, 4, 4, theme, lambda: self.typed.emit(" "))
        self._add(grid, "Done", 4, 8, 2, theme, self.done.emit)

    def _add(self, grid: QGridLayout, label: str, row: int, col: int, span: int, theme: Theme, action) -> None:
        key = KioskButton(label, theme, role="key")
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field being typed in keeps the focus
        key.clicked.connect(action)
        grid.addWidget(key, row, col, 1, span)
        self.keys[label] = key

    def _toggle_shift(self) -> None:
        self.shifted = not self.shifted
        self.keys["Shift"].set_marked(self.shifted)

    def _type(self, char: str) -> None:
        self.typed.emit(char if self.shifted or not char.isalpha() else char.lower())
        if self.shifted:
            self._toggle_shift()
