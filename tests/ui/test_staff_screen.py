"""The staff screen's sections: sync with progress and Cancel, removing the sample, USB import and export, settings,
and leaving."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.config import ASSETS_DIR, load_settings
from kiosk.content.pages.page import HOME, Target
from kiosk.staff.api import UsbPack
from kiosk.ui.staff.sample_removal import INSTALL_FIRST, QUESTION
from kiosk.ui.staff.usb_sections import EXPORT_FOLDER, NO_STICK, found_lines
from tests.staff.fake_services import PACK, SAMPLE
from tests.staff.ui_helpers import open_staff_screen, staff_window, tap

STICK = Path("/media/staff/STICK")


def test_sync_reports_progress_and_cancel_stops_it(qtbot, make_window, settings, reader, clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    content = open_staff_screen(qtbot, window, clock).section("Up to date?")
    with qtbot.waitSignal(window.staff.jobs.progressed, timeout=5000):
        tap(qtbot, content.sync_buttons["lmiforall"])
    qtbot.waitUntil(lambda: content.item.text() == "SOC 1001 (1 of 5)")
    assert (content.progress.value(), content.progress.maximum()) == (1, 5)
    assert not any(b.isEnabled() for b in content.sync_buttons.values())  # one job at a time
    assert window.staff.run("export", lambda progress, cancelled: []) is False
    assert not window.staff.screen.section("Import").look_button.isEnabled()
    tap(qtbot, content.cancel_button)
    assert not content.cancel_button.isEnabled()
    with qtbot.waitSignal(window.staff.jobs.finished, timeout=5000):
        staff.step.release()  # the fake finishes its item, then sees the cancel
    assert staff.synced == ["lmiforall"]
    assert content.result.text() == "Sync stopped after 1 of 5 items."
    assert all(b.isEnabled() for b in content.sync_buttons.values()) and not content.cancel_button.isEnabled()


def test_a_finished_sync_shows_its_problems_and_fresh_content(qtbot, make_window, settings, reader, clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    window.open(Target("occupation", "nurse"))
    content = open_staff_screen(qtbot, window, clock).section("Up to date?")
    staff.free_run = True
    with qtbot.waitSignal(window.staff.jobs.finished, timeout=5000):
        tap(qtbot, content.sync_buttons["ncs"])
    assert content.result.text() == ("Synced 5 items from ncs.\n\n1 problem:\n• SOC 1003: no pay figures; skipped")
    assert window.navigator.current == HOME and window.screen_widget.page.target == HOME
    assert window.staff.cover.isVisible()  # staff still see the result; the pupils' side is ready underneath


def test_import_from_a_usb_stick_then_the_kiosk_shows_home(qtbot, make_window, settings, reader, clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    window.open(Target("sectors"))
    screen = open_staff_screen(qtbot, window, clock)
    section = screen.section("Import")
    screen.show_section("Import")
    assert section.notice == NO_STICK
    good = UsbPack(STICK / "national-2.0.zip", "national", "2.0", "LMI hub",
                   "signed by a trusted key: LMI hub (key ab12cd3400000000)", None, True)
    bad = UsbPack(STICK / "broken.zip", None, None, None, None, "the pack is truncated or damaged: its zip "
                  "directory cannot be read, so nothing in it can be checked or installed on this kiosk")
    unsigned = UsbPack(STICK / "school-3.zip", "school", "3", "Hillside Academy", None, None)
    staff.roots, staff.found = [STICK], [good, unsigned, bad]
    with qtbot.waitSignal(window.staff.jobs.finished, timeout=5000):
        screen.usb.poll()  # what the two-second timer does: the stick was plugged in
    assert section.notice == "" and list(section.import_buttons) == [good.path, unsigned.path]  # none if broken
    box = section.found_panel.area.widget()
    qtbot.waitUntil(lambda: box.height() >= box.layout().heightForWidth(box.width()) > 0)  # the cards laid out
    QApplication.processEvents()  # and the scroll area's answer to their sizes
    assert section.found_panel.area.verticalScrollBar().maximum() == 0  # they fit: nothing to scroll through
    home_before = window.screen_widget
    with qtbot.waitSignal(window.staff.jobs.finished, timeout=5000):
        tap(qtbot, section.import_buttons[good.path])
    assert staff.imported == [good.path]
    assert section.result.text() == "Imported national-2.0.zip."
    assert window.navigator.current == HOME and window.screen_widget is not home_before  # a fresh home page
    tap(qtbot, screen.back_button)
    assert not window.staff.is_open and window.screen_widget.page.target == HOME


def test_a_found_pack_says_what_it_is_or_why_it_cannot_be_imported() -> None:
    unsigned = UsbPack(STICK / "school-3.zip", "school", "3", "Hillside Academy", None, None)
    assert found_lines(unsigned) == ["school version 3", "From Hillside Academy; not signed", str(unsigned.path)]
    assert found_lines(unsigned, require_signed=True)[1] == ("From Hillside Academy; not signed, so this kiosk will "
                                                             "refuse it (it accepts only signed packs)")
    broken = UsbPack(STICK / "broken.zip", None, None, None, None, "not a zip file")
    assert found_lines(broken, require_signed=True) == ["broken.zip", "Cannot be imported: not a zip file",
                                                        str(broken.path)]


def test_export_copies_every_pack_to_the_stick(qtbot, make_window, settings, reader, clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    staff.roots = [STICK]
    screen = open_staff_screen(qtbot, window, clock)
    qtbot.waitUntil(lambda: not window.staff.jobs.busy)  # the first look at the stick
    screen.show_section("Export")
    section = screen.current
    assert section.stick.text() == f"USB stick: {STICK}"
    assert section.packs.text() == "It copies 1 pack:\n• National careers figures (national, version 1.0)"
    with qtbot.waitSignal(window.staff.jobs.finished, timeout=5000):
        tap(qtbot, section.export_button)
    assert staff.exported == [STICK / EXPORT_FOLDER]
    assert section.result.text() == f"Copied 1 pack(s) to {STICK / EXPORT_FOLDER}:\n• national-1.0.zip"
    staff.roots = []
    screen.usb.poll()  # the stick was pulled out
    assert not section.export_button.isEnabled() and section.stick.text() == NO_STICK


def test_settings_save_to_the_file_and_apply(qtbot, make_window, settings, reader, clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    screen = open_staff_screen(qtbot, window, clock)
    screen.show_section("Settings")
    form = screen.current
    tap(qtbot, form.rows["idle_timeout_s"].plus_button)
    tap(qtbot, form.rows["default_mode"].next_button)
    tap(qtbot, form.rows["speech_voice"].next_button)
    assert form.rows["default_mode"].shown.text() == "Words and pictures"
    tap(qtbot, form.save_button)
    saved = load_settings(settings.data_dir, environ={})
    assert (saved.idle_timeout_s, saved.default_mode, saved.speech_voice) == (150, "picture", "gmw/en")
    assert form.result.text() == ("Saved. How each visit starts applies from the next visit. Idle time applies now. "
                                  "Speech voice applies now.")
    assert window.idle.timeout_s == 150
    assert window.default_display.mode == "picture" and window.display.mode == "standard"  # next visit
    assert window.staff.cover.isVisible() and window.staff.cover.geometry() == window.rect()
    tap(qtbot, form.save_button)
    assert form.result.text() == "Nothing to save: the settings are as they were."


def test_a_refused_setting_says_why_and_leaves_the_file(qtbot, make_window, settings, reader, clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    screen = open_staff_screen(qtbot, window, clock)
    screen.show_section("Settings")
    form = screen.current
    broken = b"region = London\n"  # edited by hand while the kiosk runs: the text is not quoted
    (settings.data_dir / "settings.toml").write_bytes(broken)
    tap(qtbot, form.rows["idle_timeout_s"].plus_button)
    tap(qtbot, form.save_button)
    assert form.result.text().startswith("Not saved: settings.toml is not valid TOML")
    assert (settings.data_dir / "settings.toml").read_bytes() == broken and window.idle.timeout_s == 120


def test_leaving_the_kiosk_asks_then_exits_with_staff_left(qtbot, make_window, settings, reader, clock,
                                                          monkeypatch) -> None:
    from kiosk.recovery.exit_codes import STAFF_LEFT
    from kiosk.ui.staff.leave_section import QUESTION

    exits = []
    monkeypatch.setattr(QApplication, "exit", lambda code=0: exits.append(code))
    window, _ = staff_window(make_window, settings, reader, clock)
    screen = open_staff_screen(qtbot, window, clock)
    screen.show_section("Leave the kiosk")
    leave = screen.current
    window.allow_close = False
    tap(qtbot, leave.close_button)
    assert exits == [] and leave.yes_button.isVisible() and leave.question.text() == QUESTION
    tap(qtbot, leave.no_button)
    assert exits == [] and not leave.yes_button.isVisible() and not window.allow_close
    tap(qtbot, leave.close_button)
    tap(qtbot, leave.yes_button)
    assert exits == [STAFF_LEFT] and window.allow_close  # the service manager leaves a staff exit stopped
    window.close()
    assert not window.isVisible()


def test_a_real_import_from_a_stick_shows_the_new_content(qtbot, make_window, settings, reader, clock,
                                                          tmp_path: Path, monkeypatch) -> None:
    import kiosk.content.usb_packs as usb_packs
    from kiosk.content.pack_store import PackStore
    from kiosk.staff.pin import PinStore
    from kiosk.staff.services import StaffServices
    from kiosk.staff.usage import UsageLog
    from tests.helpers.packs import make_pack, national_tables, occupation
    from tests.staff.fake_services import QUICK_HASHER

    stick = tmp_path / "stick"
    stick.mkdir()
    tables = national_tables()
    tables["occupations"].append(occupation("astronaut", "Astronaut"))
    make_pack(stick / "national-2.0.zip", tables, version="2.0")
    monkeypatch.setattr(usb_packs, "removable_roots", lambda *a, **k: [stick])
    window = make_window(settings, reader)
    services = StaffServices(settings, PackStore(settings.data_dir),
                             PinStore(settings.data_dir / "staff-pin.json", clock=clock, hasher=QUICK_HASHER),
                             UsageLog(settings.data_dir / "usage.db"))
    window.attach_staff(services)
    window.open(Target("a-z"))
    assert "Astronaut" not in [c.label for c in window.screen_widget.page.choices]
    screen = open_staff_screen(qtbot, window, clock)
    qtbot.waitUntil(lambda: not window.staff.jobs.busy)  # the look at the stick
    screen.show_section("Import")
    section = screen.current
    with qtbot.waitSignal(window.staff.jobs.finished, timeout=20_000):
        tap(qtbot, section.import_buttons[stick / "national-2.0.zip"])
    assert section.result.text() == "Imported national pack (national) version 2.0, replacing 1.0 (kept as " \
                                    "last-known-good)."
    tap(qtbot, screen.back_button)
    window.open(Target("a-z"))
    assert "Astronaut" in [c.label for c in window.screen_widget.page.choices]  # the same reader sees it
    [status] = [s for s in services.pack_status() if s.pack_id == "national"]
    assert (status.version, status.last_known_good) == ("2.0", "1.0")


def test_a_failing_job_says_so_and_frees_the_screen(qtbot, make_window, settings, reader, clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)

    def unreadable():
        raise OSError("[Errno 5] Input/output error: '/media/staff/STICK'")

    staff.usb_packs = unreadable
    staff.roots = [STICK]
    screen = open_staff_screen(qtbot, window, clock)
    qtbot.waitUntil(lambda: not window.staff.jobs.busy)
    section = screen.section("Import")
    assert section.notice == "The USB stick could not be read: [Errno 5] Input/output error: '/media/staff/STICK'"
    assert section.look_button.isEnabled()


@pytest.fixture
def sample_and_national(tmp_path: Path, clock, monkeypatch):
    """A kiosk's data as it is after its first start and one import: the sample, the built-in official figures and
    a real (national) pack; its settings, the window's reader and the real staff services on it."""
    import kiosk.content.usb_packs as usb_packs
    from kiosk.content.pack_store import PackStore
    from kiosk.content.reader import open_reader
    from kiosk.staff.pin import PinStore
    from kiosk.staff.services import StaffServices
    from kiosk.staff.usage import UsageLog
    from tests.helpers.packs import make_pack
    from tests.staff.fake_services import QUICK_HASHER

    monkeypatch.setattr(usb_packs, "removable_roots", lambda *a, **k: [])  # whatever this machine has plugged in
    data_dir = tmp_path / "kiosk"
    store = PackStore(data_dir)
    store.start(ASSETS_DIR / "sample", (ASSETS_DIR / "library", ASSETS_DIR / "official"))
    make_pack(tmp_path / "national.zip")
    store.install(tmp_path / "national.zip")
    assert sorted(store.entries()) == ["library", "national", "official", "sample"]
    settings = load_settings(data_dir, environ={})
    services = StaffServices(settings, store, PinStore(data_dir / "staff-pin.json", clock=clock, hasher=QUICK_HASHER),
                             UsageLog(data_dir / "usage.db"))
    reader = open_reader(store.db_path)
    yield settings, reader, services
    reader.close()


def test_the_sample_can_be_removed_only_once_other_content_is_in(qtbot, make_window, settings, reader, clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    staff.packs = [SAMPLE]  # a fresh kiosk
    screen = open_staff_screen(qtbot, window, clock)
    content = screen.section("Up to date?")
    assert content.sample_removals == {}  # the sample's Remove is among the details
    tap(qtbot, content.details_button)
    removal = content.sample_removals["sample"]
    assert not removal.remove_button.isVisible() and removal.install_first.isVisible()
    assert removal.install_first.text() == INSTALL_FIRST
    staff.packs = [PACK, SAMPLE]  # a sync or an import brought real content
    screen.show_section("Up to date?")
    assert list(content.sample_removals) == ["sample"]  # on the sample's card only
    removal = content.sample_removals["sample"]
    assert removal.remove_button.isVisible() and not removal.install_first.isVisible()
    assert not removal.asking and staff.removed == []


def test_confirming_removes_the_sample_and_its_ribbon(qtbot, make_window, sample_and_national, clock) -> None:
    settings, reader, services = sample_and_national
    window = make_window(settings, reader)
    window.attach_staff(services)
    window.open(Target("sectors"))
    assert window.ribbon.isVisible()
    screen = open_staff_screen(qtbot, window, clock)
    content = screen.section("Up to date?")
    tap(qtbot, content.details_button)
    removal = content.sample_removals["sample"]
    version = services.store.entries()["sample"].content_version
    tap(qtbot, removal.remove_button)
    assert removal.asking and removal.question.text() == QUESTION and not removal.remove_button.isVisible()
    page_before = window.screen_widget
    with qtbot.waitSignal(window.staff.jobs.finished, timeout=20_000):
        tap(qtbot, removal.yes_button)
    assert sorted(services.store.entries()) == ["library", "national", "official"]
    assert content.result.text() == (f"Removed Sample careers content (sample) version {version}. "
                                     "Pupils now see only the real content.")
    assert content.sample_removals == {}  # the pack list was read again: one card, the national pack's
    # Under the staff screen, the pupils' side is already a fresh home page, with no ribbon.
    assert window.staff.cover.isVisible()
    assert window.navigator.current == HOME and window.screen_widget is not page_before
    assert not window.ribbon.isVisible() and not reader.has_sample_content()
    tap(qtbot, screen.back_button)
    assert window.screen_widget.page.target == HOME and not window.ribbon.isVisible()


def test_no_keeps_the_sample(qtbot, make_window, sample_and_national, clock) -> None:
    settings, reader, services = sample_and_national
    window = make_window(settings, reader)
    window.attach_staff(services)
    content = open_staff_screen(qtbot, window, clock).section("Up to date?")
    tap(qtbot, content.details_button)
    started = []
    window.staff.jobs.started.connect(started.append)
    removal = content.sample_removals["sample"]
    tap(qtbot, removal.remove_button)
    tap(qtbot, removal.no_button)
    assert not removal.asking and removal.remove_button.isVisible()
    assert started == [] and sorted(services.store.entries()) == ["library", "national", "official", "sample"]
    assert window.ribbon.isVisible() and reader.has_sample_content()


def test_a_failed_removal_says_so(qtbot, make_window, settings, reader, clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    staff.packs = [PACK, SAMPLE]

    def full_disk(pack_id):
        raise OSError(f"[Errno 28] No space left on device: removing {pack_id}")

    staff.remove_pack = full_disk
    content = open_staff_screen(qtbot, window, clock).section("Up to date?")
    tap(qtbot, content.details_button)
    tap(qtbot, content.sample_removals["sample"].remove_button)
    with qtbot.waitSignal(window.staff.jobs.finished, timeout=5000):
        tap(qtbot, content.sample_removals["sample"].yes_button)
    assert content.result.text() == "The pack was not removed: [Errno 28] No space left on device: removing sample"
    assert content.sample_removals["sample"].remove_button.isEnabled()


def test_the_import_list_says_when_the_stick_had_too_many_files_to_look_at(qtbot, make_window, settings, reader,
                                                                           clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    screen = open_staff_screen(qtbot, window, clock)
    section = screen.section("Import")
    screen.show_section("Import")
    too_many = ("The stick has more than 5,000 files and folders; only the first 5,000 were looked at, so packs "
                "further down may be missing. Put the packs in the stick's top folder.")
    good = UsbPack(STICK / "national-2.0.zip", "national", "2.0", "LMI hub", None, None)
    staff.roots, staff.found, staff.unfinished = [STICK], [good], too_many
    with qtbot.waitSignal(window.staff.jobs.finished, timeout=5000):
        screen.usb.poll()  # the stick was plugged in
    assert section.notice == too_many and list(section.import_buttons) == [good.path]
    staff.found = []
    with qtbot.waitSignal(window.staff.jobs.finished, timeout=5000):
        tap(qtbot, section.look_button)
    assert section.notice == f"No pack files were found on the USB stick. {too_many}"
