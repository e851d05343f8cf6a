"""The staff screen's official figures: synced online like the other sources, or read from a USB stick, each with
progress and Cancel."""

from __future__ import annotations

from pathlib import Path

from tests.staff.ui_helpers import open_staff_screen, staff_window, tap

STICK = Path("/media/staff/STICK")


def test_the_official_figures_sync_with_progress_and_cancel(qtbot, make_window, settings, reader, clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    content = open_staff_screen(qtbot, window, clock).section("Up to date?")
    button = content.sync_buttons["official"]
    assert button.label == "Sync official figures (ONS, DfE)"
    with qtbot.waitSignal(window.staff.jobs.progressed, timeout=5000):
        tap(qtbot, button)
    qtbot.waitUntil(lambda: content.item.text() == "SOC 1001 (1 of 5)")
    assert content.result.text().startswith("Syncing official figures (ONS, DfE).")
    assert not content.usb_button.isEnabled() and not button.isEnabled()  # one job at a time
    tap(qtbot, content.cancel_button)
    with qtbot.waitSignal(window.staff.jobs.finished, timeout=5000):
        staff.step.release()  # the fake finishes its item, then sees the cancel
    assert staff.synced == ["official"]
    assert content.result.text() == "Sync stopped after 1 of 5 items."
    assert content.usb_button.isEnabled() and button.isEnabled() and not content.cancel_button.isEnabled()


def test_official_figures_from_a_usb_stick_show_progress_and_can_be_cancelled(qtbot, make_window, settings, reader,
                                                                              clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    staff.roots = [STICK]
    content = open_staff_screen(qtbot, window, clock).section("Up to date?")
    qtbot.waitUntil(lambda: not window.staff.jobs.busy)  # the Import section's first look at the stick
    assert content.usb_button.label == "Official figures from a USB stick"
    with qtbot.waitSignal(window.staff.jobs.progressed, timeout=5000):
        tap(qtbot, content.usb_button)
    qtbot.waitUntil(lambda: content.item.text() == "SOC 1001 (1 of 5)")
    assert (content.progress.value(), content.progress.maximum()) == (1, 5)
    assert content.result.text().startswith("Reading the official figures from the USB stick.")
    assert content.cancel_button.isEnabled() and not any(b.isEnabled() for b in content.sync_buttons.values())
    tap(qtbot, content.cancel_button)
    assert content.item.text() == "Stopping after the items under way…"
    with qtbot.waitSignal(window.staff.jobs.finished, timeout=5000):
        staff.step.release()
    assert staff.synced == [f"official from {STICK}"]
    assert content.result.text() == "Sync stopped after 1 of 5 items."
    assert content.usb_button.isEnabled() and not content.cancel_button.isEnabled()


def test_without_release_files_on_a_stick_it_says_what_to_do(qtbot, make_window, settings, reader, clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    content = open_staff_screen(qtbot, window, clock).section("Up to date?")
    with qtbot.waitSignal(window.staff.jobs.finished, timeout=5000):
        tap(qtbot, content.usb_button)
    assert staff.synced == []
    assert content.result.text() == "No official release files were found on a USB stick."
    assert content.usb_button.isEnabled() and content.item.text() == ""
