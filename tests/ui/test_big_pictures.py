"""Big pictures as a grid of cells: at most six a screen, big symbols that never shrink, and nothing scrolls."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QAbstractScrollArea, QApplication

from kiosk.access.coverage import every_page_target
from kiosk.config import load_settings
from kiosk.content.pages.page import Target
from kiosk.ui.big_pictures.cell import BigCell
from kiosk.ui.big_pictures.compare_cards import PictographBar
from kiosk.ui.big_pictures.screen import BigPicturesScreen
from kiosk.ui.session_display import Display
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.symbol_text import SymbolText
from tests.ui.test_speech_ui import speech  # noqa: F401 - the speech doubles, as a fixture

SHORT_DATE = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}$")


@pytest.fixture
def big_window(make_window, sample_reader, tmp_path: Path):
    """A 1280 x 800 kiosk (the smaller screen) on the sample content, with a picture for every concept."""
    from kiosk.app import load_symbols
    from tests.helpers.symbols import install_every_concept_symbol

    def make(size: tuple[int, int] = (1280, 800)):
        data = tmp_path / f"data-{size[0]}"
        data.mkdir()
        install_every_concept_symbol(data, tmp_path)
        settings = load_settings(data, environ={}, screen_inches=15.6 if size[0] < 1900 else 24.0)
        window = make_window(settings, sample_reader, size)
        window._load_symbols = lambda: load_symbols(settings)
        window.set_display(Display(mode="large"))
        return window

    return make


def screen(window) -> BigPicturesScreen:
    QApplication.processEvents()  # the step's layout settles, as on the kiosk before the next paint
    shown = window.screen_widget
    assert isinstance(shown, BigPicturesScreen), type(shown)
    return shown


def cells(window) -> list[BigCell]:
    return [c for c in screen(window).cells if c.isVisibleTo(window)]


def problems_on_show(window) -> list[str]:
    """What is wrong with the step on show: scrolling, more than six cells, a symbol under 40% of its cell."""
    found = []
    for area in window.screen_widget.findChildren(QAbstractScrollArea):
        bars = (area.verticalScrollBar(), area.horizontalScrollBar())
        if area.isVisibleTo(window) and any(bar.maximum() > bar.minimum() for bar in bars):
            found.append(f"a scroll area that scrolls: {type(area).__name__}")
    shown = cells(window)
    if len(shown) > 6:
        found.append(f"{len(shown)} cells")
    for cell in shown:
        symbol = cell.symbol_rect()
        if symbol is not None and symbol.height() < 0.4 * cell.height():
            found.append(f"{cell.label!r}: symbol {symbol.height():.0f} px in a cell {cell.height()} px tall")
    return found


def tap(qtbot, cell: BigCell) -> None:
    qtbot.mouseClick(cell, Qt.MouseButton.LeftButton)


def back(qtbot, window) -> None:
    """The top bar's Back, as a pupil taps it."""
    assert window.back_button.isEnabled()
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)


def test_every_page_is_at_most_six_cells_with_big_symbols_and_nothing_scrolls(qtbot, big_window,
                                                                               sample_reader) -> None:
    window = big_window()
    problems, pictured = {}, 0
    for target in every_page_target(sample_reader):
        if target.kind == "search":
            continue  # big pictures asks for no typing: search is not offered
        window.open(target)
        found = problems_on_show(window)
        pictured += sum(1 for c in cells(window) if c.symbol_rect() is not None)
        if not cells(window) and not window.screen_widget.findChildren(SymbolText):
            found.append("nothing on show")
        if found:
            problems[str(target)] = found[:3]
    assert not problems, problems
    assert pictured > 500  # the cells carry pictures: the check above had symbols to measure


def test_every_step_of_a_job_page_and_its_facts_fits_the_grid(qtbot, big_window, sample_reader) -> None:
    window = big_window()
    for job in sample_reader.occupations()[:40]:
        window.open(Target("occupation", job.id))
        labels = [c.label for c in cells(window)]
        for label in labels:
            cell = next(c for c in cells(window) if c.label == label)
            tap(qtbot, cell)
            if window.navigator.current != Target("occupation", job.id):
                window.navigator.back()  # a choice that leads to another page
                continue
            assert not problems_on_show(window), (job.id, label, problems_on_show(window))
            back(qtbot, window)
            assert [c.label for c in cells(window)] == labels  # Back returns to the job's cells


def test_a_long_title_shrinks_its_words_never_its_symbol(qtbot) -> None:
    theme = Theme.for_height(1080)
    picture = QPixmap(QSize(220, 220))
    picture.fill(QColor("#336699"))
    short = BigCell("Nurse", theme, picture=picture)
    long = BigCell("Mechanical engineering technician and quality assurance inspector", theme, picture=picture)
    for cell in (short, long):
        qtbot.addWidget(cell)
        cell.resize(560, 380)
    assert short.symbol_rect() == long.symbol_rect()
    assert long.symbol_rect().height() >= 0.4 * long.height()
    short_font, _, _, _, _ = short.words_layout()
    long_font, words, _, height, _ = long.words_layout()
    assert long_font.pixelSize() < short_font.pixelSize()  # the long title's type is smaller
    assert long.symbol_rect().bottom() + height <= long.height()  # and its words stay inside the cell
    assert words.split()[0] == "Mechanical"


def test_a_job_cell_opens_its_fact_as_one_big_picture_and_speaks_it(qtbot, big_window, sample_reader,
                                                                     speech) -> None:  # noqa: F811
    controller, worker, _ = speech
    window = big_window()
    window.set_speaker(controller)
    window.set_display(Display(mode="large"))
    job = next(o for o in sample_reader.occupations() if o.weekly_pay)
    window.open(Target("occupation", job.id))
    labels = [c.label for c in cells(window)]
    assert labels[:4] == ["What they do", "Pay", "Hours", "Jobs in the future"]
    tap(qtbot, next(c for c in cells(window) if c.label == "Pay"))
    shown = [w.text for w in screen(window).step.findChildren(SymbolText)]
    assert shown[0] == "Pay" and re.match(r"About £[\d,]+ a year\.$|£[\d,]+ a week$", shown[1]), shown
    assert 2 <= len(shown) <= 3  # the heading and one or two short sentences
    assert worker.requests[-1].startswith(f"{job.title}\n")  # read out at once: what is on screen, in order
    assert shown[1] in worker.requests[-1] and "Back" in worker.requests[-1]
    assert [c.label for c in cells(window)] == ["Back"]
    assert window.back_button.isEnabled()
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)  # the top bar's Back steps out of the fact
    assert [c.label for c in cells(window)] == labels
    assert window.navigator.current == Target("occupation", job.id)
    tap(qtbot, next(c for c in cells(window) if c.label == "Hours"))
    tap(qtbot, cells(window)[0])  # the big Back cell does the same
    assert [c.label for c in cells(window)] == labels


def test_a_long_list_narrows_to_a_job_in_steps_of_six_or_fewer(qtbot, big_window, sample_reader) -> None:
    window = big_window()
    window.open(Target("a-z"))
    first_job = min(sample_reader.occupations(), key=lambda o: o.title.casefold())
    trail = []
    for _ in range(8):
        shown = cells(window)
        assert 2 <= len(shown) <= 6
        trail.append([c.label for c in shown])
        match = next((c for c in shown if c.label == first_job.title), None)
        if match is not None:
            assert match.detail == ""  # a job's pay and growth are for the job's page, not its cell
            tap(qtbot, match)
            break
        kinds = [c for c in shown if c.detail.endswith(" jobs")]
        assert kinds, trail
        tap(qtbot, kinds[0])  # the first kind holds the first job, A to Z
    assert window.navigator.current == Target("occupation", first_job.id)
    assert len(trail) >= 3  # a-z is narrowed (kinds, smaller kinds, then the jobs), not paged
    for step in reversed(trail):  # Back from the job: the kind it was chosen in, then each step out, in turn
        back(qtbot, window)
        assert window.navigator.current == Target("a-z")
        assert [c.label for c in cells(window)] == step
    back(qtbot, window)  # out of the first step: the page before
    assert window.navigator.current == Target("home")
    window.open(Target("a-z"))  # opened afresh (not by Back), a list starts at its first step
    assert [c.label for c in cells(window)] == trail[0]


def test_compare_shows_the_jobs_side_by_side_with_pictograph_bars(qtbot, big_window, sample_reader) -> None:
    window = big_window()
    jobs = [o for o in sample_reader.occupations() if o.weekly_pay][:3]
    window.open(Target("compare", ",".join(o.id for o in jobs)))
    shown = screen(window)
    bars = shown.findChildren(PictographBar)
    assert len(bars) == 9 and all(b.isVisibleTo(window) for b in bars)  # three cards, three bars each
    pay_counts = [b.count for b in bars[0::3]]
    assert max(pay_counts) == 10 and min(pay_counts) >= 1
    best = max(range(3), key=lambda i: jobs[i].weekly_pay)
    assert pay_counts[best] == 10  # the best paid job's bar is the longest
    words = [w.text for w in shown.findChildren(SymbolText)]
    assert all(o.title in words for o in jobs) and "All jobs (UK average)" not in words
    assert sum(1 for w in words if w.startswith("Pay: £")) == 3
    assert not problems_on_show(window)
    window.open(Target("compare", jobs[0].id))  # one job stands beside the average for all jobs
    assert len(screen(window).findChildren(PictographBar)) == 6


def test_cells_keep_what_a_pupil_chooses_by(qtbot, big_window, sample_reader) -> None:
    window = big_window()

    def every_cell(target: Target) -> list[BigCell]:
        """The cells of a list and of each of its kinds (one step in)."""
        window.open(target)
        found = list(cells(window))
        for kind in [c.label for c in found if c.detail.endswith("to choose from")]:
            tap(qtbot, next(c for c in cells(window) if c.label == kind))
            found += cells(window)
            back(qtbot, window)
        return found

    dates = [c.detail for c in every_cell(Target("events")) if c.detail and not c.detail.endswith("choose from")]
    assert dates and all(SHORT_DATE.match(d) for d in dates), dates
    shelves = [c.detail for c in every_cell(Target("library", "all")) if c.detail.startswith("Shelf")]
    assert shelves
    stories = {s.destination for s in sample_reader.alumni()}
    assert {c.detail for c in every_cell(Target("stories"))} & stories


def test_the_big_window_walks_on_a_large_screen_too(qtbot, big_window, sample_reader) -> None:
    window = big_window((1920, 1080))
    for target in (Target("home"), Target("occupation", sample_reader.occupations()[0].id), Target("events"),
                   Target("compare", ",".join(o.id for o in sample_reader.occupations()[:3])), Target("rqf")):
        window.open(target)
        assert not problems_on_show(window), target


def test_the_look_on_now_is_ticked_and_a_doing_word_never_borrows_its_objects_picture(big_window,
                                                                                     sample_reader) -> None:
    window = big_window()
    window.open(Target("display"))
    ticked = [c.label for c in cells(window) if c.current]
    assert ticked == ["Big pictures"]
    accent = window.theme.color("accent").rgb()

    def tick_pixels(cell) -> int:  # the tick's badge is drawn in the accent colour at the cell's top right
        image = cell.grab().toImage()
        return sum(image.pixel(x, y) == accent for x in range(image.width() * 3 // 4, image.width())
                   for y in range(0, image.height() // 4))

    by_label = {c.label: c for c in cells(window)}
    assert tick_pixels(by_label["Big pictures"]) > 100 and tick_pixels(by_label["Words"]) == 0
    jobs = [o.id for o in sample_reader.occupations()[:3]]
    window.open(Target("compare", ",".join(jobs)))
    removes = [c for c in cells(window) if c.label.startswith("Remove ")]
    assert len(removes) == 3 and removes[0].picture_concept == "remove"
    # The minus is taken by the first: the others show no picture, never the job's own ("Remove Nurse" as a nurse).
    assert all(c.picture_symbol is None for c in removes[1:])


def test_big_pictures_never_offers_typing(big_window) -> None:
    window = big_window()
    window.open(Target("occupation", "no-such-job"))  # the missing page offers search in the other modes
    labels = [c.label for c in cells(window)]
    assert "Start again" in labels and not any("Search" in label for label in labels)
