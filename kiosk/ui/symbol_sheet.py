"""The careers sheet for the picture modes: short sentences in big type with a symbol above each key word, cut
into words and pictured exactly as picture mode shows them on screen (the same symboliser and symbol files)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, NamedTuple, Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPixmap

from kiosk.access.tokens import SymbolToken
from kiosk.content.pages.careers_sheet import CONTACT_HEADING, NEXT_STEPS_HEADING, SheetEntry, SheetFooter
from kiosk.ui.sheet_paper import MM, Paper, font
from kiosk.ui.widgets.qr_code import paint_qr, qr_modules_or_none
from kiosk.ui.widgets.symbol_text import pieces

SYMBOL_MM = 13  # a symbol a pupil can make out at arm's length, about the size picture mode's are on screen
WORDS_PT, TITLE_PT, HEADING_PT = 14, 24, 18
QR_MM = 36


class SheetPictures(NamedTuple):
    """What the symbol sheet needs from picture mode: a sentence's symbol tokens, and a symbol file as a picture."""

    tokens: Callable[[str], Sequence[SymbolToken]]
    pixmap: Callable[[Path, int], QPixmap | None]


class _Cell(NamedTuple):
    text: str
    x: float
    width: float
    symbol: Path | None


def draw_symbol_sheet(paper: Paper, entries: Sequence[SheetEntry], footer: SheetFooter,
                      pictures: SheetPictures) -> None:
    """Each kept item as its title, QR code and symbol-supported sentences, then the school's next steps."""
    title_font = font(TITLE_PT, bold=True)
    qr_side = QR_MM * MM
    for entry in entries:
        code = qr_modules_or_none(entry.link) if entry.link else None
        width = paper.width - (qr_side + 6 * MM if code else 0)
        rows = [symbol_rows(paper, line, pictures, width) for line in entry.easy if line]
        heights = [sum(h for _, h in r) for r in rows]
        whole = max(paper.measure(entry.title, title_font, width) + sum(heights), qr_side if code else 0)
        # As on the words sheet: a short item kept whole, a long one started here with its title and first line.
        paper.keep(whole if whole <= paper.bottom / 2 else paper.measure(entry.title, title_font, width) + heights[0])
        top, page = paper.y, paper.pages
        paper.y += paper.text(entry.title, title_font, 0, width)
        if code:
            paint_qr(paper.painter, code, paper.width - qr_side, top, qr_side)
        for sentence in rows:
            _draw_rows(paper, sentence, pictures)
        if code and paper.pages == page:  # the next item starts below the code, not beside it
            paper.y = max(paper.y, top + qr_side)
        paper.y += 8 * MM
    for heading, words in ((NEXT_STEPS_HEADING, footer.next_steps), (CONTACT_HEADING, footer.contact)):
        rows = symbol_rows(paper, words, pictures, paper.width)
        paper.keep(paper.measure(heading, font(HEADING_PT, bold=True), paper.width) + rows[0][1])
        paper.line(heading, font(HEADING_PT, bold=True))
        _draw_rows(paper, rows, pictures)
        paper.y += 4 * MM


def symbol_rows(paper: Paper, text: str, pictures: SheetPictures,
                width: float) -> list[tuple[list[_Cell], float]]:
    """The sentence cut into words (a phrase such as "care worker" stays whole) laid out in rows to `width`, each
    cell as wide as its word or its symbol; every row with its height."""
    tokens = list(pictures.tokens(text))
    metrics = QFontMetricsF(font(WORDS_PT, bold=True), paper.device)
    side, gap = SYMBOL_MM * MM, 3 * MM
    rows: list[list[_Cell]] = [[]]
    x = 0.0
    for piece in pieces(text, tokens):
        token = tokens[piece.token] if 0 <= piece.token < len(tokens) else None
        # A turned-around word ("not") is drawn crossed out on screen; on paper it simply has no picture.
        symbol = token.symbols[0].path if token is not None and token.symbols and not token.negated else None
        cell_width = max(metrics.horizontalAdvance(piece.text), side if symbol else 0.0)
        if x > 0 and x + cell_width > width:
            rows.append([])
            x = 0.0
        rows[-1].append(_Cell(piece.text, x, cell_width, symbol))
        x += cell_width + gap
    words_height = metrics.height()
    return [(row, words_height + (side + 1 * MM if any(c.symbol for c in row) else 0) + 2 * MM) for row in rows]


def _draw_rows(paper: Paper, rows: list[tuple[list[_Cell], float]], pictures: SheetPictures) -> None:
    side = SYMBOL_MM * MM
    words = font(WORDS_PT)
    for row, height in rows:
        paper.keep(height)
        pictured = any(c.symbol for c in row)
        word_y = paper.y + (side + 1 * MM if pictured else 0)
        for cell in row:
            if cell.symbol is not None:
                pixmap = pictures.pixmap(cell.symbol, round(side))
                if pixmap is not None:
                    paper.painter.drawPixmap(QRectF(cell.x + (cell.width - side) / 2, paper.y, side, side),
                                             pixmap, QRectF(pixmap.rect()))
            paper.painter.setFont(words)
            across = Qt.AlignmentFlag.AlignHCenter if pictured else Qt.AlignmentFlag.AlignLeft
            paper.painter.drawText(QRectF(cell.x, word_y, cell.width, height - (word_y - paper.y)),
                                   int(across | Qt.AlignmentFlag.AlignTop), cell.text)
        paper.y += height
    paper.y += 2 * MM
