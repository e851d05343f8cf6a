"""The app-wide input filters (no context menus, the idle watch, switch scanning), stood aside while a page is built."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator, Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication


class AppInputFilters:
    """Event filters on the whole application that look only at input: touches, clicks, keys, context menus."""

    def __init__(self) -> None:
        self._filters: tuple[QObject, ...] = ()

    @property
    def installed(self) -> bool:
        return bool(self._filters)

    def install(self, filters: Sequence[QObject]) -> None:
        """Put the filters in (Qt asks the last installed first, as it always does)."""
        self._filters = tuple(filters)
        app = QApplication.instance()
        for watcher in self._filters:
            app.installEventFilter(watcher)

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Take the filters out while the block runs, and put them back in the same order.

        A page build posts about a thousand events (child added, polish, layout) and each would pass through every
        filter in Python, about 3 ms a page in all. The filters want input only, and no input can arrive while the
        GUI thread is busy building: it waits in the queue and meets the filters when the event loop turns.
        """
        app = QApplication.instance()
        filters = self._filters
        for watcher in filters:
            app.removeEventFilter(watcher)
        try:
            yield
        finally:
            for watcher in filters:
                app.installEventFilter(watcher)
