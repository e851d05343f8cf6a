"""The staff screen's exports to a stick (usage CSV, packs) never write through a link planted on it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kiosk.config import Settings
from kiosk.content.builtin_packs import remember
from kiosk.content.folder_write import NotAFolder
from kiosk.content.pack_store import PackStore
from kiosk.staff.pin import pin_store
from kiosk.staff.services import StaffServices
from kiosk.staff.usage import UsageLog, iso_week
from tests.helpers.trees import tree_state

NOW = 1_795_000_000.0  # a fixed moment, so the CSV's name is known before the export


@pytest.fixture
def services(data_dir: Path, settings: Settings) -> StaffServices:
    for built_in in ("official", "library"):  # as in test_services: only the test pack is exported
        remember(PackStore(data_dir).packs_dir, built_in)
    (data_dir / "settings.toml").write_text('region = "North East"\n')
    services = StaffServices(settings, PackStore(data_dir), pin_store(data_dir), UsageLog(data_dir / "usage.db"),
                             clock=lambda: NOW)
    services.usage.page_viewed("home", "standard")
    services.usage.flush()
    return services


def csv_names() -> list[tuple[str, str]]:
    """Each CSV the usage export writes, with a line its content must have: the term's evidence, then every week's."""
    return [("careers-kiosk-gatsby-2-autumn-term-2026.csv", "Home,1"),
            (f"careers-kiosk-usage-{iso_week(NOW)}.csv", "page,home")]


@pytest.mark.parametrize("which", [0, 1], ids=["evidence", "weekly"])
def test_usage_csv_with_links_at_its_names_writes_only_on_the_stick(services: StaffServices, data_dir: Path,
                                                                    tmp_path: Path, which: int) -> None:
    name, line = csv_names()[which]
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / f".{name}.part").symlink_to(data_dir / "settings.toml")
    (stick / name).symlink_to(data_dir / "packs" / "installed.json")
    before = tree_state(tmp_path, leave_out=(stick,))

    paths = services.export_usage(stick)

    assert tree_state(tmp_path, leave_out=(stick,)) == before
    assert paths == [stick / n for n, _ in csv_names()]
    path = paths[which]
    assert stat.S_ISREG(os.lstat(path).st_mode) and line in path.read_text()
    assert not (stick / f".{name}.part").exists() and not (stick / f".{name}.part").is_symlink()


@pytest.mark.parametrize("which", [0, 1], ids=["evidence", "weekly"])
def test_usage_csv_with_hard_links_at_its_names_leaves_their_files_alone(services: StaffServices, data_dir: Path,
                                                                         tmp_path: Path, which: int) -> None:
    name, line = csv_names()[which]
    stick = tmp_path / "stick"
    stick.mkdir()
    os.link(data_dir / "settings.toml", stick / f".{name}.part")
    os.link(data_dir / "packs" / "installed.json", stick / name)
    before = tree_state(tmp_path, leave_out=(stick,))

    path = services.export_usage(stick)[which]

    assert tree_state(tmp_path, leave_out=(stick,)) == before
    assert os.lstat(path).st_nlink == 1 and line in path.read_text()


def test_a_link_at_the_sticks_pack_folder_is_refused_not_followed(services: StaffServices, data_dir: Path,
                                                                 tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "careers-kiosk-packs").symlink_to(data_dir / "packs")  # would put the export among the kiosk's packs
    before = tree_state(tmp_path, leave_out=(stick,))

    with pytest.raises(NotAFolder) as refused:
        services.export_packs(stick / "careers-kiosk-packs")

    assert tree_state(tmp_path, leave_out=(stick,)) == before
    assert str(refused.value) == (f"{stick / 'careers-kiosk-packs'} is a link or a file, not a folder; "
                                  "the kiosk never writes through a link")
    assert sorted(PackStore(data_dir).entries()) == ["national"]


def test_the_sticks_pack_folder_is_made_when_missing(services: StaffServices, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    written = services.export_packs(stick / "careers-kiosk-packs")
    assert [p.name for p in written] == ["national-1.0.zip"] and written[0].is_file()
