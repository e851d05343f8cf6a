"""The idle reset: a warning with a countdown of at least 20 s, an "I'm still here" button, then a clean start."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from kiosk.content.pages.page import SEARCH, Target
from kiosk.ui.idle import IdleWatcher
from kiosk.ui.widgets.tile_grid import TileGrid


def test_warning_then_reset(qtbot, make_window, settings, reader, clock) -> None:
    window = make_window(settings, reader)
    watcher = window.idle
    fired = []
    watcher.idle.connect(lambda: fired.append(clock()))
    window.open(Target("sectors"))
    window.open(Target("occupation", "nurse"))
    clock.advance(settings.idle_timeout_s - settings.idle_warning_s - 1)
    watcher.check()
    assert not window.overlay.isVisible() and not fired
    clock.advance(1)
    watcher.check()
    assert window.overlay.isVisible()
    assert "in 30 seconds" in window.overlay.countdown.text()
    clock.advance(settings.idle_warning_s - 3)
    watcher.check()
    assert "in 3 seconds" in window.overlay.countdown.text()
    clock.advance(3)
    watcher.check()
    watcher.check()
    assert len(fired) == 1
    assert window.navigator.current.kind == "home" and not window.back_button.isEnabled()
    assert not window.overlay.isVisible()


def test_im_still_here_keeps_the_session(qtbot, make_window, settings, reader, clock) -> None:
    window = make_window(settings, reader)
    window.open(Target("occupation", "plumber"))
    for _ in range(12):  # extend as often as the pupil likes
        clock.advance(settings.idle_timeout_s - 10)
        window.idle.check()
        assert window.overlay.isVisible()
        qtbot.mouseClick(window.overlay.button, Qt.MouseButton.LeftButton)
        assert not window.overlay.isVisible()
    assert window.screen_widget.page.title == "Plumber"


def test_the_wake_up_tap_presses_nothing_underneath(qtbot, make_window, settings, reader, clock) -> None:
    window = make_window(settings, reader)
    window.open(Target("sectors"))
    tile = window.screen_widget.findChild(TileGrid).tiles[0]
    where = tile.mapTo(window, tile.rect().center())
    clock.advance(settings.idle_timeout_s - 5)
    window.idle.check()
    assert window.overlay.isVisible()
    qtbot.mouseClick(window, Qt.MouseButton.LeftButton, pos=where)
    target = window.childAt(where)
    assert not window.overlay.isVisible()
    assert window.navigator.current == Target("sectors"), "the tap under the warning opened a page"
    assert target is not None


def test_a_reset_forgets_what_was_typed(qtbot, make_window, settings, reader, clock) -> None:
    window = make_window(settings, reader)
    window.open(SEARCH)
    for letter in "NURSE":
        window.screen_widget.keyboard.keys[letter].click()
    assert window.screen_widget.field.text() == "nurse"
    clock.advance(settings.idle_timeout_s)
    window.idle.check()
    window.open(SEARCH)
    field = window.screen_widget.field
    assert field.text() == "" and not field.isUndoAvailable()
    assert window.navigator.can_go_back  # only home -> search
    window.navigator.back()
    assert not window.navigator.can_go_back


def test_input_counts_as_activity(qtbot, make_window, settings, reader, clock) -> None:
    window = make_window(settings, reader)
    clock.advance(settings.idle_timeout_s - 1)
    qtbot.mouseMove(window, QPoint(10, 200))
    qtbot.keyClick(window, Qt.Key.Key_Space)
    window.idle.check()
    assert not window.overlay.isVisible()


def test_a_real_timer_fires_idle(qtbot) -> None:
    watcher = IdleWatcher(timeout_s=0.3, warning_s=0.1, check_every_ms=50)
    with qtbot.waitSignal(watcher.warning, timeout=5000), qtbot.waitSignal(watcher.idle, timeout=5000):
        watcher.start()
    watcher.stop()
