"""Where a sync finds the National Careers Service subscription key: given, the environment, or a file."""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.sources.errors import SourceInputError

NCS_KEY_FILE = "ncs-api-key"  # in the data directory, mode 0600 (the staff screen writes it)
NCS_KEY_ENV = "KIOSK_NCS_API_KEY"  # used before the file when set


def ncs_api_key(data_dir: Path, given: str | None = None) -> str:
    """The NCS subscription key: given, else $KIOSK_NCS_API_KEY, else the file `ncs-api-key` in the data directory.

    A key is the subscriber's secret: it is never kept in settings.toml or the repository.
    """
    key = (given or os.environ.get(NCS_KEY_ENV, "")).strip()
    path = data_dir / NCS_KEY_FILE
    if not key and path.is_file():
        key = path.read_text(encoding="utf-8").strip()
    if not key:
        raise SourceInputError("National Careers Service: an API key is needed; give --api-key KEY, set "
                               f"{NCS_KEY_ENV}, or put it in {path}")
    return key
