"""Above a job list, outside its tiles: the "Sort by" control and, on a long A to Z list, the letter strip."""

from __future__ import annotations

import string
import unicodedata
from typing import TYPE_CHECKING, Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QHBoxLayout, QWidget

from kiosk.content.pages.page import Choice
from kiosk.content.pages.sorting import A_TO_Z, sorted_by
from kiosk.ui.widgets.plain_label import PlainLabel
from kiosk.ui.widgets.segment_button import SegmentButton
from kiosk.ui.widgets.tile_grid import TileGrid

if TYPE_CHECKING:
    from kiosk.ui.renderer import PageRenderer

LETTER_ROWS = (2, 3)  # 26 letters at the smallest target size are wider than a 1920-pixel screen in one row
SORT_HEIGHT = 88  # design pixels: as tall as Previous and Next


def first_letter(title: str) -> str:
    """The letter A to Z a title is filed under ("Écologist" under E), or "" (a title that starts with a number)."""
    for character in unicodedata.normalize("NFKD", title):
        if character.isalnum():
            letter = character.upper()
            return letter if letter in string.ascii_uppercase else ""
    return ""


class SortBar(QWidget):
    """"Sort by" and one segment per way to sort the list, the way it is sorted now filled in and ticked."""

    def __init__(self, renderer: PageRenderer, sorts: Sequence[Choice], on_choice: Callable[[Choice], None]) -> None:
        super().__init__()
        t = renderer.theme
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(t.px(8))
        caption = PlainLabel("Sort by", t.font(t.body, bold=True))
        caption.setWordWrap(False)
        row.addWidget(caption)
        row.addSpacing(t.px(8))
        pictures = renderer.tile_pictures(sorts) if renderer.pictures else [None] * len(sorts)
        self.segments: list[SegmentButton] = []
        for choice, picture in zip(sorts, pictures):
            segment = SegmentButton(choice.label, t)
            pixmap = renderer.tile_pixmap(picture.symbol) if picture is not None else None
            segment.set_content(choice.label, "", pixmap, concept=picture.concept if pixmap else "",
                                symbol=picture.path if pixmap else None)
            segment.set_picture_beside(True)
            segment.set_current(choice.current)
            segment.clicked.connect(lambda _=False, c=choice: on_choice(c))
            self.segments.append(segment)
            row.addWidget(segment)
        # Each segment wide enough for its picture, its words on one line and, for the one in use, the tick (only
        # there: narrow enough for the letters to fit beside the control in picture mode too).
        height = t.target(SORT_HEIGHT)
        picture_room = height * 0.75 + t.px(10) if renderer.pictures else 0
        for segment in self.segments:
            tick = segment.tick_room() if segment.current else 0
            width = segment.words_width() + tick + picture_room + t.px(44)
            segment.setFixedSize(max(int(width), t.min_target), height)
        # Read out as the tiles are, the one in use saying so (the screen shows it by the filled segment).
        self.spoken = [(s, f"{sorted_by(c.sort) if c.current else c.label}. {c.detail}.")
                       for s, c in zip(self.segments, sorts)]


class LetterStrip(QWidget):
    """A button per letter that turns the tiles to the first job starting with it (greyed out: no such job)."""

    # The letters of the jobs on show are filled in, so a pupil sees where in the list they are.

    def __init__(self, renderer: PageRenderer, grid: TileGrid) -> None:
        super().__init__()
        t = renderer.theme
        self._grid = grid
        self.first: dict[str, int] = {}  # letter -> where its first job stands among the grid's choices
        for index, choice in enumerate(grid.choices):
            if choice.target.kind == "occupation":
                self.first.setdefault(first_letter(choice.label), index)
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(t.px(6))
        self._side = t.target(72)
        self.buttons: dict[str, SegmentButton] = {}
        for n, letter in enumerate(string.ascii_uppercase):
            button = SegmentButton(letter, t, tick=False)
            self._layout.addWidget(button, 0, n)  # first: sizing a parentless widget would size a window
            button.setFixedSize(self._side, self._side)
            button.setAccessibleName(f"Jobs starting with {letter}")
            button.setEnabled(letter in self.first)
            button.clicked.connect(lambda _=False, at=letter: self.jump(at))
            self.buttons[letter] = button
        self.rows = 0
        self.arrange(LETTER_ROWS[0])
        grid.changed.connect(self.follow)

    def width_in(self, rows: int) -> int:
        """How wide the strip stands with its letters in `rows` rows."""
        per_row = -(-len(self.buttons) // rows)
        return per_row * self._side + (per_row - 1) * self._layout.spacing()

    def arrange(self, rows: int) -> None:
        """Lay the letters out in `rows` rows, in order."""
        if rows == self.rows:
            return
        self.rows = rows
        per_row = -(-len(self.buttons) // rows)
        for n, button in enumerate(self.buttons.values()):
            self._layout.removeWidget(button)
            self._layout.addWidget(button, n // per_row, n % per_row)

    def jump(self, letter: str) -> None:
        """Show the screen of tiles holding the first job starting with `letter`."""
        if letter in self.first:
            self._grid.show_choice(self.first[letter])

    def follow(self) -> None:
        """Fill in the letters on show; hide the strip while every job fits on one screen."""
        shown = {first_letter(tile.label) for tile in self._grid.tiles}
        for letter, button in self.buttons.items():
            button.set_current(letter in shown)
        # Showing the strip only ever shortens the tiles (more screens) and hiding it lengthens them (fewer), so
        # this settles at once and never flickers.
        self.setVisible(self._grid.page_count > 1)


class ListTools(QWidget):
    """The sort control and the letter strip side by side where the width allows, else one above the other."""

    def __init__(self, renderer: PageRenderer, sorts: Sequence[Choice], grid: TileGrid,
                 on_choice: Callable[[Choice], None]) -> None:
        super().__init__()
        t = renderer.theme
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(t.px(t.gap))
        self.sort_bar = SortBar(renderer, sorts, on_choice)
        self._layout.addWidget(self.sort_bar, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._layout.addStretch(1)
        in_order = any(c.current and c.sort == A_TO_Z for c in sorts)
        self.letters = LetterStrip(renderer, grid) if in_order else None
        if self.letters is not None:
            self._layout.addWidget(self.letters, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            self.letters.follow()  # once it has a parent: shown alone, it would open as a window of its own
        self.spoken = self.sort_bar.spoken  # the letters are not read out: 26 letters would drown the page

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.letters is None:
            return
        # Beside the sort control in two rows, else in three (a narrow screen), else under it in two.
        room = event.size().width() - self.sort_bar.sizeHint().width() - self._layout.spacing()
        rows = next((r for r in LETTER_ROWS if self.letters.width_in(r) <= room), None)
        across = rows is not None
        self.letters.arrange(rows or LETTER_ROWS[0])
        direction = QBoxLayout.Direction.LeftToRight if across else QBoxLayout.Direction.TopToBottom
        if self._layout.direction() != direction:
            self._layout.setDirection(direction)
            # Beside the sort control the letters keep to the right; under it they line up with it on the left.
            side = Qt.AlignmentFlag.AlignRight if across else Qt.AlignmentFlag.AlignLeft
            self._layout.setAlignment(self.letters, side | Qt.AlignmentFlag.AlignTop)
