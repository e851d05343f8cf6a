"""The tour's manifest reads words cut off, scrolling and the smallest target from the live widgets."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

from kiosk.tour_manifest import _buttons, _cut_off, _scrolls, _smallest
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.kiosk_button import KioskButton
from kiosk.ui.widgets.symbol_text import SymbolText, plain_tokens


def test_words_that_do_not_fit_their_box_are_named_and_words_that_fit_are_not(qtbot) -> None:
    t = Theme.for_height(1080)
    box = QWidget()  # children placed by hand: a layout would give the window a size constraint
    qtbot.addWidget(box)
    box.resize(900, 700)
    long = "Apprenticeship evening for students, parents, carers and anybody else who wants to come along"
    squeezed, roomy = KioskButton(long, t), KioskButton("Words", t)
    text = "A paragraph far too long for the little box it has been given on this screen"
    short_text = SymbolText(text, plain_tokens(text), t, None, 0, font=t.font(t.body))
    label = QLabel("Fits")
    places = [(squeezed, (0, 0, t.min_target * 2, t.min_target)), (roomy, (0, 150, 400, 150)),
              (short_text, (0, 320, 200, 20)), (label, (0, 400, 300, 60))]  # the paragraph runs past its bottom
    for widget, (x, y, w, h) in places:
        widget.setParent(box)
        widget.setGeometry(x, y, w, h)
    box.show()
    qtbot.waitExposed(box)
    assert _cut_off(box, box) == [long, text]
    assert _smallest(_buttons(box, box)) == {"label": long, "width": t.min_target * 2, "height": t.min_target}


def test_a_scroll_area_scrolls_only_when_its_content_is_bigger_than_its_view(qtbot) -> None:
    area = QScrollArea()
    qtbot.addWidget(area)
    inside = QWidget()
    inside.setFixedSize(100, 100)
    area.setWidget(inside)
    area.resize(300, 300)
    area.show()
    qtbot.waitExposed(area)
    assert not _scrolls(area)
    inside.setFixedSize(100, 2000)
    qtbot.waitUntil(lambda: _scrolls(area))
