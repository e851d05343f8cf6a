"""Counting what pupils do, anonymously: each page a pupil opens, each job looked at, and each visit's looks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kiosk.content.pages.page import Target
from kiosk.staff.usage import UsageLog

if TYPE_CHECKING:
    from kiosk.ui.window import KioskWindow


class UsageRecorder(QObject):
    """Listens to the window's navigation and idle reset and tells the usage log (which only counts in memory)."""

    def __init__(self, window: KioskWindow, usage: UsageLog) -> None:
        super().__init__(window)
        self._window = window
        self.usage = usage
        # Connected after the window's own handlers, so the page is already on show when it is counted.
        window.navigator.changed.connect(self._viewed)
        window.idle.idle.connect(self.end_visit)

    def _viewed(self, target: Target) -> None:
        page = getattr(self._window.screen_widget, "page", None)
        shown = page.target if page is not None else target
        # The kind only: a search page's key is what the pupil typed, which is never kept.
        self.usage.page_viewed(shown.kind, self._window.display.mode)
        if shown.kind == "occupation":
            self.usage.occupation_viewed(shown.key, page.title)

    def end_visit(self) -> None:
        """The pupil has gone: count the visit, and write the counts out while nobody is using the kiosk."""
        self.usage.end_visit()
        try:
            self.usage.flush()
        except Exception:  # a full or read-only disk must not disturb the kiosk; the counts stay in memory
            import logging

            logging.getLogger(__name__).exception("usage counts could not be written")
