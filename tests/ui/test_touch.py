"""Real touch events (a finger, not a mouse) open pages: the kiosk works by touch alone."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QInputDevice, QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.content.pages.page import Target
from kiosk.ui.widgets.tile_grid import TileGrid


def touchscreen() -> QPointingDevice:
    return QTest.createTouchDevice(QInputDevice.DeviceType.TouchScreen)


def touch_tap(window, widget, device: QPointingDevice) -> None:
    where = widget.mapTo(window, widget.rect().center())
    QTest.touchEvent(window, device).press(0, where, window).commit()
    QTest.touchEvent(window, device).release(0, where, window).commit()


def tile(window, label: str):
    return next(t for t in window.screen_widget.findChild(TileGrid).tiles if t.label == label)


def test_a_finger_can_walk_from_home_to_an_occupation(qtbot, make_window, settings, reader) -> None:
    window = make_window(settings, reader)
    device = touchscreen()
    touch_tap(window, tile(window, "Kinds of work"), device)
    qtbot.waitUntil(lambda: window.navigator.current == Target("sectors"))
    touch_tap(window, tile(window, "Trades"), device)
    qtbot.waitUntil(lambda: window.navigator.current == Target("sector", "trades"))
    touch_tap(window, tile(window, "Plumber"), device)
    qtbot.waitUntil(lambda: window.navigator.current == Target("occupation", "plumber"))
    touch_tap(window, window.home_button, device)
    qtbot.waitUntil(lambda: window.navigator.current.kind == "home")


def test_sliding_off_a_tile_cancels_the_tap(qtbot, make_window, settings, reader) -> None:
    window = make_window(settings, reader)
    device = touchscreen()
    start = tile(window, "Kinds of work")
    inside = start.mapTo(window, start.rect().center())
    outside = inside + QPoint(0, start.height() * 3)
    QTest.touchEvent(window, device).press(0, inside, window).commit()
    QTest.touchEvent(window, device).move(0, outside, window).commit()
    QTest.touchEvent(window, device).release(0, outside, window).commit()
    QApplication.processEvents()
    assert window.navigator.current.kind == "home"
    # The same finger lifted on the tile does open it, so the events above did arrive.
    QTest.touchEvent(window, device).press(0, inside, window).commit()
    QTest.touchEvent(window, device).release(0, inside, window).commit()
    QApplication.processEvents()
    assert window.navigator.current == Target("sectors")
