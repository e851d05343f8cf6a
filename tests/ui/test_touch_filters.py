"""Touch filters for pupils with tremor: a hold time before a touch counts, and a debounce between uses."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.config import load_settings
from kiosk.content.pages.page import Target
from kiosk.ui.widgets.tile_grid import TileGrid


def tile(window, label):
    return next(t for t in window.screen_widget.findChild(TileGrid).tiles if t.label == label)


def touch(window, button, clock, held_s: float) -> None:
    centre = button.rect().center()
    QTest.mousePress(button, Qt.MouseButton.LeftButton, pos=centre)
    clock.advance(held_s)
    QTest.mouseRelease(button, Qt.MouseButton.LeftButton, pos=centre)


def test_a_touch_must_be_held(qtbot, make_window, data_dir, reader, clock) -> None:
    window = make_window(load_settings(data_dir, environ={}, touch_hold_s=0.5), reader)
    touch(window, tile(window, "Kinds of work"), clock, 0.2)
    assert window.navigator.current == Target("home")
    touch(window, tile(window, "Kinds of work"), clock, 0.6)
    assert window.navigator.current == Target("sectors")


def test_repeated_taps_are_ignored_within_the_debounce(qtbot, make_window, data_dir, sample_reader, clock) -> None:
    window = make_window(load_settings(data_dir, environ={}, touch_debounce_s=1.0), sample_reader)
    window.open(Target("a-z"))
    grid = window.screen_widget.findChild(TileGrid)
    touch(window, grid.next_button, clock, 0.05)
    touch(window, grid.next_button, clock, 0.05)  # a tremor's second tap, 50 ms later
    assert grid.current_page == 1
    clock.advance(1.0)
    touch(window, grid.next_button, clock, 0.05)
    assert grid.current_page == 2


def test_off_by_default(qtbot, make_window, settings, reader, clock) -> None:
    window = make_window(settings, reader)
    touch(window, tile(window, "Kinds of work"), clock, 0.0)
    assert window.navigator.current == Target("sectors")


def test_symbol_modes_speak_more_slowly(qtbot, make_window, data_dir, reader) -> None:
    from kiosk.ui.session_display import Display
    from kiosk.ui.speech_controller import SpeechController
    from tests.ui.test_speech_ui import FakePlayer, FakeWorker

    window = make_window(load_settings(data_dir, environ={}, speech_rate=150, symbol_speech_rate=90), reader)
    controller = SpeechController(FakeWorker(), FakePlayer(), "gmw/en", 130, 50)
    window.set_speaker(controller)
    assert controller.rate == 150
    window.set_display(Display(mode="large"))
    assert controller.rate == 90


def test_an_idle_reset_returns_to_the_schools_default_display(qtbot, make_window, data_dir, reader, clock) -> None:
    from kiosk.ui.session_display import Display

    window = make_window(load_settings(data_dir, environ={}, default_mode="large"), reader)
    assert window.display == Display(mode="large")
    window.set_display(Display(mode="standard", high_contrast=True, text_step=2))
    clock.advance(window.settings.idle_timeout_s)
    window.idle.check()
    assert window.display == Display(mode="large") and window.navigator.current == Target("home")
