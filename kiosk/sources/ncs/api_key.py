"""Where a sync finds the National Careers Service subscription key: given, the environment, or a file."""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.sources.errors import SourceInputError

NCS_KEY_FILE = "ncs-api-key"  # in the data directory, mode 0600 (the staff screen writes it)
NCS_KEY_ENV = "KIOSK_NCS_API_KEY"  # used before the file when set
MAX_KEY_FILE_BYTES = 4096  # a key is 32 characters: a file this long holds something else


def ncs_api_key(data_dir: Path, given: str | None = None) -> str:
    """The NCS subscription key: given, else $KIOSK_NCS_API_KEY, else the file `ncs-api-key` in the data directory.

    A key is the subscriber's secret: it is never kept in settings.toml or the repository.
    """
    key = (given or os.environ.get(NCS_KEY_ENV, "")).strip()
    path = data_dir / NCS_KEY_FILE
    if not key and path.is_file():
        key = read_key_file(path)
    if not key:
        raise SourceInputError("National Careers Service: an API key is needed; give --api-key KEY, set "
                               f"{NCS_KEY_ENV}, or put it in {path}")
    return key


def read_key_file(path: Path) -> str:
    """The key the file holds, without spaces at either end ("" when it holds none); SourceInputError when it cannot
    be read, without repeating what it holds."""
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_KEY_FILE_BYTES + 1)
        if len(data) > MAX_KEY_FILE_BYTES:
            raise ValueError("it is far too long to be a key")
        return data.decode("ascii").strip()
    except (OSError, ValueError) as e:
        why = e.strerror if isinstance(e, OSError) else "it is not plain text" if isinstance(e, UnicodeError) else e
        raise SourceInputError(f"National Careers Service: the API key file {path} cannot be read ({why}); "
                               "save the key again on the staff screen") from None
