"""The bar across the top of every screen: Back, Home, My list and "How it looks", always in the same places."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QFontMetrics, QPalette, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.kiosk_button import KioskButton
from kiosk.ui.widgets.concept_picture import concept_picture
from kiosk.ui.widgets.plain_label import PlainLabel

if TYPE_CHECKING:
    from kiosk.ui.renderer import PageRenderer

# Each control: its words in words mode, its words beside a symbol, the symbol's concept, and its width.
CONTROLS = {
    "back": ("◀  Back", "Back", "back", 200),
    "home": ("⌂  Home", "Home", "home", 200),
    "speak": ("▶ Speak", "Speak", "read-aloud", 190),
    "repeat": ("↻ Repeat", "Repeat", "again", 190),
    "stop": ("■ Stop", "Stop", "stop", 190),
    "my-list": ("My list", "My list", "my-list", 230),
}
MY_LIST_LONGEST = "My list (30)"  # the most a list holds (ui/my_list.MAX_ITEMS): the button is sized for it
BAR_SYMBOL_PX = 64  # design pixels: as big as the "How it looks" picture beside them


class TopBar(QWidget):
    """Holds the controls that keep identical geometry on every screen (WCAG 3.2.3).

    In the symbol modes each control carries its symbol (a back arrow, a house, a speaker...) in place of the
    typed sign words mode shows (the renderer says which mode, and holds the vocabulary and its pictures).
    """

    def __init__(self, theme: Theme, display_picture: QPixmap | None = None, speech: bool = False,
                 renderer: PageRenderer | None = None) -> None:
        super().__init__()
        t = theme
        self._theme = t
        self._symbols = (renderer.symbols, renderer.pixmaps) if renderer is not None and renderer.pictures else None
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, t.color("bar"))
        self.setPalette(palette)
        pad = t.px(12)
        self.setFixedHeight(max(t.px(t.bar_height), t.target(t.button_height) + 2 * pad))
        row = QHBoxLayout(self)
        row.setContentsMargins(t.px(t.margin), pad, t.px(t.margin), pad)
        row.setSpacing(t.px(12))  # with speech and My list, seven controls share a 1280-pixel-wide screen
        self.back_button = self._control("back")
        self.home_button = self._control("home")
        # One large control, with a picture, changes how the kiosk looks from any page.
        self.display_button = KioskButton("How it looks", t, role="bar", picture=display_picture)
        self.display_button.setFixedWidth(t.target(300))
        row.addWidget(self.back_button)
        row.addWidget(self.home_button)
        # Speak, Repeat and Stop: only where speech works, and then in the same place on every page.
        self.speak_button = self.repeat_button = self.stop_button = None
        if speech:
            self.speak_button = self._control("speak")
            self.repeat_button = self._control("repeat")
            self.stop_button = self._control("stop")
            for button in (self.speak_button, self.repeat_button, self.stop_button):
                row.addWidget(button)
        row.addStretch(1)
        if not speech:
            brand = PlainLabel("Careers kiosk", t.font(30, bold=True), t.color("bar_text"))
            brand.setWordWrap(False)
            row.addWidget(brand)
        # What the pupil keeps, reachable from every page, with how many things are on it.
        self.my_list_button = self._control("my-list", MY_LIST_LONGEST)
        row.addWidget(self.my_list_button)
        row.addWidget(self.display_button)

    def follow(self, kind: str, can_go_back: bool, kept: int) -> None:
        """Match the page on show: Back only with somewhere to go back to, Home and My list off on their own
        pages, and My list saying how many things it holds ("My list (2)"; just "My list" while empty)."""
        self.back_button.setEnabled(can_go_back)
        self.home_button.setEnabled(kind != "home")
        self.my_list_button.setEnabled(kind != "my-list")
        words = f"My list ({kept})" if kept else "My list"
        if words != self.my_list_button.label:
            self.my_list_button.set_content(words, "", self.my_list_button.picture)

    def _control(self, name: str, longest: str = "") -> KioskButton:
        """A control with its sign or symbol, wide enough for its words (or for `longest`, words it may show)."""
        t = self._theme
        typed, words, concept, width = CONTROLS[name]
        symbol = concept_picture(*self._symbols, concept, t.px(BAR_SYMBOL_PX)) if self._symbols else None
        text_width = QFontMetrics(t.font(28, bold=True)).horizontalAdvance(longest or words)
        if symbol is None:  # words mode, or no picture for it: the typed sign shows what it does
            button = KioskButton(typed, t, role="bar")
            button.setFixedWidth(max(t.target(width), text_width + 2 * t.px(20)))
            return button
        button = KioskButton(words, t, role="bar", picture=symbol)
        # Wide enough for the symbol beside the whole word: a target never narrower than in words mode.
        room = symbol.width() + t.px(10) + text_width + 2 * t.px(20)
        button.setFixedWidth(max(t.target(width), room))
        return button
