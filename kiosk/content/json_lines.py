"""JSON lines as the kiosk writes and reads them: one definition of a line for both ends.

A line ends at "\\n" and nowhere else. The writer escapes every other character some reader might take for a
line end (json.dumps with ensure_ascii=False leaves U+2028, U+2029 and the C1 controls such as U+0085 raw, and
str.splitlines and universal-newline files split on them); the reader splits on "\\n" only, so a line another
tool wrote with those characters raw still reads as one line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

# Raw in json.dumps(..., ensure_ascii=False) output but a line end to str.splitlines: C1 controls (U+0085 among
# them), LINE SEPARATOR and PARAGRAPH SEPARATOR. (\r, \v, \f and \x1c-\x1e are below U+0020, which JSON escapes.)
_ESCAPED = {c: f"\\u{c:04x}" for c in [*range(0x80, 0xA0), 0x2028, 0x2029]}


def encode_line(value: Any, *, sort_keys: bool = False) -> str:
    """One JSON value as one line of text, ending in "\\n", with nothing inside it any reader splits on."""
    return json.dumps(value, ensure_ascii=False, sort_keys=sort_keys).translate(_ESCAPED) + "\n"


def split_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number from 1, line) for each non-blank line, split on "\\n" only (a "\\r" before it is dropped)."""
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            yield number, line.removesuffix("\r")


def decode_line(line: str | bytes) -> Any:
    """The JSON value on one line; ValueError (UnicodeDecodeError for bytes) when it is not one."""
    return json.loads(line)
