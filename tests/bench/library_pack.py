"""The job library: the time to build and install its pack, and to build its longest entry's page in picture mode."""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from kiosk.config import ASSETS_DIR
from kiosk.content.pack_source import build_pack
from kiosk.content.pack_store import PackStore
from tests.bench import picture_page
from tests.bench.stats import log, r2

TARGET_PAGE_MS = 50.0


def import_times(rounds: int) -> tuple[list[float], list[float], int]:
    """Seconds to build the library's pack from its source files, and to install it (database rebuilt) on a
    kiosk that has the sample and the official figures; and how many entries it holds."""
    builds, installs, entries = [], [], 0
    for _ in range(rounds):
        with tempfile.TemporaryDirectory(prefix="kiosk-library-") as tmp:
            t0 = time.perf_counter()
            pack = build_pack(ASSETS_DIR / "library", Path(tmp) / "library.zip")
            builds.append(time.perf_counter() - t0)
            entries = sum(1 for _ in pack.rows("occupations"))
            store = PackStore(Path(tmp) / "data")
            store.start(ASSETS_DIR / "sample", (ASSETS_DIR / "official",))
            t0 = time.perf_counter()
            notes = store.start(None, (ASSETS_DIR / "library",))
            installs.append(time.perf_counter() - t0)
            if not any("library" in n for n in notes):
                raise RuntimeError(f"the job library was not installed: {notes}")
    return builds, installs, entries


def library_ids(data_dir: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{data_dir / 'kiosk.db'}?mode=ro", uri=True)
    try:
        return {i for (i,) in conn.execute("SELECT id FROM occupations WHERE pack_id = 'library'")}
    finally:
        conn.close()


def run(data_dir: Path, builds: int, quick: bool) -> dict[str, object]:
    rounds = 2 if quick else 5
    pack_s, install_s, entries = import_times(rounds)
    log(f"library_pack: {entries} entries; build median {statistics.median(pack_s):.2f} s, "
        f"install median {statistics.median(install_s):.2f} s")
    ids = library_ids(data_dir)
    if not ids:
        raise RuntimeError(f"{data_dir} has no job library installed")
    page = picture_page.run(data_dir, builds, among=ids)
    return {
        "entries": entries,
        "pack_build_s": {"median": r2(statistics.median(pack_s)), "max": r2(max(pack_s)), "rounds": rounds},
        "install_s": {"median": r2(statistics.median(install_s)), "max": r2(max(install_s)), "rounds": rounds},
        "longest_entry_picture_page": page,
        "target_page_ms": TARGET_PAGE_MS,
    }
