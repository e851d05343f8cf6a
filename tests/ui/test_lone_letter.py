"""A lone "A" never wraps onto a line of its own (issue 15, part 9): in tile titles and in page titles and
headings, "A levels", "A to Z", "Q and A" and a leading "A " keep together at every width; the words are unchanged."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF, QTextLayout, QTextOption

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.kiosk_button import KioskButton
from kiosk.ui.widgets.no_break import NBSP, bound, no_break_gaps
from kiosk.ui.widgets.symbol_text import SymbolText, plain_tokens
from kiosk.ui.widgets.tile_words import longest_word

TITLES = ["Careers in the NHS: talk and Q and A", "A levels or T levels: which is for me?", "Jobs A to Z",
          "A day in the life of a nurse", "What A level subjects do you need?", "Plan A, plan B"]


def lines_of(text: str, font, width: float) -> list[str]:
    """The lines Qt breaks text into at a width, as a tile paints it (word wrap)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    lines = []
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(text[line.textStart(): line.textStart() + line.textLength()])
    layout.endLayout()
    return [line.replace(NBSP, " ").strip() for line in lines]


def lone_letter_breaks(lines: list[str]) -> list[str]:
    """Lines that are a lone letter, or end with one (a break just after it)."""
    bad = []
    for i, line in enumerate(lines):
        words = line.split()
        if not words:
            continue
        if len(words) == 1 and len(words[0].strip(",.?:")) == 1:
            bad.append(line)
        elif i < len(lines) - 1 and len(words[-1]) == 1 and words[-1].isalpha():
            bad.append(line)
    return bad


def test_the_gaps_bound_are_those_by_a_lone_capital_letter() -> None:
    assert bound("A levels and T levels") == f"A{NBSP}levels and T{NBSP}levels"
    assert bound("Jobs A to Z") == f"Jobs A{NBSP}to{NBSP}Z"
    assert bound("talk and Q and A") == f"talk and Q{NBSP}and{NBSP}A"
    assert bound("Plan A, plan B") == f"Plan{NBSP}A, plan{NBSP}B"
    assert bound("Nurses and carers") == "Nurses and carers" and no_break_gaps("") == []
    assert bound("a day in the life of a nurse") == f"a{NBSP}day in the life of a{NBSP}nurse"
    assert bound("Line one\nA levels") == f"Line one\nA{NBSP}levels"  # a written line break stays


@pytest.mark.parametrize("title", TITLES)
def test_a_tile_title_never_breaks_after_a_lone_a(qtbot, title) -> None:
    theme = Theme.for_height(1080)
    tile = KioskButton(title, theme)
    qtbot.addWidget(tile)
    assert tile.label == title and tile.accessibleName() == title  # speech and search keep the words as written
    font = tile._label_font
    widest = QFontMetricsF(font).horizontalAdvance(title)
    unbound_bad = 0
    # From the widest group that must stay whole: narrower, a word is broken anywhere (the tile says so with "…").
    for width in range(int(longest_word(font, bound(title))) + 1, int(widest) + 20, 6):
        words = tile.text_layout(QRectF(0, 0, width, 2000))
        assert lone_letter_breaks(lines_of(words.label, words.font, width)) == [], (title, width)
        unbound_bad += bool(lone_letter_breaks(lines_of(title, font, width)))
    assert unbound_bad  # the same title unbound would have broken there: the widths tested reach the case


@pytest.mark.parametrize("title", TITLES)
def test_a_page_title_never_breaks_after_a_lone_a(qtbot, title) -> None:
    theme = Theme.for_height(1080)
    label = SymbolText(title, plain_tokens(title), theme, None, 0, font=theme.font(theme.title, bold=True))
    qtbot.addWidget(label)
    assert label.text == title
    metrics = QFontMetricsF(label._font)
    widest = metrics.horizontalAdvance(title)
    for width in range(int(longest_word(label._font, bound(title))) + 1, int(widest) + 20, 6):
        rows: dict[float, list[str]] = {}
        for cell in label._cells(width):
            rows.setdefault(cell.word.top(), []).append(label.pieces[cell.index].text)
        lines = [" ".join(row) for _, row in sorted(rows.items())]
        assert lone_letter_breaks(lines) == [], (title, width, lines)
        assert label._height_for(width) == pytest.approx(label._layout_cache[2], abs=0.5)  # measured as laid out
