"""The one renderer: lays out any Page for the current presentation (words, words and pictures, big pictures)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, NamedTuple, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.pages.page import (
    SOURCES_HEADING, BarChart, Block, BulletList, Choice, CompareTable, Fact, FactList, Note, Page, Paragraph, QrCode,
    Section,
)
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.card import padded_card
from kiosk.ui.widgets.plain_label import PlainLabel
from kiosk.ui.widgets.tile_grid import TileGrid
from kiosk.ui.widgets.tile_pictures import TilePicture, distinct_pictures

if TYPE_CHECKING:
    from kiosk.access.symboliser import Symboliser
    from kiosk.ui.widgets.symbol_pixmaps import SymbolPixmaps

TWO_COLUMNS_FROM = 1400  # window widths at least this wide lay sections out in two columns
SYMBOL_PX = {"S": 56, "M": 80, "L": 110, "XL": 150}  # design pixels; XL is over 40 mm on a 24-inch screen
LARGE_MODE_MAX_CHOICES = 6
QR_PX = 420  # design pixels: about 12 cm across on a 24-inch screen, easy for a phone at arm's length


class Presentation(NamedTuple):
    """How pages are shown: the mode, the window width, and the picture settings staff chose."""

    mode: str = "standard"  # "standard", "picture" or "large"
    width: int = 1920
    symbol_size: str = "M"
    word_above: bool = False
    pos_borders: bool = False
    volume: tuple[int, int] | None = None  # the visit's speech volume step and the top step; None without speech

    @property
    def easy(self) -> bool:
        """Picture and large-symbol modes show the easy-read words where the content has them."""
        return self.mode != "standard"


class PageRenderer:
    """Turns a Page into widgets: a header, its sections (scrollable), and its choices (paged tiles)."""

    def __init__(
        self,
        theme: Theme,
        presentation: Presentation,
        symbols: Symboliser | None = None,
        pixmaps: SymbolPixmaps | None = None,
    ) -> None:
        self.theme = theme
        self.presentation = presentation
        self.symbols = symbols
        self.pixmaps = pixmaps
        self.on_tap: Callable[[object, int], None] | None = None  # a tapped word or symbol (paragraph, token)
        self.on_hold: Callable[[object, int], None] | None = None  # a held symbol: choose another picture
        self.picture_choices: dict[str, int] = {}  # concept id -> the pupil's choice of picture, for the visit
        self._spoken: list[tuple[QWidget, str]] = []

    def take_spoken(self) -> list[tuple[QWidget, str]]:
        """The text widgets laid out since the last call, in reading order, with their text (for speech)."""
        spoken, self._spoken = self._spoken, []
        return spoken

    def _said(self, widget: QWidget, text: str) -> QWidget:
        self._spoken.append((widget, text))
        return widget

    @property
    def pictures(self) -> bool:
        return self.presentation.mode != "standard" and self.symbols is not None and self.pixmaps is not None

    def symbol_px(self, boost: float = 1.0) -> int:
        size = SYMBOL_PX[self.presentation.symbol_size] * (1.4 if self.presentation.mode == "large" else 1.0)
        return self.theme.px(size * boost)

    # -- text --------------------------------------------------------------------------------------------

    def text(self, text: str, font: QFont, color: QColor | None = None, boost: float = 1.0) -> QWidget:
        """A piece of page text, painted as plain text word by word (so speech can highlight each word);
        in the picture modes with a symbol above each key word."""
        from kiosk.ui.widgets.symbol_text import SymbolText, plain_tokens

        p = self.presentation
        tokens = self.symbols.tokens(text) if self.pictures else plain_tokens(text)
        widget = SymbolText(text, tokens, self.theme, self.pixmaps, self.symbol_px(boost) if self.pictures else 0,
                            font=font, color=color, word_above=p.word_above, pos_borders=p.pos_borders,
                            choices=self.picture_choices)
        if self.on_tap is not None:
            widget.word_tapped.connect(lambda i, w=widget, tap=self.on_tap: tap(w, i))
        if self.on_hold is not None:
            widget.word_held.connect(lambda i, w=widget, hold=self.on_hold: hold(w, i))
        return self._said(widget, text)

    def small_print(self, text: str) -> QWidget:
        """Sources and the like: small, muted, and without symbols in every mode (but read out like the rest)."""
        from kiosk.ui.widgets.symbol_text import SymbolText, plain_tokens

        t = self.theme
        widget = SymbolText(text, plain_tokens(text), t, None, 0, font=t.font(t.small), color=t.color("muted"))
        return self._said(widget, text)

    def picture(self, text: str) -> QPixmap | None:
        """The picture for a tile: the symbol of its first key word with one, passing over a describing word
        ("More events" shows an event, not "more") when a later word has a picture."""
        _, symbols = self.picture_options(text)
        return self.tile_pixmap(symbols[0]) if symbols else None

    def picture_options(self, text: str) -> tuple[str, tuple]:
        """The concept a tile's picture stands for (its first key word with a symbol, passing over a describing
        word when a later word has one) and that concept's symbols, best first; ("", ()) for none."""
        if not self.pictures:
            return "", ()
        pictured = [token for token in self.symbols.tokens(text) if token.symbols]
        if not pictured:
            return "", ()
        token = next((t for t in pictured if t.pos != "descriptor"), pictured[0])
        return token.concept_id, tuple(token.symbols)

    def tile_pixmap(self, symbol) -> QPixmap | None:
        """A tile's symbol drawn at tile size."""
        return self.pixmaps.get(symbol.path, self.theme.px(220 if self.presentation.mode == "large" else 120))

    def tile_pictures(self, choices: Sequence[Choice]) -> list[TilePicture | None]:
        """One screen of tiles' pictures, no two alike (see tile_pictures): each shows `choice.picture`'s symbol,
        or its label's."""
        return distinct_pictures(choices, lambda c: self.picture_options(c.picture or c.label))

    # -- a page ------------------------------------------------------------------------------------------

    def header(self, page: Page) -> QWidget:
        t = self.theme
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(t.px(6))
        layout.addWidget(self.text(page.title, t.font(t.title, bold=True)))
        if page.subtitle:
            layout.addWidget(self.text(page.subtitle, t.font(t.body), t.color("muted"), boost=0.7))
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
            # Ways to sort the list are one control above its tiles, not tiles that look like jobs.
            sorts = tuple(c for c in page.choices if c.sort)
            grid = self.choices(tuple(c for c in page.choices if not c.sort), on_choice,
                                under_text=bool(page.sections), taken=sorts)
            if sorts:
                from kiosk.ui.widgets.list_tools import ListTools  # only job lists have them

                tools = ListTools(self, sorts, grid, on_choice)
                self._spoken.extend(tools.spoken)
                layout.addWidget(tools)
            # Under a page of text the tiles take only the rows they need; the text has the rest of the height.
            layout.addWidget(grid, 0 if page.sections else 1)
        elif page.empty_message and not page.sections:
            layout.addWidget(self.text(page.empty_message, t.font(t.heading), t.color("muted")))
            layout.addStretch(1)
        return box

    def choices(self, choices: tuple[Choice, ...], on_choice: Callable[[Choice], None],
                under_text: bool = False, taken: tuple[Choice, ...] = ()) -> TileGrid:
        """The tiles for choices; `taken` are choices shown with pictures beside the tiles (the sort control), whose
        pictures no tile repeats."""
        t, mode = self.theme, self.presentation.mode
        few = len(choices) <= 4  # a handful of choices get big tiles, two to a row
        if mode == "large":
            columns, most = (2 if few and not under_text else 3), LARGE_MODE_MAX_CHOICES
            height = 170 if under_text else 200  # under text, the picture goes beside the words: less height
            # Big pictures are for pupils who read little: a picture and its name; the page says the rest.
            choices = tuple(c._replace(detail="") for c in choices)
        else:
            columns, height, most = (2 if few or self.presentation.width < 1100 else 3), (260 if few else 150), 0
            if under_text:  # under a page of text, smaller tiles in one wide row, so none hide on a second page
                wide = self.presentation.width >= TWO_COLUMNS_FROM
                # A job's six ways on fit one row from 1100 pixels wide, so its words keep a row's height more
                # (at 1280x800 a second row would leave the words a few lines).
                # Tiles with a picture beside their words need the width: they page instead.
                most_columns = 6 if not self.pictures else 5 if wide else 4
                mid = self.presentation.width >= 1100
                columns, height = (min(most_columns, max(5 if wide else 4, len(choices))) if mid else 2), 150
            elif self.pictures:
                height = max(height, 200)  # room for a picture above the words, and still two rows at 1080
        # Under text, tiles with pictures stay short, each picture beside its words, so the text keeps the room.
        beside = under_text and self.pictures  # and Previous and Next go beside them, not in a row below
        # Picture tiles are tall: under the sort control (and letters) Previous and Next go beside them too, so
        # two rows still fit.
        grid = TileGrid(t, on_choice, columns=columns, tile_height=height, max_per_page=most,
                        pager_beside=beside or bool(taken and self.pictures), pictures_beside=beside,
                        pictures_for=(lambda shown: self.tile_pictures((*taken, *shown))[len(taken):])
                        if self.pictures else None,
                        pixmap_for=self.tile_pixmap)
        grid.set_choices(choices)
        if under_text:
            # At most two rows at a time (one when tiles carry pictures, which are tall; Previous and Next page
            # through more), so the page's words keep the space.
            most_rows = 1 if self.pictures else 2
            rows = min(most_rows, -(-len(choices) // columns), -(-most // columns) if most else most_rows)
            pager = t.target(t.button_height) + t.px(t.gap) if len(choices) > rows * columns and not beside else 0
            grid.setFixedHeight(rows * (t.target(height) + t.px(t.gap)) - t.px(t.gap) + pager)
        return grid

    def sections(self, sections: tuple[Section, ...]) -> QWidget:
        t = self.theme
        content = QWidget()
        # Word-wrapped text reports the height it needs at its narrowest as its minimum, which would leave
        # blank space to scroll through; ignoring it lets the scroll area size the content by height-for-width.
        content.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        columns = QHBoxLayout(content)
        columns.setContentsMargins(0, 0, t.px(8), 0)
        columns.setSpacing(t.px(t.margin))
        if self.presentation.width >= TWO_COLUMNS_FROM and self.presentation.mode != "large":
            # Words on the left, figures on the right, as a careers leaflet would lay them out.
            figures = [s for s in sections if any(isinstance(b, (FactList, BarChart)) for b in s.blocks)]
            if figures:  # where the figures came from sits under them
                figures += [s for s in sections if s.heading == SOURCES_HEADING]
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
        card, layout = padded_card(t, 22, 12)
        if section.heading:
            layout.addWidget(self.text(section.heading, t.font(t.heading, bold=True)))
        for block in section.blocks:
            self._add_block(layout, block)
        return card

    def _add_block(self, layout: QVBoxLayout, block: Block) -> None:
        t = self.theme
        if isinstance(block, Paragraph):
            layout.addWidget(self.text(block.text, t.font(t.body)))
        elif isinstance(block, Note):
            layout.addWidget(self.small_print(block.text))
        elif isinstance(block, BulletList):
            for item in block.items:
                if self.pictures:
                    layout.addWidget(self.text(item, t.font(t.body)))
                    continue
                row = QHBoxLayout()  # the bullet is drawn, never read out: only the item is spoken
                row.setSpacing(t.px(12))
                row.addWidget(PlainLabel("•", t.font(t.body)), 0, Qt.AlignmentFlag.AlignTop)
                row.addWidget(self.text(item, t.font(t.body)), 1)
                layout.addLayout(row)
        elif isinstance(block, FactList):
            for fact in block.facts:
                layout.addWidget(self._fact(fact))
        elif isinstance(block, BarChart):
            colour = {"up": "accent", "down": "warn"}.get(block.trend, "text")
            layout.addWidget(self.text(block.title, t.font(t.body)))
            layout.addWidget(self.text(block.headline, t.font(t.body, bold=True), t.color(colour)))
            from kiosk.ui.widgets.bar_chart import BarChartWidget  # not needed for the first screen

            layout.addWidget(BarChartWidget(block, t))
            if block.source:  # small print stays plain text, in every mode
                layout.addWidget(self.small_print(block.source))
        elif isinstance(block, QrCode):
            from kiosk.ui.widgets.qr_code import QrWidget  # segno loads with the first QR code

            layout.addWidget(QrWidget(block.data, t.px(QR_PX)), 0, Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(self.text(block.caption, t.font(t.body)))
            layout.addWidget(self.small_print(block.data))  # the link as text, for typing in by hand
        elif isinstance(block, CompareTable):
            from kiosk.ui.widgets.compare_table import compare_table_widget  # only the compare page needs it

            layout.addWidget(compare_table_widget(self, block))

    def _fact(self, fact: Fact) -> QWidget:
        t = self.theme
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, t.px(8))
        layout.setSpacing(t.px(2))
        layout.addWidget(self.text(f"{fact.label}: {fact.value}", t.font(t.heading, bold=True)))
        if fact.detail:
            layout.addWidget(self.text(fact.detail, t.font(t.body), boost=0.8))
        if fact.source:
            layout.addWidget(self.small_print(fact.source))
        return box
