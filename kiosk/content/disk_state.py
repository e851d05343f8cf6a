"""Whether the data directory can take writes: a disk remounted read-only after I/O errors must not stop the kiosk."""

from __future__ import annotations

import errno
import os
from pathlib import Path

READ_ONLY = ("The kiosk's disk is read-only: the system has stopped writing to it (usually after a disk fault), so "
             "content, settings and the PIN cannot be changed until it is checked and the kiosk restarted.")
FULL = ("The kiosk's disk is full: the kiosk shows its content as it is, but nothing can be changed until space is "
        "freed and the kiosk restarted.")
_READ_ONLY_ERRORS = frozenset({errno.EROFS})
PROBE_NAME = ".write-probe"


def is_read_only_error(e: BaseException) -> bool:
    """Whether an error means the file system refuses every write."""
    return isinstance(e, OSError) and e.errno in _READ_ONLY_ERRORS


def read_only_problem(folder: Path) -> str | None:
    """READ_ONLY if `folder`'s file system is mounted read-only or refuses to create a file in it; else None."""
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return READ_ONLY
    except OSError:
        return None  # no folder yet: the first run makes it
    probe = folder / PROBE_NAME
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    except OSError as e:
        return READ_ONLY if is_read_only_error(e) else None
    os.close(fd)
    try:
        probe.unlink()
    except OSError:
        pass
    return None
