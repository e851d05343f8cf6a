"""A broken, wrong-shaped or deleted packs/installed.json: the kiosk starts, rebuilds the index from the pack files, and
never deletes a pack file it did not decide to remove (issue 11, defect 5)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from kiosk.config import ASSETS_DIR
from kiosk.content.pack_store import PackStore
from tests.helpers.packs import make_pack, national_tables, occupation

BROKEN = {
    "corrupt": b'{"format": 1, "packs": {"national": {"pack_id": "nat',
    "empty": b"",
    "binary": b"\xff\xfe\x00garbage",
    "a list": b"[]",
    "null": b"null",
    "packs as a list": b'{"format": 1, "packs": []}',
    "an entry of the wrong type": b'{"format": 1, "packs": {"national": "1.0"}}',
    "a version that is a number": None,  # made from the real index below
    "a file outside packs": None,
}


def pack_files(data_dir: Path) -> dict[str, str]:
    return {p.relative_to(data_dir).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted((data_dir / "packs").glob("*/*.zip"))}


def with_school_pack(data_dir: Path, tmp_path: Path) -> PackStore:
    store = PackStore(data_dir)
    make_pack(tmp_path / "school.zip", {"sectors": [{"id": "health", "name": "Health and care"}]},
              pack_id="school", layer="school")
    store.install(tmp_path / "school.zip")
    return store


def broken_bytes(kind: str, index: Path) -> bytes:
    raw = BROKEN[kind]
    if raw is not None:
        return raw
    data = json.loads(index.read_text())
    if kind == "a version that is a number":
        data["packs"]["national"]["content_version"] = 1.0
    else:
        data["packs"]["national"]["current"] = "../../kiosk.db"
    return json.dumps(data).encode()


@pytest.mark.parametrize("kind", list(BROKEN))
def test_a_broken_index_is_rebuilt_from_the_pack_files_and_nothing_is_lost(data_dir: Path, tmp_path: Path,
                                                                         kind: str) -> None:
    store = with_school_pack(data_dir, tmp_path)
    files = pack_files(data_dir)
    before = {k: (e.content_version, e.sha256, e.current) for k, e in store.entries().items()}
    store.index_path.write_bytes(broken_bytes(kind, store.index_path))
    # Before the kiosk starts, every reader copes: the entries come from the files.
    assert {k: (e.content_version, e.sha256, e.current) for k, e in store.entries().items()} == before
    notes = store.start(None)
    assert any(n.startswith("the pack index (packs/installed.json)") and "rebuilt it from the pack files" in n
               for n in notes), notes
    assert {k: (e.content_version, e.sha256, e.current) for k, e in store.entries().items()} == before
    assert pack_files(data_dir) == files
    assert store.database_fault() is None
    assert "rebuilt it from the pack files" in " ".join(store.log_lines())


def test_doctor_names_a_damaged_index_then_says_it_was_rebuilt(data_dir: Path, tmp_path: Path) -> None:
    from kiosk.doctor.packs import _packs
    from kiosk.doctor.storage import storage_checks

    store = with_school_pack(data_dir, tmp_path)
    store.index_path.write_bytes(b'{"packs": 7}')
    index_check = next(c for c in storage_checks(store) if c.name == "pack index")
    assert index_check.status == "fault" and "is not a list of installed packs" in index_check.detail
    assert "rebuilds it from the pack files at its next start" in index_check.detail
    assert [c.status for c in _packs(store)] == ["ok", "ok"]
    store.start(None)
    index_check = next(c for c in storage_checks(store) if c.name == "pack index")
    assert index_check.status == "warning" and "was rebuilt from the pack files at" in index_check.detail
    assert "is not a list of installed packs" in index_check.detail


def test_a_deleted_index_keeps_every_pack_and_does_not_reinstall_the_sample(data_dir: Path, tmp_path: Path) -> None:
    store = with_school_pack(data_dir, tmp_path)
    files = pack_files(data_dir)
    store.index_path.unlink()
    notes = store.start(ASSETS_DIR / "sample")  # what the kiosk does at start-up
    assert sorted(store.entries()) == ["national", "school"]
    assert pack_files(data_dir) == files
    assert not any("sample" in n for n in notes)
    assert any("is missing: rebuilt it from the pack files, keeping national 1.0, school 1.0" in n for n in notes)


def test_the_rebuild_keeps_the_newest_version_current_and_the_one_before_as_last_known_good(
        data_dir: Path, tmp_path: Path) -> None:
    store = PackStore(data_dir)
    tables = national_tables()
    tables["occupations"].append(occupation("chef", "Chef"))
    make_pack(tmp_path / "v2.zip", tables, version="1.10")
    store.install(tmp_path / "v2.zip")
    expected = store.entries()["national"]
    store.index_path.write_text("{}")
    store.start(None)
    rebuilt = store.entries()["national"]
    assert (rebuilt.content_version, rebuilt.current) == ("1.10", expected.current)
    assert (rebuilt.previous_version, rebuilt.previous) == ("1.0", expected.previous)


def test_unknown_fields_in_the_index_are_kept_out_of_the_way_not_treated_as_damage(data_dir: Path) -> None:
    store = PackStore(data_dir)
    data = json.loads(store.index_path.read_text())
    data["publisher_bindings"] = {"national": "kiosk"}
    data["packs"]["national"]["owner"] = "key ab12cd34"
    store.index_path.write_text(json.dumps(data))
    assert store.index_state().problem is None
    assert store.start(None) == []
    assert store.entries()["national"].content_version == "1.0"


def test_pack_list_and_doctor_print_no_traceback_on_a_corrupt_index(data_dir: Path, capsys) -> None:
    from kiosk.cli import main

    (data_dir / "packs" / "installed.json").write_bytes(b"\x00{]")
    assert main(["pack", "list", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr()
    assert "national  1.0" in out.out and "Traceback" not in out.err
