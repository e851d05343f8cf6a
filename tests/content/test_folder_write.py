"""Writing into a folder the kiosk does not own: whole files, never through a planted link, folder or hard link."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.content.errors import PackRejected
from kiosk.content.file_replace import replace_bytes
from kiosk.content.folder_write import NotAFolder, open_folder


def test_a_folder_planted_at_the_temporary_name_is_stepped_around(tmp_path: Path) -> None:
    (tmp_path / ".a.txt.part").mkdir()
    (tmp_path / ".a.txt.part" / "keep").write_text("theirs")
    with open_folder(tmp_path) as folder:
        assert folder.write_bytes("a.txt", b"ours") == tmp_path / "a.txt"
    assert (tmp_path / "a.txt").read_bytes() == b"ours"
    assert (tmp_path / ".a.txt.part" / "keep").read_text() == "theirs"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".a.txt.part", "a.txt"]  # no fresh part left behind


def test_a_refused_check_leaves_the_old_file_and_no_part(tmp_path: Path) -> None:
    (tmp_path / "a.zip").write_bytes(b"old")

    def refuse(part: Path) -> None:
        assert part.read_bytes() == b"new"  # the check reads the written copy back
        raise PackRejected("not this one")

    with open_folder(tmp_path) as folder, pytest.raises(PackRejected):
        folder.write("a.zip", lambda f: f.write(b"new"), refuse)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.zip"] and (tmp_path / "a.zip").read_bytes() == b"old"


@pytest.mark.parametrize("planted", ["link-to-folder", "dangling-link", "file"])
def test_a_subfolder_that_is_not_a_real_folder_is_refused(tmp_path: Path, planted: str) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    stick = tmp_path / "stick"
    stick.mkdir()
    if planted == "link-to-folder":
        (stick / "sub").symlink_to(outside)
    elif planted == "dangling-link":
        (stick / "sub").symlink_to(outside / "made-through-the-link")
    else:
        (stick / "sub").write_text("a file")
    with open_folder(stick) as folder, pytest.raises(NotAFolder, match="sub is a link or a file, not a folder"):
        folder.subfolder("sub")
    assert list(outside.iterdir()) == []


def test_subfolders_are_made_and_written_in(tmp_path: Path) -> None:
    with open_folder(tmp_path / "new" / "stick") as stick, stick.subfolder("a") as a, a.subfolder("b") as b:
        assert b.write_bytes("c.txt", b"deep") == tmp_path / "new" / "stick" / "a" / "b" / "c.txt"
    assert (tmp_path / "new" / "stick" / "a" / "b" / "c.txt").read_bytes() == b"deep"


@pytest.mark.parametrize("name", ["", ".", "..", "a/b", "../escape", "nul\0"])
def test_only_a_single_file_name_is_accepted(tmp_path: Path, name: str) -> None:
    with open_folder(tmp_path) as folder, pytest.raises(ValueError, match="is not a single file name"):
        folder.write_bytes(name, b"x")


def test_state_files_are_replaced_as_names_not_written_through(tmp_path: Path) -> None:
    # The kiosk's own small files go the same way: a link at either name is replaced, its target untouched.
    (tmp_path / "target").write_text("untouched")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / ".state.json.part").symlink_to(tmp_path / "target")
    os.link(tmp_path / "target", tmp_path / "data" / "state.json")
    replace_bytes(tmp_path / "data" / "state.json", b"{}")
    assert (tmp_path / "target").read_text() == "untouched"
    assert (tmp_path / "data" / "state.json").read_bytes() == b"{}"
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["state.json"]
