"""A scripted soak: thousands of random taps across every page a pupil can reach, and the memory it costs.

Each tap presses a random visible, enabled button of the kiosk (tiles, Back, Home, How it looks, keyboard keys,
speech controls) as a pupil might; every few hundred taps the visit ends (the idle reset). After a warm-up, the
process's resident memory is read every 1,000 taps and its growth per 1,000 taps is the slope of a least-squares
line through those readings. Target: at most 2 MB per 1,000 taps.
"""

from __future__ import annotations

import ctypes
import gc
import random
from pathlib import Path

from kiosk.content.pack_store import PackStore
from kiosk.content.reader import open_reader
from tests.bench.qtapp import kiosk_window, settle
from tests.bench.stats import log, r2, rss_mib

TAPS = (10_000, 2_000)  # (full, quick)
WARM_UP = (1_000, 500)
EVERY = 1_000  # taps between memory readings
VISIT_TAPS = 300  # a visit this long, then the idle reset
TARGET_MB_PER_1000 = 2.0
SEED = 20261124


def _buttons(window) -> list:
    from kiosk.ui.widgets.kiosk_button import KioskButton

    page, bar = window.scan_buttons()  # what a pupil can press now, as switch access sees it
    return [b for b in (*page, *bar) if isinstance(b, KioskButton) and b.isEnabled() and b.isVisible()]


def _trimmed_rss() -> float:
    """RSS after returning freed heap to the system, so fragmentation is not counted as a leak."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except OSError:
        pass
    return rss_mib()


def _slope(points: list[tuple[int, float]]) -> float:
    """Least-squares MiB per tap through (tap, MiB) points."""
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / sxx if sxx else 0.0


def run(data_dir: Path, quick: bool) -> dict[str, object]:
    """Tap at random for TAPS taps on the content in `data_dir`; memory growth per 1,000 taps after warm-up."""
    pick = 1 if quick else 0
    taps, warm_up = TAPS[pick], WARM_UP[pick]
    rng = random.Random(SEED)
    reader = open_reader(PackStore(data_dir).db_path)
    readings: list[tuple[int, float]] = []
    kinds: dict[str, int] = {}
    try:
        with kiosk_window(data_dir, reader) as window:
            for tap in range(1, taps + 1):
                buttons = _buttons(window)
                if buttons:
                    rng.choice(buttons).click()
                else:
                    window.back_button.click()
                kind = window.navigator.current.kind
                kinds[kind] = kinds.get(kind, 0) + 1
                settle()
                if tap % VISIT_TAPS == 0:
                    window.reset_session()  # the visit ends, as after the idle warning
                    settle()
                if tap >= warm_up and (tap - warm_up) % EVERY == 0:
                    readings.append((tap, _trimmed_rss()))
    finally:
        reader.close()
    slope = _slope(readings) * 1000 if len(readings) > 1 else 0.0
    mb_per_1000 = slope * 1.048576  # MiB to MB
    log(f"soak: {taps} random taps over {len(kinds)} kinds of page; RSS after warm-up "
        f"{readings[0][1]:.1f} MiB, at the end {readings[-1][1]:.1f} MiB; growth {mb_per_1000:.3f} MB per 1,000 "
        f"taps (target <= {TARGET_MB_PER_1000})")
    return {"taps": taps, "warm_up_taps": warm_up, "pages_seen": dict(sorted(kinds.items())),
            "rss_mib": [(t, r2(m)) for t, m in readings], "mb_per_1000_taps": round(mb_per_1000, 3),
            "target_mb_per_1000_taps": TARGET_MB_PER_1000, "met": mb_per_1000 <= TARGET_MB_PER_1000}
