"""The way in for staff: a hidden gesture a pupil will not make by chance, then a PIN pad with a growing wait."""

from __future__ import annotations

import errno

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication

from kiosk.content.pages.page import HOME, Target
from kiosk.staff.pin import NO_PIN_MESSAGE
from kiosk.ui.staff.pin_pad import PROMPT
from tests.staff.ui_helpers import enter_pin, gesture, open_staff_screen, staff_window, tap


def test_five_quick_taps_on_the_bare_top_bar_open_the_pin_pad(qtbot, make_window, settings, reader, clock) -> None:
    window, _ = staff_window(make_window, settings, reader, clock)
    window.open(Target("sectors"))
    gesture(qtbot, window, clock, taps=5, every_s=0.7)  # 2.8 s in all
    pad = window.staff.pin_pad
    assert pad is not None and pad.isVisible()
    assert window.staff.cover.geometry() == window.rect()  # it covers the pupils' page entirely


def test_near_misses_open_nothing(qtbot, make_window, settings, reader, clock) -> None:
    window, _ = staff_window(make_window, settings, reader, clock)
    gesture(qtbot, window, clock, taps=4)
    assert window.staff.pin_pad is None
    clock.advance(5)
    gesture(qtbot, window, clock, taps=5, every_s=0.8)  # 3.2 s: too slow
    assert window.staff.pin_pad is None
    clock.advance(5)
    for _ in range(3):  # a pupil hammering the top bar's buttons: six quick taps
        window.open(Target("sectors"))
        window.open(Target("a-z"))
        tap(qtbot, window.back_button)
        tap(qtbot, window.home_button)
    assert window.navigator.current == HOME  # the buttons did their jobs ...
    assert window.staff.pin_pad is None and not window.staff.is_open  # ... and nothing else


def test_the_gesture_still_works_after_the_look_changes(qtbot, make_window, settings, reader, clock) -> None:
    from kiosk.ui.session_display import Display

    window, _ = staff_window(make_window, settings, reader, clock)
    window.set_display(Display(mode="picture", high_contrast=True))  # a new top bar
    gesture(qtbot, window, clock)
    assert window.staff.pin_pad is not None


def test_without_a_pin_the_pad_says_how_to_set_one(qtbot, make_window, settings, reader, clock) -> None:
    window, _ = staff_window(make_window, settings, reader, clock)
    window.open(Target("occupation", "nurse"))
    gesture(qtbot, window, clock)
    pad = window.staff.pin_pad
    assert pad.message.text() == NO_PIN_MESSAGE
    assert not any(key.isEnabled() for key in pad.keys.values())
    tap(qtbot, pad.cancel_button)
    assert not window.staff.is_open
    assert window.navigator.current == HOME and window.screen_widget.page.target == HOME


def test_wrong_pins_lead_to_a_growing_wait_that_counts_down(qtbot, make_window, settings, reader, clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    staff.pins.set_pin("2468")
    gesture(qtbot, window, clock)
    pad = window.staff.pin_pad
    enter_pin(qtbot, window, "1111")
    assert "2 more tries" in pad.message.text() and pad.entered == ""
    enter_pin(qtbot, window, "1111")
    enter_pin(qtbot, window, "1111")
    assert pad.message.text() == "That PIN is not right. Try again in 30 seconds."
    assert not pad.keys["2"].isEnabled() and pad.timer.isActive()
    clock.advance(29)
    pad.tick()
    assert pad.message.text() == "Too many wrong tries. Try again in 1 second."
    clock.advance(1)
    pad.tick()
    assert pad.message.text() == PROMPT and pad.keys["2"].isEnabled() and not pad.timer.isActive()
    enter_pin(qtbot, window, "1111")
    assert pad.message.text() == "That PIN is not right. Try again in 60 seconds."
    # Cancelling and coming back does not clear the wait: it is kept in the PIN file.
    tap(qtbot, pad.cancel_button)
    clock.advance(10)
    gesture(qtbot, window, clock)
    pad = window.staff.pin_pad
    assert pad.message.text() == "Too many wrong tries. Try again in 49 seconds."
    assert not pad.keys["OK"].isEnabled()
    clock.advance(50)
    pad.tick()
    enter_pin(qtbot, window, "1111")
    assert pad.message.text() == "That PIN is not right. Try again in 2 minutes."
    window.staff.close()


def test_the_right_pin_opens_the_staff_screen(qtbot, make_window, settings, reader, clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    staff.pins.set_pin("2468")
    gesture(qtbot, window, clock)
    pad = window.staff.pin_pad
    for digit in "247":
        tap(qtbot, pad.keys[digit])
    assert pad.dots.text() == "●●●"  # never the digits
    tap(qtbot, pad.keys["Delete"])
    tap(qtbot, pad.keys["6"])
    tap(qtbot, pad.keys["8"])
    with qtbot.waitSignal(window.staff.opened, timeout=10_000):
        tap(qtbot, pad.keys["OK"])
    screen = window.staff.screen
    assert screen.isVisible() and screen.current.title == "Up to date?"
    tap(qtbot, screen.back_button)
    assert not window.staff.is_open and window.navigator.current == HOME


def test_idle_closes_the_staff_screen_and_the_lockdown_holds(qtbot, make_window, settings, reader, clock) -> None:
    window, _ = staff_window(make_window, settings, reader, clock)
    screen = open_staff_screen(qtbot, window, clock)
    window.allow_close = False
    window.close()
    assert window.isVisible()  # staff leave through the Leave section, never by closing the window
    screen.show_section("Settings")
    field = screen.section("Settings").ncs_key.field
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), field.mapToGlobal(QPoint(5, 5)))
    assert QApplication.sendEvent(field, event) is True  # swallowed by the kiosk's filter: no menu
    window.allow_close = True
    clock.advance(settings.idle_timeout_s - settings.idle_warning_s)
    window.idle.check()
    assert window.overlay.isVisible()  # the warning shows over the staff screen
    clock.advance(settings.idle_warning_s)
    window.idle.check()
    assert not window.staff.is_open and window.navigator.current == HOME
    assert not window.overlay.isVisible()
    qtbot.mouseClick(window.top_bar, Qt.MouseButton.LeftButton)  # the pupils' kiosk works as before


def test_with_the_disk_full_the_pad_opens_for_no_pin(qtbot, make_window, settings, reader, clock,
                                                      monkeypatch) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    staff.pins.set_pin("2468")
    gesture(qtbot, window, clock)
    pad = window.staff.pin_pad

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("kiosk.staff.pin.write_file_atomically", full)
    for pin in ("1111", "2468", "2468"):
        enter_pin(qtbot, window, pin)
        assert window.staff.screen is None and window.staff.pin_pad is pad  # the right PIN opened nothing
        assert pad.message.text() == "Staff sign-in is unavailable: the kiosk cannot save to its disk"
        assert not pad.timer.isActive() and pad.entered == ""
    monkeypatch.undo()  # room on the disk again: the same pad lets staff in, without a restart
    with qtbot.waitSignal(window.staff.opened, timeout=10_000):
        enter_pin(qtbot, window, "2468")
    window.staff.close()


def test_a_damaged_pin_file_closes_the_pad_in_plain_words(qtbot, make_window, settings, reader, clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    staff.pins.path.write_text("{not json")
    gesture(qtbot, window, clock)
    pad = window.staff.pin_pad
    assert pad.message.text() == ("Staff sign-in is unavailable: the staff PIN file is damaged. "
                                  "Set the PIN again with kiosk staff set-pin.")
    assert "/" not in pad.message.text() and "staff-pin.json" not in pad.message.text()
    assert not any(key.isEnabled() for key in pad.keys.values())
    tap(qtbot, pad.cancel_button)
    assert not window.staff.is_open


def test_the_keys_stay_put_as_dots_and_the_wait_come_and_go(qtbot, make_window, settings, reader, clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    staff.pins.set_pin("2468")
    gesture(qtbot, window, clock)
    pad = window.staff.pin_pad

    def geometry() -> list[tuple[int, int, int, int]]:
        QApplication.processEvents()  # any layout a new message asks for
        return [(*(lambda p: (p.x(), p.y()))(b.mapTo(window, QPoint(0, 0))), b.width(), b.height())
                for b in (*pad.keys.values(), pad.cancel_button)]

    at_rest = geometry()
    for digit in "11":
        tap(qtbot, pad.keys[digit])
    assert pad.entered == "●●" and geometry() == at_rest
    tap(qtbot, pad.keys["OK"])  # too short: a longer message
    assert "digits" in pad.message.text() and geometry() == at_rest
    for _ in range(3):
        enter_pin(qtbot, window, "1111")
    assert pad.message.text() == "That PIN is not right. Try again in 30 seconds." and pad.entered == ""
    assert geometry() == at_rest
    clock.advance(10)
    pad.tick()
    assert pad.message.text().startswith("Too many wrong tries.") and geometry() == at_rest
    window.staff.close()
