"""The compare table of three jobs shows every row of every column without scrolling at 1920x1080, in words and high
contrast; at 1280x800 it may scroll but never cuts a word; job pages draw pay and hours beside all jobs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect

from kiosk.content.pages.page import Target
from kiosk.ui.session_display import Display
from kiosk.ui.widgets.bar_chart import BarChartWidget
from kiosk.ui.widgets.compare_table import CompareCellWidget
from kiosk.ui.widgets.scroll_panel import ScrollPanel
from kiosk.ui.widgets.symbol_text import SymbolText

THREE = Target("compare", "nurse,electrician,accountant")  # real ONS and DfE figures, from the sample content
TOUR = Target("compare", "nurse,accountant,3533-accounting-technician")  # the tour's: long routes, a steady group


def _in_viewport(widget, panel: ScrollPanel) -> QRect:
    """Where a widget sits in the scroll area's visible part (with nothing scrolled)."""
    viewport = panel.area.viewport()
    return QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())


@pytest.mark.parametrize("three, high_contrast", [(THREE, False), (THREE, True), (TOUR, False)])
def test_three_jobs_show_every_row_without_scrolling_at_1080(qtbot, make_window, settings, sample_reader, three,
                                                             high_contrast) -> None:
    window = make_window(settings, sample_reader, (1920, 1080))
    window.set_display(Display(high_contrast=high_contrast))
    window.open(three)
    panel = window.screen_widget.findChild(ScrollPanel)
    cells = window.screen_widget.findChildren(CompareCellWidget)
    assert len(cells) == 4 * 5  # three jobs and all jobs, five rows each
    qtbot.waitUntil(lambda: all(c.isVisible() and c.height() > 0 for c in cells))
    assert panel.area.verticalScrollBar().value() == 0
    visible = panel.area.viewport().rect()
    for cell in cells:  # every cell, the last row's included, lies inside what shows without scrolling
        assert visible.contains(_in_viewport(cell, panel)), (cell.lines, _in_viewport(cell, panel), visible)
    sources = [w for w in window.screen_widget.findChildren(SymbolText) if w.text.startswith("ONS, Annual Survey")]
    assert len(sources) == 1  # named once, under the table (it may scroll to them), not in every cell
    assert _in_viewport(sources[0], panel).top() > max(_in_viewport(c, panel).bottom() for c in cells)


def test_at_1280_by_800_the_table_may_scroll_but_no_word_is_cut(qtbot, make_window, settings, sample_reader) -> None:
    window = make_window(settings, sample_reader, (1280, 800))
    window.open(THREE)
    cells = window.screen_widget.findChildren(CompareCellWidget)
    qtbot.waitUntil(lambda: all(c.isVisible() and c.height() > 0 for c in cells))
    for cell in cells:
        for text in cell.findChildren(SymbolText):  # each text gets at least the height its words need
            assert text.height() >= text.heightForWidth(text.width()) > 0, (text.text, text.width())
            assert text.width() <= cell.width()


def test_the_job_page_draws_pay_and_hours_beside_all_jobs(qtbot, make_window, settings, sample_reader) -> None:
    window = make_window(settings, sample_reader, (1920, 1080))
    window.open(Target("occupation", "nurse"))
    charts = {c.chart.title: c for c in window.screen_widget.findChildren(BarChartWidget)}
    pay = charts["Pay a week: this job and all jobs, full time (UK, 2024)"]
    assert pay.chart.across and [b.label for b in pay.chart.bars] == ["All jobs", "This job"]
    assert pay.height() < charts["People working in this group in England"].height()  # across bars are compact
    shown = [w.text for w in window.screen_widget.findChildren(SymbolText)]
    assert "Where do these figures come from?" in shown and not any(t.startswith("Source:") for t in shown)
