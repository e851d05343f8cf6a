"""Page switches: tap a tile, Back or Home, to the next page painted, over a realistic walk of the kiosk."""

from __future__ import annotations

import time
from itertools import count
from pathlib import Path
from typing import Callable, Iterator

from kiosk.content.pages.page import HOME
from kiosk.content.reader import open_reader
from kiosk.content.pack_store import PackStore
from kiosk.ui.widgets.tile_grid import TileGrid
from tests.bench.qtapp import kiosk_window, settle
from tests.bench.stats import log, ms, percentile, r2, rss_mib

TARGET_P95_MS = 50


def grid_of(window) -> TileGrid | None:
    screen = window.screen_widget
    results = getattr(screen, "results", None)  # the search screen's grid
    return results if isinstance(results, TileGrid) else screen.findChild(TileGrid)


def tile_to(kind: str) -> Callable[[object, int], object]:
    """Tap the tile whose choice leads to a page of this kind (e.g. the home page's "sectors")."""
    def pick(window, _: int):
        choices = window.screen_widget.page.choices
        index = next(i for i, c in enumerate(choices) if c.target.kind == kind)
        return grid_of(window).tiles[index]
    return pick


def nth_tile(offset: int) -> Callable[[object, int], object]:
    """Tap a tile on the grid's first page, a different one on each lap; Back if the page has none."""
    def pick(window, lap: int):
        grid = grid_of(window)
        if grid is None or not grid.tiles:
            return window.back_button
        return grid.tiles[(lap + offset) % len(grid.tiles)]
    return pick


def back(window, _: int):
    return window.back_button


def home(window, _: int):
    return window.home_button


# home -> sectors -> a sector -> a job -> Back -> another job -> Home -> search -> Home -> A to Z -> a job
# -> Back -> Home -> growing -> a job -> Home
WALK = [tile_to("sectors"), nth_tile(0), nth_tile(0), back, nth_tile(1), home, tile_to("search"), home,
        tile_to("a-z"), nth_tile(3), back, home, tile_to("growing"), nth_tile(0), home]


def taps(switches: int) -> Iterator[tuple[int, Callable]]:
    done = 0
    for lap in count():
        for step in WALK:
            if done == switches:
                return
            yield lap, step
            done += 1


def run(data_dir: Path, switches: int) -> dict[str, object]:
    """Walk the kiosk for `switches` taps on the content installed in `data_dir`; times in ms."""
    reader = open_reader(PackStore(data_dir).db_path)
    samples, settles = [], []
    by_kind: dict[str, list[float]] = {}
    try:
        with kiosk_window(data_dir, reader) as window:
            if window.navigator.current != HOME:
                raise RuntimeError("the kiosk did not start on the home screen")
            rss_before = rss_mib()
            for lap, step in taps(switches):
                button = step(window, lap)
                before = window.navigator.current
                t0 = time.perf_counter()
                button.click()
                window.repaint()
                t1 = time.perf_counter()
                settle()
                t2 = time.perf_counter()
                if window.navigator.current == before:
                    raise RuntimeError(f"tapping {button.text()!r} on {before} did not change the page")
                samples.append(t1 - t0)
                settles.append(t2 - t1)
                by_kind.setdefault(f"{before.kind}->{window.navigator.current.kind}", []).append(t1 - t0)
            settle()
            rss_after = rss_mib()
    finally:
        reader.close()
    samples_ms, settle_ms = ms(samples), ms(settles)
    log(f"page_switch: events settled after each repaint in p50 {percentile(settle_ms, 50):.2f} ms, "
        f"p95 {percentile(settle_ms, 95):.2f} ms, max {max(settle_ms):.2f} ms (not counted)")
    slowest = sorted(by_kind.items(), key=lambda kv: -percentile(kv[1], 50))[:4]
    log("slowest switches (p50): " + ", ".join(f"{k} {percentile(v, 50) * 1000:.1f} ms" for k, v in slowest))
    return {
        "switches": len(samples_ms),
        "p50_ms": r2(percentile(samples_ms, 50)),
        "p95_ms": r2(percentile(samples_ms, 95)),
        "max_ms": r2(max(samples_ms)),
        "target_p95_ms": TARGET_P95_MS,
        "rss_mib_before": r2(rss_before),
        "rss_mib_after": r2(rss_after),
    }
