"""The NCS client against the local double over real loopback HTTP, and against malformed answers."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

import httpx
import pytest

from kiosk.sources.errors import SourceInputError
from kiosk.sources.fetch_policy import FetchPolicy
from kiosk.sources.ncs.client import (LIVE_BASE_URL, LIVE_POLICY, NcsClient, NcsUnavailable, SummaryItem,
                                      make_ncs_fetcher)
from tests.doubles.ncs_double import NcsDouble
from tests.doubles.ncs_double_jobs import JOBS

QUICK = FetchPolicy(timeout_s=5.0, backoff_s=0.0, max_rps=None, breaker_failures=10)
T = TypeVar("T")


def call(base_url: str, ask: Callable[[NcsClient], Awaitable[T]], *, key: str = "test-key",
         policy: FetchPolicy = QUICK, transport: httpx.AsyncBaseTransport | None = None) -> T:
    """One client call against base_url, in a fresh event loop."""
    async def go() -> T:
        async with make_ncs_fetcher(base_url, key, policy, transport=transport) as fetcher:
            return await ask(NcsClient(fetcher))
    return asyncio.run(go())


def answering(status: int, body: object = None, seen: list[httpx.Request] | None = None) -> httpx.MockTransport:
    """A transport that gives every request this answer (and logs the requests in seen)."""
    def handler(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        return httpx.Response(status) if body is None else httpx.Response(status, json=body)
    return httpx.MockTransport(handler)


def test_the_live_defaults_are_polite() -> None:
    assert LIVE_BASE_URL == "https://api.nationalcareers.service.gov.uk/job-profiles/"
    assert LIVE_POLICY.max_rps is not None and LIVE_POLICY.max_rps <= 2.0  # the service allows 150 a minute
    assert LIVE_POLICY.retries >= 3 and LIVE_POLICY.backoff_s * 2 ** (LIVE_POLICY.retries - 1) >= 10


def test_the_key_and_version_headers_are_sent() -> None:
    seen: list[httpx.Request] = []
    call("http://ncs.test/job-profiles/", lambda c: c.profile("plumber"), key=" secret-key \n",
         transport=answering(200, {"Title": "Plumber"}, seen))
    [request] = seen
    assert request.headers["Ocp-Apim-Subscription-Key"] == "secret-key" and request.headers["version"] == "v1"
    assert str(request.url) == "http://ncs.test/job-profiles/plumber"


@pytest.mark.parametrize("key", ["", "   ", "two words", "tab\there"])
def test_a_missing_or_garbled_key_is_refused_before_asking(key: str) -> None:
    with pytest.raises(SourceInputError, match=r"^National Careers Service: .*API key.*developer portal"):
        make_ncs_fetcher(LIVE_BASE_URL, key)


def test_summary_gives_canonical_names_titles_and_dates() -> None:
    with NcsDouble() as double:
        summary = call(double.base_url, lambda c: c.summary())
        names = double.names
        clerk = double.last_updated("barrister's-clerk")
    assert sorted(item.name for item in summary) == names and len(summary) == len(JOBS)
    assert SummaryItem("barrister's-clerk", "Barristers' clerk", clerk) in summary
    assert "special-educational-needs-(sen)-teacher" in names
    assert all(item.last_updated.startswith("2024-") for item in summary)


def test_a_profile_name_is_percent_encoded_on_the_way_out() -> None:
    with NcsDouble() as double:
        answer = call(double.base_url, lambda c: c.profile("special-educational-needs-(sen)-teacher"))
        [(path, _query)] = double.requests
    assert answer.ok and answer.status == 200 and answer.data["Title"] == "Special educational needs (SEN) teacher"
    assert path == "/job-profiles/special-educational-needs-(sen)-teacher"


def test_an_unknown_profile_is_204_no_such_profile() -> None:
    with NcsDouble(profiles=3) as double:
        answer = call(double.base_url, lambda c: c.profile("astronaut"))
    assert answer.status == 204 and answer.data is None
    assert answer.problem == "National Careers Service profile 'astronaut': no such profile (HTTP 204)"


@pytest.mark.parametrize("ask", [lambda c: c.summary(), lambda c: c.profile("nurse")], ids=["summary", "profile"])
def test_a_wrong_key_raises_with_one_clear_message(ask) -> None:
    with NcsDouble(profiles=3) as double:
        with pytest.raises(SourceInputError) as refused:
            call(double.base_url, ask, key="not-the-key")
    assert str(refused.value) == ("National Careers Service: the API key was refused (HTTP 401); check the key "
                                  "from the NCS developer portal")


def test_a_used_up_quota_also_stops_the_sync() -> None:
    with pytest.raises(SourceInputError, match=r"HTTP 403"):
        call("http://ncs.test/", lambda c: c.summary(), transport=answering(403, {"statusCode": 403}))


def test_rate_limited_requests_back_off_and_then_succeed() -> None:
    with NcsDouble(profiles=3, rate_limit=2, rate_window_s=0.3) as double:
        name = double.names[0]

        async def three(client: NcsClient):
            return [await client.profile(name) for _ in range(3)]

        answers = call(double.base_url, three, policy=QUICK._replace(backoff_s=0.2, retries=4))
        tries = len(double.requests)
    assert all(answer.ok for answer in answers)
    assert tries > 3  # the third call met a 429 at least once before it got through


def test_a_captive_portal_page_is_refused() -> None:
    with NcsDouble(profiles=3, html=True) as double:
        answer = call(double.base_url, lambda c: c.profile("accountant"))
    assert answer.problem == ("National Careers Service accountant: sent a web page, not data "
                              "(a network login page or an error page?)")


def test_a_body_cut_short_is_retried_then_reported() -> None:
    with NcsDouble(profiles=3, truncate=True) as double:
        answer = call(double.base_url, lambda c: c.profile("accountant"), policy=QUICK._replace(retries=1))
        tries = len(double.requests)
    assert tries == 2
    assert answer.problem == ("National Careers Service accountant: gave up after 2 tries "
                              "(connection failed or body cut short (RemoteProtocolError))")


def test_a_body_that_trickles_in_hits_the_whole_request_deadline() -> None:
    with NcsDouble(profiles=3, slow_bytes_per_s=200.0) as double:
        answer = call(double.base_url, lambda c: c.profile("accountant"),
                      policy=QUICK._replace(timeout_s=0.3, retries=0))
    assert answer.problem == ("National Careers Service accountant: gave up after 1 try "
                              "(no complete answer within 0.3 s)")


@pytest.mark.parametrize("transport, message", [
    (answering(500, {"statusCode": 500}), r"^National Careers Service summary: gave up after 4 tries \(HTTP 500\)"),
    (answering(204), r"^National Careers Service summary: it lists no profiles \(HTTP 204\)"),
    (answering(200, []), r"^National Careers Service summary: it lists no profiles"),
    (answering(200, {"Url": "x"}), r"^National Careers Service summary: expected a list, got dict"),
    (answering(200, [{"Url": "https://h/job-profiles/nurse", "Title": "Nurse"}]),
     r"^National Careers Service summary: item 1 has no LastUpdated"),
    (answering(200, [{"Url": "https://h/job-profiles/", "Title": "Nurse", "LastUpdated": "2024-01-01T00:00:00Z"}]),
     r"^National Careers Service summary: item 1 has a Url with no profile name"),
    (answering(200, ["nurse"]), r"^National Careers Service summary: item 1 is not an object"),
])
def test_a_summary_that_is_not_whole_and_sound_is_unavailable(transport, message: str) -> None:
    with pytest.raises(NcsUnavailable, match=message) as failed:
        call("http://ncs.test/job-profiles/", lambda c: c.summary(), transport=transport)
    assert str(failed.value).endswith("nothing was changed")


def test_a_wrong_base_url_is_named() -> None:
    with pytest.raises(SourceInputError, match=r"no job profiles service at this address \(HTTP 404\)"):
        call("http://ncs.test/", lambda c: c.summary(), transport=answering(404, {"statusCode": 404}))


def test_a_profile_that_is_not_an_object_is_a_problem_naming_it() -> None:
    answer = call("http://ncs.test/", lambda c: c.profile("nurse"), transport=answering(200, ["nurse"]))
    assert answer.problem == "National Careers Service profile 'nurse': expected an object, got list"
