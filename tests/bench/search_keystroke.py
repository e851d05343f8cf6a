"""Search as a pupil types: reader search, on-screen key to painted results, and the raw FTS5 query, per keystroke."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from kiosk.config import ASSETS_DIR
from kiosk.content.pack_store import PackStore
from kiosk.content.pages.page import SEARCH
from kiosk.content.reader import ContentReader, open_reader
from kiosk.content.search import tokens
from tests.bench import search_any_input
from tests.bench.catalogue import synthetic_tables, write_synthetic_pack
from tests.bench.qtapp import kiosk_window, settle
from tests.bench.stats import log, ms, p50_p95, percentile, r2

CATALOGUE = 30_000
TARGET_UI_P95_MS = 16
WORDS = ["nurse", "plumber", "electrician", "vet", "software developer", "care assistant",
         "nurce", "plumer", "elecrician"]
RAW_FTS = "SELECT rowid FROM occupation_fts WHERE occupation_fts MATCH ? ORDER BY rank LIMIT 24"


def prefixes(word: str) -> list[str]:
    return [word[: i + 1] for i in range(len(word))]


def fts_expression(prefix: str) -> str:
    return " AND ".join(f'"{w}"*' for w in tokens(prefix))


def time_queries(reader: ContentReader, rounds: int) -> tuple[list[float], list[float]]:
    """(reader search seconds, raw FTS seconds) for every prefix of every word; round 0 is a dropped warm-up."""
    conn = reader._conn  # the same connection the reader searches on
    reader_s, raw_s = [], []
    by_prefix: dict[str, list[float]] = {}
    for round_no in range(rounds + 1):
        for word in WORDS:
            for prefix in prefixes(word):
                expr = fts_expression(prefix)
                t0 = time.perf_counter()
                conn.execute(RAW_FTS, (expr,)).fetchall()
                t1 = time.perf_counter()
                reader.search(prefix, limit=24)
                t2 = time.perf_counter()
                if round_no:
                    raw_s.append(t1 - t0)
                    reader_s.append(t2 - t1)
                    by_prefix.setdefault(prefix, []).append(t2 - t1)
    slowest = sorted(by_prefix.items(), key=lambda kv: -max(kv[1]))[:6]
    log("slowest reader searches: " + ", ".join(f"{p!r} {max(v) * 1000:.1f} ms" for p, v in slowest))
    return reader_s, raw_s


def key_for(char: str) -> str:
    return "Space" if char == " " else char.upper()


def time_ui(data_dir: Path, reader: ContentReader, rounds: int) -> list[float]:
    """Seconds from clicking an on-screen key to the search screen repainted; round 0 is a dropped warm-up."""
    samples = []
    with kiosk_window(data_dir, reader) as window:
        window.open(SEARCH)
        settle()
        screen = window.screen_widget
        keys = screen.keyboard.keys
        for round_no in range(rounds + 1):
            for word in WORDS:
                keys["Clear"].click()
                window.repaint()
                settle()
                for char in word:
                    key = keys[key_for(char)]
                    t0 = time.perf_counter()
                    key.click()
                    window.repaint()
                    t1 = time.perf_counter()
                    if round_no:
                        samples.append(t1 - t0)
                    settle()
                if screen.field.text() != word:
                    raise RuntimeError(f"typed {word!r} but the search field shows {screen.field.text()!r}")
            log(f"search_keystroke UI round {round_no}/{rounds} done")
    return samples


def run(rounds: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-search-") as tmp:
        data_dir = Path(tmp) / "data"
        t0 = time.perf_counter()
        tables = synthetic_tables(CATALOGUE)
        t1 = time.perf_counter()
        write_synthetic_pack(tables, Path(tmp) / "synthetic.zip")
        t2 = time.perf_counter()
        PackStore(data_dir).install(Path(tmp) / "synthetic.zip")
        # The job library too, as a kiosk has it: its index of job titles is searched when no job's names hold
        # every word typed.
        PackStore(data_dir).start(None, (ASSETS_DIR / "library",))
        t3 = time.perf_counter()
        log(f"synthetic catalogue: rows {t1 - t0:.2f} s, write_pack {t2 - t1:.2f} s, install with the job library "
            f"{t3 - t2:.2f} s")
        reader = open_reader(PackStore(data_dir).db_path)
        try:
            reader_s, raw_s = time_queries(reader, rounds)
            log(f"search_keystroke: {len(reader_s)} reader and raw FTS queries timed")
            any_input = search_any_input.run(reader)
            ui_s = time_ui(data_dir, reader, rounds)
        finally:
            reader.close()
    reader_ms, raw_ms, ui_ms = ms(reader_s), ms(raw_s), ms(ui_s)
    return {
        "catalogue": CATALOGUE,
        "build_install_s": r2(t3 - t1),
        "keystrokes": len(ui_ms),
        "reader_ms": p50_p95(reader_ms),
        "ui_ms": p50_p95(ui_ms),
        "raw_fts_ms": p50_p95(raw_ms),
        "ratio_reader_to_raw_p50": r2(percentile(reader_ms, 50) / percentile(raw_ms, 50)),
        "ratio_reader_to_raw_p95": r2(percentile(reader_ms, 95) / percentile(raw_ms, 95)),
        "ratio_ui_to_raw_p95": r2(percentile(ui_ms, 95) / percentile(raw_ms, 95)),
        "target_ui_p95_ms": TARGET_UI_P95_MS,
        "random_input": any_input,
    }
