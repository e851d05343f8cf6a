"""The NCS test double: keys and versions, routes, host rewriting, search, rate limit, variants, knobs, and
(contract) generated profiles in exactly the recorded shape, and replay of the recordings."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from datetime import datetime, timezone

import httpx
import pytest

from kiosk.sources.soc_sectors import sector_for_soc
from tests.doubles.ncs_double import NcsDouble
from tests.doubles.ncs_double_jobs import JOBS, Job
from tests.doubles.ncs_double_profiles import generate_profile, job_name
from tests.sources.test_ncs_profile_rows import FIXTURES, recorded_profiles

HEADERS = {"Ocp-Apim-Subscription-Key": "test-key", "version": "v1"}


@contextlib.contextmanager
def serve(**knobs: object) -> Iterator[tuple[NcsDouble, httpx.Client]]:
    """A running double with these knobs and a client that sends the right key and version."""
    with NcsDouble(**knobs) as running, httpx.Client(base_url=running.base_url, headers=HEADERS, timeout=10) as c:
        yield running, c


@pytest.fixture
def served() -> Iterator[tuple[NcsDouble, httpx.Client]]:
    with serve(profiles=12) as pair:
        yield pair


def test_the_built_in_jobs_are_many_distinct_and_validly_coded() -> None:
    assert len(JOBS) >= 60
    assert len({job.title for job in JOBS}) == len({job_name(job) for job in JOBS}) == len(JOBS)
    for job in JOBS:
        assert len(job.soc2010) == 4 and sector_for_soc(job.soc2010)  # raises for a code outside SOC 2010
        assert len(job.soc2020) == 4 and job.soc2020.isdigit() and job.onet[2] == "-"
    assert {"barrister's-clerk", "special-educational-needs-(sen)-teacher"} <= {job_name(job) for job in JOBS}


def test_a_missing_or_wrong_key_is_401_and_a_missing_or_wrong_version_404() -> None:
    with NcsDouble(profiles=3) as double, httpx.Client(base_url=double.base_url, timeout=10) as c:
        name = double.names[0]
        cases = {"no key": ({"version": "v1"}, 401), "wrong key": ({**HEADERS, "Ocp-Apim-Subscription-Key": "x"}, 401),
                 "no version": ({"Ocp-Apim-Subscription-Key": "test-key"}, 404),
                 "wrong version": ({**HEADERS, "version": "v2"}, 404), "neither": ({}, 401), "right": (HEADERS, 200)}
        for case, (headers, status) in cases.items():
            response = c.get(name, headers=headers)
            assert response.status_code == status, case
            if status != 200:
                assert response.json()["statusCode"] == status and response.json()["message"], case
        assert "missing subscription key" in c.get(name).json()["message"]


def test_an_unknown_name_is_204_with_an_empty_body(served) -> None:
    _double, c = served
    response = c.get("no-such-job")
    assert response.status_code == 204 and response.content == b""


def test_profiles_answer_with_urls_on_the_doubles_own_host(served) -> None:
    double, c = served
    for name in double.names:
        body = c.get(name).json()
        assert body["Url"] == double.base_url + name
        assert 4 <= len(body["RelatedCareers"]) <= 5
        assert all(related["Url"].startswith(double.base_url) for related in body["RelatedCareers"])
    assert c.get("PLUMBER" if "plumber" in double.names else double.names[0].upper()).status_code == 200


def test_names_with_apostrophes_and_parentheses_are_served_percent_encoded() -> None:
    wanted = [job for job in JOBS if job.name]
    with serve(profiles=0) as (double, c):
        for job in wanted:
            double.add(job)
        for job in wanted:
            encoded = job_name(job).replace("'", "%27").replace("(", "%28").replace(")", "%29")
            assert c.get(encoded).json()["Title"] == job.title
        assert [path for path, _query in double.requests] == [f"/job-profiles/{job_name(j)}" for j in wanted]


def test_summary_lists_every_profile_sorted_by_title_with_last_updated(served) -> None:
    double, c = served
    summary = c.get("summary").json()
    assert [list(item) for item in summary] == [["Url", "Title", "LastUpdated"]] * 12
    assert [item["Title"] for item in summary] == sorted(item["Title"] for item in summary)
    assert {item["Url"].rsplit("/", 1)[-1] for item in summary} == set(double.names)
    for item in summary:
        name = item["Url"].rsplit("/", 1)[-1]
        assert item["LastUpdated"] == double.last_updated(name) == c.get(name).json()["LastUpdatedDate"]
        assert datetime.fromisoformat(item["LastUpdated"]).year == 2024


def test_touch_remove_and_add_drive_the_summary_and_the_details(served) -> None:
    double, c = served
    first, second = double.names[:2]
    before = c.get(first).json()["Overview"]
    stamp = double.touch(first, datetime(2025, 1, 2, 3, 4, 5, 60000, tzinfo=timezone.utc))
    assert stamp == "2025-01-02T03:04:05.06Z"
    after = c.get(first).json()
    assert after["LastUpdatedDate"] == stamp and after["Overview"] != before
    stamp = double.touch(first, datetime(2025, 2, 1, tzinfo=timezone.utc), Overview="New words.")
    assert stamp == "2025-02-01T00:00:00Z" and c.get(first).json()["Overview"] == "New words."
    with pytest.raises(KeyError):
        double.touch(first, Colour="blue")
    double.remove(second)
    assert c.get(second).status_code == 204
    newcomer = double.add(Job("Zookeeper", "6139", "6129", "39-2021.00", "look after animals in a zoo"))
    summary = {item["Url"].rsplit("/", 1)[-1]: item["LastUpdated"] for item in c.get("summary").json()}
    assert second not in summary and summary[first] == stamp and newcomer == "zookeeper" and "zookeeper" in summary


def test_search_matches_titles_and_alternative_titles_and_pages() -> None:
    with serve() as (double, c):
        drivers = c.get("search/DRIVER", params={"page": 1, "pageSize": 2}).json()
        assert drivers["Count"] == 4 and drivers["CurrentPage"] == 1 and drivers["PageSize"] == 2
        assert [hit["ResultItemTitle"] for hit in drivers["Results"]] == ["Bus driver", "Delivery van driver"]
        rest = c.get("search/driver", params={"page": 2, "pageSize": 2}).json()
        assert [hit["ResultItemTitle"] for hit in rest["Results"]] == ["Forklift truck driver", "Lorry driver"]
        hgv = c.get("search/hgv").json()["Results"]
        assert [hit["ResultItemTitle"] for hit in hgv] == ["Lorry driver"]  # found by its alternative title
        hit = hgv[0]
        assert list(hit) == ["ResultItemTitle", "ResultItemAlternativeTitle", "ResultItemOverview",
                             "ResultItemSalaryRange", "ResultItemUrlName", "JobProfileCategories"]
        body = c.get("lorry-driver").json()
        assert hit["ResultItemSalaryRange"] == (f"£{int(body['SalaryStarter']):,} to "
                                                f"£{int(body['SalaryExperienced']):,}")
        assert hit["ResultItemUrlName"] == double.base_url + "lorry-driver"
        assert c.get("search/plumbing-robot").status_code == 204
        assert c.get("search/driver", params={"page": 0}).status_code == 400
        assert c.get("search/driver").json()["PageSize"] == 10  # defaults: page 1 of 10


def test_rate_limit_answers_429_once_the_window_is_full() -> None:
    with serve(profiles=2, rate_limit=3) as (double, c):
        statuses = [c.get("summary").status_code for _ in range(5)]
        limited = c.get("summary")
        assert statuses == [200, 200, 200, 429, 429]
        assert limited.json()["statusCode"] == 429 and 1 <= int(limited.headers["Retry-After"]) <= 60
        double.rate_limit = 150  # the knob changes while the double runs
        assert c.get("summary").status_code == 200


def test_variants_for_later_servers() -> None:
    with serve(profiles=3, soc2020=True, spaced_lists=True, paragraphs=True, default_dates=True) as (double, c):
        body = c.get(double.names[0]).json()
    keys = list(body)
    assert keys[keys.index("Soc"):keys.index("Soc") + 4] == ["Soc", "Soc2020", "Soc2020Extension",
                                                            "ONetOccupationalCode"]
    assert len(body["Soc2020"]) == 4 and body["Soc2020Extension"]
    assert body["HowToBecome"]["EntryRouteSummary"][0].startswith("You can get into this job through: a")
    assert "https://" in json.dumps(body)  # link addresses keep their colon
    assert body["Overview"].startswith("<p>") and body["Overview"].endswith("</p>")
    assert all(task.startswith("<p>") for task in body["WhatYouWillDo"]["WYDDayToDayTasks"])
    assert body["LastUpdatedDate"] == "0001-01-01T00:00:00"


def test_fault_knobs() -> None:
    with serve(profiles=2, fail_next=2) as (double, c):
        assert [c.get("summary").status_code for _ in range(3)] == [500, 500, 200]
        double.error_rate = 1.0
        assert c.get("summary").status_code == 503
        double.error_rate, double.html = 0.0, True
        portal = c.get("summary")
        assert portal.status_code == 200 and portal.headers["content-type"].startswith("text/html")
        assert portal.content.startswith(b"<!DOCTYPE html>")
        double.html = False
        assert c.get("health/ping").status_code == 200
        assert len(double.requests) == 6


def test_generation_is_fixed_by_the_seed() -> None:
    job = JOBS[5]
    assert generate_profile(job, 3) == generate_profile(job, 3) != generate_profile(job, 4)


# ---- contract: the recordings in ../shared/fixtures ----

def shapes(body: object, path: str = "$") -> tuple[set[tuple[str, tuple[str, ...]]], set[tuple[str, str]]]:
    """Every object's key order by path, and every (path, JSON type), without the values."""
    orders: set[tuple[str, tuple[str, ...]]] = set()
    types: set[tuple[str, str]] = set()
    if isinstance(body, dict):
        orders.add((path, tuple(body)))
        types.add((path, "object"))
        for key, value in body.items():
            inner_orders, inner_types = shapes(value, f"{path}.{key}")
            orders |= inner_orders
            types |= inner_types
    elif isinstance(body, list):
        types.add((path, "array"))
        for value in body:
            inner_orders, inner_types = shapes(value, f"{path}[]")
            orders |= inner_orders
            types |= inner_types
    else:
        types.add((path, {bool: "bool", int: "int", float: "float", str: "str"}.get(type(body), "null")))
    return orders, types


def union_of_shapes(bodies: list[object]) -> tuple[set, set]:
    orders, types = set(), set()
    for body in bodies:
        more_orders, more_types = shapes(body)
        orders |= more_orders
        types |= more_types
    return orders, types


@pytest.mark.contract
def test_generated_profiles_have_exactly_the_recorded_shape() -> None:
    recorded = list(recorded_profiles().values())
    with serve() as (double, c):  # no fixtures: every profile is generated
        generated = [c.get(name).json() for name in double.names]
    recorded_orders, recorded_types = union_of_shapes(recorded)
    generated_orders, generated_types = union_of_shapes(generated)
    # Same keys in the same order for every object, and the same JSON types at every path (str or null alike).
    assert generated_orders == recorded_orders
    assert generated_types == recorded_types
    for body in generated:
        assert 17 <= len(body["WhatItTakes"]["Skills"]) <= 20 and 4 <= len(body["RelatedCareers"]) <= 5


@pytest.mark.contract
def test_the_recordings_are_replayed_with_the_host_rewritten() -> None:
    recorded = recorded_profiles()
    with serve(fixtures=FIXTURES) as (double, c):
        base = double.base_url
        assert double.names == sorted(recorded)
        summary = c.get("summary").json()
        served = {name: c.get(name.replace("'", "%27")).json() for name in recorded}
        dangling = {related["Url"].rsplit("/", 1)[-1] for body in served.values() for related in body["RelatedCareers"]}
        statuses = {c.get(name.replace("'", "%27")).status_code for name in dangling - set(recorded)}
    assert [item["Title"] for item in summary] == sorted(body["Title"] for body in recorded.values())
    assert {item["LastUpdated"] for item in summary} == {body["LastUpdatedDate"] for body in recorded.values()}
    for name, body in recorded.items():
        expected = json.loads(json.dumps(body).replace("https://oat.api.nationalcareers.service.gov.uk/job-profiles/",
                                                       base))
        assert served[name] == expected and list(served[name]) == list(body), name
    assert statuses == {204}  # most related careers are not among the recordings: dangling links
