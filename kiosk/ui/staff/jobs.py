"""Running one slow staff job (sync, import, export, USB scan, PIN check) off the GUI thread, reporting by signals."""

from __future__ import annotations

import logging
import threading
from typing import Callable

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
Work = Callable[[Progress, Callable[[], bool]], object]  # work(progress, cancelled) -> result


class JobRunner(QObject):
    """One job at a time on a worker thread; its progress and its end arrive as signals on the GUI thread.

    Cancel only sets a flag: the job polls `cancelled()` and stops at its next safe point.
    """

    started = Signal(str)  # the job's name
    progressed = Signal(int, int, str)  # done, total, the item now
    succeeded = Signal(str, object)  # name, what the work returned
    failed = Signal(str, str)  # name, what went wrong in words
    finished = Signal(str)  # name, after succeeded or failed: the runner is free again

    # The worker thread emits these; being signals of a QObject on the GUI thread, they are queued there.
    _progress_from_worker = Signal(int, int, str)
    _end_from_worker = Signal(str, bool, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None
        self._cancel = threading.Event()
        self.name = ""
        self._progress_from_worker.connect(self._relay_progress)
        self._end_from_worker.connect(self._end)

    @property
    def busy(self) -> bool:
        """Whether a job is running."""
        return self._thread is not None

    @property
    def cancelling(self) -> bool:
        """Whether the running job has been asked to stop."""
        return self._cancel.is_set()

    def start(self, name: str, work: Work) -> bool:
        """Start `work` on a worker thread; False (and nothing started) if a job is already running."""
        if self._thread is not None:
            return False
        self.name = name
        self._cancel.clear()
        # A daemon thread: a job stuck in a network call cannot keep the kiosk from stopping.
        self._thread = threading.Thread(target=self._run, args=(name, work), name=f"staff-{name}", daemon=True)
        self.started.emit(name)
        self._thread.start()
        return True

    def cancel(self) -> None:
        """Ask the running job to stop."""
        if self._thread is not None:
            self._cancel.set()

    def shutdown(self, timeout_s: float = 5.0) -> None:
        """Cancel the running job and wait a while for it (the kiosk is stopping)."""
        thread = self._thread
        if thread is not None:
            self._cancel.set()
            thread.join(timeout_s)

    def _run(self, name: str, work: Work) -> None:
        try:
            result = work(self._progress_from_worker.emit, self._cancel.is_set)
        except Exception as e:  # a staff job that fails says so on the staff screen; the kiosk carries on
            log.exception("staff job %s failed", name)
            self._end_from_worker.emit(name, False, f"{e}" or type(e).__name__)
        else:
            self._end_from_worker.emit(name, True, result)

    @Slot(int, int, str)
    def _relay_progress(self, done: int, total: int, item: str) -> None:
        if self._thread is not None:
            self.progressed.emit(done, total, item)

    @Slot(str, bool, object)
    def _end(self, name: str, ok: bool, result: object) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join()  # it has only to return from _run
        if ok:
            self.succeeded.emit(name, result)
        else:
            self.failed.emit(name, str(result))
        self.finished.emit(name)
