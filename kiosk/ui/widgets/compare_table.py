"""A compare table laid out: jobs as columns, in words and picture modes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPolygonF
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.pages.page import CompareCell, CompareColumn, CompareTable
from kiosk.ui.theme import Theme

if TYPE_CHECKING:
    from kiosk.ui.renderer import PageRenderer


class TrendArrow(QWidget):
    """A small arrow beside a change in jobs: up (growing), down (shrinking) or level; colour is never the only cue."""

    def __init__(self, trend: str, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.trend = trend
        self._theme = theme
        self.setFixedSize(self.sizeHint())

    def sizeHint(self) -> QSize:
        return QSize(self._theme.px(44), self._theme.px(44))

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


def _cell(renderer: PageRenderer, cell: CompareCell, boost: float = 0.8, label: str = "") -> QWidget:
    """A cell: its first line in bold (after its row's label, when given, as "Pay: £700 a week"), with the trend
    arrow if any; the other lines as one paragraph of lines."""
    t = renderer.theme
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(t.px(4))
    lines = cell.lines or ("Not known",)  # an empty cell says so, never shows a blank
    first = renderer.text(f"{label}: {lines[0]}" if label else lines[0], t.font(t.body, bold=True), boost=boost)
    if cell.trend:
        row = QHBoxLayout()
        row.setSpacing(t.px(8))
        row.addWidget(TrendArrow(cell.trend, t), 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(first, 1)
        layout.addLayout(row)
    else:
        layout.addWidget(first)
    if len(lines) > 1:
        layout.addWidget(renderer.text("\n".join(lines[1:]), t.font(t.body), boost=boost))
    if cell.source:
        layout.addWidget(renderer.small_print(cell.source))
    layout.addStretch(1)
    return box


def _side_by_side(renderer: PageRenderer, table: CompareTable) -> QWidget:
    t = renderer.theme
    box = QWidget()
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(t.px(t.margin))
    grid.setVerticalSpacing(t.px(t.gap))
    for c, column in enumerate(table.columns, 1):
        grid.addWidget(renderer.text(column.heading, t.font(t.heading, bold=True), boost=0.8), 0, c,
                       Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(c, 3)
    grid.setColumnStretch(0, 2)
    for r, label in enumerate(table.rows, 1):
        grid.addWidget(_rule(t), 2 * r - 1, 0, 1, len(table.columns) + 1)
        grid.addWidget(renderer.text(label, t.font(t.body, bold=True), t.color("muted"), boost=0.8), 2 * r, 0,
                       Qt.AlignmentFlag.AlignTop)
        for c, column in enumerate(table.columns, 1):
            grid.addWidget(_cell(renderer, _nth(column, r - 1)), 2 * r, c, Qt.AlignmentFlag.AlignTop)
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
