"""Downloading release files into the sync folder, a few at once: conditional (ETag, Last-Modified), resumable
(a hidden .part file and an HTTP Range request), bounded (size, deadline, retries, breaker, rate), and checked
before a file is put in place under its catalogue name."""

from __future__ import annotations

import asyncio
import hashlib
import os
from collections.abc import Awaitable, Callable, Mapping
from contextlib import AsyncExitStack
from pathlib import Path
from typing import NamedTuple

import httpx

from kiosk.content.file_replace import part_path, sync_folder
from kiosk.sources.circuit_breaker import CircuitBreaker
from kiosk.sources.fetch_policy import FetchPolicy
from kiosk.sources.official.catalogue import CatalogueFile
from kiosk.sources.official.download_state import DownloadState, SavedFile, Validators
from kiosk.sources.official.slots import Slots
from kiosk.sources.rate_limit import RateLimiter

NEW, UNCHANGED, ABSENT, FAILED, STOPPED = "new", "unchanged", "absent", "failed", "stopped"
# timeout_s bounds one attempt at one file, body included (a trickle cannot hold a sync); what arrived is kept,
# and the next attempt carries on from it. concurrency: the files in flight; questions that carry no file ("has
# it changed?", answered by a 304) may be twice as many, so a repeat sync is quick.
OFFICIAL_POLICY = FetchPolicy(timeout_s=120.0, retries=3, backoff_s=1.0, breaker_failures=5, breaker_open_s=60.0,
                              max_rps=4.0, concurrency=4)
# A release is a zip (.zip, .xlsx, .xlsm) or an OLE2 compound file (.xls): anything else is an error or login page.
MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
USER_AGENT = "careers-kiosk (school careers information kiosk; official statistics sync)"


class Outcome(NamedTuple):
    """What became of one file: NEW (downloaded whole), UNCHANGED (304), ABSENT (404), FAILED or STOPPED."""

    file: CatalogueFile
    status: str
    problem: str | None = None  # names the URL and what went wrong
    received: int = 0  # body bytes received


class _Whole(NamedTuple):
    """A file received whole into its part file, to be checked and put in place."""

    part: Path
    target: Path
    received: int  # body bytes received by the last attempt


class _Transient(Exception):
    """Worth another try: a timeout, a dropped connection, a body cut short, 5xx, rate limited."""


class _Refused(Exception):
    """Not worth another try: the answer can never be a release file."""


class Downloader:
    """Downloads catalogue files under `folder` from the publishers' base URLs, within a FetchPolicy; never raises
    for a bad answer (only for a local failure, such as a full disk)."""

    def __init__(self, folder: Path, bases: Mapping[str, str], policy: FetchPolicy, state: DownloadState, *,
                 conditional: bool = True, cancelled: Callable[[], bool] = lambda: False,
                 transport: httpx.AsyncBaseTransport | None = None,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.folder, self.bases, self.policy, self.state = folder, dict(bases), policy, state
        self.conditional, self.cancelled, self._sleep = conditional, cancelled, sleep
        # Requests in flight, whoever publishes them: any request holds a question; a file being sent, a file too.
        self._questions = Slots(2 * max(1, policy.concurrency))
        self._files = Slots(max(1, policy.concurrency))
        # Each publisher is its own service: its own polite rate, and its own breaker.
        self._limiters = {p: RateLimiter(policy.max_rps, sleep=sleep) for p in self.bases}
        self._breakers = {p: CircuitBreaker(policy.breaker_failures, policy.breaker_open_s) for p in self.bases}
        # Redirects are followed (publishers move files to download hosts); a login page is caught by its content.
        self._client = httpx.AsyncClient(
            transport=transport, follow_redirects=True, max_redirects=5,
            timeout=httpx.Timeout(policy.timeout_s, connect=min(10.0, policy.timeout_s)),
            limits=httpx.Limits(max_connections=2 * max(1, policy.concurrency)),
            # identity: a Range counts the bytes of the file itself, never of a compressed answer
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})

    async def __aenter__(self) -> Downloader:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._client.aclose()

    async def fetch(self, file: CatalogueFile, *, urgent: bool = False) -> Outcome:
        """Bring one file up to date, retrying what is worth retrying with exponential backoff. An `urgent` file
        goes before those waiting (one whose answer decides what else to ask for)."""
        url = file.url(self.bases)
        breaker, limiter = self._breakers[file.publisher], self._limiters[file.publisher]
        last = "it failed"
        for attempt in range(self.policy.retries + 1):
            if self.cancelled():
                return Outcome(file, STOPPED)
            if not breaker.allows():
                return Outcome(file, FAILED, f"{url}: skipped, the publisher is paused after repeated failures "
                                             f"({last})")
            if attempt:
                await self._sleep(self.policy.backoff_s * 2 ** (attempt - 1))
            try:
                async with self._questions.hold(urgent):
                    await limiter.wait()
                    async with asyncio.timeout(self.policy.timeout_s):
                        outcome = await self._attempt(file, url, urgent)
                if isinstance(outcome, _Whole):
                    # Checked and put in place after the slot is free: disk work need not hold up the network.
                    outcome = await self._finish(file, outcome)
            except _Refused as exc:
                breaker.failed()
                return Outcome(file, FAILED, f"{url}: {exc}")
            except (_Transient, TimeoutError, httpx.TimeoutException, httpx.TransportError) as exc:
                breaker.failed()
                last = _transient_reason(exc, self.policy.timeout_s)
                continue
            breaker.succeeded()
            return outcome
        tries = self.policy.retries + 1
        return Outcome(file, FAILED, f"{url}: gave up after {tries} {'try' if tries == 1 else 'tries'} ({last})")

    async def _attempt(self, file: CatalogueFile, url: str, urgent: bool) -> Outcome | _Whole:
        if self.cancelled():
            return Outcome(file, STOPPED)
        target = self._target(file)
        part = part_path(target)
        have, headers = self._resume_headers(file, url, part)
        saved = self.state.files.get(file.name)
        if self.conditional and not have and saved is not None and saved.validators.url == url and target.is_file():
            if saved.validators.etag:
                headers["If-None-Match"] = saved.validators.etag
            if saved.validators.last_modified:
                headers["If-Modified-Since"] = saved.validators.last_modified
        asking = "If-None-Match" in headers or "If-Modified-Since" in headers
        async with AsyncExitStack() as held:
            if not asking:  # the answer is the file itself, most likely: a file's slot before asking
                await held.enter_async_context(self._files.hold(urgent))
            async with self._client.stream("GET", url, headers=headers) as answer:
                if asking and answer.status_code in (200, 206):  # it changed: the file is coming after all
                    await held.enter_async_context(self._files.hold(urgent))
                return await self._answered(file, url, answer, asking, have, part, target)

    async def _answered(self, file: CatalogueFile, url: str, answer: httpx.Response, asking: bool, have: int,
                        part: Path, target: Path) -> Outcome | _Whole:
        """What an answer's status and headers mean; the body received when it is (the rest of) the file."""
        status = answer.status_code
        if status not in (200, 206):
            await _drain(answer)  # a short answer read to its end keeps the connection for the next request
        if status == 304 and asking:
            return Outcome(file, UNCHANGED)
        if status in (404, 410):
            return Outcome(file, ABSENT, f"{url}: not published (HTTP {status})")
        if status == 416 and have:
            if _complete_length(answer.headers.get("content-range")) == have:
                return _Whole(part, target, 0)  # the part holds the whole file already
            self._forget_part(file, part)
            raise _Transient("the part downloaded before no longer fits the file (HTTP 416); starting again")
        if status >= 500 or status == 429:
            raise _Transient(f"HTTP {status}")
        if status not in (200, 206):
            raise _Refused(f"HTTP {status}; not a release file")
        if "html" in answer.headers.get("content-type", "").lower():
            raise _Refused("sent a web page, not a release file (a network login page or an error page?)")
        if answer.headers.get("content-encoding", "identity").lower() != "identity":
            raise _Refused(f"sent the file compressed ({answer.headers['content-encoding']}) though asked not to")
        if status == 206 and (not have or _range_start(answer.headers.get("content-range")) != have):
            self._forget_part(file, part)
            raise _Transient("the server sent another part of the file than the one asked for; starting again")
        start = have if status == 206 else 0
        return await self._receive(file, answer, part, target, start)

    async def _receive(self, file: CatalogueFile, answer: httpx.Response, part: Path, target: Path,
                       start: int) -> Outcome | _Whole:
        """Write the body after the first `start` bytes of the part file; put the file in place when it is whole."""
        length = _int(answer.headers.get("content-length"))
        if length is not None and start + length > file.max_bytes:
            raise _Refused(f"is {start + length:,} bytes, more than the {file.max_bytes:,} a release file may have")
        validators = Validators(file.url(self.bases), answer.headers.get("etag"), answer.headers.get("last-modified"))
        if start == 0 or file.name not in self.state.partial:
            self.state.partial[file.name] = validators  # so a stopped download can be resumed, if it is the same
            self.state.changed()
        received = 0
        with open(part, "ab" if start else "wb") as out:
            # The bytes as sent: the answer is never compressed (identity was asked for, and anything else refused).
            async for chunk in answer.aiter_bytes():
                if self.cancelled():  # asked before writing, so a file whose last bytes have come is finished
                    if start + received == 0:
                        out.close()
                        self._forget_part(file, part)  # nothing to resume
                    return Outcome(file, STOPPED, received=received)  # the part stays, to be resumed
                received += len(chunk)
                if start + received > file.max_bytes:
                    out.close()
                    self._forget_part(file, part)
                    raise _Refused(f"is more than the {file.max_bytes:,} bytes a release file may have")
                out.write(chunk)
        if length is not None and received != length:
            raise _Transient(f"the body was cut short ({received:,} of {length:,} bytes)")
        return _Whole(part, target, received)

    async def _finish(self, file: CatalogueFile, whole: _Whole) -> Outcome:
        try:
            size, sha256 = await asyncio.to_thread(_put_in_place, whole.part, whole.target)
        except ValueError as exc:
            self._forget_part(file, whole.part)
            raise _Refused(str(exc)) from None
        self.state.files[file.name] = SavedFile(self.state.partial[file.name], size, sha256)
        self.state.partial.pop(file.name, None)
        self.state.changed()
        return Outcome(file, NEW, received=whole.received)

    def _resume_headers(self, file: CatalogueFile, url: str, part: Path) -> tuple[int, dict[str, str]]:
        """The bytes already in the part file and the Range headers to ask for the rest; (0, {}) to start afresh."""
        resume = self.state.partial.get(file.name)
        have = part.stat().st_size if part.is_file() else 0
        # If-Range takes a strong ETag or a date: with neither, the server cannot say whether the file changed.
        validator = resume and ((resume.etag if resume.etag and not resume.etag.startswith("W/") else None)
                                or resume.last_modified)
        if have and resume is not None and validator and resume.url == url:
            return have, {"Range": f"bytes={have}-", "If-Range": validator}
        if have or resume is not None:
            self._forget_part(file, part)
        return 0, {}

    def _forget_part(self, file: CatalogueFile, part: Path) -> None:
        part.unlink(missing_ok=True)
        if self.state.partial.pop(file.name, None) is not None:
            self.state.changed()

    def _target(self, file: CatalogueFile) -> Path:
        """Where a file goes: its catalogue name under the folder, and never anywhere else."""
        target = self.folder / file.name
        if not target.resolve().is_relative_to(self.folder.resolve()):
            raise _Refused(f"{file.name} would be saved outside {self.folder}; refused")
        target.parent.mkdir(parents=True, exist_ok=True)
        return target


def _put_in_place(part: Path, target: Path) -> tuple[int, str]:
    """fsync the part file, check it is a workbook or a zip, and rename it over the target; its size and sha256.
    Runs on a worker thread, so the other downloads carry on meanwhile."""
    digest = hashlib.sha256()
    with open(part, "rb") as f:
        head = f.read(8)
        if not head.startswith(MAGIC):
            raise ValueError(f"is not a workbook or a zip of workbooks (it starts {head[:8]!r})")
        digest.update(head)
        while block := f.read(1024 * 1024):
            digest.update(block)
        size = f.tell()
        os.fsync(f.fileno())
    os.replace(part, target)
    sync_folder(target.parent)
    return size, digest.hexdigest()


async def _drain(answer: httpx.Response, limit: int = 64 * 1024) -> None:
    """Read a short answer's body (an error page, say) to its end; a long one is left, and its connection closed."""
    received = 0
    async for chunk in answer.aiter_bytes():
        received += len(chunk)
        if received > limit:
            return


def _transient_reason(exc: Exception, timeout_s: float) -> str:
    if isinstance(exc, _Transient):
        return str(exc)
    if isinstance(exc, (TimeoutError, httpx.TimeoutException)):
        return f"no complete answer within {timeout_s:g} s"
    return f"the connection failed or the body was cut short ({type(exc).__name__})"


def _range_start(content_range: str | None) -> int | None:
    """The first byte of "bytes START-END/TOTAL"."""
    if not content_range or not content_range.startswith("bytes "):
        return None
    return _int(content_range[6:].split("-", 1)[0])


def _complete_length(content_range: str | None) -> int | None:
    """TOTAL in "bytes */TOTAL" (a 416's answer) or "bytes START-END/TOTAL"."""
    if not content_range or "/" not in content_range:
        return None
    return _int(content_range.rsplit("/", 1)[1])


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None
