"""Running a `kiosk` command in a child process for the staff screen: progress from its stderr, Ctrl+C to cancel.

Imports and syncs build hundreds of thousands of Python objects. On a thread of the kiosk's own process they
would take turns with the pupil's screen for the interpreter (and its garbage collector), freezing it for a
tenth of a second at a time; a child process has its own. The child runs the very commands the kill test
proves safe, and if it fails the kiosk carries on.
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, Callable, NamedTuple

# The progress line `kiosk sync` prints: "  120/369 (32%) SOC 2231".
PROGRESS_LINE = re.compile(r"^\s+(\d+)/(\d+) \(\d+%\) (.*)$")
ERROR_PREFIX = "kiosk: "
POLL_S = 0.1  # how often a waiting job looks at its cancel flag


class ChildResult(NamedTuple):
    """How the command ended: its exit code, its JSON answer (if it gave one) and its error message (if any)."""

    code: int
    answer: dict[str, Any] | None
    error: str


def run_kiosk(args: list[str], data_dir: Path, *, progress: Callable[[int, int, str], None] | None = None,
              cancelled: Callable[[], bool] = lambda: False) -> ChildResult:
    """Run `kiosk ARGS --data-dir DATA_DIR` to the end (blocking); cancelled() sends it Ctrl+C (SIGINT)."""
    command = [sys.executable, "-m", "kiosk", *args, "--data-dir", str(data_dir)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                             errors="replace")
    errors: list[str] = []
    started = threading.Event()  # set at the first progress line: the command's Ctrl+C handler is in place

    def moved(done: int, total: int, what: str) -> None:
        started.set()
        if progress is not None:
            progress(done, total, what)

    readers = [threading.Thread(target=_read_stderr, args=(child.stderr, moved, errors), daemon=True)]
    out: list[str] = []
    readers.append(threading.Thread(target=lambda: out.append(child.stdout.read()), daemon=True))
    for reader in readers:
        reader.start()
    interrupted = False
    while True:
        try:
            child.wait(timeout=POLL_S)
            break
        except subprocess.TimeoutExpired:
            if cancelled() and not interrupted:
                # Once under way the command stops after the items in flight, saving them; before that it has
                # nothing to save, and stopping it outright is as safe as a power cut (tests/test_kill_safety.py).
                child.send_signal(signal.SIGINT if started.is_set() else signal.SIGTERM)
                interrupted = True
    for reader in readers:
        reader.join()
    child.stdout.close()
    child.stderr.close()
    return ChildResult(child.returncode, _answer("".join(out)), " ".join(errors))


def _read_stderr(stream, progress: Callable[[int, int, str], None], errors: list[str]) -> None:
    for line in stream:
        line = line.rstrip("\n")
        moved = PROGRESS_LINE.match(line)
        if moved:
            progress(int(moved.group(1)), int(moved.group(2)), moved.group(3))
        elif line.startswith(ERROR_PREFIX):
            errors.append(line[len(ERROR_PREFIX):])
        elif line.startswith("Traceback") and not errors:
            errors.append("the command failed unexpectedly (see the kiosk's log)")


def _answer(text: str) -> dict[str, Any] | None:
    """The JSON object on the command's last line of output, if there is one."""
    lines = [line for line in text.splitlines() if line.strip()]
    try:
        answer = json.loads(lines[-1]) if lines else None
    except ValueError:
        return None
    return answer if isinstance(answer, dict) else None
