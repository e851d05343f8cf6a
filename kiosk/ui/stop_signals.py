"""Stopping cleanly on SIGTERM (systemd) and SIGINT (Ctrl+C), which Qt's event loop would otherwise never see."""

from __future__ import annotations

import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier, Signal

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class StopSignals(QObject):
    """Turns SIGINT and SIGTERM into a Qt signal, delivered at once through a socket the event loop watches.

    Python runs signal handlers only between bytecodes, and inside Qt's event loop there may be none for a
    long time; the wake-up fd has the C-level handler write the signal number where Qt will see it.
    """

    stop_requested = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._receive, self._send = socket.socketpair()
        for end in (self._receive, self._send):
            end.setblocking(False)
        self._notifier = QSocketNotifier(self._receive.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)
        self._previous: dict[int, object] = {}
        self._previous_fd = -1

    def install(self) -> None:
        self._previous_fd = signal.set_wakeup_fd(self._send.fileno())
        for number in STOP_SIGNALS:
            # A Python handler that does nothing: the wake-up fd does the work, and the default actions
            # (dying at once on SIGTERM, KeyboardInterrupt in some slot on SIGINT) are what we replace.
            self._previous[number] = signal.signal(number, lambda *_: None)

    def uninstall(self) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        self._previous.clear()
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._receive.close()
        self._send.close()

    def _woken(self) -> None:
        try:
            received = self._receive.recv(64)
        except BlockingIOError:
            return
        for number in received:
            if number in STOP_SIGNALS:
                self.stop_requested.emit(number)
