"""The search screen: a search field over a large keyboard, with results beside them that update as the pupil types."""

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
        t = renderer.theme
        first = results_for(query)
        self.page = first

        self.field = QLineEdit()
        self.field.setFrame(False)
        self.field.setPlaceholderText("Type a job, like nurse")
        self.field.setMaxLength(MAX_QUERY)
        self.field.setFont(t.font(t.heading, bold=True))
        self.field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.field.setMinimumHeight(t.px(88))
        self.field.textChanged.connect(self._search)
        self.message = PlainLabel("", t.font(t.body), t.color("muted"))
        self.keyboard = OnScreenKeyboard(t)
        self.keyboard.setMaximumHeight(t.px(4 * 120 + 3 * 10))
        self.keyboard.typed.connect(self.field.insert)
        self.keyboard.backspace.connect(self.field.backspace)
        # setText, not clear(): after clear() an undo would bring back the last pupil's words.
        self.keyboard.cleared.connect(lambda: self.field.setText(""))
        self.results = TileGrid(t, on_choice, columns=1, tile_height=110)

        left = QVBoxLayout()
        left.setSpacing(t.px(t.gap))
        left.addWidget(renderer.header(first))
        box = Card(t)
        inner = QHBoxLayout(box)
        inner.setContentsMargins(t.px(16), t.px(4), t.px(16), t.px(4))
        inner.addWidget(self.field)
        left.addWidget(box)
        left.addWidget(self.message)
        left.addWidget(self.keyboard, 1)
        layout = QHBoxLayout(self)
        m = t.px(t.margin)
        layout.setContentsMargins(m, m, m, m)
        layout.setSpacing(t.px(t.margin))
        layout.addLayout(left, 3)
        layout.addWidget(self.results, 2)
        self.field.setText(query)
        self._show(first)

    def _search(self, text: str) -> None:
        self._show(self._results_for(text))

    def _show(self, page: Page) -> None:
        self.page = page
        self.results.set_choices(page.choices)
        if page.choices:
            count = len(page.choices)
            self.message.setText(f"{count} job{'s' if count != 1 else ''} found. Tap one to find out more.")
        else:
            self.message.setText(page.empty_message)
