"""Compare in big pictures: two or three job cards side by side, each with pictograph bars for pay, hours and jobs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from kiosk.content.pages.page import CompareCell, CompareColumn, CompareTable
from kiosk.ui.big_pictures.fact_view import BigPicture
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.card import padded_card

if TYPE_CHECKING:
    from kiosk.ui.renderer import PageRenderer

BARS = (("Pay", "money"), ("Hours", "hours"), ("Jobs in the future", "jobs"))  # the table's first three rows
BAR_PX = 50  # design pixels: each icon about as big as a word's picture in picture mode
MOST_ICONS = 10  # the biggest figure shown gets ten icons; jobs in the future are "for every 10 jobs now"


class PictographBar(QWidget):
    """A row of the same small icon, `count` times: how big a figure is, without reading a number."""

    def __init__(self, count: int, icon: QPixmap | None, theme: Theme, slots: int = MOST_ICONS,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = count
        self._slots = max(slots, count, 1)  # the longest bar of its row fills the card's width
        self._icon = icon
        self._theme = theme
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(theme.px(BAR_PX))

    def sizeHint(self) -> QSize:
        return QSize(self._theme.px(400), self._theme.px(BAR_PX))

    def icon_side(self) -> float:
        """Each icon's size: as tall as the bar, smaller only if the widest bar would not fit the card."""
        gap = self._theme.px(3)
        return max(4.0, min(float(self.height()), (self.width() - gap * self._slots) / self._slots))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        side, gap = self.icon_side(), self._theme.px(3)
        top = (self.height() - side) / 2
        for i in range(self.count):
            box = QRectF(i * (side + gap), top, side, side)
            if self._icon is not None:
                painter.drawPixmap(box.toRect(), self._icon)
            else:  # no symbol installed: a plain dot still counts
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(self._theme.color("accent"))
                painter.drawEllipse(box.adjusted(2, 2, -2, -2))
        painter.end()


def icon_counts(values: list[float | None], share_of_ten: bool = False) -> list[int]:
    """How many icons each figure gets: in proportion to the biggest (ten for it), at least one for any figure,
    none for a figure not known; "for every 10 jobs" figures are already out of ten."""
    known = [v for v in values if v is not None and v > 0]
    if not known:
        return [0 for _ in values]
    scale = 1.0 if share_of_ten else MOST_ICONS / max(known)
    return [0 if v is None or v <= 0 else max(1, min(MOST_ICONS + 4, round(v * scale))) for v in values]


def compare_cards(renderer: PageRenderer, table: CompareTable) -> tuple[QWidget, list[tuple[QWidget, str]]]:
    """The jobs' cards side by side (a single job beside all jobs' average), with the parts Speak reads."""
    t = renderer.theme
    jobs = [c for c in table.columns if not c.heading.startswith("All jobs")]
    shown = jobs if len(jobs) >= 2 else list(table.columns)
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(t.px(t.gap))
    counts = [icon_counts([_cell(c, r).value for c in shown], share_of_ten=(r == 2)) for r in range(len(BARS))]
    icons = [renderer.picture(word) for _, word in BARS]
    spoken: list[tuple[QWidget, str]] = []
    slots = [max([MOST_ICONS, *row]) for row in counts]
    for i, column in enumerate(shown):
        card, said = _card(renderer, column, [counts[r][i] for r in range(len(BARS))], icons, slots)
        row.addWidget(card, 1)
        spoken += said
    return box, spoken


def _cell(column: CompareColumn, row: int) -> CompareCell:
    return column.cells[row] if row < len(column.cells) else CompareCell(("Not known",))


def _card(renderer: PageRenderer, column: CompareColumn, counts: list[int], icons: list[QPixmap | None],
          slots: list[int]):
    """One job: its symbol and name, then a bar and its words for each figure."""
    from kiosk.ui.big_pictures.fact_view import plain_words

    t = renderer.theme
    card, layout = padded_card(t, 14, 4)
    top = QHBoxLayout()  # the job's symbol beside its name: the bars below keep the height
    top.setSpacing(t.px(12))
    picture = renderer.picture(column.heading)
    if picture is not None:
        symbol = BigPicture(picture)
        symbol.setFixedSize(t.px(120), t.px(120))
        top.addWidget(symbol)
    name = plain_words(renderer, column.heading, t.font(36, bold=True))
    top.addWidget(name, 1)
    layout.addLayout(top)
    spoken = [(name, column.heading)]
    for r, (label, _) in enumerate(BARS):
        cell = _cell(column, r)
        layout.addSpacing(t.px(10))
        layout.addWidget(PictographBar(counts[r], icons[r], t, slots[r]))
        words = _bar_words(label, cell, r)
        text = plain_words(renderer, words, t.font(28))
        layout.addWidget(text)
        spoken.append((text, words))
    layout.addStretch(1)
    return card, spoken


def _bar_words(label: str, cell: CompareCell, row: int) -> str:
    """The figure in words under its bar: "Pay: £977 a week"; for jobs, what the icons count ("For every 10 jobs
    in 2020, about 12 in 2035.")."""
    lines = cell.lines or ("Not known",)
    if row == 2 and len(lines) > 1 and cell.value is not None:
        return lines[1]
    return f"{label}: {lines[0]}"
