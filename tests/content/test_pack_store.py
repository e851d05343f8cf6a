"""Installing and removing packs: layers, last-known-good, refusals that change nothing, and repair at start-up."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from kiosk.content.db_install import install_database
from kiosk.content.errors import PackRejected
from kiosk.content.pack_store import PackStore
from kiosk.content.reader import open_reader
from tests.helpers.packs import make_pack, national_tables, occupation


def snapshot(data_dir: Path) -> dict[str, str]:
    """Every file under the data directory (but the lock) with its hash: "nothing changed" means equal."""
    return {
        p.relative_to(data_dir).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(data_dir.rglob("*")) if p.is_file() and p.name not in (".lock", "content.log")
    }


def titles(data_dir: Path) -> list[str]:
    reader = open_reader(data_dir / "kiosk.db")
    try:
        return [o.title for o in reader.occupations()]
    finally:
        reader.close()


def school_tables() -> dict:
    return {
        "events": [{"id": "open-evening", "title": "Open evening", "kind": "open_day", "starts": "2027-01-20T17:30"}],
        "sectors": [{"id": "health", "name": "Health and care"}],
    }


def test_install_builds_the_database(data_dir: Path) -> None:
    assert titles(data_dir) == ["Dental nurse", "Electrician", "Nurse", "Plumber", "Veterinarian"]
    assert PackStore(data_dir).database_fault() is None


def test_a_newer_version_replaces_and_keeps_the_old_as_last_known_good(data_dir: Path, tmp_path: Path) -> None:
    tables = national_tables()
    tables["occupations"].append(occupation("chef", "Chef"))
    make_pack(tmp_path / "v2.zip", tables, version="1.1")
    store = PackStore(data_dir)
    report = store.install(tmp_path / "v2.zip")
    assert report.replaced_version == "1.0"
    entry = store.entries()["national"]
    assert (entry.content_version, entry.previous_version) == ("1.1", "1.0")
    assert (store.packs_dir / entry.previous).is_file()
    assert "Chef" in titles(data_dir)


def test_an_older_or_same_version_is_refused_and_nothing_changes(data_dir: Path, tmp_path: Path) -> None:
    before = snapshot(data_dir)
    make_pack(tmp_path / "old.zip", version="0.9")
    with pytest.raises(PackRejected, match="version 0.9 is not newer than the installed version 1.0"):
        PackStore(data_dir).install(tmp_path / "old.zip")
    assert snapshot(data_dir) == before


def test_a_bad_pack_changes_nothing_on_disk(data_dir: Path, tmp_path: Path) -> None:
    before = snapshot(data_dir)
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(PackRejected):
        PackStore(data_dir).install(bad)
    assert snapshot(data_dir) == before
    assert titles(data_dir)[0] == "Dental nurse"


def test_layers_a_school_pack_sits_beside_the_national_pack_and_wins_on_shared_ids(data_dir: Path, tmp_path: Path) -> None:
    make_pack(tmp_path / "school.zip", school_tables(), pack_id="our-school", layer="school")
    store = PackStore(data_dir)
    store.install(tmp_path / "school.zip")
    conn = sqlite3.connect(data_dir / "kiosk.db")
    assert conn.execute("SELECT name, pack_id FROM sectors WHERE id = 'health'").fetchone() == ("Health and care", "our-school")
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 1
    conn.close()
    # A new national version does not touch the school's own content.
    make_pack(tmp_path / "v2.zip", version="2.0")
    store.install(tmp_path / "v2.zip")
    conn = sqlite3.connect(data_dir / "kiosk.db")
    assert conn.execute("SELECT title FROM events").fetchall() == [("Open evening",)]
    conn.close()


def test_remove(data_dir: Path, tmp_path: Path) -> None:
    store = PackStore(data_dir)
    make_pack(tmp_path / "school.zip", school_tables(), pack_id="our-school", layer="school")
    store.install(tmp_path / "school.zip")
    store.remove("our-school")
    assert set(store.entries()) == {"national"}
    assert not (store.packs_dir / "our-school").exists()
    with pytest.raises(PackRejected, match="no pack with id 'our-school'"):
        store.remove("our-school")


def test_the_only_pack_cannot_be_removed(data_dir: Path) -> None:
    with pytest.raises(PackRejected, match="the only installed pack"):
        PackStore(data_dir).remove("national")


def test_first_start_installs_the_sample(tmp_path: Path) -> None:
    from kiosk.config import ASSETS_DIR

    store = PackStore(tmp_path / "data")
    notes = store.start(ASSETS_DIR / "sample")
    assert notes and notes[0].startswith("installed the sample content")
    assert store.entries()["sample"].content_version
    assert store.start(ASSETS_DIR / "sample") == []  # the second start has nothing to do


def test_start_rebuilds_a_damaged_database(data_dir: Path) -> None:
    db = data_dir / "kiosk.db"
    raw = bytearray(db.read_bytes())
    raw[4096 * 3 : 4096 * 3 + 200] = b"\xff" * 200  # scribble over a page
    db.write_bytes(bytes(raw))
    store = PackStore(data_dir)
    assert store.database_fault() is not None
    notes = store.start(None)
    assert any(n.startswith("content restored") for n in notes)
    assert store.database_fault() is None
    assert "Nurse" in titles(data_dir)


def test_start_rebuilds_after_a_crash_between_the_pack_record_and_the_database(data_dir: Path, tmp_path: Path) -> None:
    # Simulate the crash: the index names a new pack version, but the database was never replaced.
    tables = national_tables()
    tables["occupations"].append(occupation("chef", "Chef"))
    store = PackStore(data_dir)
    old_db = (data_dir / "kiosk.db").read_bytes()
    make_pack(tmp_path / "v2.zip", tables, version="1.1")
    store.install(tmp_path / "v2.zip")
    for suffix in ("-wal", "-shm"):
        Path(str(data_dir / "kiosk.db") + suffix).unlink(missing_ok=True)
    (data_dir / "kiosk.db").write_bytes(old_db)
    assert store.database_fault() == "the database was not built from the installed packs"
    store.start(None)
    assert "Chef" in titles(data_dir)


def test_a_damaged_current_pack_falls_back_to_its_last_known_good(data_dir: Path, tmp_path: Path) -> None:
    store = PackStore(data_dir)
    tables = national_tables()
    tables["occupations"].append(occupation("chef", "Chef"))
    make_pack(tmp_path / "v2.zip", tables, version="1.1")
    store.install(tmp_path / "v2.zip")
    current = store.packs_dir / store.entries()["national"].current
    current.write_bytes(current.read_bytes()[:100])  # the file is damaged on disk
    (data_dir / "kiosk.db").unlink()
    notes = store.start(None)
    assert any("went back to version 1.0" in n for n in notes)
    assert store.entries()["national"].content_version == "1.0"
    assert "Chef" not in titles(data_dir)


def test_a_reader_sees_old_content_until_its_transaction_ends_then_the_new(data_dir: Path, tmp_path: Path) -> None:
    reader = sqlite3.connect(f"file:{data_dir / 'kiosk.db'}?mode=ro", uri=True, isolation_level=None)
    reader.execute("BEGIN")
    assert reader.execute("SELECT count(*) FROM occupations").fetchone()[0] == 5
    tables = national_tables()
    tables["occupations"].append(occupation("chef", "Chef"))
    make_pack(tmp_path / "v2.zip", tables, version="1.1")
    PackStore(data_dir).install(tmp_path / "v2.zip")
    assert reader.execute("SELECT count(*) FROM occupations").fetchone()[0] == 5
    reader.execute("COMMIT")
    assert reader.execute("SELECT count(*) FROM occupations").fetchone()[0] == 6
    reader.close()


def test_installed_index_is_plain_json_naming_files_that_exist(data_dir: Path) -> None:
    store = PackStore(data_dir)
    index = json.loads(store.index_path.read_text())
    for entry in index["packs"].values():
        assert (store.packs_dir / entry["current"]).is_file()


def test_install_database_never_mixes_old_and_new(tmp_path: Path) -> None:
    """The backup copy is one transaction: a fresh reader opened afterwards sees only the new rows."""
    from kiosk.content.db_build import build_database
    from kiosk.content.pack_file import read_pack

    make_pack(tmp_path / "a.zip")
    tables = national_tables()
    tables["occupations"] = tables["occupations"][:1]
    for t in ("pay", "hours", "outlook"):
        tables[t] = [r for r in tables[t] if r["occupation"] == "nurse"]
    tables["occupation_routes"] = []
    make_pack(tmp_path / "b.zip", tables, version="2")
    live = tmp_path / "live.db"
    build_database([read_pack(tmp_path / "a.zip")], tmp_path / "a.db")
    install_database(tmp_path / "a.db", live)
    holder = sqlite3.connect(live)  # keeps the WAL files in use, as the kiosk's reader does
    holder.execute("SELECT count(*) FROM occupations").fetchone()
    build_database([read_pack(tmp_path / "b.zip")], tmp_path / "b.db")
    install_database(tmp_path / "b.db", live)
    fresh = sqlite3.connect(live)
    assert fresh.execute("SELECT count(*) FROM occupations").fetchone()[0] == 1
    assert fresh.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    fresh.close()
    holder.close()


def test_a_pack_that_is_missing_or_unreadable_is_refused(data_dir: Path, tmp_path: Path) -> None:
    before = snapshot(data_dir)
    with pytest.raises(PackRejected, match="cannot read .*nowhere.zip"):
        PackStore(data_dir).install(tmp_path / "nowhere.zip")
    assert snapshot(data_dir) == before
    assert not any((data_dir / "incoming").iterdir())


def test_the_pack_installed_is_the_copy_that_was_checked(data_dir: Path, tmp_path: Path) -> None:
    # The staged copy is what is verified and kept; the original (say, on a USB stick) may change later.
    make_pack(tmp_path / "v2.zip", version="1.1")
    store = PackStore(data_dir)
    store.install(tmp_path / "v2.zip")
    (tmp_path / "v2.zip").write_bytes(b"changed after the import")
    kept = store.packs_dir / store.entries()["national"].current
    assert kept.read_bytes()[:2] == b"PK"
    assert store.database_fault() is None


def test_an_install_reports_a_damaged_neighbour_and_keeps_its_last_known_good(data_dir: Path, tmp_path: Path) -> None:
    store = PackStore(data_dir)
    make_pack(tmp_path / "school.zip", school_tables(), pack_id="our-school", layer="school")
    store.install(tmp_path / "school.zip")
    make_pack(tmp_path / "school2.zip", school_tables(), pack_id="our-school", layer="school", version="1.1")
    store.install(tmp_path / "school2.zip")
    damaged = store.packs_dir / store.entries()["our-school"].current
    damaged.write_bytes(b"garbage")
    make_pack(tmp_path / "v2.zip", version="2.0")
    store.install(tmp_path / "v2.zip")
    assert store.entries()["our-school"].content_version == "1.0"
    assert any("pack our-school 1.1 is damaged" in line for line in store.log_lines())


def test_the_screens_reader_sees_an_install_by_another_process_on_its_next_page(data_dir: Path, tmp_path: Path) -> None:
    reader = open_reader(data_dir / "kiosk.db")
    assert reader.occupation("chef") is None
    assert reader.occupation("nurse").pay["UK"][0].source.name == "Test figures"
    tables = national_tables()
    tables["occupations"].append(occupation("chef", "Chef"))
    make_pack(tmp_path / "v2.zip", tables, version="1.1")
    PackStore(data_dir).install(tmp_path / "v2.zip")
    assert reader.occupation("chef").title == "Chef"
    assert [p.content_version for p in reader.packs()] == ["1.1"]
    assert [s.name for s in reader.packs()[0].sources] == ["Test figures"]
    reader.close()


def test_a_newer_sample_in_the_assets_replaces_the_installed_sample(tmp_path: Path) -> None:
    import re
    import shutil

    from kiosk.config import ASSETS_DIR

    source = tmp_path / "sample"
    shutil.copytree(ASSETS_DIR / "sample", source)
    toml = source / "pack.toml"
    current = re.search(r'(?m)^content_version = "(.*)"$', toml.read_text())[1]
    toml.write_text(toml.read_text().replace(f'"{current}"', '"2000.1.1"'))
    store = PackStore(tmp_path / "data")
    store.start(source)
    assert store.entries()["sample"].content_version == "2000.1.1"
    toml.write_text(toml.read_text().replace('"2000.1.1"', '"2000.1.2"'))
    notes = store.start(source)
    assert notes == ["installed the sample content 2000.1.2"]
    assert store.entries()["sample"].previous_version == "2000.1.1"


def test_start_clears_files_left_by_an_import_that_was_killed(data_dir: Path) -> None:
    leftover = data_dir / "incoming" / "0123456789abcdef.zip"
    leftover.parent.mkdir(exist_ok=True)
    leftover.write_bytes(b"PK half a pack")
    PackStore(data_dir).start(None)
    assert not leftover.exists()
