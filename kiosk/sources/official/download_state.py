"""What `kiosk sync official` remembers between runs: each file's validators (ETag, Last-Modified) for conditional
requests, those of a partial download for resuming it, and which files the installed pack was built from."""

from __future__ import annotations

import asyncio
import hashlib
import json
from pathlib import Path
from typing import Any, NamedTuple

from kiosk.content.file_replace import replace_bytes

STATE_FILE = "downloads.json"  # beside the files/ folder, so it is never taken for a release
STATE_ERRORS = (OSError, ValueError, KeyError, TypeError, AttributeError)  # what a missing or damaged file raises


class Validators(NamedTuple):
    """How the server named one version of a file: asked again with these, it can answer "not modified"."""

    url: str
    etag: str | None
    last_modified: str | None


class SavedFile(NamedTuple):
    """A file downloaded whole: the version it is, its size and its sha256."""

    validators: Validators
    size: int
    sha256: str


class DownloadState:
    """The state file, held in memory while a sync runs and written whole (in a worker thread) when it changes."""

    def __init__(self, folder: Path, files: dict[str, SavedFile], partial: dict[str, Validators],
                 built_from: str | None, installed: str | None) -> None:
        self.folder = folder
        self.files = files  # by catalogue name
        self.partial = partial  # by catalogue name: the answer a hidden .part file holds the start of
        self.built_from = built_from  # digest of the files the last installed pack was built from
        self.installed = installed  # that pack's sha256
        self._writing: asyncio.Task[None] | None = None
        self._again = False

    @classmethod
    def read(cls, folder: Path) -> DownloadState:
        """The state saved in `folder`, or an empty one (a damaged file is as good as none: files are fetched again)."""
        try:
            return cls.parse(folder)
        except STATE_ERRORS:
            return cls(folder, {}, {}, None, None)

    @classmethod
    def parse(cls, folder: Path) -> DownloadState:
        """The state saved in `folder`; one of STATE_ERRORS when there is none or it cannot be used."""
        data = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
        files = {name: SavedFile(Validators(*f["validators"]), int(f["size"]), str(f["sha256"]))
                 for name, f in data["files"].items()}
        partial = {name: Validators(*v) for name, v in data["partial"].items()}
        return cls(folder, files, partial, data.get("built_from"), data.get("installed"))

    def as_bytes(self) -> bytes:
        """The state as the file holds it."""
        data: dict[str, Any] = {
            "files": {name: {"validators": list(f.validators), "size": f.size, "sha256": f.sha256}
                      for name, f in sorted(self.files.items())},
            "partial": {name: list(v) for name, v in sorted(self.partial.items())},
            "built_from": self.built_from, "installed": self.installed,
        }
        return json.dumps(data).encode()

    def save(self) -> None:
        """Write the state now (blocking)."""
        replace_bytes(self.folder / STATE_FILE, self.as_bytes())

    def changed(self) -> None:
        """Write the state soon, off the event loop; changes made meanwhile go in the same or the next write."""
        if self._writing is None or self._writing.done():
            self._writing = asyncio.get_running_loop().create_task(self._write())
        else:
            self._again = True

    async def flush(self) -> None:
        """Wait for the writes under way (their errors, such as a full disk, are raised here)."""
        while self._writing is not None:
            writing = self._writing
            await writing  # a change made meanwhile is written by this same task before it ends
            if self._writing is writing:
                self._writing = None

    async def _write(self) -> None:
        while True:
            self._again = False
            snapshot = self.as_bytes()  # taken on the loop, so it is never half-updated
            await asyncio.to_thread(replace_bytes, self.folder / STATE_FILE, snapshot)
            if not self._again:
                return

    def digest(self, names: list[str]) -> str:
        """A digest of these files' contents, to tell whether a build would use exactly the files of the last."""
        parts = [(name, self.files[name].sha256) for name in sorted(names)]
        return hashlib.sha256(json.dumps(parts).encode()).hexdigest()
