"""The settings section's region, chosen among those the content's figures name, and its NCS API key, typed
masked, kept in its own file (never settings.toml), never shown back and never logged."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import pytest

from kiosk.config import load_settings
from kiosk.content.pack_store import PackStore
from kiosk.sources.ncs.api_key import ncs_api_key
from kiosk.staff.machine_words import NO_ENGINE, NO_PRINTER, NO_SPEAKER, NO_VOICES, SpeechOff, printer_fix
from kiosk.staff.ncs_key import NCS_KEY_ENV, NCS_KEY_FILE
from kiosk.staff.settings_file import save_settings
from kiosk.ui.staff.key_row import KEY_SET
from kiosk.ui.staff import settings_section
from kiosk.ui.staff.settings_section import region_options
from tests.helpers.packs import figures, make_pack, national_tables
from tests.staff.ui_helpers import open_staff_screen, staff_window, tap

KEY = "5ecret0key9a"  # typed on the staff keyboard, so digits and lower-case letters only


@pytest.fixture(autouse=True)
def no_key_in_the_environment(monkeypatch) -> None:
    monkeypatch.delenv(NCS_KEY_ENV, raising=False)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """The national test pack, with pay figures for three regions besides the UK."""
    tables = national_tables()
    for region in ("Wales", "London", "North East"):
        tables["pay"] += figures("nurse", region=region)["pay"]
    make_pack(tmp_path / "national.zip", tables)
    PackStore(tmp_path / "data").install(tmp_path / "national.zip")
    return tmp_path / "data"


def settings_form(qtbot, window, clock):
    screen = open_staff_screen(qtbot, window, clock)
    screen.show_section("Settings")
    return screen, screen.current


def labels(row) -> list[str]:
    return [label for _, label in row.options]


def type_on_the_keyboard(qtbot, form, field, text: str) -> None:
    field.setFocus()
    qtbot.waitUntil(form.keyboard.isVisible)
    for char in text:
        tap(qtbot, form.keyboard.keys["Space" if char == " " else char.upper()])
    tap(qtbot, form.keyboard.keys["Done"])


def test_region_options_keep_a_region_without_figures_in_its_place() -> None:
    assert region_options(["UK", "London"], "UK") == [("UK", "UK"), ("London", "London")]
    assert region_options(["UK", "London"], "Atlantis", "London", "Atlantis") == [
        ("UK", "UK"), ("Atlantis", "Atlantis (no figures for it yet)"), ("London", "London")]
    assert region_options([], "UK") == [("UK", "UK (no figures for it yet)")]
    assert region_options(None, "Wales") == [("Wales", "Wales")]  # the content cannot be read: nothing is marked


def test_the_region_is_chosen_among_those_the_figures_name(qtbot, make_window, settings, reader, clock) -> None:
    window, _ = staff_window(make_window, settings, reader, clock)
    _, form = settings_form(qtbot, window, clock)
    region = form.rows["region"]
    assert labels(region) == ["UK", "London", "North East", "Wales"] and region.shown.text() == "UK"
    tap(qtbot, region.previous_button)  # round to the end of the list
    assert region.shown.text() == "Wales"
    tap(qtbot, region.next_button)
    tap(qtbot, region.next_button)
    assert region.value == "London"
    tap(qtbot, form.save_button)
    assert form.result.text() == "Saved. Region applies now."
    assert load_settings(settings.data_dir, environ={}).region == "London" and window.settings.region == "London"


def test_a_region_the_content_does_not_know_stays_and_is_marked(qtbot, make_window, data_dir, reader,
                                                                clock) -> None:
    settings = save_settings(data_dir, {"region": "Atlantis"}, environ={})
    window, _ = staff_window(make_window, settings, reader, clock)
    _, form = settings_form(qtbot, window, clock)
    region = form.rows["region"]
    assert region.value == "Atlantis" and region.shown.text() == "Atlantis (no figures for it yet)"
    assert labels(region) == ["UK", "Atlantis (no figures for it yet)", "London", "North East", "Wales"]
    tap(qtbot, form.rows["idle_timeout_s"].plus_button)
    tap(qtbot, form.save_button)
    assert form.result.text() == "Saved. Idle time applies now."
    assert load_settings(data_dir, environ={}).region == "Atlantis"  # kept, not quietly put back to the UK


def test_regions_an_import_brings_are_offered_next_time(qtbot, make_window, settings, reader, clock,
                                                        tmp_path: Path) -> None:
    window, _ = staff_window(make_window, settings, reader, clock)
    screen, form = settings_form(qtbot, window, clock)
    region = form.rows["region"]
    tap(qtbot, region.next_button)
    assert region.value == "London"  # chosen, not yet saved
    hub = {"pay": figures("plumber", region="Scotland")["pay"]}
    make_pack(tmp_path / "hub.zip", hub, pack_id="hub", layer="regional")
    PackStore(settings.data_dir).install(tmp_path / "hub.zip")
    screen.show_section("Up to date?")
    screen.show_section("Settings")
    assert labels(region) == ["UK", "London", "North East", "Scotland", "Wales"]
    assert region.value == "London"  # what staff chose survives the new list


def test_the_ncs_key_is_typed_as_dots_and_kept_in_its_own_file(qtbot, make_window, settings, reader, clock,
                                                              caplog) -> None:
    caplog.set_level(logging.DEBUG)
    window, staff = staff_window(make_window, settings, reader, clock)
    _, form = settings_form(qtbot, window, clock)
    key = form.ncs_key
    assert key.field.placeholderText() == "" and not key.remove_button.isEnabled()
    type_on_the_keyboard(qtbot, form, key.field, KEY)
    assert key.field.text() == KEY and KEY not in key.field.displayText()  # dots on the screen
    tap(qtbot, form.save_button)
    assert form.result.text() == "Saved. The NCS API key is kept for the next sync."
    path = settings.data_dir / NCS_KEY_FILE
    assert ncs_api_key(settings.data_dir) == KEY  # where sync looks
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not (settings.data_dir / "settings.toml").exists()  # the key is not a setting
    assert key.field.text() == "" and key.field.placeholderText() == KEY_SET  # never shown back
    assert key.remove_button.isEnabled()
    assert KEY not in caplog.text


def test_an_empty_key_field_leaves_the_kept_key_alone(qtbot, make_window, settings, reader, clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    staff.save_ncs_key(KEY)
    _, form = settings_form(qtbot, window, clock)
    assert form.ncs_key.field.text() == "" and form.ncs_key.field.placeholderText() == KEY_SET
    tap(qtbot, form.rows["idle_timeout_s"].plus_button)
    tap(qtbot, form.save_button)
    assert form.result.text() == "Saved. Idle time applies now."
    assert (settings.data_dir / NCS_KEY_FILE).read_text().strip() == KEY
    assert KEY not in (settings.data_dir / "settings.toml").read_text()


def test_remove_the_key_deletes_its_file(qtbot, make_window, settings, reader, clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    staff.save_ncs_key(KEY)
    _, form = settings_form(qtbot, window, clock)
    tap(qtbot, form.ncs_key.remove_button)
    assert not (settings.data_dir / NCS_KEY_FILE).exists()
    assert form.result.text() == ("The NCS API key was removed. Syncing the National Careers Service needs a key "
                                  "again.")
    assert form.ncs_key.field.placeholderText() == "" and not form.ncs_key.remove_button.isEnabled()


def test_a_refused_key_saves_nothing_and_is_not_repeated(qtbot, make_window, settings, reader, clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    _, form = settings_form(qtbot, window, clock)
    tap(qtbot, form.rows["idle_timeout_s"].plus_button)
    type_on_the_keyboard(qtbot, form, form.ncs_key.field, "abc 123")
    tap(qtbot, form.save_button)
    assert form.result.text() == ("Not saved: the National Careers Service API key must be letters, digits and "
                                  "signs, with no spaces")
    assert not (settings.data_dir / NCS_KEY_FILE).exists() and not (settings.data_dir / "settings.toml").exists()
    assert form.ncs_key.field.text() == "abc 123"  # still there to put right


def test_a_key_from_the_environment_is_named_and_cannot_be_removed_here(qtbot, make_window, settings, reader,
                                                                        clock) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    staff.ncs_environ[NCS_KEY_ENV] = "from-the-environment"
    _, form = settings_form(qtbot, window, clock)
    assert form.ncs_key.field.placeholderText() == KEY_SET and not form.ncs_key.remove_button.isEnabled()
    assert NCS_KEY_ENV in form.ncs_key.note.text()


def test_settings_the_kiosk_could_not_use_are_shown_to_staff(qtbot, make_window, data_dir, reader, clock) -> None:
    (data_dir / "settings.toml").write_text('idle_timeout_s = 5\nregion = "London"\ncolour = "red"\n')
    settings = load_settings(data_dir, environ={})  # the kiosk starts, on the idle time's default
    assert (settings.idle_timeout_s, settings.region) == (120, "London")
    window, _ = staff_window(make_window, settings, reader, clock)
    _, form = settings_form(qtbot, window, clock)
    assert form.problems.isVisible()
    shown = form.problems.text()
    assert shown.startswith("Some settings could not be used, so the kiosk is using other values.")
    assert ("settings.toml: idle_timeout_s must be between 30 and 1200 seconds, not 5; the kiosk uses 120 instead"
            in shown)
    assert "settings.toml: 'colour' is not a setting the kiosk knows, so it is ignored" in shown
    tap(qtbot, form.save_button)  # nothing changed in the form, but saving puts the file right
    assert form.result.text() == "Saved." and not form.problems.isVisible()
    assert load_settings(data_dir, environ={}) == window.staff.services.settings._replace(windowed=False)
    assert load_settings(data_dir, environ={}).region == "London"  # the usable setting is kept ...
    assert "colour" in (data_dir / "settings.toml.old").read_text()  # ... and the old file too
    window.staff.close()


def test_the_careers_contact_is_typed_saved_and_printed_and_staff_see_where_sheets_went(
        qtbot, make_window, settings, reader, clock) -> None:
    import datetime as dt

    from kiosk.content.pages.page import Target
    from tests.ui.test_take_home import pdf_text

    window, _ = staff_window(make_window, settings, reader, clock)
    screen, form = settings_form(qtbot, window, clock)
    folder = settings.data_dir / "sheets"
    assert form.sheets_note.text() == (f"Careers sheets are saved as PDF files in {folder}, for staff to print. "
                                       "No sheet yet since the kiosk started.")
    contact = form.rows["careers_contact"]
    # No placeholder that could be taken for typed words: the note says what a blank field prints.
    assert contact.field.placeholderText() == "" and contact.field.maxLength() == 120
    assert contact.note.text().endswith('Blank prints "Ask at the careers desk."')
    type_on_the_keyboard(qtbot, form, contact.field, "room 12")
    tap(qtbot, form.save_button)
    assert form.result.text() == "Saved. Careers contact applies for the next printed sheet."
    assert load_settings(settings.data_dir, environ={}).careers_contact == "room 12"
    window.take_home.now = lambda: dt.datetime(2026, 12, 7, 12, 5)
    window.my_list.add(Target("occupation", "nurse"))
    window.take_home.print_sheet()
    assert "Who to ask at school room 12" in " ".join(pdf_text(window.take_home.last_path).split())
    screen.show_section("Up to date?")
    screen.show_section("Settings")
    assert form.sheets_note.text().endswith(f"The last careers sheet (12:05) was saved as {window.take_home.last_path}.")
    window.staff.close()


@pytest.mark.parametrize("off, voices, words", [
    (SpeechOff(audio="no audio output device was found"), [], NO_SPEAKER),
    (SpeechOff(engine="espeak-ng is not installed"), [], NO_ENGINE),
    (None, [], NO_VOICES),
    (None, [("gmw/en", "English (Great Britain)")], None),
])
def test_speech_that_cannot_work_here_says_how_to_fix_it(qtbot, make_window, settings, reader, clock,
                                                         off, voices, words) -> None:
    window, staff = staff_window(make_window, settings, reader, clock)
    staff.speech_off, staff.voice_list = off, voices
    screen = open_staff_screen(qtbot, window, clock)
    screen.show_section("Settings")
    form = screen.current
    notes = form.machine_notes.get("speech_voice", ())
    assert [n.text() for n in notes] == ([words] if words else [])
    if notes:  # just above the setting it is about
        column = form.rows["speech_voice"].parentWidget().layout()
        assert column.indexOf(notes[0]) == column.indexOf(form.rows["speech_voice"]) - 1
        assert notes[0].isVisibleTo(form)


def test_without_a_printer_the_printer_setting_says_how_to_add_one(qtbot, make_window, settings, reader, clock,
                                                                   monkeypatch) -> None:
    monkeypatch.setattr(settings_section, "printer_names", list)
    window, staff = staff_window(make_window, settings, reader, clock)
    screen = open_staff_screen(qtbot, window, clock)
    screen.show_section("Settings")
    assert [n.text() for n in screen.current.machine_notes["printer"]] == [NO_PRINTER]
    monkeypatch.setattr(settings_section, "printer_names", lambda: ["Careers office"])
    assert printer_fix(settings_section.printer_names()) is None


def test_opening_hours_and_speech_volume_are_set_on_the_staff_screen(qtbot, make_window, settings, reader,
                                                                     clock) -> None:
    window, _ = staff_window(make_window, settings, reader, clock)
    _, form = settings_form(qtbot, window, clock)
    hours, volume = form.rows["opening_hours"], form.rows["speech_volume"]
    type_on_the_keyboard(qtbot, form, hours.field, "Mon-Fri 8-4")  # hours without minutes: refused, nothing saved
    tap(qtbot, form.save_button)
    assert form.result.text().startswith("Not saved: opening_hours part 'mon-fri 8-4' has the time '8'")  # typed in small letters
    assert not (settings.data_dir / "settings.toml").exists()
    hours.field.clear()
    type_on_the_keyboard(qtbot, form, hours.field, "Mon-Thu 08:00-16:30, Fri 08:00-15:00")
    tap(qtbot, volume.minus_button)
    tap(qtbot, form.save_button)
    assert form.result.text() == "Saved. Speech volume applies now. Opening hours applies now."
    saved = load_settings(settings.data_dir, environ={})
    assert (saved.opening_hours, saved.speech_volume) == ("mon-thu 08:00-16:30, fri 08:00-15:00", 70)
    assert window.settings.speech_volume == 70
    for _ in range(3):
        tap(qtbot, volume.plus_button)
    assert volume.value == 100 and not volume.plus_button.isEnabled()  # no higher than the setting allows
    window.staff.close()
