"""Running a `kiosk` command in a child process for the staff screen: its messages as JSON lines, Ctrl+C to cancel.

Imports and syncs build hundreds of thousands of Python objects. On a thread of the kiosk's own process they
would take turns with the pupil's screen for the interpreter (and its garbage collector), freezing it for a
tenth of a second at a time; a child process has its own. The child runs the very commands the kill test
proves safe, and if it fails the kiosk carries on.
"""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import threading
from collections import deque
from pathlib import Path
from typing import IO, Any, Callable, NamedTuple

from kiosk.staff.child_messages import ERROR, PROGRESS, RESULT, read_message

log = logging.getLogger(__name__)
POLL_S = 0.1  # how often a waiting job looks at its cancel flag
STDERR_KEPT = 20  # the last lines of a child's stderr, logged when it fails without saying why


class ChildResult(NamedTuple):
    """How the command ended: its exit code, its result message (if it gave one) and its error message (if any)."""

    code: int
    answer: dict[str, Any] | None
    error: str


def run_kiosk(args: list[str], data_dir: Path, *, progress: Callable[[int, int, str], None] | None = None,
              cancelled: Callable[[], bool] = lambda: False) -> ChildResult:
    """Run `kiosk ARGS --data-dir DATA_DIR` (ARGS include --json) to the end (blocking); cancelled() sends it
    Ctrl+C (SIGINT) once it is under way."""
    command = [sys.executable, "-m", "kiosk", *args, "--data-dir", str(data_dir)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                             errors="replace")
    assert child.stdout is not None and child.stderr is not None
    started = threading.Event()  # set at the first progress message: the command's Ctrl+C handler is in place
    answers: list[dict[str, Any]] = []
    errors: list[str] = []

    def moved(done: int, total: int, what: str) -> None:
        started.set()
        if progress is not None:
            progress(done, total, what)

    stderr_tail: deque[str] = deque(maxlen=STDERR_KEPT)
    readers = [threading.Thread(target=_read_messages, args=(child.stdout, moved, answers, errors), daemon=True),
               threading.Thread(target=lambda: stderr_tail.extend(child.stderr), daemon=True)]
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
    answer = answers[-1] if answers else None
    if child.returncode != 0 and answer is None and not errors and not interrupted:
        log.warning("`kiosk %s` ended with code %s: %s", " ".join(args), child.returncode, "".join(stderr_tail))
        errors.append("the command failed unexpectedly (see the kiosk's log)")
    return ChildResult(child.returncode, answer, " ".join(errors))


def _read_messages(stream: IO[str], progress: Callable[[int, int, str], None], answers: list[dict[str, Any]],
                   errors: list[str]) -> None:
    for line in stream:
        message = read_message(line)
        if message is None:
            continue  # not a message (a stray print): the staff screen has nothing to show for it
        if message.type == PROGRESS:
            f = message.fields
            progress(f["done"], f["total"], f["what"])
        elif message.type == RESULT:
            answers.append(message.fields)
        elif message.type == ERROR:
            errors.append(str(message.fields.get("message", "")))
