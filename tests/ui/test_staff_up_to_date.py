"""The staff screen opens on "Is my kiosk up to date?": a card per source in plain words with its Sync buttons,
the technical lines behind Details, and a side list whose selected section is calm, not an alarm."""

from __future__ import annotations

from kiosk.staff.api import PackStatus, SyncResult
from kiosk.staff.freshness import Freshness
from kiosk.ui.staff.content_section import DETAILS, SUMMARY
from kiosk.ui.staff.freshness_rows import summary_words
from kiosk.ui.staff.section_button import SectionButton
from kiosk.ui.theme import HIGH_CONTRAST, Palette, Theme
from tests.staff.fake_services import SAMPLE
from tests.staff.ui_helpers import open_staff_screen, staff_window, tap

# The fake's today is 24 Nov 2026: official figures made 14 months before it, LMI for All three days before.
OFFICIAL = PackStatus("official", "Official labour market figures", "ONS and DfE", "2025.9.1",
                      "2025-09-20T09:00:00+00:00", "2025-09-21T09:00:00+00:00", (("ONS ASHE 2025", "2025-09-20"),),
                      False, "2025.8.1")
LMI = PackStatus("lmiforall", "LMI for All figures", "LMI for All", "2026.11.21", "2026-11-21T08:00:00+00:00",
                 "2026-11-21T08:05:00+00:00", (("LMI for All API", "2026-11-21"),), False, None)


def card_words(content) -> dict[str, str]:
    return {card.line.name: card.status.text() for card in content.cards}


def test_the_first_section_says_how_fresh_each_source_is(qtbot, make_window, settings, reader, clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    staff.packs = [OFFICIAL, LMI, SAMPLE]
    screen = open_staff_screen(qtbot, window, clock)
    content = screen.section("Up to date?")
    assert screen.current is content and list(screen.section_buttons)[0] == "Up to date?"
    words = card_words(content)
    assert words["LMI for All"] == "Updated 3 days ago ✓"
    assert words["Official figures (ONS, DfE)"] == ("Not updated for 14 months — tap Sync official figures, or "
                                                    "bring the new release on a USB stick")
    assert words["National Careers Service job profiles"].startswith("Not on this kiosk yet — tap Sync National")
    assert "Sample content" in words
    # The answer first: the job library, the NCS (neither installed), old official figures and the sample.
    assert content.summary.text() == "4 things to do: see the cards below."
    assert summary_words([Freshness("LMI for All", True, "Updated today ✓")]) == "Yes: everything is up to date ✓"
    # Each online source's Sync button is on its card; the stick's is with the official figures.
    official = next(c for c in content.cards if c.line.sync == "official")
    assert content.sync_buttons["official"].parent() is official and content.usb_button.parent() is official
    assert all(content.sync_buttons[c.line.sync].isVisible() for c in content.cards if c.line.sync)
    assert "version" not in " ".join(words.values())  # the technical lines wait behind Details


def test_details_show_versions_sources_and_the_last_sync_report(qtbot, make_window, settings, reader, clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    staff.packs = [OFFICIAL, LMI]
    content = open_staff_screen(qtbot, window, clock).section("Up to date?")
    staff.free_run = True
    with qtbot.waitSignal(window.staff.jobs.finished, timeout=5000):
        tap(qtbot, content.sync_buttons["lmiforall"])
    assert content.details_button.label == DETAILS
    tap(qtbot, content.details_button)
    assert content.details_shown and content.details_button.label == SUMMARY and content.cards == []
    text = "\n".join(label.text() for label in content.packs.findChildren(type(content.item)) if label.isVisible())
    assert "official, version 2025.9.1, from ONS and DfE" in text and "last-known-good version: 2025.8.1" in text
    assert "Sources: ONS ASHE 2025 (retrieved 2025-09-20)" in text
    assert "The last sync's report" in text and "• SOC 1003: no pay figures; skipped" in text
    tap(qtbot, content.details_button)
    assert not content.details_shown and content.details_button.label == DETAILS and content.cards


def test_a_sync_that_fails_says_so_on_its_card(qtbot, make_window, settings, reader, clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    staff.packs = [OFFICIAL, LMI]

    def broken(source, progress, cancelled):
        raise OSError("the network is down")

    staff.sync = broken
    content = open_staff_screen(qtbot, window, clock).section("Up to date?")
    with qtbot.waitSignal(window.staff.jobs.finished, timeout=5000):
        tap(qtbot, content.sync_buttons["lmiforall"])
    assert card_words(content)["LMI for All"] == ("The last sync did not work (Details says why) — try again: "
                                                  "tap Sync LMI for All")
    assert content.result.text() == "The sync stopped: the network is down"


def test_the_selected_section_is_filled_not_ringed(qtbot, make_window, settings, reader, clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    screen = open_staff_screen(qtbot, window, clock)
    buttons = screen.section_buttons
    assert buttons["Up to date?"].selected and not buttons["Usage"].selected
    screen.show_section("Usage")
    assert buttons["Usage"].selected and not buttons["Up to date?"].selected
    assert not any(b.marked for b in buttons.values())  # the orange focus ring stays for switches and speech
    p = Palette()
    fill, text, _detail, _edge = buttons["Usage"]._colours()
    assert (fill, text) == (p.accent, "#FFFFFF")
    assert buttons["Up to date?"]._colours()[0] == p.tile


def test_the_selected_section_reads_in_high_contrast(qtbot) -> None:
    button = SectionButton("Usage", Theme(1.0, HIGH_CONTRAST), role="tile")
    qtbot.addWidget(button)
    button.set_selected(True)
    fill, text, _detail, _edge = button._colours()
    assert (fill, text) == (HIGH_CONTRAST.accent, HIGH_CONTRAST.window)  # black on the light green


def test_the_cards_have_the_room_until_there_is_progress_or_a_result(qtbot, make_window, settings, reader, clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    staff.packs = [OFFICIAL, LMI]
    content = open_staff_screen(qtbot, window, clock).section("Up to date?")
    assert not content.result.isVisible() and not content.progress_box.isVisible()
    with qtbot.waitSignal(window.staff.jobs.progressed, timeout=5000):
        tap(qtbot, content.sync_buttons["ncs"])
    assert content.progress_box.isVisible() and content.cancel_button.isEnabled()  # while the sync runs
    staff.free_run = True
    with qtbot.waitSignal(window.staff.jobs.finished, timeout=5000):
        staff.step.release()
    assert content.result.isVisible() and content.result.text().startswith("Synced 5 items from ncs.")
    assert not content.progress_box.isVisible()


def test_a_sync_report_is_never_cut_off(qtbot, make_window, settings, reader, clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock, size=(1280, 800))
    staff.packs = [OFFICIAL, LMI, SAMPLE]
    content = open_staff_screen(qtbot, window, clock).section("Up to date?")
    staff.free_run = True
    with qtbot.waitSignal(window.staff.jobs.finished, timeout=5000):
        tap(qtbot, content.sync_buttons["lmiforall"])
    panel = content.result
    room = panel.area.viewport()
    # A short report shows whole on the small screen, under the cards (which scroll).
    qtbot.waitUntil(lambda: panel.label.heightForWidth(room.width()) <= room.height())
    assert not panel.down_button.isVisible()
    # A long one can be read to its end with Down, and Details has it whole too.
    many = [f"SOC {n}: no pay figures; skipped" for n in range(1000, 1030)]
    staff.sync = lambda source, progress, cancelled: SyncResult("Synced 30 items.", many, installed="lmiforall 3")
    with qtbot.waitSignal(window.staff.jobs.finished, timeout=5000):
        tap(qtbot, content.sync_buttons["lmiforall"])
    qtbot.waitUntil(panel.down_button.isVisible)
    bar = panel.area.verticalScrollBar()
    while bar.value() < bar.maximum():
        tap(qtbot, panel.down_button)
    last = panel.label.fontMetrics().lineSpacing()
    assert panel.label.geometry().bottom() - bar.value() <= room.height() + last  # the last line is in view
    assert content.report.endswith("• SOC 1029: no pay figures; skipped")
