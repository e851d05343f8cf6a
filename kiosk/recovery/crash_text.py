"""How a run ended, in words, from what faulthandler and sys.excepthook left behind."""

from __future__ import annotations

import re
import traceback

FRAME = re.compile(r'^\s*File "([^"]+)", line (\d+) in (\S+)', re.M)


def describe_fatal(text: str) -> tuple[str, str]:
    """("fatal" or "hang", words) from a faulthandler dump, or ("unknown", "") when there is none."""
    text = text.strip()
    if not text:
        return "unknown", ""
    first = text.splitlines()[0].strip()
    frame = FRAME.search(text)  # the innermost frame of the first thread listed: the one that failed or hung
    where = f" in {frame[3]} ({frame[1]}, line {frame[2]})" if frame else ""
    if first.startswith("Timeout"):
        return "hang", f"its screen stopped answering{where} (the watchdog then stops it)"
    return "fatal", f"{first.rstrip('.')}{where}"


def describe_exception(kind: type[BaseException], value: BaseException, tb) -> str:
    """One line for a Python exception: its type and message, and where it was raised."""
    frames = traceback.extract_tb(tb)
    where = f" in {frames[-1].name} ({frames[-1].filename}, line {frames[-1].lineno})" if frames else ""
    message = str(value).splitlines()[0] if str(value) else ""
    return f"{kind.__name__}{': ' + message if message else ''}{where}"
