"""Symbol-supported text: one self-painted widget per paragraph, a symbol with each key word.

One widget that lays out and paints its own cells stays fast on long pages, where a widget per word would
not; the text is drawn as plain text, so nothing in it can be read as markup.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, NamedTuple, Sequence

from PySide6.QtCore import QElapsedTimer, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.access.tokens import SymbolToken
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.no_break import no_break_gaps

if TYPE_CHECKING:  # drawing plain words (words mode, the first screen) must not load the SVG library
    from kiosk.ui.widgets.symbol_pixmaps import SymbolPixmaps

_WORD = re.compile(r"\S+")  # a run of text between spaces
HOLD_MS = 600  # press and hold this long to choose another picture (the "change picture" button also does)
# The modified Fitzgerald key; a border style goes with each colour so colour is never the only cue.
FITZGERALD = {
    "people": ("#E0B000", Qt.PenStyle.SolidLine), "verb": ("#2E8B3E", Qt.PenStyle.DashLine),
    "descriptor": ("#2F6DB5", Qt.PenStyle.DotLine), "noun": ("#D2691E", Qt.PenStyle.SolidLine),
    "social": ("#D0569A", Qt.PenStyle.DashDotLine),
}


class Cell(NamedTuple):
    """Where one piece of text is drawn: its symbol box (empty for words without one) and its words."""

    index: int
    symbol: QRectF
    word: QRectF


class Piece(NamedTuple):
    """Text as printed (with its punctuation), where it stands, and the token that gives it a picture."""

    text: str
    start: int
    end: int
    token: int  # index into the tokens of the one with the picture, else of the first token in the piece


def plain_tokens(text: str) -> tuple[SymbolToken, ...]:
    """Words without pictures, for text shown in words mode (each word can still be highlighted)."""
    return tuple(SymbolToken(m.group(), m.start(), m.end(), "", ()) for m in _WORD.finditer(text))


def pieces(text: str, tokens: Sequence[SymbolToken]) -> list[Piece]:
    """Cut the text at its spaces, never inside a token: "£36,400," stays whole; "care worker" stays together.

    Every character of the text is printed, so prices, numbers and punctuation read exactly as written.
    """
    spans = [[m.start(), m.end()] for m in _WORD.finditer(text)]
    order = sorted(range(len(tokens)), key=lambda i: (tokens[i].start, tokens[i].end))
    # One pass over spans and tokens together (a long page has hundreds of paragraphs): a token that starts
    # before a gap between two chunks and ends after it is a phrase across a space, so the chunks join.
    merged: list[list[int]] = []
    t, reach = 0, -1
    for span in spans:
        if merged and reach > span[0]:
            merged[-1][1] = span[1]
        else:
            merged.append(span)
        while t < len(order) and tokens[order[t]].start < span[1]:
            reach = max(reach, tokens[order[t]].end)
            t += 1
    out, first = [], 0
    for a, b in merged:
        # A token ending before this piece cannot touch a later one either: the search starts past them.
        while first < len(order) and tokens[order[first]].end <= a:
            first += 1
        within, k = [], first
        while k < len(order) and tokens[order[k]].start < b:
            if tokens[order[k]].end > a:
                within.append(order[k])
            k += 1
        pictured = [i for i in within if tokens[i].symbols]
        out.append(Piece(text[a:b], a, b, min(pictured or within or [-1])))
    return out


_ADVANCES: dict[str, dict[str, float]] = {}  # font key -> text -> width: the same words recur on every page


def _advances(font: QFont, metrics: QFontMetricsF) -> Callable[[str], float]:
    """A width-of-text function for one font that remembers what it measured (for all paragraphs in that font)."""
    known = _ADVANCES.setdefault(font.key(), {})
    if len(known) > 20000:
        known.clear()  # bounded: a kiosk runs for days

    def advance(text: str) -> float:
        width = known.get(text)
        if width is None:
            width = known[text] = metrics.horizontalAdvance(text)
        return width

    return advance


def paint_negation(painter: QPainter, box: QRectF, theme: Theme) -> None:
    """Cross a symbol out, as symbol-supported text shows "not": a thick diagonal bar over the picture, with a light
    edge so it shows on a dark drawing too."""
    width = max(4.0, box.width() / 10)
    inset = box.adjusted(width / 2, width / 2, -width / 2, -width / 2)
    for colour, extra in ((QColor("#FFFFFF"), width / 2), (theme.color("warn"), 0.0)):
        pen = QPen(colour, width + extra)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(inset.topLeft(), inset.bottomRight())


class SymbolText(QWidget):
    """A paragraph as symbol cells that wrap like words; tap a cell to hear it, hold it to change its picture."""

    word_tapped = Signal(int)
    word_held = Signal(int)

    def __init__(
        self,
        text: str,
        tokens: Sequence[SymbolToken],
        theme: Theme,
        pixmaps: SymbolPixmaps | None,
        symbol_px: int,
        *,
        font: QFont | None = None,
        color: QColor | None = None,
        word_above: bool = False,
        pos_borders: bool = False,
        choices: dict[str, int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.text = text
        self.tokens = list(tokens)
        self.pieces = pieces(text, self.tokens)
        self._theme = theme
        self._pixmaps = pixmaps
        self._symbol_px = symbol_px
        self._font = font or theme.font(theme.body)
        self._color = color or theme.color("text")
        self._bold = QFont(self._font)
        self._bold.setBold(True)
        self._pictured = any(token.symbols for token in tokens)
        # Symbol cells are measured in bold so a highlighted word never overflows its picture's cell; words
        # alone are measured as printed, so they sit a natural space apart like any text.
        self._metrics = QFontMetricsF(self._bold if self._pictured else self._font)
        self._word_above = word_above
        self._pos_borders = pos_borders
        self._highlight = -1
        # concept id -> which of its pictures the pupil chose: shared by every paragraph, kept for the visit
        self._choices = choices if choices is not None else {}
        self._layout_cache: tuple[float, list[Cell], float] | None = None
        # Layouts ask heightForWidth at several widths in one pass: keep a few, and measure each piece once.
        self._layouts: dict[float, tuple[float, list[Cell], float]] = {}
        self._has_symbol = [self._symbol_of(piece) is not None for piece in self.pieces]
        # A line break in the text starts a new row: several short lines can be one widget (fewer widgets, a
        # quicker page) and still read, highlight and wrap as one paragraph.
        self._breaks = frozenset(i for i in range(1, len(self.pieces))
                                 if "\n" in text[self.pieces[i - 1].end:self.pieces[i].start])
        advance = _advances(self._bold if self._pictured else self._font, self._metrics)
        self._widths = [max(advance(piece.text), self._symbol_px if pictured else 0.0)
                        for piece, pictured in zip(self.pieces, self._has_symbol)]
        # A lone capital letter keeps to its word ("A levels", "Q and A"): a row never breaks between them, so
        # the letter is never alone at the end or the start of a line (the pieces stay apart for highlighting).
        bound = {start for start, _ in no_break_gaps(text)}
        self._glued = frozenset(i for i in range(1, len(self.pieces)) if self.pieces[i - 1].end in bound)
        self._tails = self._glued_tails()
        self._heights: dict[int, float] = {}  # width -> height, for heightForWidth
        self._press: tuple[int, QElapsedTimer] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(text)

    # -- what it shows -----------------------------------------------------------------------------------

    def set_highlight(self, index: int) -> None:
        """Outline and embolden one token (the word being spoken), or none with -1."""
        if index != self._highlight:
            self._highlight = index
            self.update()

    @property
    def highlighted(self) -> int:
        return self._highlight

    def token_at(self, offset: int) -> int:
        """The token covering a character offset of the text (for following speech), or -1."""
        for i, token in enumerate(self.tokens):
            if token.start <= offset < token.end:
                return i
        return -1


    def cell_at(self, point: QPointF) -> int:
        """The token index of the piece under a point (its picture or its words), or -1."""
        for cell in self._cells(self.width()):
            area = cell.word if cell.symbol.isEmpty() else cell.symbol.united(cell.word)
            if area.adjusted(-4, -4, 4, 4).contains(point):
                return self.pieces[cell.index].token
        return -1

    # -- layout ------------------------------------------------------------------------------------------

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        # Asked a dozen times per paragraph while a page is laid out: the height alone, without placing cells.
        height = self._heights.get(width)
        if height is None:
            if len(self._heights) >= 64:
                self._heights.clear()
            height = self._heights[width] = self._height_for(width)
        return int(height)

    def _height_for(self, width: float) -> float:
        """What _cells would make the height, by the same rules, without building the cells."""
        if not self._widths:
            return 0.0
        gap = self._theme.px(10) if self._pictured else self._metrics.horizontalAdvance(" ")
        y = x = 0.0
        pictured, words_h, line_h = False, 0.0, self._metrics.height()
        for i, (natural, has_symbol) in enumerate(zip(self._widths, self._has_symbol)):
            # The common case inline (this runs a dozen times per paragraph per page): the piece fits a line.
            cell_w, cell_h = (natural, line_h) if natural <= width else self._fit(i, width)[:2]
            if x > 0 and (i in self._breaks or self._overflows(i, x, cell_w, width, gap)):
                y += self._row_height(pictured, words_h) + gap
                x, pictured, words_h = 0.0, False, 0.0
            pictured, words_h = pictured or has_symbol, max(words_h, cell_h)
            x += cell_w + gap
        return y + self._row_height(pictured, words_h)

    def _glued_tails(self) -> dict[int, tuple[float, int]]:
        """For each piece that starts a glued run, the widths and count of the pieces glued after it."""
        tails: dict[int, tuple[float, int]] = {}
        for i in sorted(self._glued, reverse=True):
            after = tails.pop(i, (0.0, 0))
            before = tails.get(i - 1, (0.0, 0))
            tails[i - 1] = (before[0] + self._widths[i] + after[0], before[1] + 1 + after[1])
        return tails

    def _overflows(self, i: int, x: float, cell_w: float, width: float, gap: float) -> bool:
        """Whether piece i starts a new row: it, with every piece glued after it, runs past the width (a glued
        piece moves only if it alone does not fit, so a run wider than the paragraph still wraps)."""
        if i in self._glued:
            return x + cell_w > width
        tail_w, count = self._tails.get(i, (0.0, 0))
        return x + cell_w + tail_w + count * gap > width

    def _fit(self, i: int, width: float) -> tuple[float, float, int]:
        """Piece i's cell width, words height and text flags: one line, or wrapped when wider than the paragraph.

        A long job title in a narrow column wraps at its spaces; a word longer than the column breaks anywhere,
        so no text is ever cut off at the edge.
        """
        natural = self._widths[i]
        one_line = int(Qt.TextFlag.TextSingleLine)
        if width <= 0 or natural <= width:
            return natural, self._metrics.height(), one_line
        text = self.pieces[i].text
        longest = max(self._metrics.horizontalAdvance(word) for word in text.split())
        flags = int(Qt.TextFlag.TextWordWrap if longest <= width else Qt.TextFlag.TextWrapAnywhere)
        cell_w = max(width, self._symbol_px if self._has_symbol[i] else 0.0)
        words_h = self._metrics.boundingRect(QRectF(0, 0, cell_w, 1e6), flags, text).height()
        return cell_w, max(words_h, self._metrics.height()), flags

    def sizeHint(self) -> QSize:
        return QSize(self._theme.px(600), self.heightForWidth(self._theme.px(600)))

    def minimumSizeHint(self) -> QSize:
        return QSize(self._symbol_px, int(self._row_height(with_symbols=False)))

    def _row_height(self, with_symbols: bool = True, words_h: float = 0.0) -> float:
        words = max(words_h, self._metrics.height())
        return self._symbol_px + self._theme.px(6) + words if with_symbols else words

    def _symbol_of(self, piece: Piece) -> SymbolToken | None:
        token = self.tokens[piece.token] if piece.token >= 0 else None
        return token if token is not None and token.symbols else None

    def _cells(self, width: float) -> list[Cell]:
        """Lay the pieces out in rows; a row with no pictures is only as tall as its words."""
        if self._layout_cache and self._layout_cache[0] == width:
            return self._layout_cache[1]
        if width in self._layouts:
            self._layout_cache = self._layouts[width]
            return self._layout_cache[1]
        # Words alone sit a space apart, like any text; symbol cells need more room between them.
        gap = self._theme.px(10) if self._pictured else self._metrics.horizontalAdvance(" ")
        rows: list[list[tuple[int, float, float]]] = [[]]
        x = 0.0
        for i in range(len(self._widths)):
            cell_w = self._fit(i, width)[0]
            if x > 0 and (i in self._breaks or self._overflows(i, x, cell_w, width, gap)):
                rows.append([])
                x = 0.0
            rows[-1].append((i, x, cell_w))
            x += cell_w + gap
        cells, y = [], 0.0
        for row in rows:
            pictured = any(self._symbol_of(self.pieces[i]) for i, _, _ in row)
            words_h, sym_gap = max(self._fit(i, width)[1] for i, _, _ in row), self._theme.px(6)
            for i, x0, cell_w in row:
                if not pictured:
                    cells.append(Cell(i, QRectF(), QRectF(x0, y, cell_w, words_h)))
                    continue
                sym_y, word_y = (y + words_h + sym_gap, y) if self._word_above else (y, y + self._symbol_px + sym_gap)
                symbol = QRectF(x0 + (cell_w - self._symbol_px) / 2, sym_y, self._symbol_px, self._symbol_px) \
                    if self._symbol_of(self.pieces[i]) else QRectF()
                cells.append(Cell(i, symbol, QRectF(x0, word_y, cell_w, words_h)))
            y += self._row_height(pictured, words_h) + gap
        self._layout_cache = (width, cells, y - gap if cells else 0.0)
        if len(self._layouts) >= 32:
            self._layouts.clear()
        self._layouts[width] = self._layout_cache
        return cells

    def resizeEvent(self, event) -> None:  # noqa: ANN001 - Qt's event type
        super().resizeEvent(event)
        self._layout_cache = None

    # -- painting ----------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        t = self._theme
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for cell in self._cells(self.width()):
            piece = self.pieces[cell.index]
            token = self._symbol_of(piece)
            if token is not None and not cell.symbol.isEmpty():
                self._paint_symbol(painter, cell, token, piece.token)
            highlighted = self._highlight >= 0 and piece.token == self._highlight
            painter.setFont(self._bold if highlighted else self._font)
            painter.setPen(self._color)
            across = Qt.AlignmentFlag.AlignHCenter if self._pictured else Qt.AlignmentFlag.AlignLeft
            wrap = self._fit(cell.index, self.width())[2]
            painter.drawText(cell.word, int(across | Qt.AlignmentFlag.AlignVCenter) | wrap, piece.text)
            if highlighted:  # outline and bold together: colour is never the only cue
                painter.setPen(QPen(t.color("focus"), max(3, t.px(4))))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(cell.symbol.united(cell.word).adjusted(-6, -6, 6, 6), 8, 8)
        painter.end()

    def _paint_symbol(self, painter: QPainter, cell: Cell, token: SymbolToken, token_index: int) -> None:
        t = self._theme
        if t.high_contrast:  # a light plate keeps dark drawings visible on black
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#FFFFFF"))
            painter.drawRoundedRect(cell.symbol, 6, 6)
        ref = token.symbols[min(self._choices.get(token.concept_id, 0), len(token.symbols) - 1)]
        pixmap = self._pixmaps.get(ref.path, int(self._symbol_px)) if self._pixmaps is not None else None
        if pixmap is not None:
            painter.drawPixmap(cell.symbol.toRect(), pixmap)
        if token.negated:
            paint_negation(painter, cell.symbol, t)
        if self._pos_borders and token.pos in FITZGERALD:
            colour, style = FITZGERALD[token.pos]
            pen = QPen(QColor(colour), max(2, t.px(3)))
            pen.setStyle(style)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(cell.symbol.adjusted(-3, -3, 3, 3), 6, 6)

    # -- touch -------------------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.cell_at(event.position())
        timer = QElapsedTimer()
        timer.start()
        self._press = (index, timer) if index >= 0 else None
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        if press is None or self.cell_at(event.position()) != press[0]:
            return  # sliding off cancels, as it does on every button
        if press[1].elapsed() >= HOLD_MS and self.tokens[press[0]].symbols:
            self.word_held.emit(press[0])
        else:
            self.word_tapped.emit(press[0])
