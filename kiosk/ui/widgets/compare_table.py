"""A compare table laid out: jobs as columns in words and picture modes, one job at a time in big-picture mode."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPolygonF
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.content.pages.page import CompareCell, CompareColumn, CompareTable
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.kiosk_button import KioskButton
from kiosk.ui.widgets.plain_label import PlainLabel

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
    """The table for the renderer's presentation; every text goes through the renderer (symbols, speech)."""
    if renderer.presentation.mode == "large":
        return _one_at_a_time(renderer, table)
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


def _one_at_a_time(renderer: PageRenderer, table: CompareTable) -> "CompareJobPager":
    return CompareJobPager(renderer, table)


class CompareJobPager(QWidget):
    """Big-picture mode: one job's facts per screen, with big Previous and Next buttons between the jobs."""

    def __init__(self, renderer: PageRenderer, table: CompareTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        t = renderer.theme
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(t.px(t.gap))
        # The job's name stands between Previous and Next, so its facts start straight under them.
        self.headings = QStackedWidget()
        self.pages = QStackedWidget()
        for column in table.columns:
            self.headings.addWidget(renderer.text(column.heading, t.font(t.heading, bold=True)))
            page = QWidget()
            rows = QVBoxLayout(page)
            rows.setContentsMargins(0, 0, 0, 0)
            rows.setSpacing(t.px(t.gap))
            for r, label in enumerate(table.rows):  # "Pay: £700 a week": the label on the figure's own line
                rows.addWidget(_cell(renderer, _nth(column, r), label=label))
            rows.addStretch(1)
            self.pages.addWidget(page)
        pager = QHBoxLayout()
        pager.setSpacing(t.px(t.gap))
        self.previous_button = KioskButton("◀ Previous job", t, role="tile")
        self.next_button = KioskButton("Next job ▶", t, role="tile")
        self.where = PlainLabel("", t.font(t.body), t.color("muted"))
        for button in (self.previous_button, self.next_button):
            button.setFixedHeight(t.target(t.button_height))
            button.setFixedWidth(t.target(300))
        self.previous_button.clicked.connect(lambda: self.show_job(self.pages.currentIndex() - 1))
        self.next_button.clicked.connect(lambda: self.show_job(self.pages.currentIndex() + 1))
        name = QVBoxLayout()
        name.setSpacing(t.px(4))
        name.addWidget(self.headings)
        name.addWidget(self.where)
        pager.addWidget(self.previous_button, 0, Qt.AlignmentFlag.AlignVCenter)
        pager.addLayout(name, 1)
        pager.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(pager)
        layout.addWidget(self.pages)
        self.show_job(0)
        if self.pages.count() < 2:
            for widget in (self.previous_button, self.next_button, self.where):
                widget.hide()

    def show_job(self, i: int) -> None:
        """Show the i-th column (clamped), and say which of how many it is."""
        self.pages.setCurrentIndex(max(0, min(i, self.pages.count() - 1)))
        current = self.pages.currentIndex()
        self.headings.setCurrentIndex(current)
        self.previous_button.setEnabled(current > 0)
        self.next_button.setEnabled(current < self.pages.count() - 1)
        self.where.setText(f"{current + 1} of {self.pages.count()}")


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
