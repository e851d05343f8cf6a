"""How politely and how patiently a source is fetched: timeouts, retries, breaker, rate and size limits."""

from __future__ import annotations

from typing import NamedTuple
from urllib.parse import urlsplit


class FetchPolicy(NamedTuple):
    """Limits for talking to one online service (defaults follow lmiforall-api.md §3)."""

    timeout_s: float = 30.0  # whole request, body included, so a trickling body cannot hang a sync
    retries: int = 3
    backoff_s: float = 0.5  # first retry waits this long; each later one twice as long
    breaker_failures: int = 3  # consecutive failures that open the circuit breaker
    breaker_open_s: float = 60.0
    max_rps: float | None = 3.0  # None switches the rate limit off (the local test double)
    concurrency: int = 2
    max_body_bytes: int = 8 * 1024 * 1024  # an endless body is cut off here and refused


def polite_policy(base_url: str, live: FetchPolicy) -> FetchPolicy:
    """The live service gets the polite policy; a service on this machine (a test double) can be asked at full speed."""
    host = urlsplit(base_url).hostname or ""
    if host in ("127.0.0.1", "localhost", "::1"):
        return live._replace(max_rps=None, concurrency=8)
    return live
