"""Fault injection for a data directory whose disk takes no writes (read-only after I/O errors), and a real one where
this machine lets the tests mount a tmpfs."""

from __future__ import annotations

import builtins
import contextlib
import errno
import io
import os
import shutil
import subprocess
from pathlib import Path
from typing import Iterator

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def refuse_writes(monkeypatch, folder: Path, code: int = errno.EROFS) -> None:
    """Every write Python makes under `folder` fails with `code` (SQLite's own writes are not covered)."""
    root = str(Path(folder).resolve())

    def inside(path) -> bool:
        try:
            return os.path.abspath(os.fspath(path)).startswith(root)
        except TypeError:
            return False  # a file descriptor

    def fail(path):
        raise OSError(code, os.strerror(code), os.fspath(path))

    real_open, real_os_open = builtins.open, os.open

    def guarded_open(file, mode="r", *args, **kwargs):
        if inside(file) and any(c in mode for c in "wax+"):
            fail(file)
        return real_open(file, mode, *args, **kwargs)

    def guarded_os_open(path, flags, *args, **kwargs):
        if inside(path) and flags & _WRITE_FLAGS:
            fail(path)
        return real_os_open(path, flags, *args, **kwargs)

    def guard(real):
        def guarded(path, *args, **kwargs):
            if inside(path):
                fail(path)
            return real(path, *args, **kwargs)
        return guarded

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(io, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)
    for name in ("replace", "rename", "unlink", "remove", "mkdir", "rmdir"):
        monkeypatch.setattr(os, name, guard(getattr(os, name)))


@contextlib.contextmanager
def mounted_tmpfs(where: Path, size: str = "32m") -> Iterator[Path | None]:
    """A tmpfs mounted at `where` (None if this machine does not let the tests mount one); unmounted afterwards."""
    where.mkdir(parents=True, exist_ok=True)
    if shutil.which("mount") is None:
        yield None
        return
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True)
    if done.returncode != 0:
        yield None
        return
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def remount_read_only(where: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True, capture_output=True)
