"""A full disk during an import: a clear message, and the kiosk keeps its content (kiosk-operations.md §7)."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from kiosk.content.pack_store import PackStore
from tests.helpers.packs import make_pack

ROOT = Path(__file__).resolve().parent.parent.parent


def file_size_limit(size: int):
    """In the child: writes past `size` bytes fail with EFBIG, as writes on a full disk fail with ENOSPC."""
    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an error from write(), not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    return limit


def test_an_import_that_cannot_write_its_database_says_so_and_changes_nothing(sample_data_dir: Path,
                                                                                tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(sample_data_dir, data)
    occupations = [f"job-{n}" for n in range(400)]
    rows = [{"occupation": o, "region": "UK", "year": y, "weekly_pay": 500 + y - 2000, "source": "ashe"}
            for o in occupations for y in range(2000, 2026)]
    make_pack(tmp_path / "bulk.zip", {"pay": rows}, pack_id="bulk", sources=[
        {"id": "ashe", "name": "Bulk", "licence": "OGL v3.0", "retrieved": "2026-11-24"}])
    before = PackStore(data).entries()
    database = (data / "kiosk.db").stat().st_size
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "pack", "import", str(tmp_path / "bulk.zip"), "--data-dir", str(data)],
        preexec_fn=file_size_limit(database // 2), capture_output=True, text=True, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 1
    assert result.stderr.startswith("kiosk: the new content could not be written (") and "Traceback" not in result.stderr
    assert "the kiosk keeps its current content" in result.stderr
    store = PackStore(data)
    assert store.entries() == before and store.database_fault() is None
    assert not (data / "kiosk.db.new").exists() and not list((data / "incoming").glob("*"))
    assert not (store.packs_dir / "bulk").exists()
