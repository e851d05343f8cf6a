"""The search box's hint cannot be taken for typed words (issue 15, part 9): grey, thin and sloping where typed
words are dark and bold, and gone as soon as a letter is typed."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QPalette

from kiosk.content.pages.page import SEARCH
from kiosk.ui.session_display import Display
from tests.ui.test_theme import contrast


def colours_in(widget) -> Counter:
    """How many pixels of each colour the widget paints (its caret aside: the field is not focused)."""
    widget.clearFocus()
    image = widget.grab().toImage()
    return Counter(image.pixel(x, y) for x in range(image.width()) for y in range(image.height()))


@pytest.mark.parametrize("high_contrast", [False, True], ids=["words", "high-contrast"])
def test_the_hint_looks_unlike_typed_words_and_typing_replaces_it(qtbot, make_window, settings, reader,
                                                                  high_contrast) -> None:
    window = make_window(settings, reader)
    window.set_display(Display(high_contrast=high_contrast))
    window.open(SEARCH)
    screen = window.screen_widget
    field = screen.field
    palette = field.palette()
    hint = palette.color(QPalette.ColorRole.PlaceholderText)
    typed = palette.color(QPalette.ColorRole.Text)
    ground = palette.color(QPalette.ColorRole.Base).name()
    # A different colour, fainter than typed words but still easy to read; and a different style of letter.
    assert hint != typed and contrast(hint.name(), ground) < contrast(typed.name(), ground)
    assert contrast(hint.name(), ground) >= (7.0 if high_contrast else 4.5)
    assert field.text() == "" and field.placeholderText()
    assert field.font().italic() and not field.font().bold()
    empty = colours_in(field)
    assert empty[hint.rgb()] > 200 and empty[typed.rgb()] == 0  # the hint is drawn, and nothing in the typed colour

    for letter in "NURSE":
        screen.keyboard.keys[letter].click()
    qtbot.waitUntil(lambda: field.text().lower() == "nurse")
    assert field.font().bold() and not field.font().italic()
    full = colours_in(field)
    # The typed word replaced the hint (a grey hint may match a few soft edges of white letters, no more).
    assert full[typed.rgb()] > 200 and full[hint.rgb()] < full[typed.rgb()] / 4

    screen.keyboard.cleared.emit()
    qtbot.waitUntil(lambda: field.text() == "")
    assert field.font().italic() and colours_in(field)[hint.rgb()] > 200  # cleared: the hint is back

