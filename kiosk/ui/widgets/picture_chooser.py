"""Choosing another picture for a word: its alternatives as big tiles over the page, then back to reading."""

from __future__ import annotations

from typing import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from kiosk.access.symbol_library import SymbolRef
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.kiosk_button import KioskButton
from kiosk.ui.widgets.plain_label import PlainLabel
from kiosk.ui.widgets.symbol_pixmaps import SymbolPixmaps


class PictureChooser(QWidget):
    """Covers the window; each tile is one picture for the word, and "Keep this one" changes nothing."""

    def __init__(self, theme: Theme, pixmaps: SymbolPixmaps, word: str, pictures: Sequence[SymbolRef],
                 current: int, on_pick: Callable[[int], None], parent: QWidget) -> None:
        super().__init__(parent)
        self._theme = theme
        layout = QVBoxLayout(self)
        m = theme.px(theme.margin) * 2
        layout.setContentsMargins(m, m, m, m)
        layout.setSpacing(theme.px(theme.gap))
        title = PlainLabel(f"Choose a picture for “{word}”", theme.font(theme.title, bold=True))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        grid = QGridLayout()
        grid.setSpacing(theme.px(theme.gap))
        self.tiles: list[KioskButton] = []
        for i, ref in enumerate(pictures):
            tile = KioskButton(f"Picture {i + 1}" + (" (now)" if i == current else ""), theme,
                               picture=pixmaps.get(ref.path, theme.px(200)))
            tile.setMinimumHeight(theme.target(300))
            tile.clicked.connect(lambda _=False, i=i: on_pick(i))
            grid.addWidget(tile, i // 3, i % 3)
            self.tiles.append(tile)
        layout.addLayout(grid, 1)
        self.keep = KioskButton("Keep this one", theme, role="primary")
        self.keep.setFixedHeight(theme.target(120))
        self.keep.clicked.connect(lambda: on_pick(current))
        layout.addWidget(self.keep)
        self.setGeometry(parent.rect())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._theme.color("window"))
        painter.end()
