"""`kiosk sync SOURCE`: fetch from an online service and install its pack, with progress; Ctrl+C stops cleanly."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
import time
from typing import Any

from kiosk.sources.errors import SourceInputError

# A progress line at most this often: enough to see it moving, not so much that a log fills up.
PROGRESS_EVERY_S = 1.0


def run_sync(args: argparse.Namespace, settings: Any) -> int:
    """Run one sync from the command line; 0 when it finished, 1 when it stopped early or was refused."""
    from kiosk.app import prepare_content
    from kiosk.sources.sync_job import sync_source

    prepare_content(settings)
    # httpx logs every request at INFO: thousands of lines that would bury the progress and the problems.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    stop = threading.Event()
    previous = signal.signal(signal.SIGINT, lambda *_: _stopping(stop))
    last = [0.0]
    # The staff screen reads these lines for its progress bar, and can show them more often than a log should.
    every = PROGRESS_EVERY_S / 5 if args.json else PROGRESS_EVERY_S

    def progress(done: int, total: int, what: str) -> None:
        now = time.monotonic()
        if done == total or now - last[0] >= every:
            last[0] = now
            print(f"  {done}/{total} ({100 * done // max(1, total)}%) {what}", file=sys.stderr, flush=True)

    try:
        report = sync_source(
            settings, args.source, base_url=args.base_url, full=args.full, progress=progress, cancelled=stop.is_set,
            **_options(args),
        )
    finally:
        signal.signal(signal.SIGINT, previous)
    if args.json:
        import json

        print(json.dumps(report._asdict()))
        return 0 if report.complete else 1
    for problem in report.problems:
        print(f"  note: {problem}", file=sys.stderr)
    print(report.message)
    return 0 if report.complete else 1


def _stopping(stop: threading.Event) -> None:
    print("stopping after the items in flight (the next sync carries on from here)...", file=sys.stderr, flush=True)
    stop.set()


def _options(args: argparse.Namespace) -> dict[str, Any]:
    if args.source == "lmiforall":
        return _lmi_options(args)
    if args.source == "official":
        return {"from_dir": args.from_dir}
    return {"api_key": args.api_key}


def _lmi_options(args: argparse.Namespace) -> dict[str, Any]:
    region = None
    if args.region is not None:
        if not args.region.isdigit() or not 1 <= int(args.region) <= 12:
            raise SourceInputError(f"--region must be an LMI for All region code from 1 to 12, not {args.region!r}")
        region = int(args.region)
    return {"socs_file": args.socs, "region": region}
