"""Every kind of page, opened from the home page in words, high contrast, picture mode and big pictures: time to
the page painted, p95 per kind.

The pages are the ones issue 5 added (routes, stories, events, library, compare, subjects, our area, my list, take
home …) and the ones before them, each opened by tapping from home, as a pupil would get there, then painted.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from kiosk.access.coverage import every_page_target
from kiosk.content.pages.page import HOME, SEARCH
from kiosk.content.reader import open_reader
from kiosk.ui.session_display import Display
from tests.bench.picture_page import install_symbols
from tests.bench.qtapp import after_first_paint, kiosk_window, settle
from tests.bench.stats import log, percentile, r2

TARGET_P95_MS = 50.0
ROUNDS = (5, 2)  # (full, quick): passes over every target, per mode
PER_KIND = 12  # at most this many targets of one kind (there are 58 occupations)
MIN_SAMPLES = (20, 6)  # (full, quick): opens per kind at least, so a p95 is a p95 and not the worst of five
# Words and high contrast are the looks issue 15 reports; high contrast is words with another palette.
DISPLAYS = (("standard", Display(mode="standard")), ("high-contrast", Display(mode="standard", high_contrast=True)),
            ("picture", Display(mode="picture")), ("large", Display(mode="large")))  # large: big pictures


def _targets(reader) -> list:
    chosen, counts = [], {}
    for target in every_page_target(reader):
        if target in (HOME, SEARCH) or counts.get(target.kind, 0) >= PER_KIND:
            continue  # search has its own benchmark (search_keystroke)
        counts[target.kind] = counts.get(target.kind, 0) + 1
        chosen.append(target)
    return chosen


def run(data_dir: Path, quick: bool) -> dict[str, object]:
    """p95 open-to-painted time per page kind, in words, high contrast, picture mode and big pictures."""
    install_symbols(data_dir)
    reader = open_reader(data_dir / "kiosk.db")
    results: dict[str, dict[str, float]] = {}
    try:
        with kiosk_window(data_dir, reader) as window:
            after_first_paint(window)
            targets = _targets(reader)
            rounds, least = (ROUNDS[1], MIN_SAMPLES[1]) if quick else (ROUNDS[0], MIN_SAMPLES[0])
            per_kind = Counter(target.kind for target in targets)
            # A kind with few pages (there is one "our area" page) opens each of them more often in a round.
            repeats = {kind: -(-least // (n * rounds)) for kind, n in per_kind.items()}
            for name, display in DISPLAYS:
                window.set_display(display)
                times: dict[str, list[float]] = {}
                for _ in range(rounds):
                    for target in targets:
                        for _ in range(repeats[target.kind]):
                            window.open(HOME)
                            settle()
                            t0 = time.perf_counter()
                            window.open(target)
                            window.repaint()
                            times.setdefault(target.kind, []).append((time.perf_counter() - t0) * 1000)
                            settle()
                results[name] = {kind: r2(percentile(samples, 95)) for kind, samples in sorted(times.items())}
    finally:
        reader.close()
    worst = {mode: max(by_kind.items(), key=lambda kv: kv[1]) for mode, by_kind in results.items()}
    for mode, by_kind in results.items():
        log(f"page_kinds ({mode}): p95 by kind, ms: " + ", ".join(f"{k} {v:.1f}" for k, v in by_kind.items()))
        log(f"page_kinds ({mode}): slowest {worst[mode][0]} at {worst[mode][1]:.1f} ms (target p95 <= {TARGET_P95_MS}; "
            f"at least {least} opens of each kind)")
    return {"p95_ms_by_kind": results, "samples_per_kind_at_least": least, "target_p95_ms": TARGET_P95_MS,
            "met": all(v <= TARGET_P95_MS for by_kind in results.values() for v in by_kind.values())}
