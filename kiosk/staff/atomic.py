"""Writing a small state file whole: a temporary file beside it, fsync, then os.replace."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_file_atomically(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Write `path` so that a crash or power cut leaves either the old bytes or the new, never a mix."""
    tmp = path.with_name(f".{path.name}.tmp")
    # Created with its final mode, so a secret (the PIN hash) is never readable by others, even briefly.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)  # O_CREAT keeps an older temporary file's mode
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def folder_write_problem(folder: Path, size: int = 4096) -> str | None:
    """Why a small state file cannot be written in `folder` now, in words (None when it can).

    A scratch file of `size` bytes is written, synced and removed beside the real files, which are left alone.
    """
    try:
        fd, name = tempfile.mkstemp(prefix=".write-check-", dir=folder)
    except OSError as e:
        return e.strerror or str(e)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(bytes(size))
            f.flush()
            os.fsync(f.fileno())
    except OSError as e:
        return e.strerror or str(e)
    finally:
        Path(name).unlink(missing_ok=True)
    return None
