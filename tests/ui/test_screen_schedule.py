"""The screen schedule: dark at closing time (the visit ended, the backlight off), a touch wakes it without
pressing what is beneath, it goes dark again after the idle time, and opening time wakes it; staff can still get in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from kiosk.content.pages.page import Target
from kiosk.schedule.backlight import Backlight
from kiosk.ui.screen_schedule import LONGEST_WAIT_MS, ScreenSchedule
from kiosk.ui.widgets.tile_grid import TileGrid
from tests.staff.ui_helpers import bare_bar_point, gesture, staff_window

LONDON = ZoneInfo("Europe/London")


class WallClock:
    """Wall-clock time in London that only moves when the test moves it."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def panel(tmp_path: Path) -> Path:
    """A fake /sys/class/backlight with one panel at brightness 180."""
    device = tmp_path / "backlight" / "intel_backlight"
    device.mkdir(parents=True)
    (device / "brightness").write_text("180\n")
    (device / "bl_power").write_text("0\n")
    return device


@pytest.fixture
def school(make_window, settings, reader, panel):
    """A kiosk open Mon-Fri 08:00-16:30, one minute before closing on Monday 7 December 2026."""
    window = make_window(settings._replace(opening_hours="Mon-Fri 08:00-16:30"), reader)
    wall = WallClock(dt.datetime(2026, 12, 7, 16, 29, tzinfo=LONDON))
    schedule = ScreenSchedule(window, now=wall, backlight=Backlight(panel.parent))
    yield window, schedule, wall
    schedule.stop()


def brightness(panel: Path) -> str:
    return (panel / "brightness").read_text().strip()


def first_tile_point(window):
    tile = window.screen_widget.findChild(TileGrid).tiles[0]
    return tile.mapTo(window, tile.rect().center())


def touch(qtbot, window, where) -> None:
    """A finger at `where`: Qt gives it to the topmost widget there, as the screen would."""
    target = window.childAt(where)
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, where))


def close_for_the_night(schedule, wall) -> None:
    assert 60_000 - 1000 < schedule.timer.remainingTime() <= 60_001  # it waits for 16:30 exactly
    wall.advance(minutes=1)
    schedule.check()  # what the timer does at 16:30


def test_closing_time_ends_the_visit_and_goes_dark(qtbot, school, panel) -> None:
    window, schedule, wall = school
    window.open(Target("sectors"))
    assert not schedule.asleep and brightness(panel) == "180"
    close_for_the_night(schedule, wall)
    assert schedule.asleep and schedule.cover.isVisible() and schedule.cover.geometry() == window.rect()
    assert window.navigator.current.kind == "home" and not window.navigator.can_go_back  # the visit is over
    assert brightness(panel) == "0" and (panel / "bl_power").read_text() == "4"
    assert window.grab().toImage().pixelColor(window.width() // 2, window.height() // 2).name() == "#000000"
    assert not window.idle.timer.isActive()  # no "Are you still there?" on a dark screen
    assert window.scan_buttons() == ([], [])


def test_a_touch_wakes_it_without_pressing_what_is_beneath(qtbot, school, panel) -> None:
    window, schedule, wall = school
    close_for_the_night(schedule, wall)
    where = first_tile_point(window)
    assert window.childAt(where) is schedule.cover
    touch(qtbot, window, where)
    assert not schedule.asleep and not schedule.cover.isVisible() and brightness(panel) == "180"
    assert window.navigator.current == Target("home"), "the waking touch opened a page"
    touch(qtbot, window, where)  # the same place, now awake, opens a page
    assert window.navigator.current != Target("home")


def test_after_a_night_visit_it_goes_dark_again_when_the_idle_time_passes(qtbot, school, panel, clock,
                                                                          settings) -> None:
    window, schedule, wall = school
    close_for_the_night(schedule, wall)
    touch(qtbot, window, first_tile_point(window))
    assert not schedule.asleep and window.idle.timer.isActive()
    schedule.check()  # the timer looking at the clock again (closed still) leaves the visitor alone
    assert not schedule.asleep
    clock.advance(settings.idle_timeout_s)
    window.idle.check()
    assert schedule.asleep and schedule.cover.isVisible() and brightness(panel) == "0"


def test_opening_time_wakes_it(qtbot, school, panel) -> None:
    window, schedule, wall = school
    close_for_the_night(schedule, wall)
    assert schedule.timer.remainingTime() > LONGEST_WAIT_MS - 1000  # Tuesday 08:00 is far off: it looks again
    wall.now = dt.datetime(2026, 12, 8, 7, 55, tzinfo=LONDON)
    schedule.check()
    assert schedule.asleep and 5 * 60_000 - 1000 < schedule.timer.remainingTime() <= 5 * 60_000 + 1
    wall.advance(minutes=5)
    schedule.check()
    assert not schedule.asleep and not schedule.cover.isVisible() and brightness(panel) == "180"
    assert window.idle.timer.isActive()


def test_new_opening_hours_from_staff_apply_at_once(qtbot, school, panel) -> None:
    window, schedule, wall = school
    close_for_the_night(schedule, wall)
    window.settings = window.settings._replace(opening_hours="")
    schedule.check()
    assert not schedule.asleep and brightness(panel) == "180"
    assert schedule.timer.remainingTime() > LONGEST_WAIT_MS - 1000


def test_staff_can_get_in_while_it_is_dark(qtbot, make_window, settings, reader, clock, panel) -> None:
    window, _ = staff_window(make_window, settings._replace(opening_hours="Sat 09:00-12:00"), reader, clock)
    schedule = ScreenSchedule(window, now=WallClock(dt.datetime(2026, 12, 7, 20, 0, tzinfo=LONDON)),
                              backlight=Backlight(panel.parent))
    try:
        assert schedule.asleep  # started after closing time: dark at once
        where = bare_bar_point(window)
        assert window.childAt(window.top_bar.mapTo(window, where)) is schedule.cover
        touch(qtbot, window, window.top_bar.mapTo(window, where))  # the first tap wakes it
        assert not schedule.asleep and window.staff.pin_pad is None
        clock.advance(3)
        gesture(qtbot, window, clock)
        assert window.staff.pin_pad is not None and window.staff.pin_pad.isVisible()
        schedule.check()  # staff at work are never put in the dark
        assert not schedule.asleep
    finally:
        schedule.stop()


def test_new_opening_hours_saved_by_staff_count_at_once(qtbot, school, panel) -> None:
    window, schedule, _ = school
    assert window.screen_schedule is schedule  # it attached itself to the window
    window.apply_settings(window.settings._replace(opening_hours="Sat 09:00-12:00"))  # what saving settings does
    assert schedule.asleep and brightness(panel) == "0"
    window.apply_settings(window.settings._replace(opening_hours=""))  # always open
    assert not schedule.asleep and brightness(panel) == "180"
