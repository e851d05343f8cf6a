"""The LMI for All client against the local double (a real loopback server) and against malformed answers."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import httpx

from kiosk.sources.fetch_policy import FetchPolicy
from kiosk.sources.json_fetch import Fetched, JsonFetcher
from kiosk.sources.lmiforall.client import LmiClient
from tests.doubles.lmi_double import LmiDouble

QUICK = FetchPolicy(timeout_s=5.0, backoff_s=0.0, max_rps=None, breaker_failures=10)


async def _no_wait(_seconds: float) -> None:
    """Backoff without waiting: these tests check what happens, not how long it takes."""


def call(base_url: str, ask: Callable[[LmiClient], Awaitable[Fetched]], *, policy: FetchPolicy = QUICK,
         transport: httpx.AsyncBaseTransport | None = None) -> Fetched:
    """One client call against base_url, in a fresh event loop."""
    async def go() -> Fetched:
        async with JsonFetcher(base_url, "LMI for All", policy, transport=transport, sleep=_no_wait) as fetcher:
            return await ask(LmiClient(fetcher))
    return asyncio.run(go())


def test_every_synced_endpoint_answers_in_shape_from_the_double() -> None:
    with LmiDouble() as double:
        url = double.base_url
        occupation = call(url, lambda c: c.occupation(2231))
        pay = call(url, lambda c: c.pay(2231))
        regional_pay = call(url, lambda c: c.pay(2231, breakdown="region"))
        hours = call(url, lambda c: c.hours(2231, region=7))
        future = call(url, lambda c: c.projections(2231, 2024, 2027))
        by_region = call(url, lambda c: c.projections(2231, 2024, 2027, breakdown="region"))
        leaving = call(url, lambda c: c.replacement_demand(2231))
        codes = call(url, lambda c: c.onet_codes(2231))
        subjects = call(url, lambda c: c.degree_subjects(2231))
        asked = [path for path, _query in double.requests]
    assert occupation.ok and occupation.data["soc"] == 2231 and occupation.data["title"]
    assert pay.ok and pay.data["soc"] == 2231  # coarse=false: the unit group's own figures, not the 2-digit group
    assert all("breakdown" in item for item in regional_pay.data["series"])
    assert hours.ok and hours.data["series"]
    assert {row["year"] for row in future.data["predictedEmployment"]} <= set(range(2024, 2028))
    assert by_region.ok and by_region.data["predictedEmployment"][0]["breakdown"]
    assert leaving.ok and leaving.data["rate"] > 0
    assert codes.ok and subjects.ok
    onet = codes.data["onetCodes"][0]["code"]
    with LmiDouble() as double:
        skills = call(double.base_url, lambda c: c.skills(onet))
        interests = call(double.base_url, lambda c: c.interests(onet))
    assert {scale["id"] for scale in skills.data["scales"]} >= {"LV", "IM"}
    assert interests.ok and interests.data["scales"]
    assert asked[:2] == ["/api/v1/soc/code/2231", "/api/v1/ashe/estimatePay"]


def test_skill_shortages_answer_or_say_no_data_for_that_code_alone() -> None:
    with LmiDouble() as double:
        answers = [call(double.base_url, lambda c, soc=soc: c.shortages(soc)) for soc in double.socs[:40]]
    good = [a for a in answers if a.ok]
    missing = [a for a in answers if not a.ok]
    assert good and all("percentHTF" in a.data for a in good)
    # The double answers {"error": ...} for some codes, as the service does when a sample is too small.
    assert missing and all("no data" in str(a.problem) for a in missing)


def test_an_unknown_code_is_no_data_that_names_the_call() -> None:
    with LmiDouble() as double:
        answer = call(double.base_url, lambda c: c.occupation(9998))
    assert answer.problem is not None
    assert answer.problem.startswith("LMI for All soc/code/9998: HTTP 404")


def test_a_captive_portal_page_is_refused() -> None:
    with LmiDouble(html=True) as double:
        answer = call(double.base_url, lambda c: c.occupation(2231))
    assert answer.problem == ("LMI for All soc/code/2231: sent a web page, not data "
                              "(a network login page or an error page?)")


def test_server_errors_are_retried_until_the_answer_comes() -> None:
    with LmiDouble(fail_next=2) as double:
        answer = call(double.base_url, lambda c: c.occupation(2231))
        tries = len(double.requests)
    assert answer.ok and tries == 3


def test_a_body_cut_short_is_retried_then_reported() -> None:
    with LmiDouble(truncate=True) as double:
        answer = call(double.base_url, lambda c: c.occupation(2231), policy=QUICK._replace(retries=1))
        tries = len(double.requests)
    assert tries == 2
    assert answer.problem == ("LMI for All soc/code/2231: gave up after 2 tries "
                              "(connection failed or body cut short (RemoteProtocolError))")


def test_a_body_that_trickles_in_hits_the_whole_request_deadline() -> None:
    with LmiDouble(slow_bytes_per_s=20.0) as double:
        answer = call(double.base_url, lambda c: c.occupation(2231),
                      policy=QUICK._replace(timeout_s=0.3, retries=0))
    assert answer.problem == "LMI for All soc/code/2231: gave up after 1 try (no complete answer within 0.3 s)"


def _answering(body: object) -> httpx.MockTransport:
    return httpx.MockTransport(lambda request: httpx.Response(200, json=body))


def test_wrong_shapes_are_no_data_naming_what_is_missing() -> None:
    lacking = call("http://lmi.test/", lambda c: c.replacement_demand(2231),
                   transport=_answering({"soc": 2231, "rate": 900}))
    listed = call("http://lmi.test/", lambda c: c.occupation(2231), transport=_answering([{"soc": 2231}]))
    assert lacking.problem == "LMI for All replacement demand for 2231: answer lacks start_year, end_year"
    assert listed.problem == "LMI for All occupation 2231: expected an object, got list"


def test_key_case_is_matched_loosely_and_folded_to_the_documented_case() -> None:
    answer = call("http://lmi.test/", lambda c: c.projections(2231, 2024, 2027),
                  transport=_answering({"SOC": 2231, "PredictedEmployment": [{"year": 2024, "employment": 5.0}]}))
    assert answer.ok and answer.data["predictedEmployment"] == [{"year": 2024, "employment": 5.0}]
