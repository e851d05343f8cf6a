"""The one renderer: lays out any Page for the current presentation."""

from __future__ import annotations

from typing import Callable, NamedTuple

from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.pages.page import (
    BarChart, Block, BulletList, Choice, Fact, FactList, Note, Page, Paragraph, Section,
)
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.card import Card
from kiosk.ui.widgets.plain_label import PlainLabel
from kiosk.ui.widgets.tile_grid import TileGrid

TWO_COLUMNS_FROM = 1400  # window widths at least this wide lay sections out in two columns


class Presentation(NamedTuple):
    """How pages are laid out: the mode (standard for now) and the window width it is laid out for."""

    mode: str = "standard"
    width: int = 1920


class PageRenderer:
    """Turns a Page into widgets: a header, its sections (scrollable), and its choices (paged tiles)."""

    def __init__(self, theme: Theme, presentation: Presentation) -> None:
        self.theme = theme
        self.presentation = presentation

    def header(self, page: Page) -> QWidget:
        t = self.theme
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(t.px(6))
        layout.addWidget(PlainLabel(page.title, t.font(t.title, bold=True)))
        if page.subtitle:
            layout.addWidget(PlainLabel(page.subtitle, t.font(t.body), t.color("muted")))
        return box

    def body(self, page: Page, on_choice: Callable[[Choice], None]) -> QWidget:
        """The page below its header: sections, then choices, or the page's empty message."""
        t = self.theme
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(t.px(t.gap))
        if page.sections:
            from kiosk.ui.widgets.scroll_panel import ScrollPanel  # not needed for the first screen: start fast

            layout.addWidget(ScrollPanel(self.sections(page.sections), t), 1)
        if page.choices:
            few = len(page.choices) <= 4  # a handful of choices get big tiles, two to a row
            columns = 2 if few or self.presentation.width < 1100 else 3
            grid = TileGrid(t, on_choice, columns=columns, tile_height=260 if few else 150)
            grid.set_choices(page.choices)
            layout.addWidget(grid, 1)
        elif page.empty_message and not page.sections:
            message = PlainLabel(page.empty_message, t.font(t.heading), t.color("muted"))
            layout.addWidget(message)
            layout.addStretch(1)
        return box

    def sections(self, sections: tuple[Section, ...]) -> QWidget:
        t = self.theme
        content = QWidget()
        # Word-wrapped text reports the height it needs at its narrowest as its minimum, which would leave
        # blank space to scroll through; ignoring it lets the scroll area size the content by height-for-width.
        content.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        columns = QHBoxLayout(content)
        columns.setContentsMargins(0, 0, t.px(8), 0)
        columns.setSpacing(t.px(t.margin))
        if self.presentation.width >= TWO_COLUMNS_FROM:
            # Words on the left, figures on the right, as a careers leaflet would lay them out.
            figures = [s for s in sections if any(isinstance(b, (FactList, BarChart)) for b in s.blocks)]
            words = [s for s in sections if s not in figures]
            groups = [words, figures] if words and figures else [list(sections)]
        else:
            groups = [list(sections)]
        for group in groups:
            column = QVBoxLayout()
            column.setSpacing(t.px(t.gap))
            for section in group:
                column.addWidget(self.section(section))
            column.addStretch(1)
            columns.addLayout(column, 1)
        return content

    def section(self, section: Section) -> QWidget:
        t = self.theme
        card = Card(t)
        layout = QVBoxLayout(card)
        pad = t.px(22)
        layout.setContentsMargins(pad, pad, pad, pad)
        layout.setSpacing(t.px(12))
        layout.addWidget(PlainLabel(section.heading, t.font(t.heading, bold=True)))
        for block in section.blocks:
            self._add_block(layout, block)
        return card

    def _add_block(self, layout: QVBoxLayout, block: Block) -> None:
        t = self.theme
        if isinstance(block, Paragraph):
            layout.addWidget(PlainLabel(block.text, t.font(t.body)))
        elif isinstance(block, Note):
            layout.addWidget(PlainLabel(block.text, t.font(t.small), t.color("muted")))
        elif isinstance(block, BulletList):
            for item in block.items:
                layout.addWidget(PlainLabel(f"•  {item}", t.font(t.body)))
        elif isinstance(block, FactList):
            for fact in block.facts:
                layout.addWidget(self._fact(fact))
        elif isinstance(block, BarChart):
            colour = {"up": "accent", "down": "warn"}.get(block.trend, "text")
            headline = PlainLabel(block.headline, t.font(t.body, bold=True), t.color(colour))
            layout.addWidget(PlainLabel(block.title, t.font(t.body)))
            layout.addWidget(headline)
            from kiosk.ui.widgets.bar_chart import BarChartWidget  # not needed for the first screen

            layout.addWidget(BarChartWidget(block, t))
            if block.source:
                layout.addWidget(PlainLabel(block.source, t.font(t.small), t.color("muted")))

    def _fact(self, fact: Fact) -> QWidget:
        t = self.theme
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, t.px(8))
        layout.setSpacing(t.px(2))
        layout.addWidget(PlainLabel(f"{fact.label}: {fact.value}", t.font(t.heading, bold=True)))
        if fact.detail:
            layout.addWidget(PlainLabel(fact.detail, t.font(t.body)))
        if fact.source:
            layout.addWidget(PlainLabel(fact.source, t.font(t.small), t.color("muted")))
        return box
