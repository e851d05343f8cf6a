"""A grid of choice tiles that pages instead of scrolling: as many rows as fit, with Previous and Next."""

from __future__ import annotations

from typing import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.pages.page import Choice
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.kiosk_button import KioskButton
from kiosk.ui.widgets.plain_label import PlainLabel
from kiosk.ui.widgets.tile_pictures import TilePicture


class TileGrid(QWidget):
    """Shows choices as tiles, one screenful at a time."""

    changed = Signal()  # another screen of tiles is on show, or the screens were counted again (a resize)

    def __init__(
        self,
        theme: Theme,
        on_choice: Callable[[Choice], None],
        columns: int = 3,
        tile_height: int = 150,
        pictures_for: Callable[[Sequence[Choice]], list[TilePicture | None]] | None = None,
        pixmap_for: Callable[[object], QPixmap | None] | None = None,
        max_per_page: int = 0,
        pager_beside: bool = False,
        pictures_beside: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._pager_beside = pager_beside  # Previous and Next either side of the tiles, where height is short
        self._pictures_beside = pictures_beside  # short tiles: each picture beside its words, not above them
        # Bigger text needs taller tiles (fewer to a page): else a title would be cut to one line above its date.
        self._tile_height = tile_height * theme.text_scale
        self._pictures_for = pictures_for  # one screen of tiles' pictures, no two alike (tile_pictures)
        self._pixmap_for = pixmap_for
        self._max_per_page = max_per_page  # large-symbol mode shows at most six choices at a time
        self._theme = theme
        self._on_choice = on_choice
        self._columns = columns
        self._choices: tuple[Choice, ...] = ()
        self._page = 0
        self._per_page = columns * 2
        self.tiles: list[KioskButton] = []  # the tiles showing choices now
        self._pool: list[KioskButton] = []
        self._shown: tuple[Choice, ...] = ()
        outer = QHBoxLayout(self) if pager_beside else QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(theme.px(theme.gap))
        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(theme.px(theme.gap))
        outer.addWidget(self._grid_host, 1)
        pager = QHBoxLayout()
        pager.setSpacing(theme.px(theme.gap))
        self.previous_button = KioskButton("◀ Previous", theme, role="tile")
        self.next_button = KioskButton("Next ▶", theme, role="tile")
        self.page_label = PlainLabel("", theme.font(theme.body), theme.color("muted"))
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for button in (self.previous_button, self.next_button):
            button.setFixedHeight(theme.target(theme.button_height))
            button.setFixedWidth(theme.target(160 if pager_beside else 300))
        self.previous_button.clicked.connect(lambda: self.show_page(self._page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self._page + 1))
        self._pager = QWidget()
        self._pager.setLayout(pager)
        if pager_beside:
            self.previous_button.set_content("◀")
            self.next_button.set_content("▶")
            outer.insertWidget(0, self.previous_button)
            outer.addWidget(self.next_button)
            self.page_label.hide()
            self._pager = _Pair(self.previous_button, self.next_button)
        else:
            pager.addWidget(self.previous_button)
            pager.addWidget(self.page_label, 1)
            pager.addWidget(self.next_button)
            outer.addWidget(self._pager)

    @property
    def page_count(self) -> int:
        return max(1, -(-len(self._choices) // self._per_page))

    @property
    def current_page(self) -> int:
        return self._page

    @property
    def choices(self) -> tuple[Choice, ...]:
        return self._choices

    def set_choices(self, choices: Sequence[Choice]) -> None:
        self._choices = tuple(choices)
        self._page = 0
        self._fit()
        self._refill()

    def show_page(self, page: int) -> None:
        self._page = max(0, min(page, self.page_count - 1))
        self._refill()

    def show_choice(self, index: int) -> None:
        """Show the screen of tiles that holds the choice at `index` (the letter strip's jump)."""
        self.show_page(index // self._per_page)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit():
            self._page = 0
            self._refill()
        else:
            self.changed.emit()  # the same tiles, but whoever follows the screens should look again

    def _fit(self) -> bool:
        """Work out how many rows fit the height we have; True when that changed."""
        t = self._theme
        pager = 0 if self._pager_beside else t.target(t.button_height) + t.px(t.gap)
        row = t.target(self._tile_height) + t.px(t.gap)
        if self.height() <= 0:
            rows = 2
        else:
            rows = max(1, (self.height() + t.px(t.gap)) // row)  # no pager needed if everything fits
            if rows * self._columns < len(self._choices):
                rows = max(1, (self.height() - pager + t.px(t.gap)) // row)
        per_page = int(rows) * self._columns
        if self._max_per_page:
            per_page = min(per_page, self._max_per_page)
        if per_page != self._per_page:
            self._per_page = per_page
            return True
        return False

    def _refill(self) -> None:
        start = self._page * self._per_page
        shown = self._choices[start : start + self._per_page]
        # Tiles are kept and relabelled rather than rebuilt, so typing in search stays quick.
        while len(self._pool) < len(shown):
            i = len(self._pool)
            tile = KioskButton("", self._theme)
            tile.clicked.connect(lambda _=False, i=i: self._on_choice(self._shown[i]))
            tile.setMaximumHeight(self._theme.target(self._tile_height * 1.3))
            tile.set_picture_beside(self._pictures_beside)
            self._grid.addWidget(tile, i // self._columns, i % self._columns)
            self._pool.append(tile)
        self._shown = shown
        pictures = self._pictures_for(shown) if self._pictures_for else [None] * len(shown)
        for i, tile in enumerate(self._pool):
            if i < len(shown):
                picture = pictures[i]
                pixmap = self._pixmap_for(picture.symbol) if picture is not None and self._pixmap_for else None
                tile.set_content(shown[i].label, shown[i].detail, pixmap,
                                 concept=picture.concept if pixmap is not None else "",
                                 symbol=picture.path if pixmap is not None else None, key=shown[i].key_detail)
                tile.set_current(shown[i].current)
                # A layout only queues the show of a widget added to a visible parent; show it now so
                # the very next paint after a keystroke or a page turn already has it.
                tile.show()
            else:
                tile.hide()
        self.tiles = self._pool[: len(shown)]
        for c in range(self._columns):
            self._grid.setColumnStretch(c, 1)
        rows = -(-self._per_page // self._columns)
        for r in range(max(rows, self._grid.rowCount())):
            # A row no longer in use (the grid was found shorter than first thought) must not keep its share.
            self._grid.setRowStretch(r, 1 if r < rows else 0)
        many = self.page_count > 1
        self._pager.setVisible(many)
        self.previous_button.setEnabled(self._page > 0)
        self.next_button.setEnabled(self._page < self.page_count - 1)
        self.page_label.setText(f"Page {self._page + 1} of {self.page_count}" if many else "")
        self.changed.emit()


class _Pair:
    """Previous and Next when they stand apart, shown and hidden together like the pager row."""

    def __init__(self, *buttons: KioskButton) -> None:
        self._buttons = buttons

    def setVisible(self, visible: bool) -> None:
        for button in self._buttons:
            button.setVisible(visible)
