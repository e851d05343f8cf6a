"""A button of a segmented control (the sort control, the letter strip): the one in use is filled in."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.kiosk_button import KioskButton

TICK_PX = 26  # design pixels: the tick before the words of the segment in use


class SegmentButton(KioskButton):
    """A tile-like button shown filled (and, with `tick`, ticked) while it is the choice in use."""

    # Filled means the tile's colours swapped, so the state reads in high contrast as well as in the school's.

    def __init__(self, label: str, theme: Theme, tick: bool = True) -> None:
        super().__init__(label, theme, role="tile")
        self._tick = tick

    def tick_room(self) -> float:
        """The width the tick and its gap take before the words (0 for a segment that draws none)."""
        return self._theme.px(TICK_PX + 10) if self._tick else 0

    def words_width(self) -> float:
        """How wide the label stands on one line, for sizing a segment to its words."""
        return QFontMetricsF(self._label_font).horizontalAdvance(self.label)

    def _colours(self) -> tuple[str, str, str, str]:
        fill, text, detail, edge = super()._colours()
        if self.current and self.isEnabled() and not self.isDown():
            p = self._theme.palette
            return p.tile_text, p.tile, p.tile, p.tile_text  # filled: the tile's words colour as its ground
        return fill, text, detail, edge

    def _rooms(self, rect: QRectF) -> tuple[QRectF, QRectF | None]:
        inner, box = super()._rooms(rect)
        if self.current:
            inner.setLeft(inner.left() + self.tick_room())  # the words move over for the tick, never under it
        return inner, box

    def _draw_current(self, painter: QPainter, rect: QRectF, radius: float, fill: str) -> None:
        """A tick where the words would start (after the picture, if any); the fill itself says the rest."""
        if not self._tick:
            return
        t = self._theme
        inner, _ = super()._rooms(rect)
        side = min(t.px(TICK_PX), inner.height())
        left, top = inner.left(), inner.center().y() - side / 2
        tick = QPainterPath()
        tick.moveTo(left + side * 0.08, top + side * 0.55)
        tick.lineTo(left + side * 0.38, top + side * 0.85)
        tick.lineTo(left + side * 0.95, top + side * 0.18)
        painter.setPen(QPen(QColor(self._theme.palette.tile), max(3, t.px(5)), Qt.PenStyle.SolidLine,
                            Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(tick)
