"""No keyboard way out of the kiosk: the keys that close, quit, leave full screen or cancel are swallowed, and a
minimised kiosk goes straight back to full screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

Key, Mod = Qt.Key, Qt.KeyboardModifier
# Whatever the modifiers: Escape (cancel, leave full screen) and F11 (full screen on most desktops).
ANY_MODIFIERS = {Key.Key_Escape, Key.Key_F11}
# With Ctrl or Alt: F4 (close window or tab), Q (quit), W (close).
WITH_CTRL_OR_ALT = {Key.Key_F4, Key.Key_Q, Key.Key_W}
WITH_ALT = {Key.Key_Return, Key.Key_Enter}  # full screen on and off in many programs
STANDARD = (QKeySequence.StandardKey.Quit, QKeySequence.StandardKey.Close, QKeySequence.StandardKey.FullScreen,
            QKeySequence.StandardKey.Cancel)


def is_way_out(event: QKeyEvent) -> bool:
    """Whether a key would close, quit or shrink a window on some desktop (and so never reaches one in the kiosk)."""
    key = Key(event.key())
    if key in ANY_MODIFIERS:
        return True
    if key in WITH_CTRL_OR_ALT and event.modifiers() & (Mod.ControlModifier | Mod.AltModifier):
        return True
    if key in WITH_ALT and event.modifiers() & Mod.AltModifier:
        return True
    return any(event.matches(standard) for standard in STANDARD)


class NoWayOutKeys(QObject):
    """An application event filter: a way-out key is taken before any shortcut or widget can act on it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.KeyRelease) and is_way_out(event):
            event.accept()  # an accepted override means no shortcut fires; the key press that follows is dropped
            return True
        return False


class KeepFullScreen(QObject):
    """On the kiosk window: a minimise request (a desktop's shortcut, a stray gesture) is undone at once."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.WindowStateChange:
            return False
        if self._window.windowState() & Qt.WindowState.WindowMinimized:
            # Only minimising is undone: under cage the window may be maximised rather than full screen, and
            # arguing with the compositor over that would loop.
            QTimer.singleShot(0, self._window, self._window.showFullScreen)
        return False
