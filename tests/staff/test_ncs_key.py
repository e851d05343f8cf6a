"""The NCS API key file: saved whole with mode 0600 where sync looks for it, refused without being repeated,
removed on request, and never written to settings.toml."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from kiosk.config import Settings
from kiosk.content.pack_store import PackStore
from kiosk.sources.errors import SourceInputError
from kiosk.sources.ncs.api_key import ncs_api_key
from kiosk.staff.ncs_key import NCS_KEY_ENV, NCS_KEY_FILE, NcsKeyError, NcsKeyFile
from kiosk.staff.pin import pin_store
from kiosk.staff.services import StaffServices
from kiosk.staff.usage import UsageLog

KEY = "0123456789abcdef0123456789ABCDEF"


@pytest.fixture(autouse=True)
def no_key_in_the_environment(monkeypatch) -> None:
    monkeypatch.delenv(NCS_KEY_ENV, raising=False)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_saved_key_is_where_sync_finds_it_and_only_its_owner_can_read_it(tmp_path: Path) -> None:
    keys = NcsKeyFile(tmp_path, environ={})
    assert keys.source() == ""
    keys.save(f"  {KEY}\n")  # pasted with spaces and a line end
    assert keys.path == tmp_path / NCS_KEY_FILE and mode(keys.path) == 0o600
    assert keys.source() == "file"
    assert ncs_api_key(tmp_path) == KEY
    assert sorted(p.name for p in tmp_path.iterdir()) == [NCS_KEY_FILE]  # no temporary file left beside it


def test_saving_again_replaces_the_key_and_tightens_an_open_file(tmp_path: Path) -> None:
    (tmp_path / NCS_KEY_FILE).write_text("old-key\n")
    (tmp_path / NCS_KEY_FILE).chmod(0o644)  # put there by hand, readable by all
    NcsKeyFile(tmp_path, environ={}).save(KEY)
    assert ncs_api_key(tmp_path) == KEY and mode(tmp_path / NCS_KEY_FILE) == 0o600


@pytest.mark.parametrize("key, why", [
    ("", "is empty"),
    ("   ", "is empty"),
    ("abc def-secret", "no spaces"),
    ("clé-secret", "no spaces"),
    ("x" * 201 + "-secret", "at most 200"),
])
def test_a_key_that_cannot_be_one_is_refused_without_repeating_it(tmp_path: Path, key: str, why: str) -> None:
    keys = NcsKeyFile(tmp_path, environ={})
    keys.save(KEY)
    with pytest.raises(NcsKeyError, match=why) as refused:
        keys.save(key)
    assert "secret" not in str(refused.value)
    assert ncs_api_key(tmp_path) == KEY  # the key kept is the one saved before


def test_removing_the_key_leaves_sync_without_one(tmp_path: Path) -> None:
    keys = NcsKeyFile(tmp_path, environ={})
    keys.save(KEY)
    assert keys.remove() is True
    assert keys.source() == "" and not keys.path.exists()
    assert keys.remove() is False
    with pytest.raises(SourceInputError, match="an API key is needed"):
        ncs_api_key(tmp_path)


def test_a_key_in_the_environment_is_the_one_used(tmp_path: Path) -> None:
    keys = NcsKeyFile(tmp_path, environ={NCS_KEY_ENV: "from-the-environment"})
    assert keys.source() == "environment"
    keys.save(KEY)
    assert keys.source() == "environment"  # the environment still wins, as it does for sync


def test_an_empty_key_file_is_no_key(tmp_path: Path) -> None:
    (tmp_path / NCS_KEY_FILE).write_text("\n")
    assert NcsKeyFile(tmp_path, environ={}).source() == ""


def test_the_staff_services_keep_the_key_out_of_settings_toml(data_dir: Path, settings: Settings) -> None:
    services = StaffServices(settings, PackStore(data_dir), pin_store(data_dir), UsageLog(data_dir / "usage.db"))
    assert services.ncs_key_source() == ""
    services.save_ncs_key(KEY)
    services.save_settings({"region": "London"})
    assert services.ncs_key_source() == "file" and ncs_api_key(data_dir) == KEY
    assert KEY not in (data_dir / "settings.toml").read_text()
    assert services.remove_ncs_key() is True and services.ncs_key_source() == ""
