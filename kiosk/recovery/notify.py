"""systemd's notify protocol (sd_notify): one datagram to $NOTIFY_SOCKET per message, READY=1, WATCHDOG=1, STOPPING=1.

Written out rather than taken from the `sdnotify` package: its last release is from 2017, it reads nothing of
WATCHDOG_USEC, and the protocol is one datagram. Like sdnotify (and unlike sd_watchdog_enabled()), the pid in
WATCHDOG_PID is not compared with ours: under cage it names cage, whose child the kiosk is (NotifyAccess=all).
"""

from __future__ import annotations

import os
import socket
from typing import Mapping

FREEZE_VARIABLE = "KIOSK_TEST_FREEZE"  # "N:S": after the Nth ping the GUI thread blocks S seconds (tests only)
# What the kiosk reads from its environment for this, and takes out so its child processes never see it.
VARIABLES = ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", FREEZE_VARIABLE)


def notify_address(environ: Mapping[str, str]) -> str | None:
    """Where to send notifications: a socket path, or an abstract name ("@" in the variable, NUL on the wire)."""
    address = environ.get("NOTIFY_SOCKET", "")
    if not address or not address.startswith(("/", "@")):
        return None
    return "\0" + address[1:] if address.startswith("@") else address


def watchdog_interval_ms(environ: Mapping[str, str]) -> int | None:
    """Half the watchdog timeout in milliseconds (how often to ping), or None when there is no usable watchdog."""
    text = environ.get("WATCHDOG_USEC", "")
    if not text.isdigit() or notify_address(environ) is None:
        return None
    usec = int(text)
    return max(1, usec // 2000) if 0 < usec < 2**63 else None


def notify(message: str, environ: Mapping[str, str] | None = None) -> bool:
    """Send one message; False (never an exception) when there is nowhere to send it or the send fails."""
    address = notify_address(os.environ if environ is None else environ)
    if address is None:
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as s:
            s.connect(address)
            s.sendall(message.encode())
    except (OSError, ValueError):  # a socket gone, refused or full: the kiosk carries on regardless
        return False
    return True
