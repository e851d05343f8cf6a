"""The fetch layer: retries with backoff, the circuit breaker, rate limits and every bad answer named."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import httpx
import pytest

from kiosk.sources.circuit_breaker import CircuitBreaker
from kiosk.sources.fetch_policy import FetchPolicy
from kiosk.sources.json_fetch import Fetched, JsonFetcher
from kiosk.sources.rate_limit import RateLimiter


class FakeTime:
    """A clock that only moves when someone sleeps, recording every sleep."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def fetch(handler: Callable[[httpx.Request], httpx.Response], *paths: str, time: FakeTime | None = None,
          **policy: object) -> tuple[list[Fetched], FakeTime]:
    """Run GETs for paths, in order, against a mock transport; answers and the fake time used."""
    time = time or FakeTime()
    settings = FetchPolicy(max_rps=None, **policy)  # type: ignore[arg-type]

    async def go() -> list[Fetched]:
        async with JsonFetcher("http://lmi.test/api/v1/", "LMI for All", settings,
                               transport=httpx.MockTransport(handler), clock=time.clock, sleep=time.sleep) as f:
            return [await f.get(path, {"soc": 4135}) for path in paths]

    return asyncio.run(go()), time


def counting(*responses: httpx.Response | Exception) -> tuple[Callable[[httpx.Request], httpx.Response], list[str]]:
    """A handler that answers with responses in turn (the last one repeats), logging each URL."""
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        answer = responses[min(len(seen), len(responses) - 1)]
        seen.append(str(request.url))
        if isinstance(answer, Exception):
            raise answer
        return answer

    return handler, seen


def test_good_json_arrives_with_its_query() -> None:
    handler, seen = counting(httpx.Response(200, json={"soc": 4135, "title": "Library clerks"}))
    [answer], _ = fetch(handler, "soc/code/4135")
    assert answer.ok and answer.data == {"soc": 4135, "title": "Library clerks"}
    assert seen == ["http://lmi.test/api/v1/soc/code/4135?soc=4135"]


def test_an_error_status_is_no_data_with_the_services_message_and_is_not_retried() -> None:
    handler, seen = counting(httpx.Response(400, json={"error": "Please give a string to search for."}))
    [answer], _ = fetch(handler, "soc/search")
    assert not answer.ok and answer.data is None
    assert answer.problem == "LMI for All soc/search: HTTP 400, Please give a string to search for."
    assert len(seen) == 1


def test_an_error_key_in_a_200_body_is_no_data_not_zero() -> None:
    handler, _ = counting(httpx.Response(200, json={"error": "Sample too small"}))
    [answer], _ = fetch(handler, "lfs/unemployment")
    assert answer.problem == "LMI for All lfs/unemployment: no data (Sample too small)"


@pytest.mark.parametrize("response", [
    httpx.Response(200, headers={"content-type": "text/html"}, content=b"<html><form>Log in to the Wi-Fi</form>"),
    httpx.Response(200, headers={"content-type": "application/json"}, content=b"  <!DOCTYPE html><p>Oops</p>"),
])
def test_a_web_page_is_refused_as_not_data(response: httpx.Response) -> None:
    handler, seen = counting(response)
    [answer], _ = fetch(handler, "soc/code/4135")
    assert "sent a web page, not data" in str(answer.problem)
    assert len(seen) == 1


def test_a_captive_portal_counts_as_a_failure_so_the_breaker_stops_asking() -> None:
    page = httpx.Response(200, headers={"content-type": "text/html"}, content=b"<html>Log in</html>")
    handler, seen = counting(page)
    answers, _ = fetch(handler, "a", "b", "c", "d")
    assert len(seen) == 3  # the fourth call never leaves the kiosk
    assert answers[3].problem == "LMI for All d: skipped, the service is paused for a while (it failed repeatedly)"


def test_a_captive_portal_redirect_is_refused_not_followed() -> None:
    handler, seen = counting(httpx.Response(302, headers={"location": "http://login.portal/"}))
    [answer], _ = fetch(handler, "soc/code/4135")
    assert "redirected (HTTP 302)" in str(answer.problem)
    assert seen == ["http://lmi.test/api/v1/soc/code/4135?soc=4135"]


def test_a_cut_short_body_is_not_valid_json() -> None:
    handler, _ = counting(httpx.Response(200, content=b'{"soc":4135,"title":"Libr'))
    [answer], _ = fetch(handler, "soc/code/4135")
    assert answer.problem == "LMI for All soc/code/4135: HTTP 200, answer is not valid JSON (cut short?)"


def test_an_endless_body_is_cut_off_at_the_size_limit() -> None:
    handler, _ = counting(httpx.Response(200, content=b"[" + b"1," * 600))
    [answer], _ = fetch(handler, "soc/search", max_body_bytes=1000)
    assert answer.problem == "LMI for All soc/search: answer larger than 1,000 bytes; refused"


def test_transient_failures_are_retried_with_doubling_waits() -> None:
    handler, seen = counting(httpx.Response(503), httpx.ConnectError("refused"), httpx.Response(200, json=[1]))
    [answer], time = fetch(handler, "soc/search", backoff_s=0.5, breaker_failures=10)
    assert answer.ok and answer.data == [1]
    assert len(seen) == 3
    assert time.sleeps == [0.5, 1.0]


def test_retries_run_out_and_say_why() -> None:
    handler, seen = counting(httpx.Response(502))
    [answer], time = fetch(handler, "wf/predict", retries=2, backoff_s=1.0, breaker_failures=10)
    assert answer.problem == "LMI for All wf/predict: gave up after 3 tries (HTTP 502)"
    assert len(seen) == 3 and time.sleeps == [1.0, 2.0]


def test_the_breaker_opens_after_three_failures_then_lets_one_try_through_a_minute_later() -> None:
    handler, seen = counting(httpx.Response(500), httpx.Response(500), httpx.Response(500),
                             httpx.Response(200, json={"ok": 1}))
    time = FakeTime()
    first, second = fetch(handler, "a", "b", time=time, backoff_s=0.0)[0]
    assert len(seen) == 3  # three failures, then the breaker stops the fourth try and the whole second call
    assert first.problem == "LMI for All a: skipped, the service is paused for a while (HTTP 500)"
    assert second.problem == "LMI for All b: skipped, the service is paused for a while (it failed repeatedly)"
    time.now += 60.0
    [third] = fetch(handler, "c", time=time)[0]
    assert third.ok and len(seen) == 4


def test_a_half_open_breaker_reopens_on_one_more_failure() -> None:
    time = FakeTime()
    breaker = CircuitBreaker(3, 60.0, clock=time.clock)
    for _ in range(3):
        breaker.failed()
    assert breaker.is_open and not breaker.allows()
    time.now = 60.0
    assert breaker.allows() and not breaker.is_open
    breaker.failed()
    assert breaker.is_open
    time.now = 120.0
    assert breaker.allows()
    breaker.succeeded()
    breaker.failed()
    assert not breaker.is_open  # success forgot the earlier failures


def test_the_rate_limit_spaces_concurrent_requests_evenly() -> None:
    time = FakeTime()
    limiter = RateLimiter(2.0, clock=time.clock, sleep=time.sleep)
    starts: list[float] = []

    async def one() -> None:
        await limiter.wait()
        starts.append(time.now)

    async def go() -> None:
        await asyncio.gather(*(one() for _ in range(4)))

    asyncio.run(go())
    assert starts == [0.0, 0.5, 1.0, 1.5]  # each request starts half a second after the one before
    with pytest.raises(ValueError, match="max_rps must be positive"):
        RateLimiter(0)


def test_no_rate_limit_never_sleeps() -> None:
    time = FakeTime()
    limiter = RateLimiter(None, clock=time.clock, sleep=time.sleep)

    async def go() -> None:
        for _ in range(5):
            await limiter.wait()

    asyncio.run(go())
    assert time.sleeps == []


def test_no_more_requests_are_in_flight_than_the_policy_allows() -> None:
    in_flight = 0
    most = 0

    async def handler(request: httpx.Request) -> httpx.Response:
        nonlocal in_flight, most
        in_flight += 1
        most = max(most, in_flight)
        for _ in range(5):  # give the other tasks every chance to pile in
            await asyncio.sleep(0)
        in_flight -= 1
        return httpx.Response(200, json=[])

    async def go() -> list[Fetched]:
        policy = FetchPolicy(max_rps=None, concurrency=2)
        async with JsonFetcher("http://lmi.test/", "LMI for All", policy, transport=httpx.MockTransport(handler)) as f:
            return await asyncio.gather(*(f.get(f"soc/code/{n}") for n in range(8)))

    answers = asyncio.run(go())
    assert all(answer.ok for answer in answers) and len(answers) == 8
    assert most == 2


def test_an_answer_nested_deeper_than_python_can_parse_is_no_data() -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=deep,
                                                                   headers={"content-type": "application/json"}))

    async def go():
        async with JsonFetcher("http://lmi.test/api/v1/", "LMI for All", FetchPolicy(retries=0, max_rps=None),
                               transport=transport) as fetcher:
            return await fetcher.get("soc/code/2231")

    answer = asyncio.run(go())
    assert not answer.ok and "not valid JSON" in answer.problem and not answer.answered


# A gzip answer of a few hundred kilobytes that expands to 1 GiB of spaces, fetched in a child whose memory is
# capped at 1 GiB: httpx decoded the whole chunk before the size limit was checked.
GZIP_BOMB_CHILD = """
import asyncio, resource, sys, zlib
import httpx
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from kiosk.sources.fetch_policy import FetchPolicy
from kiosk.sources.json_fetch import JsonFetcher

def gzip_bomb(size):
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(b" " * (1 << 20)) + packer.flush(zlib.Z_SYNC_FLUSH)
    last = zlib.compressobj(9, zlib.DEFLATED, -15)
    # a gzip header, the same deflated megabyte over and over, and an end (its checksum is never reached)
    return b"\\x1f\\x8b\\x08\\x00\\x00\\x00\\x00\\x00\\x00\\xff" + block * (size >> 20) + last.compress(b"[]") + \\
        last.flush() + b"\\x00" * 8

class OneChunk(httpx.AsyncByteStream):  # a body as it arrives, not read ahead as httpx reads content=...
    async def __aiter__(self):
        yield gzip_bomb(1 << 30)

handler = lambda request: httpx.Response(200, stream=OneChunk(), headers={"content-encoding": "gzip",
                                                                          "content-type": "application/json"})

async def go():
    async with JsonFetcher("http://lmi.test/", "LMI for All", FetchPolicy(max_rps=None, retries=0),
                           transport=httpx.MockTransport(handler)) as f:
        return await f.get("soc/search")

try:
    print(asyncio.run(go()).problem)
except MemoryError:
    print("out of memory")
"""


def test_a_gzip_answer_is_refused_at_the_size_limit_before_it_expands() -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", GZIP_BOMB_CHILD], cwd=repo, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(repo)}, timeout=120)
    assert done.stdout.strip() == "LMI for All soc/search: answer larger than 8,388,608 bytes; refused", done.stderr


class Streamed(httpx.AsyncByteStream):
    """A body arriving in pieces, as from the network (httpx reads a body given as content= at once)."""

    def __init__(self, *pieces: bytes) -> None:
        self.pieces = pieces

    async def __aiter__(self):  # type: ignore[override]
        for piece in self.pieces:
            yield piece


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "raw deflate", "identity"])
def test_a_compressed_answer_within_the_limit_arrives_decoded(encoding: str) -> None:
    import gzip
    import zlib

    data = b'[{"soc": 4135, "title": "' + b"Librarian " * 300 + b'"}]'
    body = {"gzip": gzip.compress, "deflate": zlib.compress, "identity": bytes,
            "raw deflate": lambda d: zlib.compress(d)[2:-4]}[encoding](data)
    header = encoding.replace("raw ", "")
    handler, _ = counting(httpx.Response(200, stream=Streamed(body[:50], body[50:]),
                                         headers={"content-encoding": header}))
    [answer], _ = fetch(handler, "soc/search")
    assert answer.data == [{"soc": 4135, "title": "Librarian " * 300}]


def test_an_answer_compressed_in_a_way_not_asked_for_is_refused() -> None:
    handler, _ = counting(httpx.Response(200, stream=Streamed(b"\x00\x01"), headers={"content-encoding": "br"}))
    [answer], _ = fetch(handler, "soc/search", retries=0)
    assert answer.problem == "LMI for All soc/search: sent the answer compressed as 'br', which was not asked for"
