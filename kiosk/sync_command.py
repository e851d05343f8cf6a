"""`kiosk sync SOURCE`: fetch from an online service and install its pack, with progress; Ctrl+C stops cleanly.

Progress goes to stderr as lines for people; with --json, progress and the result go to stdout as JSON lines
(kiosk.staff.child_messages) for the staff screen, which runs this very command in a child process.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
import time
from typing import Any

# A progress line at most this often: enough to see it moving, not so much that a log fills up.
PROGRESS_EVERY_S = 1.0


def run_sync_command(args: argparse.Namespace, settings: Any) -> int:
    """Run one sync from the command line; 0 when it finished, 1 when it stopped early or was refused."""
    from kiosk.app import prepare_content
    from kiosk.sources.sync_pipeline import SyncOptions, run_sync
    from kiosk.staff.child_messages import send_progress, send_result

    prepare_content(settings)
    # httpx logs every request at INFO: thousands of lines that would bury the progress and the problems.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    stop = threading.Event()
    previous = signal.signal(signal.SIGINT, lambda *_: _stopping(stop))
    last = [0.0]
    # The staff screen shows progress on a bar, and can show it more often than a log should.
    every = PROGRESS_EVERY_S / 5 if args.json else PROGRESS_EVERY_S

    def progress(done: int, total: int, what: str) -> None:
        now = time.monotonic()
        if done == total or now - last[0] >= every:
            last[0] = now
            if args.json:
                send_progress(done, total, what)
            else:
                print(f"  {done}/{total} ({100 * done // max(1, total)}%) {what}", file=sys.stderr, flush=True)

    # Each source's options are the same names on the command line; a source ignores what it does not take.
    options = SyncOptions(**{name: getattr(args, name) for name in SyncOptions._fields if hasattr(args, name)})
    try:
        report = run_sync(settings, args.source, options, progress=progress, cancelled=stop.is_set)
    finally:
        signal.signal(signal.SIGINT, previous)
    if args.json:
        send_result(report._asdict())
        return 0 if report.complete else 1
    for problem in report.problems:
        print(f"  note: {problem}", file=sys.stderr)
    print(report.message)
    return 0 if report.complete else 1


def _stopping(stop: threading.Event) -> None:
    print("stopping after the items in flight (the next sync carries on from here)...", file=sys.stderr, flush=True)
    stop.set()
