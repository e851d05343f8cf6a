"""Steps within a big-pictures page, for the window: Back out of a fact or kind first, and back to it from a job."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kiosk.content.pages.page import Target

if TYPE_CHECKING:
    from kiosk.ui.window import KioskWindow


class PageSteps(QObject):
    """Follows the screen on show: its step changes move Back, speech and scanning; Back steps out before it leaves.

    It remembers the step each page was left at (a kind of a long list) for the visit, so Back from a job opens the
    list at the kind the job was chosen in; an idle reset forgets them."""

    def __init__(self, window: KioskWindow) -> None:
        super().__init__(window)
        self._window = window
        self._left_at: dict[Target, tuple[int, ...]] = {}
        self._going_back = False
        window.stack.currentChanged.connect(self._attach)
        window.idle.idle.connect(self._left_at.clear)

    def back(self) -> None:
        """The top bar's Back: a step out of a fact or kind first, then the page before."""
        step_back = getattr(self._window.screen_widget, "step_back", None)
        if step_back is not None and step_back():
            return
        self._going_back = True
        try:
            self._window.navigator.back()
        finally:
            self._going_back = False

    def _attach(self, _index: int) -> None:
        """A new screen is on show: a big-pictures one reopens the step it was left at (only on Back)."""
        screen = self._window.screen_widget
        if not hasattr(screen, "stepped"):
            return
        target = self._window.navigator.current
        path = self._left_at.pop(target, ())
        if self._going_back:
            screen.resume(path)
        screen.stepped.connect(self._stepped)
        screen.speak_now.connect(self._window.speak_page)
        self._remember(screen)

    def _stepped(self) -> None:
        """The step changed: speech stops, Back follows, switch scanning starts over on the new cells."""
        window = self._window
        screen = window.screen_widget
        if window.speaker is not None:
            window.speaker.stop()
        window.back_button.setEnabled(window.navigator.can_go_back or screen.can_step_back)
        self._remember(screen)
        if window.scanner is not None:
            window.scanner.restart()

    def _remember(self, screen) -> None:
        if screen.path:
            self._left_at[self._window.navigator.current] = screen.path
        else:
            self._left_at.pop(self._window.navigator.current, None)
