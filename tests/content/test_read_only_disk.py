"""A data directory on a disk remounted read-only: the kiosk starts and shows its content, changes are refused with
the reason, and `kiosk doctor` names it (issue 11, defect 6)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.config import SettingsError, load_settings
from kiosk.content.disk_state import READ_ONLY
from kiosk.content.errors import PackRejected
from tests.helpers.disk_faults import mounted_tmpfs, refuse_writes, remount_read_only
from tests.helpers.packs import make_pack

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def copied_data(sample_data_dir: Path, tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(sample_data_dir, data)
    for suffix in ("-wal", "-shm"):  # as a command-line import leaves it
        Path(str(data / "kiosk.db") + suffix).unlink(missing_ok=True)
    return data


def test_the_content_starts_read_only_and_every_change_is_refused_with_the_reason(copied_data: Path, tmp_path: Path,
                                                                                   monkeypatch) -> None:
    from kiosk.app import open_content, prepare_content

    make_pack(tmp_path / "national.zip")
    settings = load_settings(copied_data, environ={})
    refuse_writes(monkeypatch, copied_data)
    store, notes = prepare_content(settings)
    assert notes[0] == READ_ONLY and store.cannot_write == READ_ONLY
    reader = open_content(settings)
    try:
        assert reader.occupation("nurse") is not None
    finally:
        reader.close()
    with pytest.raises(PackRejected, match="^The kiosk's disk is read-only: "):
        store.install(tmp_path / "national.zip")
    with pytest.raises(PackRejected, match="^The kiosk's disk is read-only: "):
        store.remove("sample")

    from kiosk.app import make_staff

    staff = make_staff(settings, store)
    assert staff.disk_problem() == READ_ONLY
    assert staff.import_pack(tmp_path / "national.zip") == f"national.zip was not imported: {READ_ONLY}"
    with pytest.raises(SettingsError, match="read-only"):
        staff.save_settings({"idle_timeout_s": 120})


def test_doctor_names_a_read_only_disk(copied_data: Path, monkeypatch) -> None:
    from kiosk.content.pack_store import PackStore
    from kiosk.doctor.storage import storage_checks

    refuse_writes(monkeypatch, copied_data)
    disk = next(c for c in storage_checks(PackStore(copied_data)) if c.name == "disk")
    assert (disk.status, disk.detail) == ("fault", READ_ONLY)


def kiosk(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "kiosk", *args, "--data-dir", str(data)], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=300)


def test_on_a_real_read_only_mount_the_kiosk_starts_and_refuses_changes(copied_data: Path, tmp_path: Path) -> None:
    with mounted_tmpfs(tmp_path / "mnt") as mnt:
        if mnt is None:
            pytest.skip("this machine does not let the tests mount a tmpfs (needs root and mount rights)")
        data = mnt / "data"
        shutil.copytree(copied_data, data)
        make_pack(tmp_path / "national.zip")
        remount_read_only(mnt)
        listed = kiosk(data, "pack", "list")
        assert listed.returncode == 0 and "Traceback" not in listed.stderr, listed.stderr
        assert "sample  " in listed.stdout and READ_ONLY in listed.stderr
        search = kiosk(data, "search", "nurse", "--limit", "3")
        assert search.returncode == 0 and "nurse" in search.stdout, search.stderr
        refused = kiosk(data, "pack", "import", str(tmp_path / "national.zip"))
        assert refused.returncode == 1 and f"kiosk: {READ_ONLY}" in refused.stderr
        run = kiosk(data, "--windowed", "--quit-after-first-paint")
        assert run.returncode == 0 and "first-paint" in run.stdout, run.stderr
        assert "kiosk running on Qt platform offscreen" in run.stderr
        assert sorted(p.name for p in data.iterdir()) == sorted(p.name for p in copied_data.iterdir())
