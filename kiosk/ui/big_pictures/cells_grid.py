"""At most six big cells in a fixed grid that fills the room it has: nothing pages, nothing scrolls."""

from __future__ import annotations

from typing import Sequence

from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.ui.big_pictures.cell import BigCell
from kiosk.ui.theme import Theme

MOST_CELLS = 6
COLUMNS = {1: 1, 2: 2, 3: 3, 4: 2, 5: 3, 6: 3}
ROW_PX = 200  # design pixels: a row of cells under a fact or the compare cards
MAX_CELL = (600, 470)  # design pixels: one or two cells stay a cell's size, not a wall


class CellsGrid(QWidget):
    """Lays out up to six cells: one row of up to three, two rows of two, or two rows of three."""

    def __init__(self, cells: Sequence[BigCell], theme: Theme, columns: int = 0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if len(cells) > MOST_CELLS:
            raise ValueError(f"a big-pictures screen shows at most {MOST_CELLS} cells, not {len(cells)}")
        self.cells = list(cells)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(theme.px(theme.gap))
        columns = columns or COLUMNS.get(len(cells), 3)
        for i, cell in enumerate(cells):
            cell.setMaximumSize(theme.px(MAX_CELL[0]), theme.px(MAX_CELL[1]))
            grid.addWidget(cell, i // columns, i % columns)
        for c in range(columns):
            grid.setColumnStretch(c, 1)
        for r in range(-(-len(cells) // columns)):
            grid.setRowStretch(r, 1)
