"""LMI for All sync against the local double with 50 ms a request: wall time against the ideal."""

from __future__ import annotations

import asyncio
import multiprocessing
import multiprocessing.connection
import tempfile
import time
from pathlib import Path

from kiosk.sources.fetch_policy import FetchPolicy
from kiosk.sources.json_fetch import JsonFetcher
from kiosk.sources.lmiforall.client import LmiClient
from kiosk.sources.lmiforall.double import LmiDouble
from kiosk.sources.lmiforall.sync_run import sync_socs
from tests.bench.stats import log, r2

LATENCY_S = 0.05
CONCURRENCY = 8
SOCS = (369, 40)  # (full, quick)
TARGET_RATIO = 1.3


def _serve(latency_s: float, pipe: multiprocessing.connection.Connection) -> None:
    """In a child process: run the double, send its address and SOC list, then its request count when told to stop."""
    with LmiDouble(latency_s=latency_s) as double:
        pipe.send((double.base_url, double.socs))
        pipe.recv()
        pipe.send(len(double.requests))


def run(quick: bool) -> dict[str, object]:
    """Sync the first N SOC groups once and report wall time, requests, the ideal and their ratio."""
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

            async def sync() -> None:
                async with JsonFetcher(base_url, "LMI for All", policy) as fetcher:
                    await sync_socs(LmiClient(fetcher), socs, Path(tmp), this_year=2026,
                                    socs_in_flight=CONCURRENCY)

            started = time.perf_counter()
            asyncio.run(sync())
            wall = time.perf_counter() - started
        ours.send("stop")
        requests = ours.recv()
    finally:
        server.join(timeout=10)
        if server.is_alive():
            server.kill()
    ideal = requests * LATENCY_S / CONCURRENCY
    ratio = wall / ideal
    log(f"lmi_sync: {len(socs)} SOC groups, {requests} requests, {wall:.2f} s against an ideal {ideal:.2f} s "
        f"(ratio {ratio:.2f}, target <= {TARGET_RATIO})")
    return {"soc_groups": len(socs), "requests": requests, "latency_ms": LATENCY_S * 1000,
            "concurrency": CONCURRENCY, "wall_s": r2(wall), "ideal_s": r2(ideal), "ratio_to_ideal": r2(ratio),
            "target_ratio": TARGET_RATIO, "met": ratio <= TARGET_RATIO}
