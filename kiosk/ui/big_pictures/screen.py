"""The big-pictures screen: a page as steps of at most six cells; a cell opens a fact, a kind or another page."""

from __future__ import annotations

import re
from typing import Callable, Union

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.pages.narrowing import MOST, Kind, narrow, open_kind
from kiosk.content.pages.page import Choice, CompareTable, Page
from kiosk.content.pages.topics import Topic, page_topics, split_sentences
from kiosk.ui.big_pictures.cell import BigCell
from kiosk.ui.big_pictures.cell_pictures import CellPictures
from kiosk.ui.big_pictures.cells_grid import ROW_PX, CellsGrid
from kiosk.ui.big_pictures.fact_view import plain_words
from kiosk.ui.renderer import PageRenderer
from kiosk.ui.screens.page_screen import PageScreen

Entry = Union[Topic, Choice, Kind]
Opener = Callable[[], tuple[QWidget, list]]  # builds a step: its widget and the parts Speak reads
DATE = re.compile(r"^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day (\d{1,2}) ([A-Z][a-z]{2})[a-z]* \d{4}")
SHORT_SUBTITLE = 48  # characters: a longer subtitle is a paragraph, and big pictures leave paragraphs out


class BigPicturesScreen(PageScreen):
    """Shows one Page in big pictures: its title, then one step at a time (cells, a fact, or compare cards).

    Back steps out of a fact or a kind before it leaves the page (PageSteps asks `step_back` first)."""

    stepped = Signal()  # the step changed: Back's state, switch scanning and speech follow
    speak_now = Signal()  # a fact was opened: it is read out at once

    def __init__(self, page: Page, renderer: PageRenderer, on_choice: Callable[[Choice], None],
                 average_weekly_pay: float | None = None) -> None:
        QWidget.__init__(self)
        self.page = page
        self._renderer = renderer
        self._on_choice = on_choice
        t = renderer.theme
        layout = QVBoxLayout(self)
        m = t.px(t.margin)
        layout.setContentsMargins(m, t.px(12), m, m)
        layout.setSpacing(t.px(t.gap))
        self._spoken: list[tuple[QWidget, str]] = []
        layout.addLayout(self._header(page))
        self._layout = layout
        self._steps: list[tuple[Opener, int | None]] = []  # each step's builder, and the cell tapped to open it
        self._openers: dict[int, Opener] = {}  # the cells of the step on show that open a step
        self.step: QWidget | None = None
        self._step_spoken: list = []
        self._average = average_weekly_pay
        self._push(self._root)

    def _header(self, page: Page) -> QHBoxLayout:
        """The title in words on one line with a short subtitle (a date, a sector) beside it: the cells carry the
        pictures, and every pixel of height goes to them. A longer subtitle is a paragraph: left out."""
        t = self._renderer.theme
        header = QHBoxLayout()
        header.setSpacing(t.px(24))
        font = t.font(44, bold=True)
        if page.title.endswith("?"):  # a question (home's) is read in symbols, as picture mode reads it
            title = self._renderer.text(page.title, font, boost=0.5)
            self._renderer.take_spoken()  # said below with the title, once
        else:
            title = plain_words(self._renderer, page.title, font)
            # Its own width on one line where it can have it, so a subtitle beside it never squeezes it onto two.
            title.setMinimumWidth(min(int(QFontMetricsF(font).horizontalAdvance(page.title)) + t.px(12),
                                      int(self._renderer.presentation.width * 0.6)))
        header.addWidget(title, 0, Qt.AlignmentFlag.AlignBottom)
        self._spoken = [(title, page.title)]
        if page.subtitle and len(page.subtitle) <= SHORT_SUBTITLE:
            subtitle = plain_words(self._renderer, page.subtitle, t.font(t.heading), t.color("muted"))
            header.addWidget(subtitle, 1, Qt.AlignmentFlag.AlignBottom)
            self._spoken.append((subtitle, page.subtitle))
        else:
            header.addStretch(1)
        return header

    # -- steps -------------------------------------------------------------------------------------------

    @property
    def can_step_back(self) -> bool:
        return len(self._steps) > 1

    def step_back(self) -> bool:
        """Go back one step on this page; False when already at its first step (Back then leaves the page)."""
        if not self.can_step_back:
            return False
        self._steps.pop()
        self._show(self._steps[-1][0])
        return True

    @property
    def path(self) -> tuple[int, ...]:
        """The cells tapped to reach this step from the page's first (kinds, "More"), to come back to it."""
        path = []
        for _, via in self._steps[1:]:
            if via is None:  # a fact: read out when opened, so not opened again by itself
                break
            path.append(via)
        return tuple(path)

    def resume(self, path: tuple[int, ...]) -> None:
        """Open the steps a path leads to (Back from a job chosen in a kind returns to that kind)."""
        for index in path:
            opener = self._openers.get(index)
            if opener is None:
                break
            self._push(opener, index)

    def speech_parts(self) -> list:
        """What Speak reads: the title, then what the step shows (cells, or a fact's sentences)."""
        return [*self._spoken, *self._step_spoken]

    @property
    def cells(self) -> list[BigCell]:
        """The cells the step shows now."""
        return self.step.findChildren(BigCell) if self.step is not None else []

    def _push(self, build: Opener, via: int | None = None) -> None:
        self._steps.append((build, via))
        self._show(build)

    def _show(self, build: Opener) -> None:
        self._openers = {}
        widget, spoken = build()
        if self.step is not None:
            self._layout.removeWidget(self.step)
            self.step.hide()
            self.step.deleteLater()
        self.step, self._step_spoken = widget, spoken
        self._layout.addWidget(widget, 1)
        widget.show()
        self.stepped.emit()

    # -- what a step shows -------------------------------------------------------------------------------

    def _root(self) -> tuple[QWidget, list]:
        page = self.page
        table = next((b for s in page.sections for b in s.blocks if isinstance(b, CompareTable)), None)
        if table is not None:
            from kiosk.ui.big_pictures.compare_view import compare_view  # only the compare page needs its cards

            return compare_view(self._renderer, table, self._choice_cells(page.choices))
        topics = page_topics(page, self._average)
        # Sorting is a reading task (big pictures narrows a list by kinds instead) and search needs typing, which
        # big pictures does not offer: those choices stay out.
        choices = tuple(c for c in page.choices if not c.sort and c.target.kind != "search")
        if page.target.kind == "occupation":  # its stories are behind "People from our school"
            choices = tuple(c for c in choices if c.target.kind != "story")
        if len(topics) == 1 and (topics[0].qr is not None or not page.sections[0].heading):
            return self._fact(topics[0], choices)
        if not topics and len(choices) <= 3 and (page.empty_message or len(page.subtitle) > SHORT_SUBTITLE):
            # A page that is a message (the sheet went to the printer; nothing kept yet): the words, then the ways on.
            words = page.empty_message or page.subtitle
            return self._fact(Topic("", "", tuple(split_sentences(words))), choices)
        if topics:
            return self._entries((*topics, *choices))
        return self._entries(narrow(choices))

    def _entries(self, entries: tuple[Entry, ...]) -> tuple[QWidget, list]:
        """At most six cells: the first five and "More" when there are more (a long list arrives narrowed)."""
        if len(entries) > MOST:
            rest = entries[MOST - 1:]
            entries = (*entries[: MOST - 1], Kind("More", (), in_order=True))
            more = rest
        else:
            more = ()
        pictures = CellPictures(self._renderer)  # no two cells of a step share a picture where it can be helped
        cells = []
        for index, entry in enumerate(entries):
            cell, opens = self._cell(entry, more, pictures)
            if opens is not None:  # a kind or "More": a step on this page, remembered for Back from a job
                self._openers[index] = opens
                cell.clicked.connect(lambda _=False, i=index, build=opens: self._push(build, i))
            cells.append(cell)
        grid = CellsGrid(cells, self._renderer.theme)
        return grid, [(c, f"{c.label}. {c.detail}" if c.detail else c.label) for c in cells]

    def _cell(self, entry: Entry, more: tuple[Entry, ...], pictures: CellPictures) -> tuple[BigCell, Opener | None]:
        """A cell for an entry, and what it opens when that is a step on this page (None: it acts itself)."""
        r = self._renderer
        if isinstance(entry, Topic):
            cell = self._big_cell(entry.label, "", pictures.for_text(entry.picture))
            if entry.choices:
                return cell, lambda e=entry: self._entries(narrow(e.choices))
            cell.clicked.connect(lambda _=False, e=entry: self._open_fact(e))
            return cell, None
        if isinstance(entry, Kind):
            if entry.in_order and not entry.choices:  # "More" of a page's own cells
                return self._big_cell("More", "", pictures.for_text("more")), lambda: self._entries(more)
            # A kind shows its first member's picture ("A to C" an accountant); "More" shows more.
            picture = pictures.for_text("more") if entry.in_order else pictures.for_kind(entry)
            return self._big_cell(entry.label, entry.detail, picture), lambda k=entry: self._entries(open_kind(k))
        detail, icon = short_detail(entry, r)
        cell = self._big_cell(entry.label, detail, pictures.for_choice(entry), icon)
        cell.set_current(entry.current)  # the look on now, ticked as in picture mode
        cell.clicked.connect(lambda _=False, c=entry: self._on_choice(c))
        return cell, None

    def _big_cell(self, label: str, detail: str, chosen, icon=None) -> BigCell:
        """A cell with the symbol chosen for it (None: no picture), drawn at cell size."""
        r = self._renderer
        picture = r.tile_pixmap(chosen.symbol) if chosen is not None else None
        return BigCell(label, r.theme, detail, picture, detail_icon=icon, chosen=chosen)

    def _choice_cells(self, choices: tuple[Choice, ...], pictures: CellPictures | None = None) -> list[BigCell]:
        """A row of cells for a few choices (under compare's cards or a fact)."""
        pictures = pictures or CellPictures(self._renderer)
        return [self._cell(c, (), pictures)[0] for c in choices[:MOST - 2]]

    def _open_fact(self, topic: Topic) -> None:
        self._push(lambda: self._fact(topic, ()))
        self.speak_now.emit()

    def _fact(self, topic: Topic, choices: tuple[Choice, ...], start: int = 0) -> tuple[QWidget, list]:
        """A fact's picture and one or two sentences, with Back (and More, when it has more to say) under them."""
        from kiosk.ui.big_pictures.fact_view import fact_view, large_picture, sentence_groups

        r, t = self._renderer, self._renderer.theme
        groups = sentence_groups(topic.sentences, r, most=3 if topic.qr else 2) or [()]  # a QR code's steps together
        heading = topic.label if self.can_step_back or start else ""
        view, spoken = fact_view(r, heading, groups[start], large_picture(r, topic.picture), topic.qr)
        pictures = CellPictures(r)  # Back first, then the row's other cells: no two alike
        back = self._big_cell("Back", "", pictures.for_text("go back")) if self.can_step_back else None
        cells = self._choice_cells(choices, pictures)
        if start + 1 < len(groups):
            more = self._big_cell("More", "", pictures.for_text("more"))
            more.clicked.connect(lambda _=False: self._push(lambda: self._fact(topic, choices, start + 1)))
            cells.append(more)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(t.px(t.gap))
        layout.addWidget(view, 1)
        if back is not None:  # a big Back cell as well as the top bar's Back: the way out is never hidden
            back.clicked.connect(self.step_back)
            cells.insert(0, back)
        if cells:  # a row of cells under the fact; the fact's picture has the rest of the height
            row = CellsGrid(cells, t, columns=len(cells))
            row.setFixedHeight(t.px(ROW_PX))
            layout.addWidget(row)
        return box, [*spoken, *((c, c.label) for c in cells)]

def short_detail(choice: Choice, renderer: PageRenderer):
    """What a pupil chooses by, as a short second line: an event's date ("Tue 3 Dec", with a calendar), a
    resource's shelf or kind, a story's job; nothing for other choices (the page says the rest)."""
    kind = choice.target.kind
    if kind == "event":
        found = DATE.match(choice.detail)
        if found:
            day = {"Tues": "Tue", "Wednes": "Wed", "Thurs": "Thu", "Satur": "Sat"}.get(found.group(1), found.group(1))
            return f"{day} {int(found.group(2))} {found.group(3)}", renderer.picture("date")
    if kind == "resource":
        parts = [p.strip() for p in choice.detail.split(" · ") if p.strip()]
        shelf = next((p for p in parts if p.lower().startswith("shelf")), parts[0] if parts else "")
        return shelf, None
    if kind == "story":
        return choice.detail, None
    return "", None
