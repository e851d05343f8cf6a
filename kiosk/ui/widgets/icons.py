"""Small pictures the project draws itself, for controls that must carry a picture whatever sets are installed."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap, QPolygonF


def display_icon(size: int) -> QPixmap:
    """A framed picture with "Aa" beside it: "change how it looks"."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    frame = QRectF(size * 0.06, size * 0.18, size * 0.62, size * 0.5)
    p.setPen(QPen(QColor("#1B1F24"), max(2.0, size * 0.05)))
    p.setBrush(QColor("#FFFFFF"))
    p.drawRoundedRect(frame, size * 0.06, size * 0.06)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#E0A100"))
    p.drawEllipse(QPointF(frame.left() + frame.width() * 0.3, frame.top() + frame.height() * 0.32), size * 0.06, size * 0.06)
    p.setBrush(QColor("#2E8B3E"))
    p.drawPolygon(QPolygonF([QPointF(frame.left() + size * 0.04, frame.bottom() - size * 0.04),
                             QPointF(frame.left() + frame.width() * 0.45, frame.top() + frame.height() * 0.4),
                             QPointF(frame.right() - size * 0.04, frame.bottom() - size * 0.04)]))
    font = p.font()
    font.setPixelSize(int(size * 0.34))
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("#0B3D6E"))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawText(QRectF(size * 0.45, size * 0.52, size * 0.55, size * 0.45), int(Qt.AlignmentFlag.AlignCenter), "Aa")
    p.end()
    return QPixmap.fromImage(image)
