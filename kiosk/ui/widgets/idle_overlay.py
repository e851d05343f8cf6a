"""The full-window "Are you still there?" warning with its countdown and one big button."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.concept_picture import concept_picture
from kiosk.ui.widgets.kiosk_button import KioskButton
from kiosk.ui.widgets.plain_label import PlainLabel

if TYPE_CHECKING:
    from kiosk.ui.renderer import PageRenderer

QUESTION = "Are you still there?"
ANSWER = "I'm still here"
CARD_PAD = 32  # design pixels of light card round the warning's words in the symbol modes


def countdown_words(seconds: int) -> str:
    return (f"The kiosk will go back to the start in {seconds} second{'s' if seconds != 1 else ''}.\n"
            "Tap anywhere to carry on.")


class IdleOverlay(QWidget):
    """Covers the whole window, so the touch that wakes the kiosk presses nothing underneath it.

    In the symbol modes its words carry their symbols and its button the "here!" symbol, and it hides the page
    completely: a pupil who reads pictures must not take the page's pictures showing through for part of it.
    """

    still_here = Signal()

    def __init__(self, theme: Theme, parent: QWidget, renderer: PageRenderer | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._renderer = renderer if renderer is not None and renderer.pictures else None
        layout = self._layout = QVBoxLayout(self)
        layout.setSpacing(theme.px(40))
        layout.addStretch(1)
        self.question = self._words(QUESTION, theme.font(64, bold=True))
        # Empty until the first count (symbol text is built for its words, so it waits for them).
        self.countdown: QWidget = PlainLabel("", theme.font(40), theme.color("overlay_text"))
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._countdown_text = ""
        layout.addWidget(self.question, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.countdown, 0, Qt.AlignmentFlag.AlignHCenter)
        picture = None
        if self._renderer is not None:
            picture = concept_picture(self._renderer.symbols, self._renderer.pixmaps, "still-here", theme.px(120))
        self.button = KioskButton(ANSWER, theme, role="primary", picture=picture)
        self.button.set_picture_beside(True)  # a wide button: the symbol beside the words, both large
        self.button.setFixedSize(theme.target(560), theme.target(150))
        self.button.clicked.connect(self.still_here)
        if self._renderer is not None:
            layout.addSpacing(theme.px(CARD_PAD))  # the card round the words (paintEvent) stands clear of the button
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.hide()

    @property
    def pictures(self) -> bool:
        """Whether the warning shows symbols (the symbol modes with a symbol set installed)."""
        return self._renderer is not None

    def countdown_text(self) -> str:
        return self._countdown_text

    def show_countdown(self, seconds: int) -> None:
        text = countdown_words(seconds)
        if text != self._countdown_text:
            self._countdown_text = text
            if self._renderer is None:
                self.countdown.setText(text)
            else:  # symbol text is laid out for its words: a new line, a new widget in the same place
                fresh = self._words(text, self._theme.font(40))
                self._layout.replaceWidget(self.countdown, fresh)
                self.countdown.deleteLater()
                self.countdown = fresh
                fresh.show()  # a layout only queues the show; the card behind the words is drawn from where they stand
                self._layout.activate()
        if not self.isVisible():
            self.setGeometry(self.parentWidget().rect())
            self.show()
            self.raise_()

    def _words(self, text: str, font: QFont) -> QWidget:
        """A line of the warning: plain words in words mode, symbol-supported text in the symbol modes."""
        t = self._theme
        if self._renderer is None:
            label = PlainLabel(text, font, t.color("overlay_text"))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            return label
        from kiosk.ui.widgets.symbol_text import SymbolText

        r = self._renderer
        # Dark words on a light card (paintEvent): symbols are drawn for light ground, as on every page.
        widget = SymbolText(text, r.symbols.tokens(text), t, r.pixmaps, r.symbol_px(1.2), font=font,
                            color=t.color("text"), word_above=r.presentation.word_above)
        widget.setFixedWidth(_narrowest(widget, self.parentWidget().width() - 2 * t.px(t.margin)))
        # A tap on the words is a tap on the warning ("still here"), never a word to hear.
        widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        return widget

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        colour = self._theme.color("overlay")
        # Words mode leaves a hint of the page beneath, so the pupil sees where they were.
        colour.setAlpha(255 if self.pictures else 245)
        painter.fillRect(self.rect(), colour)
        if self.pictures:
            pad = self._theme.px(CARD_PAD)
            card = self.question.geometry().united(self.countdown.geometry()).adjusted(-pad, -pad, pad, pad)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._theme.color("window"))
            painter.drawRoundedRect(card, pad / 2, pad / 2)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # A tap anywhere on the overlay means "still here", and it goes no further.
        event.accept()
        self.still_here.emit()


def _narrowest(widget: QWidget, room: int) -> int:
    """The least width at which symbol text takes no more rows than at the full room (so it stands centred)."""
    rows_height = widget.heightForWidth(room)
    low, high = 1, room
    while high - low > 2:
        middle = (low + high) // 2
        if widget.heightForWidth(middle) <= rows_height:
            high = middle
        else:
            low = middle
    return high
