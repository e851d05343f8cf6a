"""The search screen: a search field over a large keyboard, and results that update as the pupil types."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.content.pages.page import Choice, Page
from kiosk.ui.renderer import PageRenderer
from kiosk.ui.widgets.card import Card
from kiosk.ui.widgets.keyboard import OnScreenKeyboard
from kiosk.ui.widgets.plain_label import PlainLabel
from kiosk.ui.widgets.tile_grid import TileGrid

MAX_QUERY = 60
HINT = "Type a job here, like nurse"


class SearchScreen(QWidget):
    """Typing (on screen or on a real keyboard) searches at once; tapping a result opens it."""

    def __init__(
        self,
        results_for: Callable[[str], Page],
        renderer: PageRenderer,
        on_choice: Callable[[Choice], None],
        query: str = "",
    ) -> None:
        super().__init__()
        self._results_for = results_for
        self._renderer = renderer
        t = renderer.theme
        first = results_for(query)
        self.page = first

        self.field = QLineEdit()
        self.field.setFrame(False)
        self.field.setPlaceholderText(HINT)
        self.field.setMaxLength(MAX_QUERY)
        # The hint is grey, thin and sloping; typed words are dark and bold: a hint is never taken for a search.
        self._typed_font = t.font(t.heading, bold=True)
        self._hint_font = t.font(t.heading)
        self._hint_font.setItalic(True)
        self.field.setFont(self._hint_font)
        self.field.textChanged.connect(
            lambda text: self.field.setFont(self._typed_font if text else self._hint_font))
        self.field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.field.setMinimumHeight(t.target(88))
        self.field.textChanged.connect(self._search)
        # What was found, in words (words mode) or symbol-supported text (picture mode), rebuilt as it changes.
        self.message: QWidget = PlainLabel("", t.font(t.body), t.color("muted"))
        self.message_text = ""
        self._message_box = QVBoxLayout()
        self._message_box.setContentsMargins(0, 0, 0, 0)
        self._message_box.addWidget(self.message)
        self.keyboard = OnScreenKeyboard(t)
        self.keyboard.setMinimumHeight(4 * t.min_target + 3 * t.px(10))  # keys never under 20 mm
        self.keyboard.setMaximumHeight(4 * t.target(120) + 3 * t.px(10))
        self.keyboard.typed.connect(self.field.insert)
        self.keyboard.backspace.connect(self.field.backspace)
        # setText, not clear(): after clear() an undo would bring back the last pupil's words.
        self.keyboard.cleared.connect(lambda: self.field.setText(""))

        # Results beside the keyboard on a wide screen; above it where keys would otherwise be under 20 mm.
        side_by_side = (renderer.presentation.width * 0.58 - 10 * t.px(10)) / 10 >= t.min_target
        # Each result with its picture, as every other tile has in picture mode: beside its words (short tiles).
        self.results = TileGrid(t, on_choice, columns=1 if side_by_side else 3, tile_height=110,
                                pager_beside=not side_by_side, pictures_beside=True,
                                pictures_for=renderer.tile_pictures if renderer.pictures else None,
                                pixmap_for=renderer.tile_pixmap)
        if side_by_side:  # Previous, "Page 1 of 5" and Next share the narrow results column without running off it
            for button in (self.results.previous_button, self.results.next_button):
                button.setFixedWidth(t.target(230))
        box = Card(t)
        inner = QHBoxLayout(box)
        inner.setContentsMargins(t.px(16), t.px(4), t.px(16), t.px(4))
        inner.addWidget(self.field)
        column = QVBoxLayout()
        column.setSpacing(t.px(t.gap))
        column.addWidget(renderer.header(first))
        column.addWidget(box)
        column.addLayout(self._message_box)
        if side_by_side:
            column.addWidget(self.keyboard, 1)
            layout: QHBoxLayout | QVBoxLayout = QHBoxLayout(self)
            layout.addLayout(column, 3)
            layout.addWidget(self.results, 2)
        else:
            column.addWidget(self.results, 1)
            column.addWidget(self.keyboard)
            layout = QVBoxLayout(self)
            layout.addLayout(column)
        m = t.px(t.margin)
        layout.setContentsMargins(m, m, m, m)
        layout.setSpacing(t.px(t.margin))
        self.field.setText(query)
        self._show(first)

    def speech_parts(self) -> list:
        """What Speak reads: the heading, what was found, then the results on show."""
        from kiosk.ui.screens.page_screen import tile_parts

        return [(self.message, self.message_text), *tile_parts(self)]

    def _search(self, text: str) -> None:
        self._show(self._results_for(text))

    def _show(self, page: Page) -> None:
        self.page = page
        self.results.set_choices(page.choices)
        # The page's own line ("Did you mean…", "No jobs match…") first; the count is of jobs, not of other ways on.
        jobs = sum(1 for c in page.choices if c.target.kind == "occupation")
        found = f"{jobs} job{'s' if jobs != 1 else ''} found. Tap one to find out more." if jobs else ""
        self._say(" ".join(t for t in (page.subtitle, found) if t) or page.empty_message)

    def _say(self, text: str) -> None:
        if text == self.message_text:
            return
        self.message_text = text
        pictured = self._renderer.pictures and bool(text)  # symbol text needs words to lay out
        if not pictured and isinstance(self.message, PlainLabel):
            self.message.setText(text)
            return
        t = self._renderer.theme
        if pictured:
            fresh = self._renderer.text(text, t.font(t.body), t.color("muted"), boost=0.7)
            self._renderer.take_spoken()  # this screen says its own parts (speech_parts): keep no list of old lines
        else:
            fresh = PlainLabel(text, t.font(t.body), t.color("muted"))
        self._message_box.replaceWidget(self.message, fresh)
        self.message.hide()
        self.message.deleteLater()
        self.message = fresh
        fresh.show()  # a layout only queues the show of a widget added to a visible screen: show it with this keystroke
