"""The staff screen's Usage section: anonymous counts week by week, and the CSV for the careers programme."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.staff.usage import UsageCount
from kiosk.ui.staff.form_rows import ChoiceRow
from kiosk.ui.staff.parts import MessagePanel, action_button, heading, note
from kiosk.ui.staff.usb_sections import NO_STICK
from kiosk.ui.theme import Theme

if TYPE_CHECKING:
    from kiosk.ui.staff.controller import StaffController

KIND_NAMES = {"page": "Pages opened, by kind", "occupation": "Jobs looked at", "mode": "Visits using each look"}
MODE_NAMES = {"standard": "words", "picture": "words and pictures", "large": "big pictures"}
# Page kinds as pupils see them (a kind not named here is shown as it is counted).
PAGE_NAMES = {
    "home": "Home", "search": "Search", "a-z": "Jobs A to Z", "display": "How it looks", "growing": "Growing jobs",
    "missing": "Page not found", "occupation": "A job's page", "sector": "One kind of work",
    "sectors": "Kinds of work", "interest": "Things I like doing: one of them", "interests": "Things I like doing",
    "credits": "Credits", "change-picture": "Change a picture",
}


def week_words(week: str) -> str:
    """An ISO week as staff read it: "2026-W48" is "week of Mon 23 Nov 2026" (as counted if it cannot be read)."""
    try:
        year, number = week.split("-W")
        monday = dt.date.fromisocalendar(int(year), int(number), 1)
    except ValueError:
        return week
    # Named here, not by strftime, whose names follow the process locale (Qt sets it from the environment).
    month = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()[monday.month - 1]
    return f"Week of Mon {monday.day} {month} {monday.year}"


def summary_text(counts: list[UsageCount]) -> str:
    """One week's counts in words, a heading per kind."""
    visits = sum(c.count for c in counts if c.kind == "visit")
    parts = [f"Visits: {visits}"]
    for kind, name in KIND_NAMES.items():
        rows = [c for c in counts if c.kind == kind]
        if rows:
            names = MODE_NAMES if kind == "mode" else PAGE_NAMES if kind == "page" else {}
            lines = [f"• {names.get(c.item, c.title or c.item)}: {c.count}" for c in rows]
            parts.append(f"{name}:\n" + "\n".join(lines))
    return "\n\n".join(parts)


class UsageSection(QWidget):
    """Choose a week to see its counts; Export CSV writes every week's to the USB stick."""

    title = "Usage"

    def __init__(self, staff: StaffController, theme: Theme) -> None:
        super().__init__()
        self._theme = t = theme
        self._staff = staff
        self._root: Path | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(t.px(14))
        layout.addWidget(heading(t, "How the kiosk is used"))
        layout.addWidget(note(t, "Anonymous counts by week: visits, pages, jobs and looks. Nothing about who, and "
                                 "never what was typed."))
        self._week_host = QHBoxLayout()
        layout.addLayout(self._week_host)
        self.week: ChoiceRow | None = None
        self.counts = MessagePanel(t, "")
        layout.addWidget(self.counts, 3)
        row = QHBoxLayout()
        self.export_button = action_button(t, "Export CSV to the USB stick", 480)
        self.export_button.clicked.connect(self.export)
        row.addWidget(self.export_button)
        self.result = MessagePanel(t, "")
        row.addWidget(self.result, 1)
        layout.addLayout(row)
        staff.jobs.succeeded.connect(self._succeeded)
        staff.jobs.failed.connect(self._failed)
        self.set_busy(staff.jobs.busy)

    def refresh(self) -> None:
        """Write out the counts so far and show the latest week."""
        try:
            weeks = self._staff.services.usage.weeks()
        except Exception as e:  # a damaged usage file must not stop staff reaching the rest
            weeks, self._problem = [], f"The usage counts cannot be read: {e}"
        else:
            self._problem = ""
        if self.week is not None:
            self.week.hide()
            self.week.deleteLater()
            self.week = None
        if weeks:
            self.week = ChoiceRow(self._theme, "Week", [(w, week_words(w)) for w in reversed(weeks)], weeks[0])
            for button in (self.week.previous_button, self.week.next_button):
                button.clicked.connect(self._show_week)
            self._week_host.addWidget(self.week)
        self._show_week()

    def _show_week(self) -> None:
        if self.week is None:
            self.counts.set_text(self._problem or "Nothing counted yet.")
        else:
            self.counts.set_text(summary_text(self._staff.services.usage.summary(self.week.value)))

    def roots_changed(self, roots: list[Path]) -> None:
        """A stick came or went: export to the first one plugged in (and say why Export waits, without one)."""
        self._root = roots[0] if roots else None
        if self._root is None and not self.result.text():
            self.result.set_text(NO_STICK)
        elif self._root is not None and self.result.text() == NO_STICK:
            self.result.set_text("")
        self.set_busy(self._staff.jobs.busy)

    def set_busy(self, busy: bool) -> None:
        """Export only when no other job runs and a stick is there."""
        self.export_button.setEnabled(not busy and self._root is not None)

    def export(self) -> None:
        """Write every week's counts as CSV to the stick, on the worker thread."""
        root, services = self._root, self._staff.services
        if root is not None and self._staff.run("usage-export", lambda progress, cancelled: services.export_usage(root)):
            self.result.set_text("Writing the CSV…")

    def _succeeded(self, name: str, result: object) -> None:
        if name == "usage-export":
            self.result.set_text(f"Wrote {result}")

    def _failed(self, name: str, message: str) -> None:
        if name == "usage-export":
            self.result.set_text(f"The CSV was not written: {message}")
