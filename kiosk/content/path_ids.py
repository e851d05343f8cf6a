"""The one rule for an id that becomes a file or folder name in the data directory (pack ids, symbol set ids)."""

from __future__ import annotations

import re
from typing import Any

MAX_PATH_ID = 80
# Lower-case letters, digits, dashes and underscores, starting with a letter or digit: never a path separator,
# ".", "..", an empty name, a name that reads as an option ("-x"), or two names that differ only in case.
# Every pack id (value_checks.SLUG) passes this rule.
PATH_ID = re.compile(rf"[a-z0-9][a-z0-9_-]{{0,{MAX_PATH_ID - 1}}}")


class UnsafeId(ValueError):
    """An id that cannot be used as a name in the data directory; the message says why in plain words."""


def check_path_id(value: Any, what: str) -> str:
    """Return `value` if it is safe as a single file or folder name, else raise UnsafeId naming `what`."""
    if isinstance(value, str) and PATH_ID.fullmatch(value):
        return value
    shown = repr(value) if not isinstance(value, str) or len(value) <= 40 else repr(value[:40]) + "…"
    raise UnsafeId(f"{shown} cannot be a {what}: use up to {MAX_PATH_ID} lower-case letters, digits, "
                   "dashes and underscores, starting with a letter or digit")
