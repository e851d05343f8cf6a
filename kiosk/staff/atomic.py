"""Writing a small state file whole: a temporary file beside it, fsync, then os.replace."""

from __future__ import annotations

import os
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
