"""A panel with a rounded border, painted directly rather than styled (style sheets slow every screen)."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.ui.theme import Theme


class Card(QWidget):
    """Holds a section of a page, or the search field, on a white rounded panel."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme

    def paintEvent(self, event: QPaintEvent) -> None:
        t = self._theme
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(t.palette.tile_edge), max(1, t.px(1.5))))
        painter.setBrush(QColor(t.palette.tile))
        radius = t.px(14)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), radius, radius)
        painter.end()


def padded_card(theme: Theme, pad: float, spacing: float) -> tuple[Card, QVBoxLayout]:
    """A card with a column laid out inside it, `pad` design pixels from its edge and `spacing` apart."""
    card = Card(theme)
    layout = QVBoxLayout(card)
    margin = theme.px(pad)
    layout.setContentsMargins(margin, margin, margin, margin)
    layout.setSpacing(theme.px(spacing))
    return card, layout
