"""Files the appliance writes: atomically, each one's sha256 kept, and undone if a later step fails."""

from __future__ import annotations

import errno
import hashlib
import json
import os
from pathlib import Path, PurePosixPath

from kiosk.appliance.errors import ApplianceError
from kiosk.appliance.layout import WRITTEN_FILE
from kiosk.staff.atomic import write_file_atomically  # standard library only, as the installer needs


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Files:
    """The machine's files as seen from `root` ("/" for real), with a journal to roll this run back."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._undo: list[tuple[Path, bytes | None, int | None]] = []  # path, old content (None: absent), old mode

    def path(self, where: PurePosixPath | str) -> Path:
        return self.root / str(where).lstrip("/")

    def written(self) -> dict[str, str]:
        """What earlier runs wrote: absolute path -> sha256 of the content we wrote."""
        try:
            return json.loads(self.path(WRITTEN_FILE).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as e:
            raise ApplianceError(f"{self.path(WRITTEN_FILE)} cannot be read ({e}): it records which files the "
                                 "installer wrote; move it aside and run `kiosk appliance install --force`") from e

    def edited_by_hand(self, where: PurePosixPath, ours: str) -> bool:
        """True when the file is there but is neither what we last wrote to it nor what we would write now."""
        try:
            now = sha256(self.path(where).read_bytes())
        except FileNotFoundError:
            return False
        return now not in (self.written().get(str(where)), sha256(ours.encode("utf-8")))

    def write(self, where: PurePosixPath, text: str, mode: int = 0o644) -> None:
        """Write through a temporary file, flushed and renamed into place, so a power cut leaves old or new."""
        target = self.path(where)
        self._remember(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        try:
            write_file_atomically(target, data, mode)
        except OSError as e:
            raise disk_error(e, target, len(data)) from e

    def record(self, paths: list[PurePosixPath]) -> None:
        """Note the sha256 of each file as it is now, as ours (kept beside the data, never in the data dir)."""
        known = self.written()
        for where in paths:
            target = self.path(where)
            if target.exists():
                known[str(where)] = sha256(target.read_bytes())
            else:
                known.pop(str(where), None)
        self.write(WRITTEN_FILE, json.dumps(known, indent=1, sort_keys=True) + "\n", 0o600)

    def remove(self, where: PurePosixPath) -> bool:
        target = self.path(where)
        if not target.exists():
            return False
        self._remember(target)
        target.unlink()
        return True

    def rollback(self) -> None:
        """Put back every file this run changed, newest change first."""
        for target, old, mode in reversed(self._undo):
            if old is None:
                target.unlink(missing_ok=True)
            else:
                target.write_bytes(old)
                if mode is not None:
                    os.chmod(target, mode)
        self._undo.clear()

    def _remember(self, target: Path) -> None:
        if any(t == target for t, _, _ in self._undo):
            return
        try:
            self._undo.append((target, target.read_bytes(), target.stat().st_mode & 0o7777))
        except FileNotFoundError:
            self._undo.append((target, None, None))


def disk_error(e: OSError, where: Path, needed_bytes: int) -> ApplianceError:
    """A plain message for a failed write: a full disk says how much room is needed."""
    if e.errno == errno.ENOSPC:
        mb = max(1, -(-needed_bytes // 2**20))
        return ApplianceError(f"the disk is full: {mb} MB needed to write {where}; free some space and run the "
                              "command again (nothing installed was changed)")
    return ApplianceError(f"{where} could not be written ({e.strerror or e}); nothing installed was changed")
