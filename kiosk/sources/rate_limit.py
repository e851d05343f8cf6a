"""A polite request rate: requests start no closer together than 1 / max_rps seconds."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable


class RateLimiter:
    """Spaces request starts evenly; shared by every task that talks to one service."""

    def __init__(self, max_rps: float | None, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        if max_rps is not None and max_rps <= 0:
            raise ValueError(f"max_rps must be positive or None, not {max_rps!r}")
        self._interval = 0.0 if max_rps is None else 1.0 / max_rps
        self._clock = clock
        self._sleep = sleep
        self._next_start = float("-inf")

    async def wait(self) -> None:
        """Return when the caller may start its next request."""
        if self._interval == 0.0:
            return
        now = self._clock()
        # Book the slot before sleeping, so concurrent callers queue up behind each other without a lock.
        start = max(now, self._next_start)
        self._next_start = start + self._interval
        if start > now:
            await self._sleep(start - now)
