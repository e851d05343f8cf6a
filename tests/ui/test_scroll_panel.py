"""Up and Down beside a page's text show only when there is more to see."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kiosk.content.pages.page import Target
from kiosk.ui.widgets.scroll_panel import ScrollPanel


def panel(window) -> ScrollPanel:
    return window.screen_widget.findChild(ScrollPanel)


def test_a_long_page_has_up_and_down_and_a_short_one_has_neither(qtbot, make_window, settings, sample_reader) -> None:
    window = make_window(settings, sample_reader, size=(1280, 800))
    window.open(Target("occupation", "nurse"))  # far more than a screenful
    long = panel(window)
    qtbot.waitUntil(lambda: long.down_button.isVisible())
    assert long.up_button.isVisible() and not long.up_button.isEnabled() and long.down_button.isEnabled()
    qtbot.mouseClick(long.down_button, Qt.MouseButton.LeftButton)
    assert long.up_button.isEnabled()
    window.open(Target("take-home", "occupation:nurse"))  # a QR code and two lines: it all fits
    short = panel(window)
    qtbot.waitUntil(lambda: short.area.isVisible())
    bar = short.area.verticalScrollBar()
    assert bar.maximum() == bar.minimum()
    assert not short.up_button.isVisible() and not short.down_button.isVisible()
