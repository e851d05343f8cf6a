"""Writing files into a folder the kiosk does not own (a USB stick, a folder staff name) without following links.

A stick can hold symbolic and hard links planted at any name the kiosk will use. The folder staff name is
resolved once and held open; beneath it every step is taken relative to that open folder: subfolders are
opened without following links, a file is written under a temporary name created afresh (never an existing
file opened for writing) and renamed over its real name, which replaces a link there rather than its target.
"""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path
from typing import BinaryIO, Callable

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0)


class NotAFolder(OSError):
    """A name on the way to a file is a link or a file where a folder belongs."""

    def __str__(self) -> str:
        return str(self.strerror)  # staff read the sentence, not an errno


def open_folder(path: Path, *, create: bool = True) -> Folder:
    """Open the folder staff named (made, with its parents, if missing and `create`); links on the way to it count
    as part of the name, as /media may be one. Close it after use (it is a context manager)."""
    path = Path(path)
    if create:
        os.makedirs(path, exist_ok=True)
    fd = os.open(path, _DIR_FLAGS)
    return Folder(fd, path, Path(os.path.realpath(path)))


def _check_name(name: str) -> None:
    if not name or name in (".", "..") or "/" in name or "\0" in name:
        raise ValueError(f"{name!r} is not a single file name")


class Folder:
    """An open folder: files and subfolders are made in it by name, never through a link."""

    def __init__(self, fd: int, path: Path, real: Path) -> None:
        self.fd = fd
        self.path = path  # as named, for messages
        self.real = real  # where it is, for reading a new file back before it takes its name

    def __enter__(self) -> Folder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Let go of the folder."""
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def subfolder(self, name: str) -> Folder:
        """The folder `name` in this one, made if missing; a link or a file there is refused, never followed."""
        _check_name(name)
        try:
            os.mkdir(name, dir_fd=self.fd)
        except FileExistsError:
            pass
        try:
            fd = os.open(name, _DIR_FLAGS | _NOFOLLOW, dir_fd=self.fd)
        except OSError as e:
            if e.errno in (errno.ELOOP, errno.ENOTDIR):
                raise NotAFolder(e.errno, f"{self.path / name} is a link or a file, not a folder; the kiosk never "
                                          "writes through a link") from None
            raise
        return Folder(fd, self.path / name, self.real / name)

    def write(self, name: str, write: Callable[[BinaryIO], None],
              check: Callable[[Path], object] | None = None) -> Path:
        """Put the file `name` in place whole: written under a new hidden name, synced, `check(part)`ed (which may
        raise to refuse it), then renamed over `name`. A crash, a pulled stick or a refusal leaves the old file
        (or none), never a partial one under the real name. Returns the file's path as named."""
        _check_name(name)
        part, fd = self._new_part(name)
        try:
            with os.fdopen(fd, "wb") as f:
                write(f)
                f.flush()
                os.fsync(f.fileno())
            if check is not None:
                check(self.real / part)
            # A link or hard link at `name` is replaced as a name; what it pointed at is never opened.
            os.replace(part, name, src_dir_fd=self.fd, dst_dir_fd=self.fd)
        except BaseException:
            self._remove(part)
            raise
        self.sync()
        return self.path / name

    def write_bytes(self, name: str, data: bytes) -> Path:
        """Put `data` in place as the file `name`, whole or not at all."""
        return self.write(name, lambda f: f.write(data))

    def check_writable(self) -> None:
        """Raise OSError (read-only, full) if no file can be made here, before anything long begins."""
        probe, fd = self._create(f".kiosk-write-test-{secrets.token_hex(4)}")
        os.close(fd)
        self._remove(probe)

    def sync(self) -> None:
        """fsync the folder so a rename in it is on disk; quietly skipped where the file system cannot (FAT)."""
        try:
            os.fsync(self.fd)
        except OSError:
            pass

    def _new_part(self, name: str) -> tuple[str, int]:
        part = f".{name}.part"
        try:
            # An earlier export's leftover, or something planted: a link is removed, its target never touched.
            os.unlink(part, dir_fd=self.fd)
        except FileNotFoundError:
            pass
        except (IsADirectoryError, PermissionError):
            part = self._fresh_part(name)  # a folder in the way is not ours to remove
        try:
            return self._create(part)
        except FileExistsError:  # made meanwhile by someone else: step aside rather than write through it
            return self._create(self._fresh_part(name))

    @staticmethod
    def _fresh_part(name: str) -> str:
        return f".{name}.{secrets.token_hex(6)}.part"

    def _create(self, name: str) -> tuple[str, int]:
        # O_EXCL|O_NOFOLLOW: a new file or nothing; an existing name, link or not, is never opened.
        return name, os.open(name, _NEW_FILE, 0o666, dir_fd=self.fd)

    def _remove(self, name: str) -> None:
        try:
            os.unlink(name, dir_fd=self.fd)
        except OSError:
            pass
