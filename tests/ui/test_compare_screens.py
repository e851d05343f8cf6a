"""The compare page renders in every mode: columns in words and pictures, cards side by side in big pictures."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import Qt

from kiosk.content.pages.page import Target
from kiosk.ui.session_display import Display
from kiosk.ui.widgets.compare_table import TrendArrow
from kiosk.ui.widgets.symbol_text import SymbolText
from kiosk.ui.widgets.tile_grid import TileGrid

THREE = Target("compare", "nurse,plumber,electrician")


def texts(window) -> list[str]:
    return [w.text for w in window.screen_widget.findChildren(SymbolText)]


@pytest.mark.parametrize("mode", ["standard", "picture"])
def test_jobs_stand_side_by_side(qtbot, make_window, settings, reader, mode) -> None:
    window = make_window(settings, reader)
    window.set_display(Display(mode=mode))
    window.open(THREE)
    shown = texts(window)
    for heading in ("Nurse", "Plumber", "Electrician", "All jobs (UK average)"):
        assert heading in shown
    assert "£520 a week" in shown and "Not known" in shown
    # The sources are named once, under the table, in small print (no symbols in picture mode).
    assert "Where do these figures come from?" in shown
    assert shown.count("Test figures: figures for 2024 and 2024 to 2035 (UK). Retrieved 1 November 2026. CC0 1.0.") == 1
    assert not any(t.startswith("Source:") for t in shown)
    assert [a.trend for a in window.screen_widget.findChildren(TrendArrow)] == ["up", "up", "up"]
    labels = [t.label for t in window.screen_widget.findChild(TileGrid).tiles]
    assert labels[0] == "Remove Nurse"


def test_big_pictures_show_the_jobs_as_cards_side_by_side(qtbot, make_window, settings, reader) -> None:
    from kiosk.ui.big_pictures.compare_cards import PictographBar

    window = make_window(settings, reader)
    window.set_display(Display(mode="large"))
    window.open(THREE)
    shown = texts(window)  # all three at once: no pager, nothing to scroll
    for heading in ("Nurse", "Plumber", "Electrician"):
        assert heading in shown
    bars = window.screen_widget.findChildren(PictographBar)
    assert len(bars) == 9 and all(bar.isVisible() for bar in bars)
    under = [t for t in shown if t.startswith(("Pay:", "Hours:", "For every 10", "About the same", "Jobs in the future:"))
             or re.match(r"\d+% (more|fewer) jobs", t)]
    assert len(under) == 9  # every bar has its figure in words under it
    for bar, words in zip(bars, under):
        assert (bar.count == 0) == words.endswith("Not known"), words  # a figure not known has no icons
    assert len(window.screen_widget.cells) <= 6


def test_by_touch_from_a_job_to_three_side_by_side(qtbot, make_window, settings, reader) -> None:
    window = make_window(settings, reader)
    window.open(Target("occupation", "plumber"))

    def tap(label: str) -> None:
        grid = window.screen_widget.findChild(TileGrid)
        while label not in [t.label for t in grid.tiles]:
            assert grid.next_button.isEnabled(), f"no tile {label!r}"
            qtbot.mouseClick(grid.next_button, Qt.MouseButton.LeftButton)
        tile = next(t for t in grid.tiles if t.label == label)
        qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)

    tap("Compare jobs")
    assert window.navigator.current == Target("compare-pick", "plumber")
    tap("Electrician")
    assert window.navigator.current == Target("compare", "plumber,electrician")
    tap("Add another job")
    tap("Nurse")
    assert window.navigator.current == Target("compare", "plumber,electrician,nurse")
    tap("Remove Electrician")
    assert window.navigator.current == Target("compare", "plumber,nurse")


def test_an_old_figures_setting_marks_the_pages(qtbot, make_window, settings, reader) -> None:
    window = make_window(settings._replace(figures_old_after_years=1), reader)
    window.open(Target("occupation", "nurse"))
    # The test figures are for 2024; marked only once they are more than a year old.
    old = dt.date.today().year - 2024 > 1
    assert any("(figures from 2024: may be out of date)" in t for t in texts(window)) == old
