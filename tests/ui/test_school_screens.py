"""Routes, stories, events and the library render in every mode with big enough targets, and link up by touch."""

from __future__ import annotations

import math

import pytest

from kiosk.config import load_settings
from kiosk.content.pages.page import Target
from kiosk.ui.screens.page_screen import PageScreen
from kiosk.ui.session_display import Display
from tests.ui.test_journey import tap, tile
from tests.ui.test_target_sizes import too_small

TARGETS = [Target("routes"), Target("route", "advanced-apprenticeship"), Target("route-jobs", "degree"),
           Target("route", "skills-bootcamp"), Target("rqf"), Target("stories"), Target("story", "chloe-2020"),
           Target("events"), Target("event", "year-12-work-skills-day-2027-07"), Target("library"),
           Target("library", "send"), Target("resource", "apprenticeships-explained"),
           Target("occupation", "electrician")]


@pytest.mark.parametrize("display", [Display(), Display(mode="picture"), Display(mode="large")],
                         ids=["standard", "picture", "large"])
def test_every_school_page_renders_with_targets_of_20_mm(qtbot, make_window, data_dir, sample_reader, display) -> None:
    size, inches = (1280, 800), 15.6
    window = make_window(load_settings(data_dir, environ={}, screen_inches=inches), sample_reader, size)
    window.set_display(display)
    px_per_mm = math.hypot(*size) / (inches * 25.4)
    problems = {}
    for target in TARGETS:
        window.open(Target("home"))
        window.open(target)
        screen = window.screen_widget
        assert isinstance(screen, PageScreen) and screen.page.target == target, target
        assert screen.page.choices or screen.page.sections, target
        small = too_small(window, px_per_mm)
        if small:
            problems[str(target)] = small[:3]
    assert not problems, problems


def test_from_a_job_to_a_story_to_its_route_and_its_jobs_by_touch(qtbot, make_window, data_dir, sample_reader) -> None:
    window = make_window(load_settings(data_dir, environ={}), sample_reader)
    window.open(Target("occupation", "electrician"))
    tap(qtbot, tile(window, "Chloe's story"))
    assert window.screen_widget.page.title == "Chloe's story"
    tap(qtbot, tile(window, "Advanced apprenticeship"))
    page = window.screen_widget.page
    assert page.target == Target("route", "advanced-apprenticeship")
    assert "Riverside College (college, Riverside)" in page.text_blocks()
    tap(qtbot, tile(window, "Jobs it can lead to"))
    tap(qtbot, tile(window, "Accountant"))  # the first job A to Z that the apprenticeship leads to
    assert window.screen_widget.page.title == "Accountant"


def test_the_library_by_audience_to_where_a_booklet_is_by_touch(qtbot, make_window, data_dir, sample_reader) -> None:
    window = make_window(load_settings(data_dir, environ={}), sample_reader)
    window.open(Target("library"))
    tap(qtbot, tile(window, "SEND"))
    assert window.screen_widget.page.title == "For SEND"
    tap(qtbot, tile(window, "My future: an easy read guide to leaving school"))
    assert "Where to find it: Shelf E1, easy read." in window.screen_widget.page.text_blocks()
