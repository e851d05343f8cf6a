"""Putting a file in place whole: write a hidden temporary file beside it, fsync, check, then os.replace."""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO, Callable

from kiosk.content.folder_write import open_folder


def part_path(path: Path) -> Path:
    """The temporary name a file is written under: hidden, and not ending in .zip, so it never looks complete."""
    return path.with_name(f".{path.name}.part")


def replace_file(path: Path, write: Callable[[BinaryIO], None], check: Callable[[Path], object] | None = None) -> None:
    """Write `path` through its part file; `check(part)` may raise to refuse it. A crash, a pulled stick or a
    refusal leaves the old file (or none), never a partial one under the real name; a link at either name is
    replaced, never written through (kiosk.content.folder_write).
    """
    path = Path(path)
    with open_folder(path.parent, create=False) as folder:
        folder.write(path.name, write, check)


def replace_bytes(path: Path, data: bytes) -> None:
    """Put `data` in place as `path`, whole or not at all (a small state or record file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    replace_file(path, lambda f: f.write(data))


def sync_folder(folder: Path) -> None:
    """fsync a folder so a rename in it is on disk; quietly skipped where the file system cannot (FAT)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
