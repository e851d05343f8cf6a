"""The messages a `kiosk` command run with --json sends the staff screen: one JSON object a line on stdout.

`{"type": "progress", "done": N, "total": M, "what": "..."}` while it works, then `{"type": "result", ...}` with
its answer, or `{"type": "error", "message": "..."}` when it refused. Written and read here only, so the two ends
cannot drift; the staff screen never parses text meant for people.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any, NamedTuple, TextIO

from kiosk.content.json_lines import decode_line, encode_line

PROGRESS, RESULT, ERROR = "progress", "result", "error"


class Message(NamedTuple):
    """One message from a child command: its type and its fields (without the type)."""

    type: str
    fields: dict[str, Any]


def send(kind: str, fields: Mapping[str, Any], stream: TextIO | None = None) -> None:
    """Write one message as a line and flush it, so the reader sees it at once through the pipe."""
    print(encode_line({"type": kind, **fields}), end="", file=stream or sys.stdout, flush=True)


def send_progress(done: int, total: int, what: str, stream: TextIO | None = None) -> None:
    """A progress message: `done` of `total` items, the item now."""
    send(PROGRESS, {"done": done, "total": total, "what": what}, stream)


def send_result(fields: Mapping[str, Any], stream: TextIO | None = None) -> None:
    """The command's answer."""
    send(RESULT, fields, stream)


def send_error(message: str, stream: TextIO | None = None) -> None:
    """The command refused, and why in words for staff."""
    send(ERROR, {"message": message}, stream)


def read_message(line: str) -> Message | None:
    """The message on one line, or None when the line is not one (a stray print, a half line at a crash)."""
    try:
        data = decode_line(line)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("type") not in (PROGRESS, RESULT, ERROR):
        return None
    kind = data.pop("type")
    if kind == PROGRESS and not _is_progress(data):
        return None
    return Message(kind, data)


def _is_progress(fields: dict[str, Any]) -> bool:
    return (isinstance(fields.get("done"), int) and isinstance(fields.get("total"), int)
            and isinstance(fields.get("what"), str))
