"""The staff screen: a side list of sections (up to date?, import, export, settings, usage, leave) and the one shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.ui.staff.content_section import ContentSection
from kiosk.ui.staff.leave_section import LeaveSection
from kiosk.ui.staff.section_button import SectionButton
from kiosk.ui.staff.settings_section import SettingsSection
from kiosk.ui.staff.usage_section import UsageSection
from kiosk.ui.staff.usb_sections import ExportSection, ImportSection
from kiosk.ui.staff.usb_watch import UsbWatch
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.kiosk_button import KioskButton
from kiosk.ui.widgets.plain_label import PlainLabel

if TYPE_CHECKING:
    from kiosk.ui.staff.controller import StaffController

SECTIONS = (ContentSection, ImportSection, ExportSection, SettingsSection, UsageSection, LeaveSection)


class StaffScreen(QWidget):
    """Everything staff do, one section at a time; "Back to the kiosk" returns to the pupils' home page."""

    def __init__(self, staff: StaffController, theme: Theme) -> None:
        super().__init__()
        t = theme
        self._staff = staff
        self.usb = UsbWatch(staff.services.usb_roots, self)
        header = QHBoxLayout()
        header.setSpacing(t.px(t.gap))
        title = PlainLabel("Staff", t.font(t.title, bold=True), t.color("text"))
        header.addWidget(title, 1)
        self.back_button = KioskButton("Back to the kiosk", t, role="tile")
        self.back_button.setFixedSize(t.target(360), t.target(84))
        self.back_button.clicked.connect(staff.close)
        header.addWidget(self.back_button)

        # Why nothing can be changed (a read-only or full disk): above every section, while it lasts.
        self.disk_notice = PlainLabel("", t.font(t.body, bold=True), t.color("text"))
        self.disk_notice.hide()
        self.sections = [section(staff, t) for section in SECTIONS]
        self.stack = QStackedWidget()
        self.section_buttons: dict[str, SectionButton] = {}
        side = QVBoxLayout()
        side.setSpacing(t.px(12))
        for section in self.sections:
            self.stack.addWidget(section)
            button = SectionButton(section.title, t, role="tile")
            button.setFixedWidth(t.target(300))
            button.setMaximumHeight(t.target(96))
            button.clicked.connect(lambda _=False, s=section: self.show_section(s.title))
            side.addWidget(button)
            self.section_buttons[section.title] = button
        side.addStretch(1)
        body = QHBoxLayout()
        body.setSpacing(t.px(t.margin))
        body.addLayout(side)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        m = t.px(t.margin)
        layout.setContentsMargins(m, m, m, m)
        layout.setSpacing(t.px(t.gap))
        layout.addLayout(header)
        layout.addWidget(self.disk_notice)
        layout.addLayout(body, 1)

        for section in self.sections:
            if hasattr(section, "roots_changed"):
                self.usb.changed.connect(section.roots_changed)
        staff.jobs.started.connect(self._busy_changed)
        staff.jobs.finished.connect(self._busy_changed)
        self.show_section(ContentSection.title)
        self.usb.start()

    def section(self, title: str) -> QWidget:
        """The section with this title."""
        return next(s for s in self.sections if s.title == title)

    @property
    def current(self) -> QWidget:
        """The section on show."""
        return self.stack.currentWidget()

    def show_section(self, title: str) -> None:
        """Show one section, read afresh, with its button filled in the side list."""
        section = self.section(title)
        problem = self._staff.services.disk_problem()
        self.disk_notice.setText(problem or "")
        self.disk_notice.setVisible(problem is not None)
        section.refresh()
        self.stack.setCurrentWidget(section)
        for name, button in self.section_buttons.items():
            button.set_selected(name == title)

    def stop(self) -> None:
        """Stop polling for USB sticks (the screen is closing)."""
        self.usb.stop()

    def _busy_changed(self, _name: str = "") -> None:
        for section in self.sections:
            section.set_busy(self._staff.jobs.busy)
