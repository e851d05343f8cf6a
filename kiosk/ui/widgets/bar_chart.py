"""A bar chart simple enough for a 12-year-old: a few labelled bars, the value written on each; one thing against
another (this job and all jobs) as short bars drawn across."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.content.pages.page import BarChart
from kiosk.ui.theme import Theme


class BarChartWidget(QWidget):
    """Paints one BarChart: bars from a zero baseline, the value above each bar and the year below (or, for a chart
    `across`, a row per bar: its label, the bar and its value)."""

    def __init__(self, chart: BarChart, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self._theme = theme
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self._height())
        self.setAccessibleName(f"{chart.title}. {chart.headline}")

    def _height(self) -> int:
        t = self._theme
        if self.chart.across:
            return len(self.chart.bars) * (self._row_height() + t.px(8))
        return t.px(300)

    def _row_height(self) -> int:
        t = self._theme
        return QFontMetrics(t.font(t.small, bold=True)).height() + t.px(12)

    def sizeHint(self) -> QSize:
        return QSize(self._theme.px(640), self._height())

    def paintEvent(self, event: QPaintEvent) -> None:
        t = self._theme
        bars = self.chart.bars
        if not bars:
            return
        if self.chart.across:
            self._paint_across()
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

    def _paint_across(self) -> None:
        """A row per bar: the label at the left, the bar from a shared start, its value just after its end."""
        t, bars = self._theme, self.chart.bars
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        label_font, value_font = t.font(t.small), t.font(t.small, bold=True)
        label_w = max(QFontMetrics(label_font).horizontalAdvance(b.label) for b in bars) + t.px(16)
        value_w = max(QFontMetrics(value_font).horizontalAdvance(b.value_text) for b in bars) + t.px(16)
        room = max(1.0, self.width() - label_w - value_w - t.px(4))
        top = max(b.value for b in bars) or 1.0
        row_h = self._row_height()
        for i, bar in enumerate(bars):
            y = i * (row_h + t.px(8))
            length = room * max(0.0, bar.value) / top
            painter.setPen(t.color("text"))
            painter.setFont(label_font)
            painter.drawText(QRectF(0, y, label_w - t.px(12), row_h),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), bar.label)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(t.color("chart_last" if i == len(bars) - 1 else "chart_bar"))
            painter.drawRoundedRect(QRectF(label_w, y, length, row_h), t.px(6), t.px(6))
            painter.setPen(t.color("text"))
            painter.setFont(value_font)
            painter.drawText(QRectF(label_w + length + t.px(8), y, value_w, row_h),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), bar.value_text)
        painter.setPen(QPen(t.color("muted"), max(2, t.px(2))))  # the shared start: bars are measured from it
        painter.drawLine(QPointF(label_w, 0), QPointF(label_w, self.height()))
        painter.end()
