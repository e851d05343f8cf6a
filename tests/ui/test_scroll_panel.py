"""Up and Down beside a page's text show only when there is more to see."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kiosk.content.pages.page import Target
from kiosk.ui.widgets.scroll_panel import ScrollPanel


def panel(window) -> ScrollPanel:
    return window.screen_widget.findChild(ScrollPanel)


def shown_long_page(qtbot, make_window, settings, sample_reader) -> ScrollPanel:
    """The nurse's page (far more than a screenful) on a shown window, its Up and Down in place."""
    window = make_window(settings, sample_reader, size=(1280, 800))
    window.show()
    qtbot.waitExposed(window)
    window.open(Target("occupation", "nurse"))
    long = panel(window)
    qtbot.waitUntil(lambda: long.down_button.isVisible())
    return long


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


def test_a_finger_drags_a_long_page_up_and_the_buttons_stay(qtbot, make_window, settings, sample_reader) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    long = shown_long_page(qtbot, make_window, settings, sample_reader)
    bar = long.area.verticalScrollBar()
    assert bar.value() == 0
    viewport = long.area.viewport()
    finger = QTest.createTouchDevice()
    start = viewport.rect().center() + QPoint(0, viewport.height() // 4)
    touch = QTest.touchEvent(viewport, finger)
    touch.press(0, start, viewport).commit()
    for step in range(1, 11):  # a finger drawn up the screen, a little at a time, as a real drag arrives
        touch.move(0, start - QPoint(0, 30 * step), viewport).commit()
    touch.release(0, start - QPoint(0, 300), viewport).commit()
    qtbot.waitUntil(lambda: bar.value() > 100)  # the text went up with the finger
    assert long.up_button.isVisible() and long.up_button.isEnabled()  # the buttons stay for switch users


def test_a_finger_tap_on_a_word_in_a_scrolling_page_is_still_a_tap(qtbot, make_window, settings,
                                                                   sample_reader) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtTest import QTest

    from kiosk.ui.widgets.symbol_text import SymbolText

    long = shown_long_page(qtbot, make_window, settings, sample_reader)
    text = next(w for w in long.area.widget().findChildren(SymbolText) if w.isVisible() and w.tokens)
    spot = next(QPointF(x, y) for y in range(2, text.height(), 4) for x in range(2, text.width(), 4)
                if text.cell_at(QPointF(x, y)) >= 0)
    where = text.mapTo(long.area.viewport(), spot.toPoint())
    finger = QTest.createTouchDevice()
    with qtbot.waitSignal(text.word_tapped, timeout=2000) as tapped:
        QTest.touchEvent(long.area.viewport(), finger).press(0, where, long.area.viewport()).commit()
        QTest.touchEvent(long.area.viewport(), finger).release(0, where, long.area.viewport()).commit()
    assert tapped.args == [text.cell_at(spot)]
