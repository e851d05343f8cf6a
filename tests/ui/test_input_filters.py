"""The app-wide input filters stand aside while a page is built and come back, in their order, after it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.content.pages.page import Target
from kiosk.ui.input_filters import AppInputFilters


class Recorder(QObject):
    """Notes the user events it sees, in a list shared with other recorders (so their order shows)."""

    def __init__(self, name: str, seen: list[str]) -> None:
        super().__init__()
        self.name, self.seen = name, seen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.User:
            self.seen.append(self.name)
        return False


def test_paused_filters_see_nothing_and_return_in_their_order(qapp) -> None:
    seen: list[str] = []
    first, second = Recorder("first", seen), Recorder("second", seen)
    filters = AppInputFilters()
    filters.install([first, second])
    target = QWidget()
    try:
        QApplication.sendEvent(target, QEvent(QEvent.Type.User))
        assert seen == ["second", "first"]  # Qt asks the last installed first
        seen.clear()
        with filters.paused():
            QApplication.sendEvent(target, QEvent(QEvent.Type.User))
            assert seen == []
        QApplication.sendEvent(target, QEvent(QEvent.Type.User))
        assert seen == ["second", "first"] and filters.installed
    finally:
        for watcher in (first, second):
            QApplication.instance().removeEventFilter(watcher)


def test_after_page_builds_context_menus_are_still_swallowed_and_taps_still_count(qtbot, make_window, settings,
                                                                                  reader, clock) -> None:
    window = make_window(settings, reader)
    for target in (Target("sectors"), Target("occupation", "nurse"), Target("home")):
        window.open(target)
    widget = window.screen_widget
    menu = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), widget.mapToGlobal(QPoint(5, 5)))
    assert QApplication.sendEvent(widget, menu) is True  # taken by the lockdown filter, never reaching the widget
    before = window.idle._last
    clock.advance(30)
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    assert window.idle._last > before  # the idle watch saw the touch
