"""The explore and "Jobs in our area" screens render in words, pictures and big pictures, and sorting works by touch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk.content.pages.page import Target
from kiosk.ui.renderer import LARGE_MODE_MAX_CHOICES
from kiosk.ui.screens.page_screen import PageScreen
from kiosk.ui.session_display import Display
from kiosk.ui.widgets.list_tools import SortBar
from kiosk.ui.widgets.tile_grid import TileGrid

TARGETS = [Target("subjects"), Target("subject", "maths|pay"), Target("route-kinds"),
           Target("route-kind", "apprenticeship"), Target("local"), Target("sector", "health-care|growth")]


@pytest.mark.parametrize("mode", ["standard", "picture", "large"])
def test_each_new_screen_renders_in_every_mode(qtbot, make_window, settings, sample_reader, mode) -> None:
    window = make_window(settings, sample_reader)
    window.set_display(Display(mode=mode))
    for target in TARGETS:
        window.open(target)
        screen = window.screen_widget
        assert isinstance(screen, PageScreen) and screen.page.target == target
        assert screen.page.title != "Sorry, that page is not here", target
        parts = [text for _, text in screen.speech_parts()]
        assert screen.page.title in parts  # the page can be read aloud
        if mode == "large":  # big pictures: a grid of at most six cells
            assert 0 < len(screen.cells) <= LARGE_MODE_MAX_CHOICES, target
            continue
        grid = screen.findChild(TileGrid)
        assert grid is not None and grid.tiles, target  # always a way on


def test_a_pupil_sorts_a_subject_list_by_pay_and_goes_back(qtbot, make_window, settings, sample_reader) -> None:
    window = make_window(settings, sample_reader)
    window.open(Target("subjects"))
    grid = window.screen_widget.findChild(TileGrid)
    qtbot.mouseClick(next(t for t in grid.tiles if t.label == "Business"), Qt.MouseButton.LeftButton)
    assert window.screen_widget.page.target == Target("subject", "business")
    sort = window.screen_widget.findChild(SortBar)
    assert [(s.label, s.current) for s in sort.segments] == [("A to Z", True), ("Pay", False), ("Growth", False)]
    qtbot.mouseClick(next(s for s in sort.segments if s.label == "Pay"), Qt.MouseButton.LeftButton)
    page = window.screen_widget.page
    assert page.target == Target("subject", "business|pay")
    pays = [o.weekly_pay for o in sample_reader.occupations(subject="business", sort="pay")]
    first_job = next(c for c in page.choices if c.target.kind == "occupation")
    assert first_job.detail.startswith(f"£{round(pays[0]):,} a week")
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    assert window.screen_widget.page.target == Target("subject", "business")
