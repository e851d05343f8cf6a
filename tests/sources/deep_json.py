"""The most deeply nested JSON value a parser can hand an importer, for tests that such values are skipped by name."""

from __future__ import annotations

import json
import threading
from typing import Any


def deepest_json() -> Any:
    """The deepest list json.loads gives, parsed where the stack is shallowest (a new thread's), so that an importer
    called deeper in a test's stack meets nesting as deep as a sync's own parse could produce."""
    found: list[Any] = []

    def parse() -> None:
        depth = 2_000
        while not found:
            try:
                found.append(json.loads("[" * depth + "]" * depth))
            except RecursionError:
                depth -= 1

    thread = threading.Thread(target=parse)
    thread.start()
    thread.join()
    return found[0]
