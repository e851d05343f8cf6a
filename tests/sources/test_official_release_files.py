"""Finding release workbooks in a folder staff chose: loose files and zips, never through links, bounded."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from kiosk.sources.errors import SourceInputError
from kiosk.sources.official.release_files import MAX_EXPANSION, release_files


def test_workbooks_loose_in_folders_and_inside_zips_are_found_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "dfe").mkdir()
    (tmp_path / "dfe" / "EN_MainTables.Main.xlsm").write_bytes(b"PK one")
    (tmp_path / "notes.txt").write_text("not a workbook")
    (tmp_path / ".partial.xlsx").write_bytes(b"hidden: a download in progress")
    with zipfile.ZipFile(tmp_path / "ashe.zip", "w") as zf:
        zf.writestr("ashe/PROV - Table 14.1a 2024.xlsx", b"PK two")
        zf.writestr("ashe/readme.txt", b"skipped")
    found = release_files(tmp_path)
    assert [f.name for f in found] == ["ashe.zip/ashe/PROV - Table 14.1a 2024.xlsx", "dfe/EN_MainTables.Main.xlsm"]
    assert [f.read() for f in found] == [b"PK two", b"PK one"]


def test_a_link_on_the_stick_is_never_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.xlsx").write_bytes(b"PK secret")
    stick = tmp_path / "stick"
    stick.mkdir()
    os.symlink(outside / "secret.xlsx", stick / "linked.xlsx")
    os.symlink(outside, stick / "linked-folder")
    assert release_files(stick) == []


def test_a_truncated_zip_is_refused_by_name(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "ashe.zip", "w") as zf:
        zf.writestr("t.xlsx", b"PK" + b"x" * 5000)
    data = (tmp_path / "ashe.zip").read_bytes()
    (tmp_path / "ashe.zip").write_bytes(data[: len(data) // 2])
    with pytest.raises(SourceInputError, match=r"ashe\.zip is damaged or not a zip file"):
        release_files(tmp_path)


def test_a_member_that_would_expand_enormously_is_refused(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "bomb.zip", "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bomb.xlsx", b"\0" * (2 * 1024 * 1024))
    info = zipfile.ZipFile(tmp_path / "bomb.zip").infolist()[0]
    assert info.file_size > MAX_EXPANSION * info.compress_size  # the test's own premise
    with pytest.raises(SourceInputError, match=r"bomb\.zip/bomb\.xlsx would expand"):
        release_files(tmp_path)


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(SourceInputError, match="is not a folder"):
        release_files(tmp_path / "nowhere")
