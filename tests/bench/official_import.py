"""The official figures installed: import wall time, and page switches and memory with them against the sample
alone (each measured in a fresh process on its own data directory)."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kiosk.config import ASSETS_DIR
from kiosk.content.pack_store import PackStore
from tests.bench.catalogue import REPO, kiosk_env
from tests.bench.stats import log, r2

TARGET_P95_MS = 50
TARGET_GROWTH_MIB = 20
# One walk in a fresh process: the page switch benchmark's own walk, then the process's resident memory.
WALK = """
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from tests.bench import page_switch
print(json.dumps(page_switch.run(Path(sys.argv[1]), int(sys.argv[2]))))
"""


def install_times(rounds: int) -> list[float]:
    """Seconds to build and install the shipped official pack on a kiosk that has the sample (its first run's
    second half), on a fresh data directory each round."""
    times = []
    for _ in range(rounds):
        with tempfile.TemporaryDirectory(prefix="kiosk-official-") as tmp:
            store = PackStore(Path(tmp) / "data")
            store.start(ASSETS_DIR / "sample")
            t0 = time.perf_counter()
            notes = store.start(None, (ASSETS_DIR / "official",))
            times.append(time.perf_counter() - t0)
            if not notes or "official" not in notes[0]:
                raise RuntimeError(f"the official figures were not installed: {notes}")
    return times


def walk(data_dir: Path, switches: int) -> dict[str, float]:
    env = kiosk_env(data_dir.parent / "pycache")
    proc = subprocess.run([sys.executable, "-c", WALK, str(data_dir), str(switches)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=900)
    if proc.returncode != 0:
        raise RuntimeError(f"the page walk failed (exit {proc.returncode}): {proc.stderr.strip()[-800:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run(quick: bool) -> dict[str, object]:
    rounds, switches = (2, 60) if quick else (5, 200)
    times = install_times(rounds)
    log(f"official_import: installed the official figures {rounds} times, median {statistics.median(times):.2f} s")
    with tempfile.TemporaryDirectory(prefix="kiosk-official-walk-") as tmp:
        sample, both = Path(tmp) / "sample", Path(tmp) / "official"
        PackStore(sample).start(ASSETS_DIR / "sample")
        PackStore(both).start(ASSETS_DIR / "sample", (ASSETS_DIR / "official",))
        alone, with_official = walk(sample, switches), walk(both, switches)
    growth = with_official["rss_mib_after"] - alone["rss_mib_after"]
    return {
        "install_s": {"median": r2(statistics.median(times)), "min": r2(min(times)), "max": r2(max(times)),
                      "rounds": rounds},
        "page_switch_p95_ms": {"sample_alone": alone["p95_ms"], "with_official": with_official["p95_ms"],
                               "target": TARGET_P95_MS},
        "rss_mib_after_walk": {"sample_alone": alone["rss_mib_after"], "with_official": with_official["rss_mib_after"],
                               "growth": r2(growth), "target_growth": TARGET_GROWTH_MIB},
        "switches": switches,
    }
