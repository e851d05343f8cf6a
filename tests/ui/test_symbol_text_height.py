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


def test_text_wider_than_its_column_wraps_inside_it_and_is_never_cut_off(qtbot) -> None:
    from PySide6.QtCore import QRectF

    from kiosk.access.tokens import SymbolToken
    from kiosk.ui.theme import Theme
    from kiosk.ui.widgets.symbol_text import plain_tokens

    theme = Theme.for_height(1080)
    title = "Administrative assistant"
    phrase = (SymbolToken(title, 0, len(title), "", ()),)  # one piece, as a job title with one picture is
    unbroken = "Z" * 300  # a "word" longer than any column
    sentence = "Nurse and " + title
    for text, tokens in ((title, phrase), (unbroken, plain_tokens(unbroken)), (sentence, plain_tokens(sentence))):
        paragraph = SymbolText(text, tokens, theme, None, 0, font=theme.font(theme.heading, bold=True))
        qtbot.addWidget(paragraph)
        for width in (120, 200, 400):
            cells = paragraph._cells(width)
            for cell in cells:
                assert cell.word.right() <= width + 0.5, (text, width, cell)
                flags = paragraph._fit(cell.index, width)[2]
                room = QRectF(0, 0, cell.word.width(), 1e6)
                needed = paragraph._metrics.boundingRect(room, flags, paragraph.pieces[cell.index].text)
                assert needed.width() <= cell.word.width() + 0.5 and needed.height() <= cell.word.height() + 0.5
            assert paragraph.heightForWidth(width) == painted_height(paragraph, width), (text, width)
        assert paragraph.heightForWidth(120) > paragraph.heightForWidth(400)  # the narrow column is taller


def test_a_line_break_starts_a_new_row_at_any_width(qtbot) -> None:
    from kiosk.ui.theme import Theme
    from kiosk.ui.widgets.symbol_text import plain_tokens

    theme = Theme.for_height(1080)
    text = "£700 a week\nThat is about £36,400 a year\n(UK, 2024)"
    paragraph = SymbolText(text, plain_tokens(text), theme, None, 0, font=theme.font(theme.body))
    qtbot.addWidget(paragraph)
    for width in (2000, 400, 150):
        cells = paragraph._cells(width)
        starts = {paragraph.pieces[c.index].text: c.word for c in cells}
        assert starts["That"].left() == 0 and starts["(UK,"].left() == 0  # each line begins a row
        assert starts["That"].top() > starts["£700"].top() and starts["(UK,"].top() > starts["That"].top()
        assert paragraph.heightForWidth(width) == painted_height(paragraph, width)
    rows = {round(c.word.top()) for c in paragraph._cells(2000)}
    assert len(rows) == 3  # wide enough for one row, it still keeps its three lines
