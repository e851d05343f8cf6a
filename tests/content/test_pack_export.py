"""Exporting installed packs to a folder: verified copies another kiosk can import, never a half-written file."""

from __future__ import annotations

import errno
import tomllib
from pathlib import Path

from kiosk.config import ASSETS_DIR

import pytest

from kiosk.content.errors import PackRejected
from kiosk.content.pack_export import export_packs
from kiosk.content.pack_signing import sign_pack
from kiosk.content.pack_store import PackStore
from kiosk.content.usb_packs import find_packs
from kiosk.content.trust import trust_key
from tests.content.signed_packs import make_key
from tests.content.test_pack_store import school_tables
from tests.helpers.packs import make_pack


@pytest.fixture
def store(data_dir: Path, tmp_path: Path) -> PackStore:
    """National 1.0 (unsigned) and a school pack signed by the school, installed."""
    store = PackStore(data_dir)
    make_pack(tmp_path / "school.zip", school_tables(), pack_id="our-school", layer="school", version="2026.3")
    sign_pack(tmp_path / "school.zip", make_key(tmp_path / "keys", publisher="Our school"))
    store.install(tmp_path / "school.zip")
    return store


def test_export_then_import_into_a_second_kiosk_gives_identical_packs(store: PackStore, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    paths = export_packs(store, stick)
    assert [p.name for p in paths] == ["national-1.0.zip", "our-school-2026.3.zip"]
    assert sorted(p.name for p in stick.iterdir()) == ["README.txt", "national-1.0.zip", "our-school-2026.3.zip"]
    other = PackStore(tmp_path / "other")
    for path in paths:
        other.install(path)
    assert {k: e.sha256 for k, e in other.entries().items()} == {k: e.sha256 for k, e in store.entries().items()}
    assert other.database_fault() is None


def test_the_readme_tells_staff_how_to_import_and_what_each_file_is(store: PackStore, tmp_path: Path) -> None:
    export_packs(store, tmp_path / "stick")
    text = (tmp_path / "stick" / "README.txt").read_text()
    assert "kiosk pack import FILE" in text
    school = store.entries()["our-school"]
    assert "our-school-2026.3.zip" in text and f"sha256 {school.sha256}" in text
    # This kiosk does not trust the school's key: its name is shown as the signer's own claim.
    assert "from Test publisher; signed by a key this kiosk does not trust" in text
    assert "it calls itself 'Our school'" in text
    assert "national-1.0.zip" in text and "not signed" in text


def test_the_readme_names_a_trusted_signer_as_trusted(store: PackStore, tmp_path: Path) -> None:
    trust_key(store.data_dir, tmp_path / "keys" / "hub.key.pub")
    export_packs(store, tmp_path / "stick")
    text = (tmp_path / "stick" / "README.txt").read_text()
    assert "signed by a trusted key: Our school (key" in text and "calls itself" not in text


def test_exporting_again_replaces_an_earlier_export_cleanly(store: PackStore, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    (stick / "national-1.0.zip").parent.mkdir()
    (stick / "national-1.0.zip").write_bytes(b"an earlier, damaged copy")
    (stick / ".national-1.0.zip.part").write_bytes(b"left by a stick pulled out last time")
    (stick / "notes.txt").write_text("staff notes")
    export_packs(store, stick)
    export_packs(store, stick)
    assert sorted(p.name for p in stick.iterdir()) == [
        "README.txt", "national-1.0.zip", "notes.txt", "our-school-2026.3.zip"]
    assert all(f.ok for f in find_packs([stick]))


def test_a_copy_that_fails_part_way_leaves_no_file_that_looks_complete(store: PackStore, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import kiosk.content.pack_export as pack_export

    stick = tmp_path / "stick"
    export_packs(store, stick)
    earlier = (stick / "national-1.0.zip").read_bytes()

    def pulled_out(src, dst, length=0):
        dst.write(src.read(100))
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(pack_export.shutil, "copyfileobj", pulled_out)
    with pytest.raises(PackRejected, match="cannot export national to .*national-1.0.zip: Input/output error"):
        export_packs(store, stick)
    assert (stick / "national-1.0.zip").read_bytes() == earlier
    assert not [p.name for p in stick.iterdir() if p.name.startswith(".")]


def test_a_damaged_installed_file_is_not_exported(store: PackStore, tmp_path: Path) -> None:
    current = store.packs_dir / store.entries()["national"].current
    current.write_bytes(current.read_bytes()[:-10])
    stick = tmp_path / "stick"
    with pytest.raises(PackRejected, match="the installed file of national 1.0 is damaged"):
        export_packs(store, stick)
    assert not (stick / "national-1.0.zip").exists()
    assert not [p.name for p in stick.iterdir() if p.name.startswith(".")]


def test_a_folder_that_cannot_be_written_is_refused_by_name(store: PackStore, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    with pytest.raises(PackRejected, match=f"cannot write to {tmp_path / 'a-file' / 'packs'}: Not a directory"):
        export_packs(store, tmp_path / "a-file" / "packs")
    with pytest.raises(PackRejected, match=f"cannot export to {tmp_path / 'a-file'}: it is a file, not a folder"):
        export_packs(store, tmp_path / "a-file")


def test_the_kiosk_pack_export_command(capsys: pytest.CaptureFixture[str], store: PackStore, tmp_path: Path) -> None:
    from kiosk.cli import main

    assert main(["pack", "export", str(tmp_path / "stick"), "--data-dir", str(store.data_dir)]) == 0
    out = capsys.readouterr().out
    # The command starts the kiosk's content as any command does: its built-in job library and official figures
    # go in first.
    version = {pack: tomllib.loads((ASSETS_DIR / pack / "pack.toml").read_text())["content_version"]
               for pack in ("library", "official")}
    assert out.splitlines() == [f"exported {tmp_path / 'stick' / name}" for name in (
        f"library-{version['library']}.zip", "national-1.0.zip", f"official-{version['official']}.zip",
        "our-school-2026.3.zip")]


def test_with_nothing_installed_there_is_nothing_to_export(tmp_path: Path) -> None:
    with pytest.raises(PackRejected, match="no packs are installed, so there is nothing to export"):
        export_packs(PackStore(tmp_path / "empty"), tmp_path / "stick")
    assert not (tmp_path / "stick" / "README.txt").exists()
