"""The staff screen's Usage section: this term's visits, pages and most viewed jobs, anonymous counts week by week,
and the CSV kept as evidence for Gatsby Benchmark 2."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.staff.usage import UsageCount
from kiosk.staff.usage_names import mode_name, page_name
from kiosk.staff.usage_term import report_text, school_term, term_report
from kiosk.ui.staff.form_rows import ChoiceRow
from kiosk.ui.staff.parts import MessagePanel, action_button, heading, note
from kiosk.ui.staff.usb_sections import NO_STICK
from kiosk.ui.theme import Theme

if TYPE_CHECKING:
    from kiosk.ui.staff.controller import StaffController

KIND_NAMES = {"page": "Pages opened", "occupation": "Jobs looked at", "mode": "Visits using each look"}


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
            name_of = {"mode": mode_name, "page": page_name}.get(kind, lambda _: "")
            lines = [f"• {name_of(c.item) or c.title or c.item}: {c.count}" for c in rows]
            parts.append(f"{name}:\n" + "\n".join(lines))
    return "\n\n".join(parts)


class UsageSection(QWidget):
    """This term's report, then a week's counts to choose; Export writes the term's evidence and every week's counts
    to the USB stick."""

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
        layout.addWidget(note(t, "Anonymous counts: visits, pages, jobs and looks. Nothing about who, and never "
                                 "what was typed. The export is laid out as evidence for Gatsby Benchmark 2."))
        self.term = MessagePanel(t, "")
        layout.addWidget(self.term, 3)
        self._week_host = QHBoxLayout()
        layout.addLayout(self._week_host)
        self.week: ChoiceRow | None = None
        self.counts = MessagePanel(t, "")
        layout.addWidget(self.counts, 2)
        row = QHBoxLayout()
        self.export_button = action_button(t, "Export to the USB stick", 480)
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
        self._show_term()
        if weeks:
            self.week = ChoiceRow(self._theme, "Week", [(w, week_words(w)) for w in reversed(weeks)], weeks[0])
            for button in (self.week.previous_button, self.week.next_button):
                button.clicked.connect(self._show_week)
            self._week_host.addWidget(self.week)
        self._show_week()

    def _show_term(self) -> None:
        if self._problem:
            self.term.set_text(self._problem)
            return
        services = self._staff.services
        self.term.set_text(report_text(term_report(services.usage.counts(), school_term(services.today()))))

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
        """Write this term's evidence and every week's counts as CSV files to the stick, on the worker thread."""
        root, services = self._root, self._staff.services
        if root is not None and self._staff.run("usage-export", lambda progress, cancelled: services.export_usage(root)):
            self.result.set_text("Writing the CSV files…")

    def _succeeded(self, name: str, result: object) -> None:
        if name == "usage-export" and isinstance(result, list) and result:
            evidence, *others = result
            self.result.set_text(f"Evidence for Gatsby Benchmark 2: {evidence}"
                                 + "".join(f"\nEvery week's counts: {path}" for path in others))

    def _failed(self, name: str, message: str) -> None:
        if name == "usage-export":
            self.result.set_text(f"The CSV files were not written: {message}")
