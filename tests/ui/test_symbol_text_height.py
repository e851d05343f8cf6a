"""A paragraph's height for a width, worked out without placing its cells, matches the cells it then paints."""

from __future__ import annotations

from kiosk.content.pages.page import Target
from kiosk.ui.session_display import Display
from kiosk.ui.widgets.symbol_text import SymbolText
from tests.ui.test_pictures import pictured  # noqa: F401 - the picture-mode window, with a test symbol set

WIDTHS = (30, 90, 240, 333, 517, 800, 1400)


def painted_height(paragraph: SymbolText, width: int) -> int:
    cells = paragraph._cells(width)
    return int(max((max(c.word.bottom(), c.symbol.bottom()) for c in cells), default=0.0))


def test_the_quick_height_is_the_painted_height_with_pictures(pictured) -> None:  # noqa: F811
    paragraphs = pictured.screen_widget.findChildren(SymbolText)
    assert any(p._pictured for p in paragraphs), "the test set gives the nurse a picture"
    for paragraph in paragraphs:
        for width in WIDTHS:
            assert paragraph.heightForWidth(width) == painted_height(paragraph, width), (paragraph.text, width)


def test_the_quick_height_is_the_painted_height_in_words(make_window, settings, sample_reader) -> None:
    window = make_window(settings, sample_reader)
    window.set_display(Display(mode="standard"))
    window.open(Target("occupation", "nurse"))
    for paragraph in window.screen_widget.findChildren(SymbolText):
        for width in WIDTHS:
            assert paragraph.heightForWidth(width) == painted_height(paragraph, width), (paragraph.text, width)
