"""Picture mode: the time to build and paint the longest occupation page, with every key word symbolised."""

from __future__ import annotations

import time
from pathlib import Path

from tests.bench.stats import log, p50_p95, r2

TARGET_MS = 50.0


def install_symbols(data_dir: Path) -> str:
    """OpenMoji in the bench's data directory, the way `kiosk symbols install openmoji` does it."""
    from kiosk.access.openmoji import install_openmoji
    from kiosk.access.symbol_sets import installed_sets
    from kiosk.config import LEXICON_DIR

    if not any(s.id == "openmoji" for s in installed_sets(data_dir)):
        install_openmoji(data_dir, LEXICON_DIR / "openmoji" / "package-lock.json")
    return "openmoji"


def longest_occupation(reader, among: set[str] | None = None) -> tuple[str, int]:
    """The occupation (of `among`, if given) whose picture-mode page has the most text, and how many characters."""
    from kiosk.content.pages import build_page
    from kiosk.content.pages.page import Target

    sizes = {o.id: sum(len(t) for t in build_page(Target("occupation", o.id), reader, easy=True).symbol_texts())
             for o in reader.occupations() if among is None or o.id in among}
    best = max(sizes, key=sizes.get)
    return best, sizes[best]


def run(data_dir: Path, builds: int, among: set[str] | None = None) -> dict[str, object]:
    from kiosk.content.pages.page import Target
    from kiosk.content.reader import open_reader
    from kiosk.ui.session_display import Display
    from tests.bench.qtapp import after_first_paint, kiosk_window, settle

    sets = install_symbols(data_dir)
    reader = open_reader(data_dir / "kiosk.db")
    occupation, characters = longest_occupation(reader, among)
    page = Target("occupation", occupation)
    first, repeat, unwarmed = [], [], 0.0
    try:
        with kiosk_window(data_dir, reader) as window:
            window.set_display(Display(mode="picture"))
            t0 = time.perf_counter()  # this process's very first picture page, before any warm-up
            window.open(page)
            window.repaint()
            unwarmed = (time.perf_counter() - t0) * 1000
            after_first_paint(window)
            for i in range(builds):
                window.open(Target("home"))
                settle()
                if i == 0:
                    window.symbols._cache.clear()  # the first visit: nothing symbolised or drawn yet
                    window.pixmaps._cache.clear()
                t0 = time.perf_counter()
                window.open(page)
                window.repaint()
                (first if i == 0 else repeat).append((time.perf_counter() - t0) * 1000)
    finally:
        reader.close()
    log(f"picture page {occupation}: first build {first[0]:.1f} ms")
    return {
        "occupation": occupation, "characters": characters, "symbol_sets": sets,
        "first_visit_ms": r2(first[0]), "build_ms": p50_p95(repeat), "builds": len(repeat),
        "first_ever_without_warm_up_ms": r2(unwarmed),
        "target_ms": TARGET_MS,
    }
