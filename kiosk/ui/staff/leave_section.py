"""The staff screen's last section: leaving the kiosk, after a second, deliberate tap."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.staff.parts import action_button, heading, note
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.plain_label import PlainLabel

QUESTION = "Close the kiosk now?"

if TYPE_CHECKING:
    from kiosk.ui.staff.controller import StaffController


class LeaveSection(QWidget):
    """Close the kiosk, asked twice: "Yes" stops the program cleanly, "No" changes nothing."""

    title = "Leave the kiosk"

    def __init__(self, staff: StaffController, theme: Theme) -> None:
        super().__init__()
        t = theme
        self._staff = staff
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(t.px(18))
        layout.addWidget(heading(t, "Leave the kiosk"))
        layout.addWidget(note(t, "This closes the kiosk program for maintenance. Pupils cannot use the kiosk until "
                                 "the computer restarts (or it is started again)."))
        self.close_button = action_button(t, "Close the kiosk…", 400)
        self.close_button.clicked.connect(self.ask)
        layout.addWidget(self.close_button)
        self.question = PlainLabel(QUESTION, t.font(t.heading, bold=True), t.color("text"))
        self.question.setWordWrap(True)
        self.yes_button = action_button(t, "Yes, close the kiosk", 420)
        self.no_button = action_button(t, "No, keep it running", 420)
        self.yes_button.clicked.connect(staff.leave)
        self.no_button.clicked.connect(self.refresh)
        layout.addWidget(self.question)
        answers = QHBoxLayout()
        answers.setSpacing(t.px(t.gap))
        answers.addWidget(self.yes_button)
        answers.addWidget(self.no_button)
        answers.addStretch(1)
        layout.addLayout(answers)
        layout.addStretch(1)
        self.refresh()

    def ask(self) -> None:
        """The confirm step: the question and its two answers replace the first button."""
        self.close_button.hide()
        for widget in (self.question, self.yes_button, self.no_button):
            widget.show()

    def refresh(self) -> None:
        """Back to the first step: only "Close the kiosk…" on show."""
        self.close_button.show()
        for widget in (self.question, self.yes_button, self.no_button):
            widget.hide()

    def set_busy(self, busy: bool) -> None:
        """Leaving is allowed while a job runs: the job is cancelled as the kiosk stops."""
