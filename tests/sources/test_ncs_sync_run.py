"""Syncing NCS profiles: delta by LastUpdated, deletions only after a whole summary, problems by name, resume."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import httpx
import pytest

from kiosk.sources.errors import SourceInputError
from kiosk.sources.fetch_policy import FetchPolicy
from kiosk.sources.ncs.client import NcsClient, make_ncs_fetcher
from kiosk.sources.ncs.profile_store import StoredProfile, load_profiles, profile_file, save_profile
from kiosk.sources.ncs.sync_run import NcsOutcome, sync_profiles
from tests.doubles.ncs_double import NcsDouble
from tests.doubles.ncs_double_jobs import JOBS
from tests.doubles.ncs_double_profiles import generate_profile

POLICY = FetchPolicy(timeout_s=5.0, backoff_s=0.0, max_rps=None, concurrency=4, breaker_failures=50)
Report = tuple[int, int, str]


def run(base_url: str, folder: Path, *, full: bool = False, seen: list[Report] | None = None,
        cancelled: Callable[[], bool] = lambda: False, transport: httpx.AsyncBaseTransport | None = None,
        on_progress: Callable[[], None] = lambda: None) -> NcsOutcome:
    """One sync into folder; every progress report is appended to seen."""
    seen = [] if seen is None else seen

    def progress(done: int, total: int, name: str) -> None:
        seen.append((done, total, name))
        on_progress()

    async def go() -> NcsOutcome:
        async with make_ncs_fetcher(base_url, "test-key", POLICY, transport=transport) as fetcher:
            return await sync_profiles(NcsClient(fetcher), folder, full=full, progress=progress, cancelled=cancelled)

    return asyncio.run(go())


def fetched_names(double: NcsDouble) -> list[str]:
    """The profiles asked for (not the summary), in order."""
    return [path.rsplit("/", 1)[-1] for path, _query in double.requests if not path.endswith("/summary")]


def test_a_first_sync_saves_every_profile_and_a_second_fetches_only_what_changed(tmp_path: Path) -> None:
    with NcsDouble(profiles=10) as double:
        seen: list[Report] = []
        first = run(double.base_url, tmp_path, seen=seen)
        assert sorted(first.fetched) == double.names and not first.unchanged and not first.problems
        assert [done for done, _total, _name in seen] == list(range(1, 11)) and {t for _d, t, _n in seen} == {10}
        assert sorted(name for _d, _t, name in seen) == double.names
        double.clear_requests()
        second = run(double.base_url, tmp_path)
        assert second.fetched == () and sorted(second.unchanged) == double.names
        assert double.requests == [("/job-profiles/summary", {})]  # nothing changed: the summary alone
        touched = double.names[3]
        stamp = double.touch(touched, datetime(2025, 6, 1, 12, tzinfo=timezone.utc))
        double.clear_requests()
        third = run(double.base_url, tmp_path)
        asked = fetched_names(double)
        new_overview = double.profile(touched)["Overview"]
    assert third.fetched == (touched,) and asked == [touched] and len(third.unchanged) == 9
    stored = {item.name: item for item in load_profiles(tmp_path)[0]}
    assert stored[touched].last_updated == stamp and stored[touched].profile["Overview"] == new_overview
    assert "Revised on 2025-06-01" in new_overview


def test_full_fetches_everything_again(tmp_path: Path) -> None:
    with NcsDouble(profiles=4) as double:
        run(double.base_url, tmp_path)
        double.clear_requests()
        again = run(double.base_url, tmp_path, full=True)
        assert sorted(again.fetched) == sorted(fetched_names(double)) == double.names


def test_a_profile_gone_from_the_summary_is_deleted(tmp_path: Path) -> None:
    with NcsDouble(profiles=5) as double:
        run(double.base_url, tmp_path)
        gone = double.names[1]
        double.remove(gone)
        outcome = run(double.base_url, tmp_path)
    assert outcome.removed == (gone,) and not profile_file(tmp_path, gone).exists()
    assert len(load_profiles(tmp_path)[0]) == 4


@pytest.mark.parametrize("fault", ["html", "fail_next", "error_rate"])
def test_a_failed_summary_deletes_nothing_and_names_the_summary(tmp_path: Path, fault: str) -> None:
    with NcsDouble(profiles=5) as double:
        run(double.base_url, tmp_path)
        before = sorted(p.read_bytes() for p in tmp_path.iterdir())
        double.remove(double.names[0])  # would be deleted, were the summary to arrive
        setattr(double, fault, {"html": True, "fail_next": 100, "error_rate": 1.0}[fault])
        double.clear_requests()
        outcome = run(double.base_url, tmp_path)
        asked = fetched_names(double)
    assert outcome.fetched == outcome.removed == () and not asked
    [problem] = outcome.problems
    assert problem.startswith("National Careers Service summary: ") and problem.endswith("nothing was changed")
    assert sorted(p.read_bytes() for p in tmp_path.iterdir()) == before


def test_a_cancelled_sync_resumes_without_fetching_again(tmp_path: Path) -> None:
    with NcsDouble(profiles=12) as double:
        reports: list[Report] = []
        first = run(double.base_url, tmp_path, seen=reports, cancelled=lambda: len(reports) >= 3)
        assert first.cancelled and 3 <= len(first.fetched) < 12
        double.clear_requests()
        second = run(double.base_url, tmp_path)
        asked = fetched_names(double)
        names = double.names
    assert not second.cancelled and set(second.unchanged) == set(first.fetched)
    assert sorted(second.fetched) == sorted(asked) == sorted(set(names) - set(first.fetched))
    assert [item.name for item in load_profiles(tmp_path)[0]] == names


def test_a_key_refused_mid_sync_stops_it_with_the_key_message(tmp_path: Path) -> None:
    with NcsDouble(profiles=12) as double:
        def revoke() -> None:
            double.api_key = "revoked"
        with pytest.raises(SourceInputError, match=r"the API key was refused \(HTTP 401\)"):
            run(double.base_url, tmp_path, on_progress=revoke)


def _service(summary: list[dict], details: dict[str, tuple[int, object]], asked: list[str]) -> httpx.MockTransport:
    """A fake service: the summary given, and each name's (status, body); other names are 204."""
    def handler(request: httpx.Request) -> httpx.Response:
        name = request.url.path.rsplit("/", 1)[-1]
        if name == "summary":
            return httpx.Response(200, json=summary)
        asked.append(name)
        status, body = details.get(name, (204, None))
        return httpx.Response(status) if body is None else httpx.Response(status, json=body)
    return httpx.MockTransport(handler)


def _entry(name: str, when: str) -> dict:
    return {"Url": f"https://ncs.test/job-profiles/{name}", "Title": name.title(), "LastUpdated": when}


def test_no_such_profile_and_bad_shapes_are_problems_by_name_and_the_old_copy_stays(tmp_path: Path) -> None:
    good, broken = generate_profile(JOBS[0], 0), generate_profile(JOBS[1], 0)
    old = StoredProfile("broken", "Broken", "2024-01-01T00:00:00Z", good)
    save_profile(tmp_path, old)
    del broken["Overview"]
    summary = [_entry("ghost", "2024-02-01T00:00:00Z"), _entry("broken", "2024-02-01T00:00:00Z"),
               _entry("fine", "2024-02-01T00:00:00Z")]
    asked: list[str] = []
    outcome = run("https://ncs.test/job-profiles/", tmp_path,
                  transport=_service(summary, {"broken": (200, broken), "fine": (200, good)}, asked))
    assert outcome.fetched == ("fine",) and sorted(asked) == ["broken", "fine", "ghost"]
    assert sorted(outcome.problems) == [
        "National Careers Service profile 'broken': field Overview is missing or empty; the copy from the last "
        "sync (if any) is kept",
        "National Careers Service profile 'ghost': no such profile (HTTP 204)"]
    stored = {item.name: item for item in load_profiles(tmp_path)[0]}
    assert stored["broken"] == old and set(stored) == {"broken", "fine"}


def test_a_name_listed_twice_is_fetched_once_at_its_newest_date(tmp_path: Path) -> None:
    summary = [_entry("nurse", "2024-02-01T00:00:00Z"), _entry("nurse", "2024-03-01T00:00:00.5Z"),
               _entry("nurse", "2024-01-01T00:00:00Z")]
    asked: list[str] = []
    outcome = run("https://ncs.test/job-profiles/", tmp_path,
                  transport=_service(summary, {"nurse": (200, generate_profile(JOBS[0], 0))}, asked))
    assert asked == ["nurse"] and outcome.fetched == ("nurse",)
    assert load_profiles(tmp_path)[0][0].last_updated == "2024-03-01T00:00:00.5Z"


def test_a_file_cut_off_mid_write_is_ignored_and_a_damaged_one_fetched_again(tmp_path: Path) -> None:
    with NcsDouble(profiles=3) as double:
        run(double.base_url, tmp_path)
        damaged, *_ = double.names
        profile_file(tmp_path, damaged).write_text('{"name": "', encoding="utf-8")
        (tmp_path / "profile-half.json.part").write_text('{"na', encoding="utf-8")
        stored, problems = load_profiles(tmp_path)
        assert [item.name for item in stored] == double.names[1:]
        assert len(problems) == 1 and f"profile-{damaged}.json cannot be read" in problems[0]
        double.clear_requests()
        outcome = run(double.base_url, tmp_path)
    assert outcome.fetched == (damaged,)
    assert json.loads(profile_file(tmp_path, damaged).read_text(encoding="utf-8"))["name"] == damaged
