"""Finding packs on a USB stick: good and signed packs found, bad files explained, the walk bounded and safe."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

import kiosk.content.usb_packs as usb_packs
from kiosk.content.pack_signing import sign_pack
from kiosk.content.usb_packs import find_packs, removable_roots
from tests.content.signed_packs import make_key
from tests.helpers.packs import make_pack


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    """A stick as staff bring one: packs at the top and in a folder, and plenty that is not a pack."""
    root = tmp_path / "STICK"
    make_pack(root / "national-1.1.zip", version="1.1")
    make_pack(root / "packs" / "signed.zip", pack_id="hub", version="2.0", layer="regional")
    sign_pack(root / "packs" / "signed.zip", make_key(tmp_path / "keys", publisher="Riverside Careers Hub"))
    good = (root / "national-1.1.zip").read_bytes()
    (root / "truncated.zip").write_bytes(good[: len(good) // 2])
    with zipfile.ZipFile(root / "HOLIDAY.ZIP", "w") as zf:
        zf.writestr("beach.txt", "not a pack")
    (root / "homework.docx").write_bytes(b"PK\x03\x04 a word file")
    (root / "deep" / "er" / "still").mkdir(parents=True)
    make_pack(root / "deep" / "er" / "still" / "too-deep.zip")
    (root / ".Trashes").mkdir()
    make_pack(root / ".Trashes" / "deleted.zip")
    (root / "._national-1.1.zip").write_bytes(b"\x00\x05\x16\x07 AppleDouble")
    os.symlink(root, root / "loop")
    os.symlink(root / "national-1.1.zip", root / "link.zip")
    return root


def by_name(found) -> dict:
    return {f.path.name: f for f in found}


def test_good_and_signed_packs_are_found_and_bad_files_explained(stick: Path) -> None:
    found = by_name(find_packs([stick]))
    assert sorted(found) == ["HOLIDAY.ZIP", "national-1.1.zip", "signed.zip", "truncated.zip"]
    good = found["national-1.1.zip"]
    assert (good.ok, good.pack_id, good.content_version, good.publisher, good.signer) == (
        True, "national", "1.1", "Test publisher", None)
    signed = found["signed.zip"]
    assert signed.ok and signed.pack_id == "hub" and signed.signer.publisher == "Riverside Careers Hub"
    assert not found["truncated.zip"].ok and "truncated or damaged" in found["truncated.zip"].problem
    holiday = found["HOLIDAY.ZIP"]
    assert (holiday.ok, holiday.pack_id, holiday.problem) == (False, None, "the pack has no manifest.json")


def test_a_tampered_signed_pack_on_the_stick_is_reported_not_raised(stick: Path) -> None:
    path = stick / "packs" / "signed.zip"
    with zipfile.ZipFile(path) as zin:
        members = {n: zin.read(n) for n in zin.namelist()}
    members["manifest.json"] = members["manifest.json"].replace(b'"hub pack"', b'"our pack"')
    with zipfile.ZipFile(path, "w") as zout:
        for name, data in members.items():
            zout.writestr(name, data)
    found = by_name(find_packs([stick]))["signed.zip"]
    assert not found.ok and "signature does not match its content" in found.problem


def test_the_depth_limit_and_hidden_folders_and_links(stick: Path) -> None:
    assert "too-deep.zip" in by_name(find_packs([stick], max_depth=3))
    names = by_name(find_packs([stick], max_depth=3))
    assert "deleted.zip" not in names and "link.zip" not in names  # hidden folders, symbolic links
    assert [f.path for f in find_packs([stick], max_depth=3)].count(stick / "national-1.1.zip") == 1  # no loop
    assert "signed.zip" not in by_name(find_packs([stick], max_depth=0))


def test_at_most_limit_files_are_read_nearest_the_top_first(stick: Path) -> None:
    found = find_packs([stick], limit=3)
    assert [f.path.name for f in found] == ["HOLIDAY.ZIP", "national-1.1.zip", "truncated.zip"]


def test_the_walk_stops_after_a_fixed_number_of_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "full-stick"
    root.mkdir()
    for n in range(30):
        (root / f"a{n:02}.txt").write_text("x")
    make_pack(root / "z-pack.zip")
    assert [f.path.name for f in find_packs([root])] == ["z-pack.zip"]
    monkeypatch.setattr(usb_packs, "MAX_ENTRIES", 20)
    assert find_packs([root]) == []


def test_several_roots_and_a_missing_one(stick: Path, tmp_path: Path) -> None:
    other = tmp_path / "OTHER"
    make_pack(other / "school.zip", pack_id="our-school", layer="school")
    found = find_packs([tmp_path / "gone", other, stick])
    assert found[0].path == other / "school.zip" and found[0].ok
    assert len(found) == 5


def test_removable_roots_finds_mounts_under_media_run_media_and_mnt(tmp_path: Path) -> None:
    media, run_media, mnt = tmp_path / "media", tmp_path / "run" / "media", tmp_path / "mnt"
    mounted = {media / "kiosk" / "STICK", media / "usb0", run_media / "staff" / "KINGSTON", mnt}
    for folder in [*mounted, media / "kiosk" / "not-mounted", media / "kiosk" / ".hidden", mnt / "inside"]:
        folder.mkdir(parents=True)
    roots = removable_roots([media, run_media, mnt, tmp_path / "absent"], is_mount=lambda p: p in mounted)
    assert sorted(roots) == sorted(mounted)



def test_a_stick_with_too_many_files_says_that_packs_further_down_were_not_looked_at(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "full-stick"
    for n in range(30):
        (root / "photos").mkdir(parents=True, exist_ok=True)
        (root / "photos" / f"a{n:02}.jpg").write_text("x")
    make_pack(root / "top.zip")
    make_pack(root / "photos" / "z-deep.zip")
    monkeypatch.setattr(usb_packs, "MAX_ENTRIES", 20)
    scan = usb_packs.scan_packs([root])
    assert [f.path.name for f in scan.packs] == ["top.zip"]
    assert scan.unfinished == ("The stick has more than 20 files and folders; only the first 20 were looked at, "
                               "so packs further down may be missing. Put the packs in the stick's top folder.")
    monkeypatch.setattr(usb_packs, "MAX_ENTRIES", 40)
    scan = usb_packs.scan_packs([root])
    assert [f.path.name for f in scan.packs] == ["top.zip", "z-deep.zip"] and scan.unfinished == ""


def test_a_stick_with_more_packs_than_are_checked_says_so(tmp_path: Path) -> None:
    for n in range(3):
        make_pack(tmp_path / f"p{n}.zip")
    scan = usb_packs.scan_packs([tmp_path], limit=2)
    assert len(scan.packs) == 2
    assert scan.unfinished == ("There are more than 2 pack files on the stick; only the first 2 were checked. "
                               "Put the packs in the stick's top folder.")


def test_the_scan_command_says_when_it_stopped_early(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from kiosk.cli import main

    for n in range(30):
        (tmp_path / f"a{n:02}.txt").write_text("x")
    monkeypatch.setattr(usb_packs, "MAX_ENTRIES", 20)
    assert main(["pack", "scan", str(tmp_path)]) == 0
    assert capsys.readouterr().out == ("The stick has more than 20 files and folders; only the first 20 were looked "
                                       "at, so packs further down may be missing. Put the packs in the stick's top "
                                       "folder.\n")
    assert main(["pack", "scan", "--json", str(tmp_path)]) == 0
    assert "only the first 20 were looked at" in capsys.readouterr().out  # what the staff screen's child answers
