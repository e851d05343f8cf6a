"""Usage counts rise as pupils use the kiosk, visit by visit, and staff see them and export them as CSV."""

from __future__ import annotations

import csv
from pathlib import Path

from kiosk.content.pages.page import SEARCH, Target
from kiosk.ui.session_display import Display
from kiosk.ui.staff.usb_sections import NO_STICK
from tests.staff.ui_helpers import open_staff_screen, staff_window, tap


def counts(usage) -> dict[tuple[str, str], int]:
    """This week's counts by (kind, item)."""
    return {(c.kind, c.item): c.count for c in usage.summary("2026-W48")}


def idle_reset(window, settings, clock) -> None:
    """Let the idle time pass, as a pupil walking away would."""
    clock.advance(settings.idle_timeout_s)
    window.idle.check()


def test_counts_rise_as_pages_are_viewed(qtbot, make_window, settings, reader, clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    window.open(Target("sectors"))
    window.open(Target("occupation", "nurse"))
    window.set_display(Display(mode="picture"))
    window.open(Target("occupation", "plumber"))
    window.open(SEARCH)
    for letter in "QXZ":
        tap(qtbot, window.screen_widget.keyboard.keys[letter])
    window.open(Target("occupation", "no-such-job"))
    assert not staff.usage.path.exists()  # counted in memory while the pupil is here
    idle_reset(window, settings, clock)
    c = counts(staff.usage)
    assert c[("visit", "")] == 1
    assert c[("page", "sectors")] == 1 and c[("page", "occupation")] == 2 and c[("page", "search")] == 1
    assert c[("page", "missing")] == 1 and ("occupation", "no-such-job") not in c
    assert c[("occupation", "nurse")] == 1 and c[("occupation", "plumber")] == 1
    assert c[("mode", "standard")] == 1 and c[("mode", "picture")] == 1
    assert b"qxz" not in staff.usage.path.read_bytes().lower()  # what was typed is never kept
    window.open(Target("a-z"))
    idle_reset(window, settings, clock)
    idle_reset(window, settings, clock)  # nobody came: no visit
    assert counts(staff.usage)[("visit", "")] == 2


def test_staff_see_the_counts_and_export_them(qtbot, make_window, settings, reader, clock, tmp_path: Path) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    stick = tmp_path / "stick"
    stick.mkdir()
    window.open(Target("occupation", "nurse"))
    idle_reset(window, settings, clock)
    staff.roots = []
    screen = open_staff_screen(qtbot, window, clock)
    section = screen.section("Usage")
    assert section.result.text() == NO_STICK and not section.export_button.isEnabled()  # says why it waits
    staff.roots = [stick]
    screen.usb.poll()  # the stick is plugged in
    qtbot.waitUntil(lambda: not window.staff.jobs.busy)  # Import's look for packs on it
    screen.show_section("Usage")
    assert section.result.text() == "" and screen.current is section
    assert section.week.value == "2026-W48" and section.week.shown.text() == "Week of Mon 23 Nov 2026"
    text = section.counts.text()
    assert text.startswith("Visits: 1\n\nPages opened:\n• A job's page: 1")
    assert "Jobs looked at:\n• Nurse: 1" in text and "Visits using each look:\n• words: 1" in text
    assert section.term.text().startswith("Autumn term 2026 (1 Sep to 31 Dec 2026): 1 visit\n\n"
                                          "Most viewed jobs this term:\n1. Nurse: 1\n\n"
                                          "Pages opened this term:\n• A job's page: 1")
    with qtbot.waitSignal(window.staff.jobs.finished, timeout=5000):
        tap(qtbot, section.export_button)
    [evidence] = staff.usage_exports
    weekly = evidence.with_name("usage.csv")
    assert section.result.text() == f"Evidence for Gatsby Benchmark 2: {evidence}\nEvery week's counts: {weekly}"
    with open(evidence, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[1] == ["Term", "Autumn term 2026 (1 Sep to 31 Dec 2026)"] and ["Visits", "1"] in rows
    assert rows[rows.index(["Most viewed job", "Times"]) + 1] == ["Nurse", "1"]
    with open(weekly, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert ["2026-W48", "occupation", "nurse", "Nurse", "1"] in rows and rows[0][0] == "week"
