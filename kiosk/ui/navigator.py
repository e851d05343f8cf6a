"""Where the pupil has been: a history of targets, with Back, Home and a full reset."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.content.pages.page import HOME, Target

MAX_HISTORY = 50


class Navigator(QObject):
    """Keeps the trail of pages; emits `changed` with the target to show."""

    changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._trail: list[Target] = [HOME]

    @property
    def current(self) -> Target:
        return self._trail[-1]

    @property
    def can_go_back(self) -> bool:
        return len(self._trail) > 1

    def go(self, target: Target) -> None:
        if target == self.current:
            return
        if target == HOME:
            self._trail = [HOME]
        else:
            self._trail = (self._trail + [target])[-MAX_HISTORY:]
            self._trail[0] = HOME
        self.changed.emit(target)

    def back(self) -> None:
        if self.can_go_back:
            self._trail.pop()
            self.changed.emit(self.current)

    def home(self) -> None:
        self.go(HOME)

    def reset_trail(self) -> None:
        """Forget the whole trail, without showing anything (the caller redraws)."""
        self._trail = [HOME]

    def reset(self) -> None:
        """Forget the whole trail and show home, even if home is showing."""
        self.reset_trail()
        self.changed.emit(HOME)
