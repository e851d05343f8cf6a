"""The sample pack's card's action: remove the sample content, after a second, deliberate tap."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.staff.parts import action_button, note
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.plain_label import PlainLabel

REMOVE = "Remove the sample content"
QUESTION = "Pupils will see only the real content. Remove the sample?"
INSTALL_FIRST = "Install real content first: sync, or import a pack. Then the sample can be removed here."


class SampleRemoval(QWidget):
    """"Remove the sample content", then a question with Yes and No; or, while the sample is the only pack, a
    note saying what to do first. `confirmed` is emitted by Yes."""

    confirmed = Signal()

    def __init__(self, theme: Theme, removable: bool) -> None:
        super().__init__()
        t = theme
        self.removable = removable
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(t.px(10))
        self.remove_button = action_button(t, REMOVE, 440)
        # The question wraps to the button's width, so the card keeps its shape from one step to the next.
        self.setFixedWidth(self.remove_button.width())
        self.question = PlainLabel(QUESTION, t.font(t.body, bold=True), t.color("text"))
        self.yes_button = action_button(t, "Yes", 160)
        self.no_button = action_button(t, "No", 160)
        self.install_first = note(t, INSTALL_FIRST)
        answers = QHBoxLayout()
        answers.setSpacing(t.px(t.gap))
        answers.addWidget(self.yes_button)
        answers.addWidget(self.no_button)
        answers.addStretch(1)
        for widget in (self.remove_button, self.question, self.install_first):
            layout.addWidget(widget)
        layout.addLayout(answers)
        layout.addStretch(1)
        self.remove_button.clicked.connect(self.ask)
        self.no_button.clicked.connect(self.back)
        self.yes_button.clicked.connect(self.confirmed)
        self.back()

    @property
    def asking(self) -> bool:
        """Whether the question and its answers are on show."""
        return not self.question.isHidden()

    def ask(self) -> None:
        """The confirm step: the question and Yes / No replace the button."""
        self.remove_button.hide()
        for widget in (self.question, self.yes_button, self.no_button):
            widget.show()

    def back(self) -> None:
        """The first step: the button, or the note when there is no other content to fall back on."""
        self.remove_button.setVisible(self.removable)
        self.install_first.setVisible(not self.removable)
        for widget in (self.question, self.yes_button, self.no_button):
            widget.hide()

    def set_busy(self, busy: bool) -> None:
        """Remove only when no other job runs (a sync or an import may be changing the packs)."""
        for button in (self.remove_button, self.yes_button):
            button.setEnabled(not busy)
