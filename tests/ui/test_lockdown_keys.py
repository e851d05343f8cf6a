"""No keyboard way out: the keys that close, quit, leave full screen or cancel reach no shortcut and no widget, on
the window or in the search field; other keys still type; a minimised kiosk goes back to full screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.app import present
from kiosk.content.pages.page import SEARCH

Key, Mod = Qt.Key, Qt.KeyboardModifier
WAY_OUT = [
    ("Alt+F4", Key.Key_F4, Mod.AltModifier),
    ("Ctrl+F4", Key.Key_F4, Mod.ControlModifier),
    ("Ctrl+Q", Key.Key_Q, Mod.ControlModifier),
    ("Ctrl+W", Key.Key_W, Mod.ControlModifier),
    ("Ctrl+Shift+Q", Key.Key_Q, Mod.ControlModifier | Mod.ShiftModifier),
    ("Escape", Key.Key_Escape, Mod.NoModifier),
    ("F11", Key.Key_F11, Mod.NoModifier),
    ("Alt+Return", Key.Key_Return, Mod.AltModifier),  # Qt's own "full screen" key on Linux, as F11
]


@pytest.mark.parametrize("where", ["window", "search field"])
@pytest.mark.parametrize("name, key, modifiers", WAY_OUT, ids=[w[0] for w in WAY_OUT])
def test_a_way_out_key_reaches_no_shortcut(qtbot, make_window, settings, reader, where, name, key, modifiers) -> None:
    window = make_window(settings, reader)
    present(window, windowed=False)
    window.allow_close = False
    fired = []
    # As a shortcut some part of Qt or a future widget might bring: if the key reached it, the kiosk would close.
    for sequence in (QKeySequence(name), QKeySequence(QKeySequence.StandardKey.Quit),
                     QKeySequence(QKeySequence.StandardKey.Close), QKeySequence(QKeySequence.StandardKey.FullScreen)):
        shortcut = QShortcut(sequence, window)
        shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        shortcut.activated.connect(lambda: (fired.append(name), window.close(), window.showMinimized()))
    target = window
    if where == "search field":
        window.open(SEARCH)
        target = window.screen_widget.field
        target.setFocus()
    QTest.keyClick(target, key, modifiers)
    assert fired == [] and window.isVisible()
    assert window.windowState() & Qt.WindowState.WindowFullScreen
    window.allow_close = True


def test_the_filter_is_what_stops_them(qtbot, make_window, settings, reader) -> None:
    from kiosk.ui.no_way_out import NoWayOutKeys

    window = make_window(settings, reader)
    fired = []
    shortcut = QShortcut(QKeySequence("Ctrl+Q"), window)
    shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
    shortcut.activated.connect(lambda: fired.append(True))
    with window.input_filters.paused():  # the kiosk's filters out: the same key now reaches the shortcut
        QTest.keyClick(window, Key.Key_Q, Mod.ControlModifier)
    assert fired == [True]
    assert any(isinstance(f, NoWayOutKeys) for f in window.input_filters._filters)


def test_ordinary_keys_still_type(qtbot, make_window, settings, reader) -> None:
    window = make_window(settings, reader)
    window.open(SEARCH)
    field = window.screen_widget.field
    field.setFocus()
    QTest.keyClicks(field, "nurse")
    QTest.keyClick(field, Key.Key_Backspace)
    assert field.text() == "nurs"


def test_a_minimised_kiosk_goes_back_to_full_screen(qtbot, make_window, settings, reader) -> None:
    window = make_window(settings, reader)
    present(window, windowed=False)
    window.showMinimized()
    qtbot.waitUntil(lambda: window.windowState() == Qt.WindowState.WindowFullScreen)


def test_a_window_on_a_desktop_may_be_minimised(qtbot, make_window, settings, reader) -> None:
    window = make_window(settings, reader)  # --windowed: a developer's desktop, not a kiosk
    present(window, windowed=True)
    window.showMinimized()
    QApplication.processEvents()  # where a kiosk's window would have gone back to full screen
    assert window.windowState() & Qt.WindowState.WindowMinimized
