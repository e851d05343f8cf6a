"""A compare table laid out: jobs as columns, in words and picture modes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPolygonF
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.pages.page import CompareCell, CompareColumn, CompareTable
from kiosk.ui.theme import Theme

if TYPE_CHECKING:
    from kiosk.ui.renderer import PageRenderer


class TrendArrow(QWidget):
    """A small arrow beside a change in jobs: up (growing), down (shrinking) or level; colour is never the only cue."""

    def __init__(self, trend: str, theme: Theme, parent: QWidget | None = None, side: int = 44) -> None:
        super().__init__(parent)
        self.trend = trend
        self._theme = theme
        self._side = side  # design pixels
        self.setFixedSize(self.sizeHint())

    def sizeHint(self) -> QSize:
        return QSize(self._theme.px(self._side), self._theme.px(self._side))

    def paintEvent(self, event: QPaintEvent) -> None:
        t, w, h = self._theme, float(self.width()), float(self.height())
        m = t.px(4)
        points = {
            "up": [(w / 2, m), (w - m, h - m), (m, h - m)],
            "down": [(m, m), (w - m, m), (w / 2, h - m)],
        }.get(self.trend, [(m, m), (w - m, h / 2), (m, h - m)])
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(t.color({"up": "accent", "down": "warn"}.get(self.trend, "muted")))
        painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
        painter.end()


def compare_table_widget(renderer: PageRenderer, table: CompareTable) -> QWidget:
    """The table, jobs as columns; every text goes through the renderer (symbols, speech). Big pictures shows
    compare as cards instead (kiosk/ui/big_pictures/compare_cards.py)."""
    return _side_by_side(renderer, table)


class CompareCellWidget(QWidget):
    """One cell: its first line in bold (with the trend arrow, if any), a short bar for a figure, the rest as small
    lines under it."""

    def __init__(self, renderer: PageRenderer, cell: CompareCell, share: float | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        t = renderer.theme
        self.lines = cell.lines or ("Not known",)  # an empty cell says so, never shows a blank
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(t.px(1))
        if cell.value is None and not cell.trend and len(self.lines) > 1:  # a list (ways in, skills): all small
            layout.addWidget(renderer.text("\n".join(self.lines), t.font(t.small), boost=0.6))
            layout.addStretch(1)
            return
        first = renderer.text(self.lines[0], t.font(t.body, bold=True), boost=0.7)
        if cell.trend:
            row = QHBoxLayout()
            row.setSpacing(t.px(8))
            row.addWidget(TrendArrow(cell.trend, t, side=32), 0, Qt.AlignmentFlag.AlignVCenter)
            row.addWidget(first, 1)
            layout.addLayout(row)
        else:
            layout.addWidget(first)
        if share is not None:
            layout.addWidget(CellBar(share, t))
        if len(self.lines) > 1:  # the rest is detail: smaller, so a column's five rows fit one screen
            layout.addWidget(renderer.text("\n".join(self.lines[1:]), t.font(t.small), boost=0.6))
        if cell.source:  # pages that name their sources once leave this empty
            layout.addWidget(renderer.small_print(cell.source))
        layout.addStretch(1)


class CellBar(QWidget):
    """A short bar under a figure, as long as its share of the biggest in its row: the jobs at a glance."""

    def __init__(self, share: float, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.share = max(0.0, min(1.0, share))
        self._theme = theme
        self.setFixedHeight(theme.px(10))

    def paintEvent(self, event: QPaintEvent) -> None:
        t = self._theme
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(t.color("chart_bar"))
        painter.drawRoundedRect(QRectF(0, 0, max(t.px(4), self.width() * 0.9 * self.share), self.height()),
                                t.px(4), t.px(4))
        painter.end()


def _shares(table: CompareTable, row: int) -> list[float | None]:
    """Each column's figure in a row as a share of the row's biggest; None where there is no figure to draw."""
    values = [_nth(table.columns[c], row).value for c in range(len(table.columns))]
    top = max((v for v in values if v is not None and v > 0), default=0.0)
    return [v / top if v is not None and top else None for v in values]


def _side_by_side(renderer: PageRenderer, table: CompareTable) -> QWidget:
    t = renderer.theme
    box = QWidget()
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(t.px(t.margin))
    grid.setVerticalSpacing(t.px(3))
    for c, column in enumerate(table.columns, 1):
        grid.addWidget(renderer.text(column.heading, t.font(t.body, bold=True), boost=0.7), 0, c,
                       Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(c, 3)
    grid.setColumnStretch(0, 2)
    for r, label in enumerate(table.rows, 1):
        grid.addWidget(_rule(t), 2 * r - 1, 0, 1, len(table.columns) + 1)
        grid.addWidget(renderer.text(label, t.font(t.body, bold=True), t.color("muted"), boost=0.7), 2 * r, 0,
                       Qt.AlignmentFlag.AlignTop)
        for c, (column, share) in enumerate(zip(table.columns, _shares(table, r - 1)), 1):
            grid.addWidget(CompareCellWidget(renderer, _nth(column, r - 1), share), 2 * r, c,
                           Qt.AlignmentFlag.AlignTop)
    return box


def _nth(column: CompareColumn, i: int) -> CompareCell:
    """A column's cell for row i; a column with too few cells says "Not known" rather than failing."""
    return column.cells[i] if i < len(column.cells) else CompareCell(("Not known",))


def _rule(theme: Theme) -> QWidget:
    line = QWidget()
    line.setFixedHeight(max(1, theme.px(2)))
    line.setAutoFillBackground(True)
    palette = line.palette()
    palette.setColor(line.backgroundRole(), theme.color("muted"))
    line.setPalette(palette)
    return line
