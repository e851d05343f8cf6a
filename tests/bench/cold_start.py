"""Cold start: process spawn to first painted home screen, against a bare PySide6 window started the same way."""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tests.bench.catalogue import REPO, kiosk_command
from tests.bench.stats import log, median_p95, ms, r2

TARGET_RATIO = 1.5
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\d[ T][\d:.,]+\s*")
BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv)
w = QWidget()
w.resize(1280, 800)
w.show()
w.repaint()
print(f"first-paint {time.perf_counter():.6f}", flush=True)
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""


def spawn_to_paint(name: str, command: list[str], env: dict[str, str], stderr_seen: set[str]) -> float:
    """Seconds from just before Popen to the child's printed `first-paint <perf_counter>`."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    out, err = proc.communicate(timeout=120)
    for line in err.splitlines():
        key = TIMESTAMP.sub("", line).strip()  # the same log line from every run is shown once
        if key and key not in stderr_seen:
            stderr_seen.add(key)
            log(f"{name} stderr: {line}")
    if proc.returncode != 0:
        raise RuntimeError(f"{name} exited {proc.returncode}: {err.strip()[-800:]}")
    for line in out.splitlines():
        if line.startswith("first-paint "):
            return float(line.split()[1]) - t0
    raise RuntimeError(f"{name} printed no first-paint line: {out!r}")


def run(data_dir: Path, pairs: int, env: dict[str, str]) -> dict[str, object]:
    """Alternate kiosk and bare-window runs; the data dir must already hold installed content."""
    kiosk_cmd = kiosk_command(data_dir)
    bare_cmd = [sys.executable, "-c", BARE]
    kiosk, bare = [], []
    seen: set[str] = set()
    spawn_to_paint("bare", bare_cmd, env, seen)  # untimed, like the kiosk's preparing run: caches bytecode
    for i in range(pairs):
        # Swap which goes first on odd pairs so neither side always follows the other's cache effects.
        order = [("kiosk", kiosk_cmd, kiosk), ("bare", bare_cmd, bare)]
        for name, command, samples in order if i % 2 == 0 else reversed(order):
            samples.append(spawn_to_paint(name, command, env, seen))
        log(f"cold_start pair {i + 1}/{pairs}: kiosk {kiosk[-1] * 1000:.1f} ms, bare {bare[-1] * 1000:.1f} ms")
    kiosk_ms, bare_ms = ms(kiosk), ms(bare)
    return {
        "kiosk_ms": {**median_p95(kiosk_ms), "min": r2(min(kiosk_ms))},
        "bare_window_ms": {**median_p95(bare_ms), "min": r2(min(bare_ms))},
        "ratio_median": r2(statistics.median(kiosk_ms) / statistics.median(bare_ms)),
        # This VM's speed drifts from second to second; comparing each kiosk start with the bare start run
        # right beside it cancels the drift, and the fastest of each side shows the work with no noise on top.
        "ratio_paired_median": r2(statistics.median(k / b for k, b in zip(kiosk_ms, bare_ms))),
        "ratio_min": r2(min(kiosk_ms) / min(bare_ms)),
        "target_ratio": TARGET_RATIO,
        "runs": pairs,
    }
