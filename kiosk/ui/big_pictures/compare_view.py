"""The compare page in big pictures: the job cards across the top, the page's choices as a row of cells under them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.pages.page import CompareTable
from kiosk.ui.big_pictures.cell import BigCell
from kiosk.ui.big_pictures.cells_grid import ROW_PX, CellsGrid
from kiosk.ui.big_pictures.compare_cards import compare_cards

if TYPE_CHECKING:
    from kiosk.ui.renderer import PageRenderer


def compare_view(renderer: PageRenderer, table: CompareTable, cells: list[BigCell]) -> tuple[QWidget, list]:
    """Cards and cells, with the parts Speak reads (each card's words, then each cell)."""
    t = renderer.theme
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(t.px(t.gap))
    cards, spoken = compare_cards(renderer, table)
    layout.addWidget(cards, 1)
    if cells:  # a row of cells tall enough for a picture and its words; the cards have the rest
        row = CellsGrid(cells, t, columns=len(cells))
        row.setFixedHeight(t.px(ROW_PX))
        layout.addWidget(row)
    return box, [*spoken, *((c, c.label) for c in cells)]
