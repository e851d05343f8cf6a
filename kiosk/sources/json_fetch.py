"""Fetch JSON from an online service, and turn every kind of failure into a named "no data" answer."""

from __future__ import annotations

import asyncio
import json
import time
import zlib
from collections.abc import Awaitable, Callable, Mapping
from typing import NamedTuple

import httpx

from kiosk.sources.body_decode import BoundedDecoder, UnaskedEncoding
from kiosk.sources.circuit_breaker import CircuitBreaker
from kiosk.sources.fetch_policy import FetchPolicy
from kiosk.sources.rate_limit import RateLimiter


class Fetched(NamedTuple):
    """One answer: the decoded JSON, or the problem that means there is no data."""

    data: object | None
    problem: str | None = None
    status: int | None = None  # the HTTP status of a whole answer; None when the service never really answered

    @property
    def ok(self) -> bool:
        """Whether data arrived."""
        return self.problem is None

    @property
    def answered(self) -> bool:
        """Whether the service itself answered (with data or "no data"), rather than the network failing."""
        return self.status is not None


class _Transient(Exception):
    """A failure worth retrying: timeout, dropped connection, 5xx, rate limited."""


class _Refused(Exception):
    """A failure not worth retrying, but one that says the service is not really answering."""


class JsonFetcher:
    """GETs JSON under one base URL, within a FetchPolicy; never raises for a bad answer."""

    def __init__(self, base_url: str, source: str, policy: FetchPolicy = FetchPolicy(), *,
                 transport: httpx.AsyncBaseTransport | None = None, headers: Mapping[str, str] | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.source = source
        self.policy = policy
        self._sleep = sleep
        self._limiter = RateLimiter(policy.max_rps, clock=clock, sleep=sleep)
        self.breaker = CircuitBreaker(policy.breaker_failures, policy.breaker_open_s, clock=clock)
        self._slots = asyncio.Semaphore(max(1, policy.concurrency))  # requests in flight to this service
        limits = httpx.Limits(max_connections=max(1, policy.concurrency))
        self._client = httpx.AsyncClient(base_url=base_url.rstrip("/") + "/", transport=transport,
                                         headers=dict(headers or {}), limits=limits,
                                         timeout=httpx.Timeout(policy.timeout_s), follow_redirects=False)

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._client.aclose()

    async def __aenter__(self) -> JsonFetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def get(self, path: str, params: Mapping[str, object] | None = None) -> Fetched:
        """GET path, retrying transient failures with exponential backoff."""
        where = f"{self.source} {path}"
        last = "it failed repeatedly"
        for attempt in range(self.policy.retries + 1):
            if not self.breaker.allows():
                return Fetched(None, f"{where}: skipped, the service is paused for a while ({last})")
            if attempt:
                await self._sleep(self.policy.backoff_s * 2 ** (attempt - 1))
            try:
                async with self._slots:
                    await self._limiter.wait()
                    status, body = await self._request(path, params)
            except _Transient as exc:
                self.breaker.failed()
                last = str(exc)
                continue
            except _Refused as exc:
                self.breaker.failed()
                return Fetched(None, f"{where}: {exc}")
            self.breaker.succeeded()
            return _decode(where, status, body)
        tries = self.policy.retries + 1
        return Fetched(None, f"{where}: gave up after {tries} {'try' if tries == 1 else 'tries'} ({last})")

    async def _request(self, path: str, params: Mapping[str, object] | None) -> tuple[int, bytes]:
        """One attempt: status and body (size-capped), or a classified failure."""
        query = {key: str(value) for key, value in (params or {}).items()}
        try:
            # The deadline covers the body too: httpx's own timeout is per read, so a trickle could last for ever.
            async with asyncio.timeout(self.policy.timeout_s):
                async with self._client.stream("GET", path.lstrip("/"), params=query) as response:
                    if response.status_code >= 500 or response.status_code == 429:
                        raise _Transient(f"HTTP {response.status_code}")
                    if 300 <= response.status_code < 400:
                        # Captive portals redirect to their login page: that is not the service answering.
                        raise _Refused(f"redirected (HTTP {response.status_code}); a network login page?")
                    body = await _read_capped(response, self.policy.max_body_bytes)
                    if _is_web_page(body, response.headers.get("content-type", "")):
                        # A login or error page means the service is not really answering: count it as a failure.
                        raise _Refused("sent a web page, not data (a network login page or an error page?)")
                    return response.status_code, body
        except TimeoutError:
            raise _Transient(f"no complete answer within {self.policy.timeout_s:g} s") from None
        except httpx.TimeoutException:
            raise _Transient(f"timed out after {self.policy.timeout_s:g} s") from None
        except httpx.TransportError as exc:
            raise _Transient(f"connection failed or body cut short ({type(exc).__name__})") from None


async def _read_capped(response: httpx.Response, limit: int) -> bytes:
    """The body, decoded, refusing it once it passes `limit` bytes: decoded a bounded amount at a time, so a
    compressed answer is refused before it expands, not after."""
    if response.is_stream_consumed:  # a transport that hands over whole bodies (httpx.MockTransport) has read it
        if len(response.content) > limit:
            raise _Refused(f"answer larger than {limit:,} bytes; refused")
        return response.content
    try:
        decoder = BoundedDecoder(response.headers.get("content-encoding", ""))
    except UnaskedEncoding as exc:
        raise _Refused(str(exc)) from None
    chunks: list[bytes] = []
    size = 0
    async for raw in response.aiter_raw():
        try:
            chunk = decoder.decode(raw, limit + 1 - size)
        except zlib.error:
            raise _Refused("sent a compressed answer that cannot be decompressed") from None
        size += len(chunk)
        if size > limit:
            raise _Refused(f"answer larger than {limit:,} bytes; refused")
        chunks.append(chunk)
    return b"".join(chunks)


def _is_web_page(body: bytes, ctype: str) -> bool:
    """Whether an answer is HTML, whatever its content type claims."""
    return "html" in ctype.lower() or body.lstrip()[:1] == b"<"


def _decode(where: str, status: int, body: bytes) -> Fetched:
    """Turn a complete JSON answer into data or a named problem."""
    if status == 204 and not body.strip():
        # 204 No Content is the service saying "nothing there" (NCS: no such profile), not a body cut short.
        return Fetched(None, f"{where}: nothing there (HTTP 204)", status)
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: nesting deeper than Python can parse
        # A body cut short is the network failing, not the service answering.
        return Fetched(None, f"{where}: HTTP {status}, answer is not valid JSON (cut short?)")
    message = data.get("error") if isinstance(data, dict) else None
    if status != 200:
        return Fetched(None, f"{where}: HTTP {status}" + (f", {message}" if message else ""), status)
    if isinstance(data, dict) and "error" in data:
        return Fetched(None, f"{where}: no data ({message})", status)
    return Fetched(data, None, status)
