"""Helpers for the staff screen's Qt tests: a window with the fake staff services, the gesture, the PIN pad."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt

from kiosk.ui.widgets.kiosk_button import KioskButton
from tests.staff.fake_services import FakeStaff

USAGE_TIME = dt.datetime(2026, 11, 24, 12, 0).timestamp()  # usage counts fall in ISO week 2026-W48


def staff_window(make_window, settings, reader, clock, size=(1280, 800)):
    """A kiosk window as the app builds it, with fake staff services whose PIN store shares the test clock."""
    window = make_window(settings, reader, size)
    staff = FakeStaff(settings, pin_clock=clock, usage_clock=lambda: USAGE_TIME)
    window.attach_staff(staff)
    return window, staff


def bare_bar_point(window) -> QPoint:
    """A point on the top bar where there is no button: the only place the hidden gesture counts."""
    bar = window.top_bar
    y = bar.height() // 2
    for x in range(bar.width() - 1, 0, -4):
        if bar.childAt(x, y) is None:
            return QPoint(x, y)
    raise AssertionError("the top bar has no bare background")


def tap(qtbot, button: KioskButton) -> None:
    """Tap a button as a finger would, after checking a finger could."""
    assert button.isVisible() and button.isEnabled(), button.label
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def gesture(qtbot, window, clock, taps: int = 5, every_s: float = 0.4) -> None:
    """Tap the top bar's bare background `taps` times, `every_s` seconds apart."""
    where = bare_bar_point(window)
    for i in range(taps):
        if i:
            clock.advance(every_s)
        qtbot.mouseClick(window.top_bar, Qt.MouseButton.LeftButton, pos=where)


def enter_pin(qtbot, window, pin: str):
    """Type a PIN on the pad and press OK; returns once the check has answered."""
    pad = window.staff.pin_pad
    for digit in pin:
        tap(qtbot, pad.keys[digit])
    with qtbot.waitSignal(window.staff.checks.finished, timeout=10_000):
        tap(qtbot, pad.keys["OK"])


def open_staff_screen(qtbot, window, clock, pin: str = "2468"):
    """Set the PIN, make the gesture and enter the PIN: the staff screen is showing."""
    window.staff.services.pins.set_pin(pin)
    gesture(qtbot, window, clock)
    enter_pin(qtbot, window, pin)
    assert window.staff.screen is not None
    return window.staff.screen
