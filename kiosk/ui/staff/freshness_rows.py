"""The rows of "Is my kiosk up to date?": one card per source, its words, and the buttons that update it."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.staff.freshness import Freshness
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.card import Card
from kiosk.ui.widgets.plain_label import PlainLabel


class FreshnessCard(Card):
    """A source's card: its name in bold, then how fresh it is or what to do, with its buttons at the right."""

    def __init__(self, theme: Theme, line: Freshness, buttons: list[QWidget]) -> None:
        super().__init__(theme)
        t = theme
        self.line = line
        row = QHBoxLayout(self)
        row.setContentsMargins(t.px(16), t.px(10), t.px(10), t.px(10))
        row.setSpacing(t.px(t.gap))
        column = QVBoxLayout()
        column.setSpacing(t.px(4))
        column.addStretch(1)  # name and status together, centred beside a card's two buttons
        column.addWidget(PlainLabel(line.name, t.font(t.body, bold=True), t.color("text")))
        # The status is what a busy reader looks for: body size, bold when something needs doing.
        self.status = PlainLabel(line.words, t.font(t.body, bold=not line.ok), t.color("text"))
        column.addWidget(self.status)
        column.addStretch(1)
        row.addLayout(column, 1)
        if buttons:
            stack = QVBoxLayout()
            stack.setSpacing(t.px(8))
            for button in buttons:
                stack.addWidget(button)
                button.show()
            row.addLayout(stack)


def summary_words(lines: list[Freshness]) -> str:
    """The answer to "Is my kiosk up to date?" in one line, above the cards."""
    todo = sum(not line.ok for line in lines)
    if not todo:
        return "Yes: everything is up to date ✓"
    return f"{todo} thing{'s' if todo != 1 else ''} to do: see the card{'s' if todo != 1 else ''} below."
