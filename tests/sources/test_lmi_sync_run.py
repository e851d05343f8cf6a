"""Syncing many SOC groups: bounded, reported, cancellable, resumable, and one bad part never spoils the rest."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from kiosk.sources.fetch_policy import FetchPolicy
from kiosk.sources.json_fetch import JsonFetcher
from kiosk.sources.lmiforall.client import LmiClient
from kiosk.sources.lmiforall.sync_run import Progress, SyncOutcome, load_records, save_record, sync_socs
from tests.doubles.lmi_double import LmiDouble

POLICY = FetchPolicy(timeout_s=5.0, backoff_s=0.0, max_rps=None, concurrency=4, breaker_failures=50)


def run(double: LmiDouble, socs: list[int], folder: Path, *, region: int | None = None,
        cancelled: Callable[[], bool] = lambda: False,
        seen: list[Progress] | None = None) -> tuple[SyncOutcome, list[Progress]]:
    """One sync against the double; its outcome and every progress report (appended to seen, if given)."""
    seen = [] if seen is None else seen

    async def go() -> SyncOutcome:
        async with JsonFetcher(double.base_url, "LMI for All", POLICY) as fetcher:
            return await sync_socs(LmiClient(fetcher), socs, folder, this_year=2026, region=region,
                                   progress=seen.append, cancelled=cancelled)

    return asyncio.run(go()), seen


def test_each_group_is_saved_whole_with_every_part(tmp_path: Path) -> None:
    with LmiDouble() as double:
        outcome, seen = run(double, [2231, 5241, 2231, 4135], tmp_path, region=7)
    assert sorted(outcome.fetched) == [2231, 4135, 5241] and not outcome.cancelled  # the duplicate is fetched once
    assert [p.done for p in seen] == [1, 2, 3] and {p.total for p in seen} == {3}
    records = load_records(tmp_path)
    assert [r["soc"] for r in records] == [2231, 4135, 5241]
    nurse = records[0]
    assert nurse["occupation"]["soc"] == 2231 and nurse["pay"]["series"] and nurse["outlook_by_region"]
    assert {scale["id"] for scale in nurse["skills"]["scales"]} >= {"LV", "IM"} and nurse["interests"]
    assert "shortages_in_region" in nurse


def test_a_part_with_no_data_is_reported_and_leaves_the_other_parts(tmp_path: Path) -> None:
    with LmiDouble() as double:
        socs = double.socs[:60]
        outcome, _ = run(double, socs, tmp_path)
    gaps = [r for r in load_records(tmp_path) if r["shortages"] is None]
    assert gaps, "the double answers {'error': ...} for some groups' shortages"
    for record in gaps:
        assert record["occupation"]["title"] and record["pay"]["series"]
        assert f"LMI for All ess/uk/{record['soc']}: no data" in " ".join(record["problems"])
    assert len(outcome.problems) >= len(gaps)


def test_an_unknown_group_is_saved_as_no_data_with_problems_naming_it(tmp_path: Path) -> None:
    with LmiDouble() as double:
        outcome, _ = run(double, [9998], tmp_path)
    [record] = load_records(tmp_path)
    assert record["occupation"] is None and record["pay"] is None
    assert any(p.startswith("LMI for All soc/code/9998: HTTP 404") for p in outcome.problems)


def test_a_cancelled_sync_resumes_where_it_stopped(tmp_path: Path) -> None:
    with LmiDouble() as double:
        socs = double.socs[:12]
        reports: list[Progress] = []
        first, _ = run(double, socs, tmp_path, cancelled=lambda: len(reports) >= 3, seen=reports)
        assert first.cancelled and 3 <= len(first.fetched) < len(socs)
        double.clear_requests()
        second, _ = run(double, socs, tmp_path)
        asked = {query.get("soc") for _path, query in double.requests} | {
            path.rsplit("/", 1)[-1] for path, _query in double.requests}
    assert set(second.resumed) == set(first.fetched) and not second.cancelled
    assert set(second.fetched) == set(socs) - set(first.fetched)
    assert not {str(soc) for soc in first.fetched} & asked  # nothing already saved is fetched again
    assert [r["soc"] for r in load_records(tmp_path)] == sorted(socs)


def test_a_record_cut_off_mid_write_is_not_taken_for_a_saved_one(tmp_path: Path) -> None:
    save_record(tmp_path, {"soc": 2231, "problems": []})
    (tmp_path / "soc-5241.part").write_text('{"soc": 5241, "pro', encoding="utf-8")
    assert [r["soc"] for r in load_records(tmp_path)] == [2231]
