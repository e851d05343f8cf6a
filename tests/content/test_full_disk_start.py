"""A full disk at start-up with a healthy kiosk.db and no -shm file (as a command-line import leaves it): the kiosk
starts on the database it has and never sets it aside as damaged (issue 11, defect 7)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.content.disk_state import FULL
from kiosk.content.pack_store import PackStore
from tests.content.test_disk_full import file_size_limit
from tests.helpers.disk_faults import mounted_tmpfs

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def copied_data(sample_data_dir: Path, tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(sample_data_dir, data)
    for suffix in ("-wal", "-shm"):
        Path(str(data / "kiosk.db") + suffix).unlink(missing_ok=True)
    return data


def kiosk(data: Path, *args: str, limit: int | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "kiosk", *args, "--data-dir", str(data)], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=300,
                          preexec_fn=None if limit is None else file_size_limit(limit))


def assert_started_on_the_same_database(data: Path, database: bytes, result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert not list(data.glob("kiosk.db.damaged-*")), "a database that passes its checks was set aside"
    assert (data / "kiosk.db").read_bytes() == database


def test_a_disk_that_takes_no_more_bytes_never_condemns_a_healthy_database(copied_data: Path) -> None:
    # Every write that would grow a file fails (EFBIG), as on a full disk (ENOSPC): the -shm cannot be made.
    database = (copied_data / "kiosk.db").read_bytes()
    listed = kiosk(copied_data, "pack", "list", limit=0)
    assert_started_on_the_same_database(copied_data, database, listed)
    assert "sample  " in listed.stdout
    search = kiosk(copied_data, "search", "nurse", "--limit", "3", limit=0)
    assert_started_on_the_same_database(copied_data, database, search)
    assert "nurse" in search.stdout


def test_the_content_is_shown_immutable_and_changes_wait_for_space(copied_data: Path, monkeypatch) -> None:
    import sqlite3

    from kiosk.content import db_install

    real = db_install.open_checked

    def no_shm(path, *, immutable=False):  # SQLite could not make the -shm file: only an immutable open works
        if not immutable:
            raise sqlite3.OperationalError("disk I/O error")
        return real(path, immutable=True)

    monkeypatch.setattr(db_install, "open_checked", no_shm)
    import kiosk.content.pack_store as pack_store

    monkeypatch.setattr(pack_store, "open_checked", no_shm)
    store = PackStore(copied_data)
    store.start(None)
    assert store.db_immutable and store.cannot_write == FULL
    assert not list(copied_data.glob("kiosk.db.damaged-*"))


def fill_to_the_last_block(path: Path) -> None:
    """Write to `path` until the file system refuses (unbuffered: a buffered file raises again when it closes)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        for size in (65536, 4096, 1):  # smaller and smaller, so the last block is filled too
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError:
                pass
    finally:
        os.close(fd)


def test_on_a_real_full_disk_the_kiosk_starts_on_its_database(copied_data: Path, tmp_path: Path) -> None:
    with mounted_tmpfs(tmp_path / "mnt", size="24m") as mnt:
        if mnt is None:
            pytest.skip("this machine does not let the tests mount a tmpfs (needs root and mount rights)")
        data = mnt / "data"
        shutil.copytree(copied_data, data)
        database = (data / "kiosk.db").read_bytes()
        fill_to_the_last_block(mnt / "filler")
        listed = kiosk(data, "pack", "list")
        assert_started_on_the_same_database(data, database, listed)
        run = kiosk(data, "--windowed", "--quit-after-first-paint")
        assert_started_on_the_same_database(data, database, run)
        assert "kiosk running on Qt platform offscreen" in run.stderr
        refused = kiosk(data, "pack", "remove", "sample")
        assert refused.returncode == 1 and "Traceback" not in refused.stderr
        assert "The kiosk's disk is full" in refused.stderr


def test_when_the_database_is_behind_the_packs_and_cannot_be_rebuilt_the_kiosk_shows_what_it_has(
        data_dir: Path, tmp_path: Path, monkeypatch) -> None:
    import errno

    from kiosk.content import db_build
    from tests.helpers.packs import make_pack, national_tables, occupation

    store = PackStore(data_dir)
    old_db = (data_dir / "kiosk.db").read_bytes()
    tables = national_tables()
    tables["occupations"].append(occupation("chef", "Chef"))
    make_pack(tmp_path / "v2.zip", tables, version="1.1")
    store.install(tmp_path / "v2.zip")
    for suffix in ("-wal", "-shm"):
        Path(str(data_dir / "kiosk.db") + suffix).unlink(missing_ok=True)
    (data_dir / "kiosk.db").write_bytes(old_db)  # a crash left the database a version behind the index

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(db_build, "build_database", disk_full)
    notes = store.start(None)
    assert any(n.startswith("the content could not be brought up to date (the database was not built from the "
                            "installed packs; the new content could not be written (the disk is full)") for n in notes)
    assert store.cannot_write == FULL
    assert (data_dir / "kiosk.db").read_bytes() == old_db and not list(data_dir.glob("kiosk.db.damaged-*"))
