"""From one synced SOC record to the pack's figure rows: region labels from the service, absurd values named."""

from __future__ import annotations

import asyncio
from typing import Any

from kiosk.content.schema import TABLES, check_row
from kiosk.sources.fetch_policy import FetchPolicy
from kiosk.sources.json_fetch import JsonFetcher
from kiosk.sources.lmiforall.client import LmiClient
from kiosk.sources.lmiforall.figures import figure_rows, region_names
from kiosk.sources.lmiforall.soc_fetch import fetch_soc
from tests.doubles.lmi_double import LmiDouble

REGIONS = {"soc": 2231, "predictedEmployment": [{"year": 2024, "breakdown": [
    {"code": 12, "name": "Northern Ireland", "employment": 21009.5}, {"code": 1, "name": "London", "employment": 5.0}]}]}


def _record(**parts: Any) -> dict[str, Any]:
    return {"soc": 2231, "problems": [], "outlook_by_region": REGIONS, **parts}


def test_a_record_from_the_double_becomes_rows_the_pack_schema_accepts() -> None:
    with LmiDouble() as double:
        async def go() -> dict[str, Any]:
            async with JsonFetcher(double.base_url, "LMI for All", FetchPolicy(max_rps=None)) as fetcher:
                return await fetch_soc(LmiClient(fetcher), 2231, this_year=2026)
        record = asyncio.run(go())
    figures = figure_rows(record, "nurse", "lmiforall", this_year=2026)
    assert figures.problems == []
    for table, rows in figures.tables.items():
        assert rows, f"no {table} rows"
        for row in rows:
            check_row(TABLES[table], row)
    pay_regions = {row["region"] for row in figures.tables["pay"]}
    assert "UK" in pay_regions and set(region_names(record["outlook_by_region"]).values()) <= pay_regions
    assert all(row["occupation"] == "nurse" and row["source"] == "lmiforall" for row in figures.tables["outlook"])


def test_region_labels_come_from_working_futures_never_a_hard_coded_list() -> None:
    assert region_names(REGIONS) == {12: "Northern Ireland", 1: "London"}
    pay = {"soc": 2231, "series": [{"year": 2015, "breakdown": [{"region": 12, "estpay": 600},
                                                                   {"region": 5, "estpay": 610}]}]}
    figures = figure_rows(_record(pay_by_region=pay), "nurse", "lmiforall", this_year=2026)
    assert [(r["region"], r["weekly_pay"]) for r in figures.tables["pay"]] == [("Northern Ireland", 600)]
    assert figures.problems == ["LMI for All pay for 2231: region code 5 has no name; skipped"]


def test_absurd_values_are_skipped_and_named_while_good_ones_stay() -> None:
    pay = {"soc": 2231, "series": [{"year": 2013, "estpay": 600}, {"year": 2015, "estpay": -40},
                                   {"year": 2031, "estpay": 700}, {"year": 2013, "estpay": 650},
                                   {"year": 2016, "estpay": True}]}
    figures = figure_rows(_record(pay=pay), "nurse", "lmiforall", this_year=2026)
    assert [(r["year"], r["weekly_pay"]) for r in figures.tables["pay"]] == [(2013, 600)]
    assert figures.problems == [
        "LMI for All pay for 2231 (UK, 2015): -40 is not a believable figure; skipped",
        "LMI for All pay for 2231 (UK, 2031): year outside 1970-2026; skipped",
        "LMI for All pay for 2231 (UK, 2013): given twice; the first kept",
        "LMI for All pay for 2231 (UK, 2016): True is not a believable figure; skipped",
    ]


def test_coarse_group_figures_are_never_shown_as_the_jobs_own() -> None:
    coarse = {"soc": 22, "series": [{"year": 2015, "estpay": 640}]}
    figures = figure_rows(_record(pay=coarse), "nurse", "lmiforall", this_year=2026)
    assert figures.tables["pay"] == []
    assert figures.problems == ["LMI for All pay for 2231: answer is for group 22; skipped"]


def test_projections_and_demand_keep_future_years_but_refuse_a_span_that_runs_backwards() -> None:
    outlook = {"soc": 2231, "predictedEmployment": [{"year": 2030, "employment": 700000.0}]}
    backwards = {"soc": 2231, "start_year": 2027, "end_year": 2020, "rate": 1000}
    figures = figure_rows(_record(outlook=outlook, replacement_demand=backwards), "nurse", "lmi", this_year=2026)
    assert [(r["region"], r["year"]) for r in figures.tables["outlook"]] == [
        ("UK", 2030), ("Northern Ireland", 2024), ("London", 2024)]
    assert figures.tables["replacement_demand"] == []
    assert figures.problems == ["LMI for All replacement demand for 2231: ends (2020) before it starts; skipped"]


def test_parts_with_no_data_give_no_rows_and_keys_match_without_case() -> None:
    shouting = {"SOC": 2231, "Series": [{"Year": 2015, "EstPay": 610}]}
    figures = figure_rows({"soc": 2231, "problems": ["x"], "pay": shouting, "hours": None, "outlook": None,
                           "shortages": None, "replacement_demand": None}, "nurse", "lmi", this_year=2026)
    assert [(r["year"], r["weekly_pay"]) for r in figures.tables["pay"]] == [(2015, 610)]
    assert sum(len(rows) for rows in figures.tables.values()) == 1 and figures.problems == []


def test_an_overlong_skill_name_is_cut_to_fit_the_column() -> None:
    from kiosk.content.schema import MAX_SHORT_TEXT, TABLES, check_row
    from kiosk.sources.lmiforall.occupation_row import occupation_row

    record = {"soc": 1115, "occupation": {"title": "Chief executives", "description": "They run organisations."},
              "skills": {"scales": [{"id": "IM", "skills": [{"name": "x" * 250, "value": 4.5}]}]}}
    row = occupation_row(record)
    assert row is not None and len(row["skills"][0]) <= MAX_SHORT_TEXT and row["skills"][0].endswith("…")
    check_row(TABLES["occupations"], row)
