"""The screen for any page that is read and tapped: its header, sections and choice tiles."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.pages.page import Choice, Page
from kiosk.ui.renderer import PageRenderer


class PageScreen(QWidget):
    """Shows one Page as the renderer lays it out."""

    def __init__(self, page: Page, renderer: PageRenderer, on_choice: Callable[[Choice], None]) -> None:
        super().__init__()
        self.page = page
        t = renderer.theme
        layout = QVBoxLayout(self)
        m = t.px(t.margin)
        layout.setContentsMargins(m, m, m, m)
        layout.setSpacing(t.px(t.gap))
        renderer.take_spoken()
        layout.addWidget(renderer.header(page))
        layout.addWidget(renderer.body(page, on_choice), 1)
        self._spoken = renderer.take_spoken()

    def speech_parts(self) -> list[tuple[QWidget, str]]:
        """What Speak reads, in order: the page's text, then the choices on show."""
        return [*self._spoken, *tile_parts(self)]


def tile_parts(screen: QWidget) -> list[tuple[QWidget, str]]:
    """The choice tiles showing on a screen, each as one part to read (its label and detail)."""
    from kiosk.ui.widgets.tile_grid import TileGrid

    grid = screen.findChild(TileGrid)
    tiles = grid.tiles if grid is not None else []
    return [(tile, f"{tile.label}. {tile.detail}" if tile.detail else tile.label) for tile in tiles]
