"""Shared helpers for the benchmarks: percentiles, rounding, RSS, logging to stderr and machine facts."""

from __future__ import annotations

import os
import platform
import sqlite3
import statistics
import sys
import time
from typing import Sequence


def log(message: str) -> None:
    """A progress line on stderr (stdout carries only the final JSON)."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def percentile(samples: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) with linear interpolation between closest ranks, as numpy does."""
    if not samples:
        raise ValueError("no samples")
    ordered = sorted(samples)
    pos = (len(ordered) - 1) * q / 100.0
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def r2(value: float) -> float:
    return round(float(value), 2)


def ms(seconds: Sequence[float]) -> list[float]:
    return [s * 1000.0 for s in seconds]


def p50_p95(samples_ms: Sequence[float]) -> dict[str, float]:
    return {"p50": r2(percentile(samples_ms, 50)), "p95": r2(percentile(samples_ms, 95))}


def median_p95(samples_ms: Sequence[float]) -> dict[str, float]:
    return {"median": r2(statistics.median(samples_ms)), "p95": r2(percentile(samples_ms, 95))}


def rss_mib() -> float:
    """This process's resident set size in MiB, from /proc/self/status (VmRSS)."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    raise RuntimeError("no VmRSS line in /proc/self/status")


def machine() -> dict[str, object]:
    import PySide6
    from PySide6 import QtCore

    return {
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "qt": QtCore.qVersion(),
        "sqlite": sqlite3.sqlite_version,
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "qpa": os.environ.get("QT_QPA_PLATFORM", ""),
    }
