"""LMI for All sync against the local double with 50 ms a request: a full sync against the ideal, then a repeat."""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import tempfile
import time
from pathlib import Path

from kiosk.config import ASSETS_DIR, load_settings
from kiosk.content.pack_store import PackStore
from kiosk.sources.fetch_policy import FetchPolicy
from kiosk.sources.sync_pipeline import SyncOptions, run_sync
from tests.bench.stats import log, r2
from tests.doubles.lmi_double import LmiDouble

LATENCY_S = 0.05
CONCURRENCY = 8
SOCS = (369, 40)  # (full, quick)
TARGET_RATIO = 1.3
TARGET_REPEAT = 0.10


def _serve(latency_s: float, pipe: multiprocessing.connection.Connection) -> None:
    """In a child process: run the double, send its address and SOC list, then request counts when asked."""
    with LmiDouble(latency_s=latency_s) as double:
        pipe.send((double.base_url, double.socs))
        while pipe.recv() == "count":
            pipe.send(len(double.requests))
            double.clear_requests()


def run(quick: bool) -> dict[str, object]:
    """A full sync of N groups (fetch, build and install the pack), then a repeat with nothing changed."""
    policy = FetchPolicy(max_rps=None, concurrency=CONCURRENCY)  # the double asks for no rate limit
    ours, theirs = multiprocessing.Pipe()
    # The double runs in its own process, as the real service would: in ours it would compete for the GIL.
    server = multiprocessing.get_context("spawn").Process(target=_serve, args=(LATENCY_S, theirs), daemon=True)
    server.start()
    theirs.close()  # only the child holds its end now, so a crashed child ends our recv() with EOFError
    try:
        base_url, all_socs = ours.recv()
        socs = all_socs[: SOCS[1] if quick else SOCS[0]]
        with tempfile.TemporaryDirectory(prefix="lmi-sync-") as tmp:
            data_dir = Path(tmp) / "data"
            PackStore(data_dir).start(ASSETS_DIR / "sample")  # a fresh install: the sample, as on first run
            socs_file = Path(tmp) / "socs.txt"
            socs_file.write_text("\n".join(map(str, socs)))
            settings = load_settings(data_dir, environ={})
            timings, requests, messages = [], [], []
            for _ in ("full", "repeat"):
                started = time.perf_counter()
                report = run_sync(settings, "lmiforall", SyncOptions(base_url=base_url, socs_file=socs_file,
                                                                     policy=policy))
                timings.append(time.perf_counter() - started)
                ours.send("count")
                requests.append(ours.recv())
                messages.append(report.message)
        ours.send("stop")
    finally:
        server.join(timeout=10)
        if server.is_alive():
            server.kill()
    full, repeat = timings
    ideal = requests[0] * LATENCY_S / CONCURRENCY
    ratio, repeat_share = full / ideal, repeat / full
    log(f"lmi_sync: full sync of {len(socs)} SOC groups: {requests[0]} requests, {full:.2f} s (fetch, build and "
        f"install) against an ideal {ideal:.2f} s: ratio {ratio:.2f}, target <= {TARGET_RATIO}")
    log(f"lmi_sync: repeat sync, nothing changed: {requests[1]} requests, {repeat:.2f} s = {repeat_share:.1%} of the "
        f"full sync, target <= {TARGET_REPEAT:.0%} ({messages[1]})")
    return {"soc_groups": len(socs), "latency_ms": LATENCY_S * 1000, "concurrency": CONCURRENCY,
            "full_requests": requests[0], "full_wall_s": r2(full), "ideal_s": r2(ideal), "ratio_to_ideal": r2(ratio),
            "target_ratio": TARGET_RATIO, "repeat_requests": requests[1], "repeat_wall_s": r2(repeat),
            "repeat_share_of_full": round(repeat_share, 3), "target_repeat_share": TARGET_REPEAT,
            "met": ratio <= TARGET_RATIO and repeat_share <= TARGET_REPEAT}
