"""Noticing a USB stick plugged in or pulled out while the staff screen is open, by polling the mount points."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal

POLL_MS = 2000


class UsbWatch(QObject):
    """Asks for the removable drives every two seconds (a cheap listing) and says when they change."""

    changed = Signal(list)  # the removable drives now, as paths

    def __init__(self, roots: Callable[[], list[Path]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roots = roots
        self.roots: list[Path] | None = None  # None until the first look
        self.problem = ""
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        """Look now, then every two seconds."""
        self.poll()
        self.timer.start()

    def stop(self) -> None:
        """Stop looking (the staff screen is closing)."""
        self.timer.stop()

    def poll(self) -> None:
        """Look now; emit `changed` if the drives differ from the last look."""
        try:
            now, self.problem = list(self._roots()), ""
        except Exception as e:  # a missing or failing listing must not break the staff screen
            now, self.problem = [], f"USB sticks cannot be listed here: {e}"
        if now != self.roots:
            self.roots = now
            self.changed.emit(now)
