"""One big-picture cell: a symbol over half the cell's height that never shrinks, and a short label under it."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.tile_pictures import TilePicture
from kiosk.ui.widgets.kiosk_button import KioskButton
from kiosk.ui.widgets.tile_words import TYPE_STEPS, WRAP, fit_label, wrapped_height

SYMBOL_SHARE = 0.58  # of the cell's height: Grid 3's cells are mostly picture (the issue asks at least 40%)
ONE_LINE = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)


class BigCell(KioskButton):
    """A tappable cell of the big-pictures grid: its picture, its label and a short second line (a date, a shelf)."""

    def __init__(self, label: str, theme: Theme, detail: str = "", picture: QPixmap | None = None,
                 detail_icon: QPixmap | None = None, parent: QWidget | None = None, *,
                 chosen: TilePicture | None = None) -> None:
        super().__init__(label, theme, detail, role="tile", picture=picture, parent=parent)
        if chosen is not None and picture is not None:  # which symbol it is, for the tour's manifest and tests
            self.set_content(label, detail, picture, concept=chosen.concept, symbol=chosen.path)
        self._detail_icon = detail_icon  # a calendar beside an event's date
        self._label_font = theme.font(36, bold=True)
        self._detail_font = theme.font(26)

    def symbol_rect(self) -> QRectF | None:
        """Where the symbol is drawn (None for a cell without one): its size depends on the cell, not the words."""
        if self._picture is None:
            return None
        inner = self._inner()
        side = min(self.height() * SYMBOL_SHARE, inner.width())
        return QRectF(inner.center().x() - side / 2, inner.top(), side, side)

    def words_layout(self) -> tuple[QFont, str, int, float, float]:
        """The label's font, words and flags, its height, and the detail line's height (0: left out)."""
        inner = self._inner()
        symbol = self.symbol_rect()
        room = QRectF(inner)
        if symbol is not None:
            room.setTop(symbol.bottom() + self._theme.px(6))
        detail_h = 0.0
        if self._detail:
            detail_h = QFontMetricsF(self._detail_font).height() * (1 if symbol is not None else 2)
            if QFontMetricsF(self._label_font).height() * TYPE_STEPS[-1] + detail_h > room.height():
                detail_h = 0.0  # the label matters more than its second line
        font, text, flags = fit_shrink_first(self._label_font, self._label, room.width(), room.height() - detail_h)
        return font, text, flags, wrapped_height(font, text, room.width(), flags), detail_h

    def _inner(self) -> QRectF:
        pad = self._theme.px(14)
        return QRectF(self.rect()).adjusted(pad, pad, -pad, -pad)

    def paintEvent(self, event: QPaintEvent) -> None:
        t = self._theme
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        _, fill, text, detail = self.paint_frame(painter, radius=18, edge=3, ring=7, inset=4)
        symbol = self.symbol_rect()
        if symbol is not None:
            if QColor(fill).lightness() < 128:  # a light plate keeps dark drawings visible on dark ground
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor("#FFFFFF"))
                painter.drawRoundedRect(symbol.adjusted(-4, -4, 4, 4), 8, 8)
            painter.drawPixmap(symbol.toRect(), self._picture)
        font, words, flags, label_h, detail_h = self.words_layout()
        inner = self._inner()
        top = symbol.bottom() + t.px(6) if symbol is not None else inner.top()
        free = inner.bottom() - top - label_h - detail_h
        top += max(0.0, free / 2)
        painter.setFont(font)
        painter.setPen(QColor(text))
        painter.drawText(QRectF(inner.left(), top, inner.width(), label_h), flags, words)
        if detail_h:
            self._draw_detail(painter, QRectF(inner.left(), top + label_h, inner.width(), detail_h), detail)
        painter.end()

    def _draw_detail(self, painter: QPainter, room: QRectF, colour: str) -> None:
        """The second line, with its small icon (a calendar) in front of it when it has one."""
        metrics = QFontMetricsF(self._detail_font)
        text = metrics.elidedText(self._detail, Qt.TextElideMode.ElideRight, room.width())
        if room.height() >= 2 * metrics.height():
            text, flags = self._detail, WRAP
        else:
            flags = ONE_LINE
        icon = self._detail_icon
        if icon is not None and flags == ONE_LINE:
            side = metrics.height() * 1.1
            width = side + self._theme.px(8) + metrics.horizontalAdvance(text)
            left = room.center().x() - min(width, room.width()) / 2
            painter.drawPixmap(QRectF(left, room.center().y() - side / 2, side, side).toRect(), icon)
            room = QRectF(left + side + self._theme.px(8), room.top(), room.right() - left - side, room.height())
            text = metrics.elidedText(self._detail, Qt.TextElideMode.ElideRight, room.width())
            flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.setFont(self._detail_font)
        painter.setPen(QColor(colour))
        painter.drawText(room, flags, text)


def fit_shrink_first(font: QFont, label: str, width: float, height: float) -> tuple[QFont, str, int]:
    """A label on one line in smaller type if that fits, else wrapped (then smaller, then cut): never the symbol."""
    fitted = QFont(font)
    for step in TYPE_STEPS:
        fitted.setPixelSize(max(1, round(font.pixelSize() * step)))
        metrics = QFontMetricsF(fitted)
        if metrics.horizontalAdvance(label) <= width and metrics.height() <= height + 0.5:
            return QFont(fitted), label, ONE_LINE
    return fit_label(font, label, width, height)
