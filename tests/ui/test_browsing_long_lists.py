"""Browsing 400+ jobs (issue 15): the sort control, the letter strip, My list's count, and home that never grows."""

from __future__ import annotations

import string

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from kiosk.content.pages.page import HOME, Target
from kiosk.ui.session_display import Display
from kiosk.ui.widgets.list_tools import LetterStrip, SortBar, first_letter
from kiosk.ui.widgets.tile_grid import TileGrid
from tests.ui.test_choices_look_different import symbol_data, symbol_window  # noqa: F401 - a fixture
from tests.ui.test_journey import tap


def sort_state(window) -> list[tuple[str, bool]]:
    return [(s.label, s.current) for s in window.screen_widget.findChild(SortBar).segments]


def jobs_on_show(window) -> list[str]:
    grid = window.screen_widget.findChild(TileGrid)
    return [t.label for t in grid.tiles]


def test_the_sort_control_shows_the_sort_in_use_and_reorders_the_list(qtbot, make_window, settings,
                                                                        sample_reader) -> None:
    window = make_window(settings, sample_reader)
    window.open(Target("a-z"))
    grid = window.screen_widget.findChild(TileGrid)
    assert not any(c.sort for c in grid.choices)  # no tile in the grid is a way to sort
    assert sort_state(window) == [("A to Z", True), ("Pay", False), ("Growth", False)]
    by_name = [o.title for o in sample_reader.occupations()]
    assert jobs_on_show(window) == by_name[: len(grid.tiles)]
    tap(qtbot, next(s for s in window.screen_widget.findChild(SortBar).segments if s.label == "Pay"))
    assert window.navigator.current == Target("a-z", "|pay")
    assert sort_state(window) == [("A to Z", False), ("Pay", True), ("Growth", False)]
    by_pay = [o.title for o in sample_reader.occupations(sort="pay")]
    assert jobs_on_show(window) == by_pay[: len(jobs_on_show(window))] and by_pay[:3] != by_name[:3]
    assert window.screen_widget.findChild(LetterStrip) is None  # letters only while the list is A to Z
    tap(qtbot, next(s for s in window.screen_widget.findChild(SortBar).segments if s.label == "Growth"))
    assert sort_state(window) == [("A to Z", False), ("Pay", False), ("Growth", True)]
    # Switch scanning reaches the control: its segments are among the page's buttons.
    segments = window.screen_widget.findChild(SortBar).segments
    assert set(segments) <= set(window.scan_buttons()[0])


@pytest.mark.parametrize("high_contrast", [False, True])
def test_the_sort_in_use_is_a_filled_segment_in_either_contrast(qtbot, make_window, settings, sample_reader,
                                                                 high_contrast) -> None:
    window = make_window(settings, sample_reader)
    window.set_display(Display(high_contrast=high_contrast))
    window.open(Target("sector", "health-care|pay"))
    segments = {s.label: s for s in window.screen_widget.findChild(SortBar).segments}
    palette = window.theme.palette

    def ground(segment) -> QColor:  # a point inside the segment's edge, clear of its words and tick
        return segment.grab().toImage().pixelColor(segment.width() - 12, segment.height() // 2)

    assert ground(segments["Pay"]) == QColor(palette.tile_text)  # filled with the tile's words colour
    assert ground(segments["A to Z"]) == ground(segments["Growth"]) == QColor(palette.tile)


def test_a_letter_turns_to_the_first_job_with_it_and_letters_without_jobs_are_off(qtbot, make_window, settings,
                                                                                  sample_reader) -> None:
    window = make_window(settings, sample_reader)
    window.open(Target("a-z"))
    strip = window.screen_widget.findChild(LetterStrip)
    grid = window.screen_widget.findChild(TileGrid)
    qtbot.waitUntil(lambda: strip.isVisible())  # 470 jobs run to many screens
    titles = [o.title for o in sample_reader.occupations()]
    starting = {first_letter(t) for t in titles}
    assert {x for x, b in strip.buttons.items() if b.isEnabled()} == starting & set(string.ascii_uppercase)
    assert set(string.ascii_uppercase) - starting, "the sample should leave some letter without a job"
    for letter in ("M", "S", "A"):
        tap(qtbot, strip.buttons[letter])
        first = next(t for t in titles if first_letter(t) == letter)
        assert first in jobs_on_show(window), letter
        if grid.current_page > 0:  # the screen before holds no job with that letter: this is its first screen
            before = titles[(grid.current_page - 1) * len(grid.tiles): grid.current_page * len(grid.tiles)]
            assert letter not in {first_letter(t) for t in before}
        # The letters of the jobs on show are filled in, so the pupil sees where in the list they are.
        assert strip.buttons[letter].current
    off = next(x for x, b in strip.buttons.items() if not b.isEnabled())
    page = grid.current_page
    qtbot.mouseClick(strip.buttons[off], Qt.MouseButton.LeftButton)
    assert grid.current_page == page  # a greyed-out letter does nothing
    side = min(strip.buttons["A"].width(), strip.buttons["A"].height())
    assert side >= window.theme.min_target
    assert strip.buttons["M"] in window.scan_buttons()[0] and strip.buttons[off] not in window.scan_buttons()[0]


def test_no_letter_strip_when_the_list_fits_on_one_screen(qtbot, make_window, settings, reader) -> None:
    window = make_window(settings, reader)  # five jobs
    window.open(Target("a-z"))
    strip = window.screen_widget.findChild(LetterStrip)
    grid = window.screen_widget.findChild(TileGrid)
    qtbot.waitUntil(lambda: grid.isVisible() and grid.height() > 0)
    assert grid.page_count == 1 and not strip.isVisible()


def test_picture_mode_keeps_the_sort_symbols_and_the_letters(qtbot, make_window, settings, sample_reader) -> None:
    window = make_window(settings, sample_reader, (1280, 800))
    window.set_display(Display(mode="picture"))
    window.open(Target("a-z"))
    strip = window.screen_widget.findChild(LetterStrip)
    qtbot.waitUntil(lambda: strip.isVisible())
    # Beside the sort control (in three rows on this narrow screen), so the tall picture tiles keep two rows.
    sort_bar = window.screen_widget.findChild(SortBar)
    assert strip.mapTo(window, strip.rect().topLeft()).y() == sort_bar.mapTo(window, sort_bar.rect().topLeft()).y()
    assert len(window.screen_widget.findChild(TileGrid).tiles) >= 6
    tap(qtbot, strip.buttons["P"])
    assert any(first_letter(label) == "P" for label in jobs_on_show(window))


def kept_count(window) -> str:
    return window.top_bar.my_list_button.label


@pytest.mark.parametrize("mode", ["standard", "picture", "large"])
def test_my_list_is_in_the_top_bar_with_its_count(qtbot, make_window, sample_data_dir, sample_reader, symbol_data,
                                                  mode) -> None:
    window = symbol_window(make_window, sample_data_dir, sample_reader, symbol_data, mode)
    button = window.top_bar.my_list_button
    assert kept_count(window) == "My list" and button.isVisible() and button.isEnabled()
    assert (button.picture is not None) == (mode != "standard")  # a symbol in the picture modes, as Home has
    for target in (Target("occupation", o.id) for o in sample_reader.occupations()[:2]):
        window.open(target)
        window.choose(next(c for c in window.screen_widget.page.choices if c.label == "Add to my list"))
    assert kept_count(window) == "My list (2)"
    window.choose(next(c for c in window.screen_widget.page.choices if c.label.startswith("On my list")))
    assert kept_count(window) == "My list (1)"
    qtbot.mouseClick(window.top_bar.my_list_button, Qt.MouseButton.LeftButton)
    assert window.navigator.current == Target("my-list") and not window.top_bar.my_list_button.isEnabled()
    window.reset_session()  # the next pupil starts with nothing kept
    assert kept_count(window) == "My list"


@pytest.mark.parametrize("mode", ["standard", "picture", "large"])
def test_home_never_grows_because_something_is_kept(qtbot, make_window, settings, sample_reader, mode) -> None:
    window = make_window(settings, sample_reader)
    window.set_display(Display(mode=mode))

    def home_screens() -> tuple[int, list[str]]:
        window.open(HOME)
        screen = window.screen_widget
        if mode == "large":
            return 1, [cell.label for cell in screen.cells]
        grid = screen.findChild(TileGrid)
        qtbot.waitUntil(lambda: grid.height() > 0)
        return grid.page_count, [c.label for c in grid.choices]

    before = home_screens()
    for job in ("nurse", "plumber", "electrician"):
        window.my_list.add(Target("occupation", job))
    assert home_screens() == before
    assert "My list" not in before[1] and "More" not in before[1]
    if mode == "standard":  # words mode at 1920 by 1080: every way in on one screen
        assert before[0] == 1


def test_the_failed_search_tiles_lead_where_home_does(qtbot, make_window, settings, sample_reader) -> None:
    window = make_window(settings, sample_reader)
    home = {c.label: c.target for c in window.screen_widget.page.choices}
    window.open(Target("search", "qqqzz"))
    ways = {t.label: c.target for t, c in zip(window.screen_widget.results.tiles, window.screen_widget.page.choices)}
    assert list(ways.values()) == [Target("a-z"), Target("sectors"), Target("interests"), Target("subjects")]
    assert all(home[label] == target for label, target in ways.items())
    tap(qtbot, tile_in_results(window, "Things I like doing"))
    assert window.navigator.current == Target("interests")


def tile_in_results(window, label: str):
    return next(t for t in window.screen_widget.results.tiles if t.label == label)
