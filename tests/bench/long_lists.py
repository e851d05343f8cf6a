"""List pages on a database of 200,000 resources, events and stories: time to build one page (p50, p95 per kind)."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from kiosk.content.pack_store import PackStore
from kiosk.content.pages import build_page
from kiosk.content.pages.page import Target
from kiosk.content.pages.paging import PAGE_SIZE
from kiosk.content.reader import open_reader
from tests.bench.stats import percentile, r2
from tests.content.test_long_lists import ROWS, add_rows
from tests.helpers.packs import make_pack
from tests.helpers.take_home import take_home_tables

LAST = -(-ROWS // PAGE_SIZE)  # the deepest page, where OFFSET skips the most rows
TARGETS = [Target("library"), Target("library", "all"), Target("library", f"all@{LAST}"), Target("library", "ks4"),
           Target("events"), Target("events", f"@{LAST}"), Target("stories"), Target("stories", f"@{LAST}")]
ROUNDS = (20, 3)  # (full, quick)


def run(tmp: Path, quick: bool) -> dict[str, object]:
    make_pack(tmp / "pack.zip", take_home_tables())
    PackStore(tmp / "data").install(tmp / "pack.zip")
    add_rows(tmp / "data" / "kiosk.db")
    reader = open_reader(tmp / "data" / "kiosk.db")
    out: dict[str, object] = {"rows": ROWS}
    try:
        for target in TARGETS:
            times = []
            for _ in range(ROUNDS[1 if quick else 0]):
                t0 = time.perf_counter()
                build_page(target, reader, today=dt.date(2026, 12, 1))
                times.append(1000 * (time.perf_counter() - t0))
            out[f"{target.kind}:{target.key}"] = {"p50_ms": r2(percentile(times, 50)), "p95_ms": r2(percentile(times, 95))}
    finally:
        reader.close()
    return out
