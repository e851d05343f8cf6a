"""Stop calling a failing service for a while, instead of hammering it and making the sync crawl."""

from __future__ import annotations

import time
from collections.abc import Callable


class CircuitBreaker:
    """Opens after `failures` consecutive failures and stays open for `open_s` seconds."""

    def __init__(self, failures: int, open_s: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._limit = failures
        self._open_s = open_s
        self._clock = clock
        self._failures = 0
        self._opened_at: float | None = None

    def allows(self) -> bool:
        """Whether a request may go out now (after the open spell, one trial request may)."""
        if self._opened_at is None:
            return True
        if self._clock() - self._opened_at >= self._open_s:
            self._opened_at = None
            self._failures = self._limit - 1  # half-open: one more failure re-opens at once
            return True
        return False

    @property
    def is_open(self) -> bool:
        """Whether the breaker is refusing requests right now."""
        return self._opened_at is not None and self._clock() - self._opened_at < self._open_s

    def succeeded(self) -> None:
        """The service answered; forget earlier failures."""
        self._failures = 0

    def failed(self) -> None:
        """The service failed (timeout, connection error, 5xx, a web page instead of data)."""
        self._failures += 1
        if self._failures >= self._limit:
            self._opened_at = self._clock()
