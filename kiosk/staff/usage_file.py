"""The usage counts' own file: telling a damaged usage.db from a busy or full disk, and setting a damaged one aside.

Counts are a convenience for staff, never a reason to stop: a usage.db SQLite cannot read (garbage, a folder or a
dangling link where the file belongs) is moved aside, keeping it for inspection, and counting starts afresh.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

DAMAGED = ".damaged-"  # usage.db.damaged-<when>: the newest kept, older ones only fill the disk
_DAMAGE_CODES = {sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT}


def is_damage(path: Path, error: sqlite3.Error) -> bool:
    """Whether `error` says the file itself is unusable, not that the disk is full, read-only or busy."""
    if getattr(error, "sqlite_errorcode", None) in _DAMAGE_CODES:
        return True
    return not _is_plain_file(path) and (path.is_symlink() or path.exists())


def set_aside(path: Path) -> Path:
    """Move a damaged usage file (and its journal) aside under a dated name; only the newest such copy is kept."""
    target = path.with_name(f"{path.name}{DAMAGED}{dt.datetime.now().strftime('%Y%m%d-%H%M%S-%f')}")
    for old in damaged_copies(path):
        _remove(old)
    os.replace(path, target)  # a link is moved as the link: nothing outside the data directory is touched
    for suffix in ("-journal", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return target


def damaged_copies(path: Path) -> list[Path]:
    """The damaged usage files set aside beside `path`, oldest first."""
    return sorted(path.parent.glob(f"{path.name}{DAMAGED}*")) if path.parent.is_dir() else []


def usage_file_problem(path: Path) -> str | None:
    """What is wrong with the usage file, in words (None when it is sound or not made yet); it is never changed."""
    if not (path.is_symlink() or path.exists()):
        return None
    if not _is_plain_file(path):
        what = "a folder" if path.is_dir() else "a link to nothing" if not path.exists() else "not a plain file"
        return f"{path} is {what}, not the usage counts"
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            found = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as e:
        return f"{path} cannot be read as the usage counts ({e})"
    return None if found == "ok" else f"{path} is damaged ({found})"


def _is_plain_file(path: Path) -> bool:
    return path.is_file() and not path.is_symlink()


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
