"""One fact as one big picture (or a QR code) and one or two short sentences, in type that fits the room."""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.pages.page import QrCode
from kiosk.ui.widgets.tile_words import wrapped_height

if TYPE_CHECKING:
    from kiosk.ui.renderer import PageRenderer

SENTENCE_SIZES = (46, 40, 34, 30, 26)  # design pixels, largest first: two short sentences read at arm's length
MOST_SENTENCES = 2
FACT_PICTURE_PX = 440  # design pixels: the fact's one big picture


class BigPicture(QWidget):
    """A symbol drawn as large as its room allows, centred, keeping its shape."""

    def __init__(self, picture: QPixmap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture = picture
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def picture_rect(self) -> QRectF:
        side = min(self.width(), self.height())
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(self.picture_rect().toRect(), self.picture)
        painter.end()


def large_picture(renderer: PageRenderer, text: str) -> QPixmap | None:
    """The renderer's picture for the words (the same one the cell showed), drawn at the fact view's size."""
    if not renderer.pictures or not text:
        return None
    pictured = [token for token in renderer.symbols.tokens(text) if token.symbols]
    if not pictured:
        return None
    token = next((t for t in pictured if t.pos != "descriptor"), pictured[0])  # as PageRenderer.picture chooses
    return renderer.pixmaps.get(token.symbols[0].path, renderer.theme.px(FACT_PICTURE_PX))


def sentence_groups(sentences: Sequence[str], renderer: PageRenderer, most: int = MOST_SENTENCES
                    ) -> list[tuple[str, ...]]:
    """The sentences a view at a time: one or two (`most`), as many as fit the room in the smallest type."""
    t = renderer.theme
    width, height = _text_room(renderer)
    smallest = t.font(SENTENCE_SIZES[-1])
    groups: list[tuple[str, ...]] = []
    for sentence in sentences:
        if groups and len(groups[-1]) < most and \
                wrapped_height(smallest, "\n\n".join((*groups[-1], sentence)), width) <= height:
            groups[-1] = (*groups[-1], sentence)
        else:
            groups.append((sentence,))
    return groups


def _text_room(renderer: PageRenderer) -> tuple[float, float]:
    """The room the sentences have beside the picture: about half the window's width and height."""
    t = renderer.theme
    window_height = t.scale * 1080
    return renderer.presentation.width * 0.5, window_height * 0.42


def fact_view(renderer: PageRenderer, heading: str, sentences: tuple[str, ...], picture: QPixmap | None,
              qr: QrCode | None = None) -> tuple[QWidget, list[tuple[QWidget, str]]]:
    """The picture (or QR code) on the left, the heading and sentences on the right, none cut off; with the
    parts Speak reads."""
    t = renderer.theme
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(t.px(t.margin) * 2)
    if qr is not None:
        from kiosk.ui.widgets.qr_code import QrWidget  # segno loads with the first QR code

        side = min(t.px(460), int(t.scale * 1080 * 0.45))
        row.addWidget(QrWidget(qr.data, side), 0, Qt.AlignmentFlag.AlignCenter)
    elif picture is not None:
        row.addWidget(BigPicture(picture), 4)
    words = QVBoxLayout()
    words.setSpacing(t.px(t.gap))
    width, height = _text_room(renderer)
    if picture is None and qr is None:
        width *= 1.8
    size = SENTENCE_SIZES[-1]
    for size in SENTENCE_SIZES:  # the largest type the words fit in: they shrink, never the picture
        if wrapped_height(t.font(size * 1.15, bold=True), heading, width) + \
                wrapped_height(t.font(size), "\n\n".join(sentences), width) <= height:
            break
    spoken: list[tuple[QWidget, str]] = []
    words.addStretch(1)
    for text, font in ((heading, t.font(size * 1.15, bold=True)), *((s, t.font(size)) for s in sentences)):
        if text:
            widget = plain_words(renderer, text, font)
            words.addWidget(widget)
            spoken.append((widget, text))
    words.addStretch(1)
    row.addLayout(words, 6)
    return box, spoken


def plain_words(renderer: PageRenderer, text: str, font: QFont, color: QColor | None = None) -> QWidget:
    """Words without symbols above them (the big picture says it), each heard when tapped and lit when read."""
    from kiosk.ui.widgets.symbol_text import SymbolText, plain_tokens

    widget = SymbolText(text, plain_tokens(text), renderer.theme, None, 0, font=font, color=color)
    if renderer.on_tap is not None:
        widget.word_tapped.connect(lambda i, w=widget, tap=renderer.on_tap: tap(w, i))
    return widget
