"""The staff screen's Import and Export sections: packs on a USB stick in, every installed pack out."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.staff.api import UsbPack, UsbScan
from kiosk.ui.staff.parts import (
    MessagePanel, action_button, add_line, clear_column, heading, lines_box, lines_card, note,
)
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.plain_label import PlainLabel
from kiosk.ui.widgets.scroll_panel import ScrollPanel

if TYPE_CHECKING:
    from kiosk.ui.staff.controller import StaffController

NO_STICK = "No USB stick found. Plug one in: the kiosk notices it by itself."
EXPORT_FOLDER = "careers-kiosk-packs"  # packs go in a folder of their own, beside whatever else is on the stick


def found_lines(p: UsbPack, require_signed: bool = False) -> list[str]:
    """One pack file on a stick, line by line: what it is and who signed it, or why it cannot be imported."""
    if p.problem:
        return [p.path.name, f"Cannot be imported: {p.problem}", str(p.path)]
    signed = p.signer or "not signed"  # the scan's words: a signer's own name only where its key is trusted
    if not p.signer and require_signed:
        signed += ", so this kiosk will refuse it (it accepts only signed packs)"
    elif not p.trusted and require_signed:
        signed += ", so this kiosk will refuse it (it accepts only packs signed with a key it trusts)"
    return [f"{p.pack_id} version {p.content_version}",
            f"From {p.publisher or 'an unnamed publisher'}; {signed}", str(p.path)]


class ImportSection(QWidget):
    """Lists the pack files on the USB sticks (looking again when a stick comes or goes), each with Import."""

    title = "Import"

    def __init__(self, staff: StaffController, theme: Theme) -> None:
        super().__init__()
        t = self._theme = theme
        self._staff = staff
        self._rescan = False
        self.notice = ""  # what the list says instead of packs, if anything
        self.import_buttons: dict[Path, object] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(t.px(14))
        layout.addWidget(heading(t, "Import packs from a USB stick"))
        layout.addWidget(note(t, "Each pack is checked completely before it is installed; the version it replaces "
                                  "is kept as last-known-good."))
        self.look_button = action_button(t, "Look again", 260)
        self.look_button.clicked.connect(self.scan)
        layout.addWidget(self.look_button)
        box, self._found = lines_box(t)
        self.found_panel = ScrollPanel(box, t)
        layout.addWidget(self.found_panel, 3)
        self.result = MessagePanel(t, "")
        layout.addWidget(self.result)
        staff.jobs.succeeded.connect(self._succeeded)
        staff.jobs.failed.connect(self._failed)
        staff.jobs.finished.connect(self._finished)
        self.set_busy(staff.jobs.busy)

    def roots_changed(self, roots: list[Path]) -> None:
        """A stick came or went: look for packs on what is plugged in now."""
        if roots:
            self.scan()
        else:
            self._list([], self._staff.usb_problem or NO_STICK)

    def refresh(self) -> None:
        """Nothing to read again: the USB watch keeps the list current."""

    def scan(self) -> None:
        """Look for packs on the plugged-in sticks, on the worker thread (later, if a job runs)."""
        services = self._staff.services
        if self._staff.run("usb-scan", lambda progress, cancelled: services.usb_packs()):
            self._list([], "Looking for packs on the USB stick…")
        else:
            self._rescan = True  # another job is running: look when it ends

    def set_busy(self, busy: bool) -> None:
        """Look and import only when no other job runs."""
        self.look_button.setEnabled(not busy)
        for button in self.import_buttons.values():
            button.setEnabled(not busy)

    def _import(self, path: Path) -> None:
        services = self._staff.services
        if self._staff.run("import", lambda progress, cancelled: services.import_pack(path)):
            self.result.set_text(f"Importing {path.name}…")

    def _list(self, packs: list[UsbPack], message: str = "", unfinished: str = "") -> None:
        clear_column(self._found)
        self.import_buttons = {}
        t = self._theme
        self.notice = message or ("" if packs else "No pack files were found on the USB stick.")
        # The search stopped early (a stick full of files): packs further down were never looked at.
        self.notice = " ".join(filter(None, (self.notice, unfinished)))
        if self.notice:
            add_line(self._found, PlainLabel(self.notice, t.font(t.body), t.color("text")))
        require_signed = self._staff.services.settings.require_signed
        for p in packs:
            card, row = lines_card(t, found_lines(p, require_signed))
            if p.problem is None:  # a pack that cannot be imported gets no button to wonder about
                button = action_button(t, "Import", 200)
                button.clicked.connect(lambda _=False, path=p.path: self._import(path))
                row.addWidget(button)
                self.import_buttons[p.path] = button
            add_line(self._found, card)
        self.set_busy(self._staff.jobs.busy)

    def _succeeded(self, name: str, result: object) -> None:
        if name == "usb-scan" and isinstance(result, UsbScan):
            self._list(result.packs, unfinished=result.unfinished)
        elif name == "import":
            self.result.set_text(str(result))

    def _failed(self, name: str, message: str) -> None:
        if name == "usb-scan":
            self._list([], f"The USB stick could not be read: {message}")
        elif name == "import":
            self.result.set_text(f"The import failed: {message}")

    def _finished(self, name: str) -> None:
        if self._rescan and name != "usb-scan":
            self._rescan = False
            self.scan()


class ExportSection(QWidget):
    """Copies every installed pack to the USB stick, for another kiosk."""

    title = "Export"

    def __init__(self, staff: StaffController, theme: Theme) -> None:
        super().__init__()
        t = theme
        self._staff = staff
        self._root: Path | None = None
        self._folder: Path | None = None  # where the last export went
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(t.px(14))
        layout.addWidget(heading(t, "Copy every pack to a USB stick"))
        layout.addWidget(note(t, f"The packs go in a folder called {EXPORT_FOLDER}, ready to import on another "
                                 "kiosk. Earlier copies there are replaced."))
        self.packs = PlainLabel("", t.font(t.body), t.color("text"))
        layout.addWidget(self.packs)
        self.stick = PlainLabel(NO_STICK, t.font(t.body, bold=True), t.color("text"))
        layout.addWidget(self.stick)
        self.export_button = action_button(t, "Copy packs to the stick", 440)
        self.export_button.clicked.connect(self.export)
        layout.addWidget(self.export_button)
        self.result = MessagePanel(t, "")
        layout.addWidget(self.result, 1)
        staff.jobs.succeeded.connect(self._succeeded)
        staff.jobs.failed.connect(self._failed)
        self.set_busy(staff.jobs.busy)

    def roots_changed(self, roots: list[Path]) -> None:
        """A stick came or went: export to the first one plugged in."""
        self._root = roots[0] if roots else None
        self.stick.setText(f"USB stick: {self._root}" if self._root else (self._staff.usb_problem or NO_STICK))
        self.set_busy(self._staff.jobs.busy)

    def refresh(self) -> None:
        """Say which packs a copy takes (the USB watch keeps the stick current)."""
        try:
            packs = self._staff.services.pack_status()
        except Exception as e:  # a damaged index is shown to staff, not raised
            self.packs.setText(f"The pack list cannot be read: {e}")
            return
        names = "\n".join(f"• {p.title} ({p.pack_id}, version {p.version})" for p in packs)
        self.packs.setText(f"It copies {len(packs)} pack{'s' if len(packs) != 1 else ''}:\n{names}" if packs else
                           "No packs are installed, so there is nothing to copy.")

    def set_busy(self, busy: bool) -> None:
        """Export only when no other job runs and a stick is there."""
        self.export_button.setEnabled(not busy and self._root is not None)

    def export(self) -> None:
        """Copy every pack to the stick's export folder, on the worker thread."""
        if self._root is None:
            return
        folder, services = self._root / EXPORT_FOLDER, self._staff.services
        self._folder = folder
        if self._staff.run("export", lambda progress, cancelled: services.export_packs(folder)):
            self.result.set_text(f"Copying packs to {folder}…")

    def _succeeded(self, name: str, result: object) -> None:
        if name == "export":
            files = list(result)
            names = "\n".join(f"• {Path(f).name}" for f in files)
            self.result.set_text(f"Copied {len(files)} pack(s) to {self._folder}:\n{names}")

    def _failed(self, name: str, message: str) -> None:
        if name == "export":
            self.result.set_text(f"The packs were not copied: {message}")
