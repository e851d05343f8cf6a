"""The staff services' official figures from a USB stick: the folder of releases found, then `kiosk sync official
--from DIR` run in a child process, its progress and result carried back as messages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.config import load_settings
from kiosk.content import usb_packs
from kiosk.content.pack_store import PackStore
from kiosk.staff.pin import pin_store
from kiosk.staff.release_folders import NO_RELEASES
from kiosk.staff.services import StaffServices
from kiosk.staff.usage import UsageLog
from tests.helpers.official import DFE, ONS, fixture_file


@pytest.fixture
def services(sample_data_dir: Path, tmp_path: Path) -> StaffServices:
    data = tmp_path / "data"
    shutil.copytree(sample_data_dir, data)
    return StaffServices(load_settings(data, environ={}), PackStore(data), pin_store(data), UsageLog(data / "usage.db"))


def plug_in(monkeypatch: pytest.MonkeyPatch, *sticks: Path) -> None:
    monkeypatch.setattr(usb_packs, "removable_roots", lambda *a, **k: list(sticks))


def test_without_a_stick_of_releases_it_says_what_to_do(services: StaffServices, tmp_path: Path, monkeypatch) -> None:
    plug_in(monkeypatch)
    assert services.sync_official_from_usb(lambda *a: None, lambda: False).message == NO_RELEASES
    stick = tmp_path / "STICK"
    (stick / "photos").mkdir(parents=True)
    plug_in(monkeypatch, stick)
    assert services.sync_official_from_usb(lambda *a: None, lambda: False).message == NO_RELEASES


def test_a_damaged_release_on_the_stick_is_named_and_nothing_changes(services: StaffServices, tmp_path: Path,
                                                                     monkeypatch) -> None:
    folder = tmp_path / "STICK" / "releases"
    folder.mkdir(parents=True)
    (folder / "soc2020volume1structureanddescriptionofunitgroups.xlsx").write_bytes(b"PK\x03\x04 cut short")
    plug_in(monkeypatch, tmp_path / "STICK")
    before = PackStore(services.settings.data_dir).entries()
    result = services.sync_official_from_usb(lambda *a: None, lambda: False)
    assert result.installed is None and result.message.startswith(f"From {folder}: The sync did not finish: ")
    assert "soc2020volume1structureanddescriptionofunitgroups.xlsx" in result.message
    assert PackStore(services.settings.data_dir).entries() == before


@pytest.mark.contract
@pytest.mark.slow
def test_the_releases_on_a_stick_are_read_installed_and_reported(services: StaffServices, tmp_path: Path,
                                                                 monkeypatch) -> None:
    fixture_file("ons")
    stick = tmp_path / "STICK"
    shutil.copytree(ONS, stick / "official" / "ons")
    fixture_file("dfe-skills-imperative-2035", "EN_MainTables.Main.xlsm")
    (stick / "official" / "dfe").mkdir()
    shutil.copy(DFE / "EN_MainTables.Main.xlsm", stick / "official" / "dfe")
    plug_in(monkeypatch, stick)
    before = PackStore(services.settings.data_dir).entries()
    stopped: list[tuple[int, int, str]] = []
    result = services.sync_official_from_usb(lambda *a: stopped.append(a), lambda: bool(stopped))  # Cancel
    assert result.installed is None and "stopped while reading the release files" in result.message, result.message
    assert PackStore(services.settings.data_dir).entries() == before
    seen: list[tuple[int, int, str]] = []
    result = services.sync_official_from_usb(lambda *a: seen.append(a), lambda: False)
    assert result.installed and result.installed.startswith("official "), result.message
    assert result.message.startswith(f"From {stick / 'official'}: Official figures (ONS, DfE): installed pay and hours for")
    assert seen and seen[-1][0] == seen[-1][1] and seen[-1][2].startswith("reading ")
    assert PackStore(services.settings.data_dir).entries()["official"].content_version == result.installed.split()[1]
