"""The tour's staff side: the staff services it pictures, and the steps through the PIN pad and each section."""

from __future__ import annotations

import secrets
from pathlib import Path

from kiosk.config import Settings


def tour_staff(settings: Settings, scratch: Path):
    """The real staff services on the tour's content, with a PIN, usage counts and an NCS key of the tour's own
    (the kiosk's are never touched), a pretend sync and USB stick, and no speech voices or speaker: the pictures are
    the same on any machine, and show what Settings says where speech cannot work."""
    from kiosk.content.pack_store import PackStore
    from kiosk.staff.machine_words import SpeechOff
    from kiosk.staff.pin import PinStore
    from kiosk.staff.tour_services import TourStaff
    from kiosk.staff.usage import UsageLog

    pins = PinStore(scratch / "staff-pin.json")
    pins.set_pin("".join(secrets.choice("0123456789") for _ in range(8)))  # nobody needs to know it
    staff = TourStaff(settings, PackStore(settings.data_dir), pins, UsageLog(scratch / "usage.db"), scratch=scratch,
                      speech_off=SpeechOff(audio="the tour pictures a kiosk with no speaker"))
    staff.save_ncs_key("0tour0key0only0")  # so Settings shows a key kept, and how to remove it
    return staff


def staff_steps(window):
    """(name, action) pairs for the PIN pad and each staff section, at rest and at work, after the tour's walk
    counted as a visit. Sync and the USB stick are the tour's pretend ones (kiosk.staff.tour_services)."""
    from PySide6.QtWidgets import QApplication

    staff = window.staff
    services = staff.services

    def pin_pad():
        window.idle.idle.emit()  # the tour's walk ends as a visit would, so Usage has counts to show
        staff.open_pin_pad()
        for digit in "12":
            staff.pin_pad.keys[digit].click()

    def pin_pad_wait():
        pad = staff.pin_pad
        for _ in "12":
            pad.keys["Delete"].click()
        for _ in range(3):  # three wrong tries, checked as any would be: the pad then makes staff wait
            for digit in "1111":
                pad.keys[digit].click()
            pad.keys["OK"].click()
            wait_until(lambda: not staff.checks.busy, "the PIN check")

    def section(title, then=None):
        def step():
            if staff.screen is None:
                staff.open_staff_screen()
            staff.screen.show_section(title)
            if then is not None:
                then(staff.screen.current)
        return step

    def syncing(content):
        content.sync_buttons["lmiforall"].click()
        wait_until(lambda: content.progress.value() > 0, "the sync's progress")

    def synced(content):
        services.finish_sync.set()
        wait_until(lambda: not staff.jobs.busy, "the sync to finish")
        # The report's panel shows Up and Down a layout pass after its text, as the screen does at once for staff.
        wait_until(lambda: settled(content.result), "the report's panel to settle")

    def stick(plugged_in):
        def then(_section):
            services.stick_in = plugged_in
            staff.screen.usb.poll()  # what the two-second timer does
            wait_until(lambda: staff.screen.usb.roots == services.usb_roots() and not staff.jobs.busy,
                        "the look at the USB stick")
        return then

    def key_field(form):
        form.ncs_key.field.setFocus()  # as a tap does: the staff keyboard comes up, the kept key shows as "•••• set"
        wait_until(form.keyboard.isVisible, "the staff keyboard")
        QApplication.processEvents()  # the form's new height, with the keyboard under it
        bar = form.form_panel.area.verticalScrollBar()
        bar.setValue(bar.maximum())

    return [
        ("pin-pad", pin_pad),
        ("pin-pad-wait", pin_pad_wait),
        ("up-to-date", section("Up to date?")),
        ("up-to-date-syncing", section("Up to date?", syncing)),
        ("up-to-date-synced", section("Up to date?", synced)),
        ("up-to-date-details", section("Up to date?", lambda content: content.toggle_details())),
        ("import", section("Import")),
        ("import-stick", section("Import", stick(True))),
        ("export", section("Export", stick(False))),
        ("export-stick", section("Export", stick(True))),
        ("settings", section("Settings")),
        ("settings-ncs-key", section("Settings", key_field)),
        ("usage", section("Usage")),
        ("leave", section("Leave the kiosk", lambda leave: leave.ask())),
        ("resting", lambda: resting(window)),
    ]


def resting(window) -> None:
    """The screen a kiosk shows after repeated crashes, pictured over the whole window as the kiosk shows it."""
    from kiosk.ui.resting import RestingScreen

    staff = window.staff
    screen = RestingScreen(staff.services.pins, (window.width(), window.height()), window.settings.screen_inches)
    screen.allow_close = True  # it goes with the tour's staff cover
    staff.open_staff_screen()
    staff.cover.put(screen)


def settled(panel) -> bool:
    """Whether a message panel shows Down exactly when its text is taller than its room."""
    room = panel.area.viewport()
    return panel.down_button.isVisible() == (panel.label.heightForWidth(room.width()) > room.height())


def wait_until(condition, what: str, timeout_ms: int = 30_000) -> None:
    """Run the event loop until `condition()` holds (a staff job reports from its worker thread)."""
    from PySide6.QtCore import QDeadlineTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    deadline = QDeadlineTimer(timeout_ms)
    wake = QTimer()  # an event at least every 50 ms, so a wait that sees no other event still looks again
    wake.start(50)
    try:
        while not condition():
            if deadline.hasExpired():
                raise RuntimeError(f"the tour gave up waiting for {what}")
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        wake.stop()
