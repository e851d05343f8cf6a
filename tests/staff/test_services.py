"""The real staff services over a data directory; and the fake the screen's tests use keeps to the same API."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from kiosk.config import ASSETS_DIR, Settings, load_settings
from kiosk.content.builtin_packs import remember
from kiosk.content.pack_store import PackStore
from kiosk.content.reader import open_reader
from kiosk.staff.api import StaffApi, SyncResult
from kiosk.staff.machine_words import NO_SPEAKER, SpeechOff
from kiosk.staff.pin import pin_store
from kiosk.staff.services import StaffServices, signer_text
from kiosk.staff.usage import UsageLog
from tests.helpers.packs import make_pack, national_tables
from tests.staff.fake_services import FakeStaff

API = [name for name, value in vars(StaffApi).items() if inspect.isfunction(value) and not name.startswith("_")]


@pytest.fixture
def services(data_dir: Path, settings: Settings) -> StaffServices:
    # Staff here removed the built-in job library and official figures once, so the commands the services run
    # (which start the content as the kiosk does) leave the test pack alone: each test sees exactly what it installed.
    remember(PackStore(data_dir).packs_dir, "official")
    remember(PackStore(data_dir).packs_dir, "library")
    return StaffServices(settings, PackStore(data_dir), pin_store(data_dir), UsageLog(data_dir / "usage.db"),
                         voices=lambda: [("gmw/en", "English (Great Britain)")])


@pytest.mark.parametrize("cls", [StaffServices, FakeStaff])
def test_services_and_the_fake_keep_to_the_protocol(cls) -> None:
    assert len(API) == 17
    for name in API:
        assert inspect.signature(getattr(cls, name)) == inspect.signature(getattr(StaffApi, name)), name
    hints = inspect.get_annotations(StaffApi)
    assert set(hints) == {"pins", "usage", "settings"}


def test_pack_status_names_version_sources_and_last_known_good(services: StaffServices, tmp_path: Path) -> None:
    [status] = services.pack_status()
    assert (status.pack_id, status.version, status.publisher, status.title) == ("national", "1.0",
                                                                                "Test publisher", "national pack")
    assert status.sources == (("Test figures", "2026-11-01"),)
    assert status.created == "2026-11-24T09:00:00+00:00" and status.installed.startswith("20")
    assert status.last_known_good is None and not status.sample
    make_pack(tmp_path / "newer.zip", national_tables(), version="2.0")
    message = services.import_pack(tmp_path / "newer.zip")
    assert message == "Imported national pack (national) version 2.0, replacing 1.0 (kept as last-known-good)."
    [status] = services.pack_status()
    assert (status.version, status.last_known_good) == ("2.0", "1.0")


def test_a_refused_import_says_why_and_changes_nothing(services: StaffServices, tmp_path: Path) -> None:
    bad = tmp_path / "holiday-photos.zip"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    before = services.store.entries()
    message = services.import_pack(bad)
    assert message.startswith("holiday-photos.zip was not imported: ")
    assert services.store.entries() == before


def test_the_only_pack_is_not_removed_and_the_message_says_why(services: StaffServices) -> None:
    before = services.store.entries()
    message = services.remove_pack("national")
    assert message.startswith("national pack (national) was not removed: 'national' is the only installed pack")
    assert services.store.entries() == before


def test_removing_the_sample_leaves_the_real_content_and_it_stays_gone(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    store = PackStore(data_dir)
    note, _, _ = store.start(ASSETS_DIR / "sample", (ASSETS_DIR / "library", ASSETS_DIR / "official"))  # a fresh kiosk
    version = store.entries()["sample"].content_version
    assert note == f"installed the sample content {version}"
    make_pack(tmp_path / "national.zip")
    store.install(tmp_path / "national.zip")
    services = StaffServices(load_settings(data_dir, environ={}), store, pin_store(data_dir),
                             UsageLog(data_dir / "usage.db"))
    assert [p.sample for p in services.pack_status()] == [False, False, False, True]  # library, national, official, sample
    message = services.remove_pack("sample")
    assert message == (f"Removed Sample careers content (sample) version {version}. "
                       "Pupils now see only the real content.")
    assert [p.pack_id for p in services.pack_status()] == ["library", "national", "official"]
    reader = open_reader(store.db_path)
    try:
        assert not reader.has_sample_content()
    finally:
        reader.close()
    assert store.start(ASSETS_DIR / "sample", (ASSETS_DIR / "library", ASSETS_DIR / "official")) == []  # left out
    assert sorted(store.entries()) == ["library", "national", "official"]
    assert services.remove_pack("sample") == "sample was not removed: no pack with id 'sample' is installed"


def test_export_to_a_stick_then_find_the_packs_on_it(services: StaffServices, tmp_path: Path, monkeypatch) -> None:
    import kiosk.content.usb_packs as usb_packs

    stick = tmp_path / "media" / "STICK"
    stick.mkdir(parents=True)
    written = services.export_packs(stick / "careers-kiosk-packs")
    assert [p.name for p in written] == ["national-1.0.zip"]
    monkeypatch.setattr(usb_packs, "removable_roots", lambda *a, **k: [stick])
    assert services.usb_roots() == [stick]
    [found] = services.usb_packs().packs
    assert (found.pack_id, found.content_version, found.publisher, found.problem) == ("national", "1.0",
                                                                                      "Test publisher", None)
    assert found.path == written[0] and found.signer is None


def test_sync_runs_in_a_child_process_with_the_saved_settings_and_reports_progress(services: StaffServices) -> None:
    from tests.doubles.lmi_double import LmiDouble

    seen: list[tuple[int, int, str]] = []
    with LmiDouble() as double:
        services.save_settings({"lmi_base_url": double.base_url})  # the child reads the settings file
        result = services.sync("lmiforall", lambda *a: seen.append(a), lambda: False)
        asked = len(double.requests)
    assert result.installed and result.installed.startswith("lmiforall "), result.message
    assert result.message.startswith("LMI for All: installed figures for 4 job groups") and asked
    assert seen and seen[-1][:2] == (4, 4) and seen[-1][2].startswith("SOC ")


def test_cancelling_a_sync_interrupts_the_child_and_keeps_the_content(sample_data_dir: Path, tmp_path: Path) -> None:
    import shutil

    from tests.doubles.lmi_double import LmiDouble

    shutil.copytree(sample_data_dir, tmp_path / "sample")  # 58 groups: more than a sync has in flight at once
    data = tmp_path / "sample"
    services = StaffServices(load_settings(data, environ={}), PackStore(data), pin_store(data),
                             UsageLog(data / "usage.db"))
    seen: list[tuple[int, int, str]] = []
    with LmiDouble(latency_s=0.05) as double:
        services.save_settings({"lmi_base_url": double.base_url})
        result = services.sync("lmiforall", lambda *a: seen.append(a), lambda: bool(seen))  # cancel once under way
    assert result.installed is None and "stopped after" in result.message and "carries on" in result.message
    assert "lmiforall" not in PackStore(services.settings.data_dir).entries()


def test_cancelling_before_a_sync_is_under_way_stops_it_and_says_so(services: StaffServices) -> None:
    from tests.doubles.lmi_double import LmiDouble

    with LmiDouble() as double:
        services.save_settings({"lmi_base_url": double.base_url})
        result = services.sync("lmiforall", lambda *a: None, lambda: True)
    assert result == SyncResult("The sync was cancelled before it fetched anything; nothing has changed.", [])
    assert "lmiforall" not in PackStore(services.settings.data_dir).entries()


def test_a_sync_that_cannot_start_says_why(services: StaffServices, monkeypatch) -> None:
    monkeypatch.delenv("KIOSK_NCS_API_KEY", raising=False)
    result = services.sync("ncs", lambda *a: None, lambda: False)  # no key anywhere
    assert result.installed is None and "an API key is needed" in result.message


def test_saved_settings_are_in_force_and_on_disk(services: StaffServices, data_dir: Path) -> None:
    saved = services.save_settings({"idle_timeout_s": 300})
    assert services.settings is saved and saved.idle_timeout_s == 300
    assert load_settings(data_dir, environ={}).idle_timeout_s == 300


def test_usage_exports_the_terms_evidence_and_every_week_into_a_folder(services: StaffServices,
                                                                        tmp_path: Path) -> None:
    services.usage.page_viewed("home", "standard")
    evidence, weekly = services.export_usage(tmp_path)
    assert evidence.parent == weekly.parent == tmp_path
    assert re.fullmatch(r"careers-kiosk-gatsby-2-(autumn|spring|summer)-term-20\d\d\.csv", evidence.name)
    assert weekly.name.startswith("careers-kiosk-usage-20") and weekly.suffix == ".csv"
    assert "Home,1" in evidence.read_text() and "page,home" in weekly.read_text()


def test_speech_says_how_to_fix_what_stopped_it(services: StaffServices, data_dir: Path, settings: Settings) -> None:
    assert services.speech_problem() is None  # speech started, and it has voices
    quiet = StaffServices(settings, PackStore(data_dir), pin_store(data_dir), UsageLog(data_dir / "usage.db"),
                          speech_off=SpeechOff(audio="no audio output device was found"))
    assert quiet.speech_problem() == NO_SPEAKER


def test_voices_and_signers_in_words(services: StaffServices) -> None:
    class Signer:
        publisher, key_id = "LMI hub", "ab12cd"

    assert services.voices() == [("gmw/en", "English (Great Britain)")]
    assert signer_text(Signer()) == "LMI hub (key ab12cd)" and signer_text(None) is None
