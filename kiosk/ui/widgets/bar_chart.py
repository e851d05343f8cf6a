"""A bar chart simple enough for a 12-year-old: a few labelled bars, the value written on each."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.content.pages.page import BarChart
from kiosk.ui.theme import Theme


class BarChartWidget(QWidget):
    """Paints one BarChart: bars from a zero baseline, the value above each bar and the year below."""

    def __init__(self, chart: BarChart, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self._theme = theme
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(theme.px(300))
        self.setAccessibleName(f"{chart.title}. {chart.headline}")

    def sizeHint(self) -> QSize:
        return QSize(self._theme.px(640), self._theme.px(300))

    def paintEvent(self, event: QPaintEvent) -> None:
        t = self._theme
        bars = self.chart.bars
        if not bars:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        value_font, label_font = t.font(t.small, bold=True), t.font(t.small)
        label_h = QFontMetrics(label_font).height() + t.px(10)
        value_h = QFontMetrics(value_font).height() + t.px(6)
        area = QRectF(self.rect()).adjusted(t.px(4), value_h, -t.px(4), -label_h)
        top = max(b.value for b in bars) or 1.0
        slot = area.width() / len(bars)
        bar_w = slot * 0.62
        for i, bar in enumerate(bars):
            h = area.height() * (bar.value / top)
            x = area.left() + i * slot + (slot - bar_w) / 2
            rect = QRectF(x, area.bottom() - h, bar_w, h)
            last = i == len(bars) - 1
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(t.color("chart_last" if last else "chart_bar"))
            painter.drawRoundedRect(rect, t.px(6), t.px(6))
            painter.setPen(t.color("text"))
            painter.setFont(value_font)
            painter.drawText(
                QRectF(area.left() + i * slot, rect.top() - value_h, slot, value_h),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), bar.value_text,
            )
            painter.setFont(label_font)
            painter.drawText(
                QRectF(area.left() + i * slot, area.bottom() + t.px(6), slot, label_h),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), bar.label,
            )
        painter.setPen(QPen(t.color("muted"), max(2, t.px(2))))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.end()
