"""Finding the folder of official release files on USB sticks, by the publishers' file names."""

from __future__ import annotations

from pathlib import Path

from kiosk.staff.release_folders import find_release_folder


def touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"PK\x03\x04")
    return path


def test_the_nearest_folder_above_all_of_a_sticks_releases_is_chosen(tmp_path: Path) -> None:
    stick = tmp_path / "STICK"
    touch(stick / "careers" / "releases" / "ons" / "ashetable142024provisional.zip")
    touch(stick / "careers" / "releases" / "dfe" / "EN_MainTables.Main.xlsm")
    touch(stick / "careers" / "school.xlsx")  # not a release: it does not pull the folder up
    assert find_release_folder([stick]) == stick / "careers" / "releases"


def test_the_stick_with_the_most_releases_wins_and_none_is_none(tmp_path: Path) -> None:
    one, two, empty = tmp_path / "ONE", tmp_path / "TWO", tmp_path / "EMPTY"
    touch(one / "soc2020volume1structureanddescriptionofunitgroups.xlsx")
    touch(two / "downloads" / "EN_MainTables.Main.xlsm")
    touch(two / "downloads" / "GL_LSIP_MainTables.Main.xlsm")
    touch(empty / "notes.txt")
    assert find_release_folder([one, two, empty]) == two / "downloads"
    assert find_release_folder([empty]) is None and find_release_folder([tmp_path / "pulled-out"]) is None


def test_hidden_folders_links_and_deep_folders_are_not_searched(tmp_path: Path) -> None:
    stick = tmp_path / "STICK"
    touch(stick / ".Trash-1000" / "EN_MainTables.Main.xlsm")
    touch(stick / "a" / "b" / "c" / "d" / "EN_MainTables.Main.xlsm")  # below the depth looked at
    elsewhere = touch(tmp_path / "elsewhere" / "EN_MainTables.Main.xlsm").parent
    (stick / "link").symlink_to(elsewhere, target_is_directory=True)
    assert find_release_folder([stick]) is None
