"""`kiosk sync official` against the publishers' double with 50 ms a request: a full sync on a fresh data directory
against the latency-bound ideal, then a repeat with nothing changed."""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from kiosk.app import prepare_content
from kiosk.config import load_settings
from kiosk.sources.official.download import OFFICIAL_POLICY
from kiosk.staff.child_messages import RESULT, read_message
from tests.bench.stats import log, r2
from tests.helpers.official import FIXTURES

LATENCY_S = 0.05
TARGET_RATIO = 1.3
TARGET_REPEAT = 0.05
ROOT = Path(__file__).resolve().parents[2]


def _serve(latency_s: float, pipe: multiprocessing.connection.Connection) -> None:
    """In a child process: run the double, send its address, then (requests, bytes) since last asked, when asked."""
    from tests.doubles.official_double import OfficialDouble

    with OfficialDouble(latency_s=latency_s) as double:
        pipe.send(double.base_url)
        while pipe.recv() == "count":
            pipe.send(double.served())
            double.forget()


def _sync(base_url: str, data_dir: Path) -> tuple[float, dict[str, Any]]:
    """Run the command as staff (or the staff screen) would; its wall time and its result message."""
    command = [sys.executable, "-m", "kiosk", "sync", "official", "--base-url", base_url, "--json",
               "--data-dir", str(data_dir)]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    wall = time.perf_counter() - started
    results = [m.fields for m in map(read_message, done.stdout.splitlines()) if m is not None and m.type == RESULT]
    if not results:
        raise RuntimeError(f"`kiosk sync official` gave no result (exit {done.returncode}): {done.stderr[-2000:]}")
    return wall, results[-1]


def run(quick: bool) -> dict[str, object]:
    """A full sync (download, read, build and install) then a repeat; `quick` changes nothing (one full sync is
    the smallest honest measure)."""
    if not FIXTURES.is_dir():
        return {"skipped": f"{FIXTURES} is absent: the double serves the real releases from there"}
    concurrency = OFFICIAL_POLICY.concurrency
    ours, theirs = multiprocessing.Pipe()
    # The double runs in its own process, as the publishers would: in ours it would compete for the GIL.
    server = multiprocessing.get_context("spawn").Process(target=_serve, args=(LATENCY_S, theirs), daemon=True)
    server.start()
    theirs.close()
    try:
        base_url = ours.recv()
        with tempfile.TemporaryDirectory(prefix="official-sync-") as tmp:
            data_dir = Path(tmp) / "data"
            prepare_content(load_settings(data_dir, environ={}))  # a fresh install's first start (not timed)
            runs = []
            for _ in ("full", "repeat"):
                wall, result = _sync(base_url, data_dir)
                ours.send("count")
                runs.append((wall, result, *ours.recv()))
        ours.send("stop")
    finally:
        server.join(timeout=10)
        if server.is_alive():
            server.kill()
    (full, first, requests, sent), (repeat, again, repeat_requests, repeat_sent) = runs
    timings = first.get("timings") or {}
    fetch = timings.get("fetch", 0.0)
    ideal = requests * LATENCY_S / concurrency
    ratio, share = fetch / ideal, repeat / full
    log(f"official_sync: full sync: {requests} requests, {sent / 1e6:.1f} MB, {full:.2f} s in all (process start "
        f"to exit); fetch {fetch:.2f} s against an ideal {ideal:.2f} s ({requests} x {LATENCY_S * 1000:.0f} ms / "
        f"{concurrency}): ratio {ratio:.2f}, target <= {TARGET_RATIO}; reading {timings.get('read', 0):.2f} s, "
        f"building {timings.get('build', 0):.2f} s, installing {timings.get('install', 0):.2f} s ({first['message']})")
    log(f"official_sync: repeat, nothing changed: {repeat_requests} requests, {repeat_sent:,} bytes, {repeat:.2f} s = "
        f"{share:.1%} of the full sync, target <= {TARGET_REPEAT:.0%} ({again['message']})")
    return {"latency_ms": LATENCY_S * 1000, "concurrency": concurrency, "full_requests": requests,
            "full_bytes": sent, "full_wall_s": r2(full), "fetch_s": r2(fetch), "ideal_fetch_s": r2(ideal),
            "fetch_ratio_to_ideal": r2(ratio), "target_ratio": TARGET_RATIO, "read_s": r2(timings.get("read", 0)),
            "build_s": r2(timings.get("build", 0)), "install_s": r2(timings.get("install", 0)),
            "installed": first.get("installed"), "repeat_requests": repeat_requests, "repeat_bytes": repeat_sent,
            "repeat_wall_s": r2(repeat), "repeat_fetch_s": r2((again.get("timings") or {}).get("fetch", 0)),
            "repeat_installed": again.get("installed"), "repeat_share_of_full": round(share, 3),
            "target_repeat_share": TARGET_REPEAT, "met": ratio <= TARGET_RATIO and share <= TARGET_REPEAT}
