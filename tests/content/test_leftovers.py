"""Start-up clears what a kill -9 leaves (a staged pack, kiosk.db.new, an uncommitted pack file, old damaged copies),
and only that (issue 11, defect 12)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from kiosk.content.pack_store import PackStore
from tests.helpers.packs import make_pack, national_tables, occupation


def kill_during_install(store: PackStore, tmp_path: Path) -> Path:
    """What a kill -9 between moving the new pack file in and recording it leaves: the file, named as the change's."""
    tables = national_tables()
    tables["occupations"].append(occupation("chef", "Chef"))
    make_pack(tmp_path / "v2.zip", tables, version="1.1")
    real_commit = store._commit

    def killed(*args, **kwargs):
        raise KeyboardInterrupt  # stands for the kill: nothing after this point runs

    store._commit = killed
    try:
        store.install(tmp_path / "v2.zip")
    except KeyboardInterrupt:
        pass
    store._commit = real_commit
    return next(p for p in store.packs_dir.glob("national/1.1-*.zip"))


def test_start_removes_the_pack_file_of_an_import_killed_before_it_was_recorded(data_dir: Path, tmp_path: Path) -> None:
    store = PackStore(data_dir)
    orphan = kill_during_install(store, tmp_path)
    assert orphan.exists()
    notes = store.start(None)
    assert not orphan.exists()
    assert f"removed the pack file national/{orphan.name}, which an import that did not finish had copied in" in notes
    assert store.entries()["national"].content_version == "1.0"
    assert store.database_fault() is None


def test_an_unrecorded_pack_file_that_no_change_named_is_kept_and_recorded(data_dir: Path, tmp_path: Path) -> None:
    # Not a leftover: the index lost it (restored from a backup, say). The files are the truth.
    store = PackStore(data_dir)
    make_pack(tmp_path / "school.zip", {"sectors": [{"id": "health", "name": "Health and care"}]},
              pack_id="school", layer="school")
    (store.packs_dir / "school").mkdir()
    (store.packs_dir / "school" / "1.0-abc.zip").write_bytes((tmp_path / "school.zip").read_bytes())
    store.start(None)
    assert (store.packs_dir / "school" / "1.0-abc.zip").exists()
    assert sorted(store.entries()) == ["national", "school"]


def test_start_removes_kiosk_db_new_and_half_written_records(data_dir: Path) -> None:
    (data_dir / "kiosk.db.new").write_bytes(b"SQLite format 3\x00 half")
    part = data_dir / "packs" / ".installed.json.part"
    part.write_bytes(b'{"format": 1, "pa')
    notes = PackStore(data_dir).start(None)
    assert not (data_dir / "kiosk.db.new").exists() and not part.exists()
    assert "removed kiosk.db.new, a database a rebuild that did not finish had started" in notes


def test_start_keeps_only_the_newest_damaged_database_copy(data_dir: Path) -> None:
    stamps = ["20261201-090000", "20261203-090000", "20261202-090000"]
    for n, stamp in enumerate(stamps):
        for suffix in ("", "-wal", "-shm"):
            path = data_dir / f"kiosk.db.damaged-{stamp}{suffix}"
            path.write_bytes(b"damaged")
            os.utime(path, (1_000_000 + n, 1_000_000 + n))
    notes = PackStore(data_dir).start(None)
    left = sorted(p.name for p in data_dir.glob("kiosk.db.damaged-*"))
    assert left == [f"kiosk.db.damaged-20261203-090000{s}" for s in ("", "-shm", "-wal")]
    assert "removed kiosk.db.damaged-20261201-090000, an older copy of a damaged database" in notes
    log = " ".join(PackStore(data_dir).log_lines(20))
    assert "removed kiosk.db.damaged-20261202-090000-wal" in log


def test_a_change_names_its_files_until_it_is_recorded(data_dir: Path, tmp_path: Path) -> None:
    store = PackStore(data_dir)
    orphan = kill_during_install(store, tmp_path)
    marker = json.loads((store.packs_dir / ".uncommitted.json").read_text())
    assert marker == [f"national/{orphan.name}"]
    store.start(None)
    assert not (store.packs_dir / ".uncommitted.json").exists()
