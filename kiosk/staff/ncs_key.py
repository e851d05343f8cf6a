"""The National Careers Service API key as staff keep it: a file only the kiosk's user can read, never settings.toml.

`kiosk sync ncs` and the staff screen's sync find it there (kiosk.sources.ncs.api_key.ncs_api_key). The key is a
subscriber's secret: nothing here puts it in a message, a log or an exception.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping

from kiosk.sources.errors import SourceInputError
from kiosk.sources.ncs.api_key import NCS_KEY_ENV, NCS_KEY_FILE, read_key_file  # the names sync reads the key by
from kiosk.staff.atomic import write_file_atomically

MAX_KEY_LENGTH = 200  # subscription keys are 32 characters; a longer paste is a mistake


class NcsKeyError(ValueError):
    """A key that cannot be used, saying why without repeating it."""


def check_ncs_key(key: str) -> str:
    """The key without spaces at either end; NcsKeyError if it cannot be a key (the message never holds it)."""
    key = key.strip()
    if not key:
        raise NcsKeyError("the National Careers Service API key is empty")
    if len(key) > MAX_KEY_LENGTH:
        raise NcsKeyError(f"the National Careers Service API key is {len(key)} characters long; "
                          f"a key has at most {MAX_KEY_LENGTH}")
    if not (key.isascii() and key.isprintable()) or any(c.isspace() for c in key):
        raise NcsKeyError("the National Careers Service API key must be letters, digits and signs, "
                          "with no spaces")
    return key


class NcsKeyFile:
    """The key file in a data directory: whether a key is there, saving one (mode 0600) and removing it."""

    def __init__(self, data_dir: Path, environ: Mapping[str, str] | None = None) -> None:
        self.path = Path(data_dir) / NCS_KEY_FILE
        self._environ = os.environ if environ is None else environ

    def source(self) -> str:
        """Where a sync would find a key: "environment" (which wins), "file", or "" when there is none."""
        if self._environ.get(NCS_KEY_ENV, "").strip():
            return "environment"
        try:
            return "file" if read_key_file(self.path) else ""
        except SourceInputError:
            return ""  # an unreadable file gives sync no key either (`kiosk doctor` says what is wrong with it)

    def problem(self) -> str | None:
        """What is wrong with the key file, never quoting it (None when it is sound or there is none)."""
        if not (self.path.exists() or self.path.is_symlink()):
            return None
        if not self.path.is_file():
            return f"{self.path} is {'a folder' if self.path.is_dir() else 'a link to nothing'}, not a key file"
        try:
            check_ncs_key(read_key_file(self.path))
        except (SourceInputError, NcsKeyError) as e:
            return str(e)
        return None

    def save(self, key: str) -> None:
        """Write the key whole, readable by the kiosk's user only (NcsKeyError for a key that cannot be one)."""
        key = check_ncs_key(key)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_file_atomically(self.path, key.encode("ascii") + b"\n", mode=0o600)

    def remove(self) -> bool:
        """Delete the key file; whether there was one."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            return False
        return True
