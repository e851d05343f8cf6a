"""A real systemd notify socket for tests: an AF_UNIX datagram socket bound at a path or an abstract name."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent.parent


class NotifySocket:
    """What systemd listens on; `variable` is the NOTIFY_SOCKET value that names it."""

    def __init__(self, folder: Path, abstract: bool = False) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        if abstract:
            name = f"kiosk-test-{os.getpid()}-{time.monotonic_ns()}"
            self.sock.bind("\0" + name)
            self.variable = "@" + name
        else:
            self.sock.bind(str(folder / "notify"))
            self.variable = str(folder / "notify")
        self.received: list[tuple[float, str]] = []  # (time.monotonic() at arrival, message)

    def receive(self, timeout_s: float) -> str | None:
        """The next message, waiting at most `timeout_s` (None if none came)."""
        self.sock.settimeout(max(timeout_s, 0.001))
        try:
            data = self.sock.recv(4096)
        except (socket.timeout, BlockingIOError):
            return None
        self.received.append((time.monotonic(), data.decode()))
        return data.decode()

    def drain(self) -> list[str]:
        """Every message already waiting, without waiting for more."""
        messages = []
        self.sock.setblocking(False)
        while True:
            try:
                data = self.sock.recv(4096)
            except BlockingIOError:
                return messages
            self.received.append((time.monotonic(), data.decode()))
            messages.append(data.decode())

    def wait_for(self, predicate, timeout_s: float) -> bool:
        """Receive until `predicate(self.received)` holds or the deadline passes."""
        deadline = time.monotonic() + timeout_s
        while not predicate(self.received):
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            self.receive(left)
        return True

    def close(self) -> None:
        self.sock.close()


@contextmanager
def running_kiosk(data: Path, listener: NotifySocket, watchdog_usec: int, **extra: str) -> Iterator[subprocess.Popen]:
    """The kiosk (offscreen, windowed) with systemd's variables naming `listener`; killed if a test leaves it running."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": str(data), "PYTHONPATH": str(ROOT),
           "NOTIFY_SOCKET": listener.variable, "WATCHDOG_USEC": str(watchdog_usec), **extra}
    kiosk = subprocess.Popen([sys.executable, "-m", "kiosk", "--windowed"], env=env, cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        yield kiosk
    finally:
        if kiosk.poll() is None:
            kiosk.kill()
            kiosk.wait()
        listener.close()


def stop_kiosk(kiosk: subprocess.Popen, listener: NotifySocket) -> str:
    """Stop it as systemd does (SIGTERM), wait for its STOPPING=1 and its exit; what it wrote to stderr."""
    kiosk.send_signal(signal.SIGTERM)
    assert listener.wait_for(lambda got: got[-1][1] == "STOPPING=1", 30), listener.received
    return kiosk.communicate(timeout=60)[1]
