"""The data directory's lock file: opened without following a link, and replaced when something else holds its name.

Only the lock's name matters (flock works on any file), so a folder, a link to nothing or a link elsewhere found at
`.lock` is no reason to stop the kiosk: it is moved or removed, and a plain file made in its place.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
from pathlib import Path
from typing import BinaryIO

LOCK_NAME = ".lock"
_FLAGS = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0)


def open_lock(data_dir: Path) -> tuple[BinaryIO, str | None]:
    """The lock file opened for flock, and a note for the log when what held its name had to be replaced."""
    path = Path(data_dir) / LOCK_NAME
    try:
        return os.fdopen(os.open(path, _FLAGS, 0o644), "r+b"), None
    except OSError as e:
        if e.errno not in (errno.ELOOP, errno.EISDIR, errno.ENXIO, errno.EACCES) or lock_problem(data_dir) is None:
            raise
        note = f"{lock_problem(data_dir)}: {_replace(path)}, and a new lock file made"
    return os.fdopen(os.open(path, _FLAGS, 0o644), "r+b"), note


def lock_problem(data_dir: Path) -> str | None:
    """What is wrong with the lock file's name (None when it is a plain file or not there yet)."""
    path = Path(data_dir) / LOCK_NAME
    if path.is_symlink():
        return f"the lock file {path} is a link{'' if path.exists() else ' to nothing'}"
    if path.exists() and not path.is_file():
        return f"the lock file {path} is {'a folder' if path.is_dir() else 'not a plain file'}"
    return None


def _replace(path: Path) -> str:
    if path.is_dir() and not path.is_symlink():  # kept, in case it holds something someone wants
        aside = path.with_name(f"{path.name}.set-aside-{dt.datetime.now().strftime('%Y%m%d-%H%M%S-%f')}")
        os.replace(path, aside)
        return f"it was moved to {aside.name}"
    path.unlink()  # a link or a device node: removing the name touches nothing it points to
    return "it was removed"
