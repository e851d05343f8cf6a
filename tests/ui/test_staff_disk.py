"""The staff screen says why nothing can change when the kiosk's disk is read-only (issue 11, defect 6)."""

from __future__ import annotations

from kiosk.content.disk_state import READ_ONLY
from tests.staff.ui_helpers import open_staff_screen, staff_window


def test_the_staff_screen_says_the_disk_is_read_only(qtbot, make_window, settings, reader, clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    staff.disk = READ_ONLY
    screen = open_staff_screen(qtbot, window, clock)
    assert screen.disk_notice.isVisible() and screen.disk_notice.text() == READ_ONLY
    staff.disk = None
    screen.show_section("Settings")
    assert not screen.disk_notice.isVisible()
