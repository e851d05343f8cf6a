"""Pieces every staff section uses: headings, notes, big action buttons, and a scrolling message panel."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.card import Card
from kiosk.ui.widgets.kiosk_button import KioskButton
from kiosk.ui.widgets.plain_label import PlainLabel
from kiosk.ui.widgets.scroll_panel import ScrollPanel


def heading(theme: Theme, text: str) -> PlainLabel:
    """A section's heading."""
    return PlainLabel(text, theme.font(theme.heading, bold=True), theme.color("text"))


def note(theme: Theme, text: str) -> PlainLabel:
    """A line of small print explaining a section."""
    return PlainLabel(text, theme.font(theme.small), theme.color("muted"))


def action_button(theme: Theme, text: str, width: int = 360) -> KioskButton:
    """A staff action: as big as a pupil's button, labelled with what it does, on one line."""
    button = KioskButton(text, theme, role="tile")
    words = QFontMetrics(theme.font(theme.tile_label, bold=True)).horizontalAdvance(text) + theme.px(60)
    button.setFixedSize(max(theme.target(width), words), theme.target(84))
    return button


def lines_card(theme: Theme, lines: list[str]) -> tuple[Card, QHBoxLayout]:
    """A card of lines, the first in bold as its title and the rest in small print; and its row, where a caller
    may add a button at the right."""
    t = theme
    card = Card(t)
    row = QHBoxLayout(card)
    row.setContentsMargins(t.px(16), t.px(10), t.px(10), t.px(10))
    column = QVBoxLayout()
    column.setSpacing(t.px(4))
    for i, text in enumerate(lines):
        column.addWidget(PlainLabel(text, t.font(t.body if i == 0 else t.small, bold=i == 0),
                                    t.color("text" if i == 0 else "muted")))
    row.addLayout(column, 1)
    return card, row


def lines_box(theme: Theme) -> tuple[QWidget, QVBoxLayout]:
    """A plain widget with a top-aligned column, to fill and put in a ScrollPanel."""
    box = QWidget()
    # Its height comes from its width (the lines wrap): without this the scroll area sizes it by the wrapped
    # lines' minimum size, as if each were squeezed to its narrowest, and offers to scroll through blank space.
    box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(theme.px(12))
    column.addStretch(1)
    return box, column


class MessagePanel(ScrollPanel):
    """What a staff action said, with any problems under it; Up and Down appear only when it is too long."""

    def __init__(self, theme: Theme, text: str = "") -> None:
        self.label = PlainLabel(text, theme.font(theme.body), theme.color("text"))
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.label)
        column.addStretch(1)
        super().__init__(box, theme)
        self.setMinimumHeight(2 * theme.min_target + theme.px(theme.gap))  # room for Up and Down
        bar = self.area.verticalScrollBar()
        bar.rangeChanged.connect(self._fit)
        self._fit(bar.minimum(), bar.maximum())

    def _fit(self, low: int, high: int) -> None:
        for button in (self.up_button, self.down_button):
            button.setVisible(high > low)

    def set_text(self, text: str) -> None:
        """Show new text, from its top."""
        self.label.setText(text)
        self.area.verticalScrollBar().setValue(0)

    def text(self) -> str:
        """The text on show."""
        return self.label.text()


def add_line(column: QVBoxLayout, widget: QWidget) -> None:
    """Add a widget to a column built by lines_box, above its closing stretch, showing it at once."""
    column.insertWidget(column.count() - 1, widget)
    widget.show()  # a layout only queues the show of a widget added to a visible parent


def clear_column(column: QVBoxLayout) -> None:
    """Remove every widget in a column built by lines_box, keeping its closing stretch."""
    while column.count() > 1:
        item = column.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
