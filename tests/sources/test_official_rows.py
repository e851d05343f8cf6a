"""The official releases as read, turned into the pack's rows: which edition wins, which figures are left out and
why, how places are named, and that the project's own files never carry ONS's sentences (no fixtures needed)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from kiosk.sources.official.ashe import PERCENTILES, AsheRow, AsheTable, Cell, Gap
from kiosk.sources.official.collect import Releases
from kiosk.sources.official.earnings_rows import earnings_rows
from kiosk.sources.official.official_pack import official_tables, plain_title
from kiosk.sources.official.projection_rows import place_names, projection_rows
from kiosk.sources.official.skills_imperative import Area, GroupProjection, SkillsImperative
from kiosk.sources.official.soc_volume1 import SocGroup, SocVolume1, UnitGroup

SUPPRESSED = Gap("x", "unreliable (CV over 20%)")


def ashe_row(code: str, median: Cell, low: Cell = 500.0, high: Cell = 800.0, jobs: Cell = 98.0,
             row: int = 9) -> AsheRow:
    """A Full-Time line: the 25th and 75th percentiles as given, the others spread around the median."""
    percentiles: dict[int, Cell] = {p: 100.0 + 10 * p for p in PERCENTILES}
    percentiles[25], percentiles[75] = low, high
    return AsheRow(code, f"Group {code}", jobs, median, 750.0, percentiles, row)


def ashe(measure: str, rows: list[AsheRow], year: int = 2024, edition: str = "provisional",
         cv: bool = False) -> AsheTable:
    """One ASHE table of Full-Time lines, named after its edition, table and year."""
    table = {"weekly_pay": "14.1", "annual_pay": "14.7", "paid_hours": "14.9"}[measure]
    file = f"{edition} {table}{'b' if cv else 'a'} {year}.xlsx"
    return AsheTable(file, table, measure, cv, year, edition, {"Full-Time": {r.code: r for r in rows}}, ())


# ---- earnings_rows ----

def test_a_revised_edition_replaces_the_provisional_one_for_its_year_only() -> None:
    found = earnings_rows([
        ashe("weekly_pay", [ashe_row("5231", 678.0)], 2024, "provisional"),
        ashe("weekly_pay", [ashe_row("5231", 681.5)], 2024, "revised"),
        ashe("weekly_pay", [ashe_row("5231", 640.0)], 2023, "provisional"),
    ])
    assert [(r["year"], r["weekly_pay"], r["source"]) for r in found.earnings] == [
        (2023, 640.0, "ons-ashe-2023-provisional"), (2024, 681.5, "ons-ashe-2024-revised")]
    assert sorted(found.sources) == ["ons-ashe-2023-provisional", "ons-ashe-2024-revised"]
    assert found.sources["ons-ashe-2024-revised"]["name"] == (
        "ONS, Annual Survey of Hours and Earnings 2024 (revised), Table 14")


def test_a_percentile_range_without_the_median_is_left_out_with_a_note() -> None:
    found = earnings_rows([ashe("weekly_pay", [ashe_row("5231", 678.0, low=700.0, high=800.0, row=337)])])
    [row] = found.earnings
    assert row["weekly_pay"] == 678.0 and "weekly_pay_low" not in row and "weekly_pay_high" not in row
    assert found.problems == ['provisional 14.1a 2024.xlsx, sheet "Full-Time", row 338 (5231): the 25th-75th '
                              "percentiles 700-800 do not contain the median; the range is left out"]


def test_a_range_that_holds_the_median_is_kept() -> None:
    [row] = earnings_rows([ashe("weekly_pay", [ashe_row("5231", 678.0, low=562.0, high=806.8)])]).earnings
    assert (row["weekly_pay_low"], row["weekly_pay"], row["weekly_pay_high"]) == (562.0, 678.0, 806.8)


def test_a_weekly_pay_of_50_pounds_is_skipped_with_its_reason() -> None:
    found = earnings_rows([ashe("weekly_pay", [ashe_row("9263", 50.0, low=40.0, high=60.0, row=540)]),
                           ashe("paid_hours", [ashe_row("9263", 37.5, low=35.0, high=40.0)])])
    [row] = found.earnings  # the hours are believable and stay
    assert row["weekly_hours"] == 37.5 and "weekly_pay" not in row and "jobs" not in row
    assert found.problems == ['provisional 14.1a 2024.xlsx, sheet "Full-Time", row 541 (9263): median weekly_pay 50 '
                              "is outside 100-10000; skipped"]


def test_a_group_with_no_believable_figure_gets_no_row() -> None:
    found = earnings_rows([ashe("weekly_pay", [ashe_row("9263", 50.0), ashe_row("5231", 678.0)])])
    assert [r["soc2020"] for r in found.earnings] == ["5231"] and len(found.problems) == 1


@pytest.mark.parametrize("median", [SUPPRESSED, Gap("..", "disclosive"), Gap(":", "not applicable"),
                                    Gap("-", "nil or negligible"), Gap("about 680", "not a number: about 680")])
def test_a_median_that_is_not_a_number_never_becomes_one(median: Gap) -> None:
    found = earnings_rows([ashe("weekly_pay", [ashe_row("5231", median)]),
                           ashe("annual_pay", [ashe_row("5231", 35_000.0, low=29_000.0, high=41_000.0)])])
    [row] = found.earnings
    assert row["annual_pay"] == 35_000.0
    # Not 0, not the mean, not a percentile: the page says the pay is not known
    assert not {"weekly_pay", "weekly_pay_low", "weekly_pay_high", "weekly_pay_quality", "jobs"} & set(row)
    assert found.problems == []


def test_averages_come_from_the_all_employees_row() -> None:
    everyone = ashe_row("all", 728.3, low=555.8, high=993.7)._replace(mean=866.5)
    found = earnings_rows([ashe("weekly_pay", [everyone, ashe_row("5231", 678.0)]),
                           ashe("paid_hours", [ashe_row("all", 39.0, 37.5, 41.0), ashe_row("5231", 40.0, 38, 42)])])
    [average] = found.averages
    assert {k: average[k] for k in ("region", "year", "weekly_pay", "weekly_hours", "source")} == {
        "region": "UK", "year": 2024, "weekly_pay": 728.3, "weekly_hours": 39.0, "source": "ons-ashe-2024-provisional"}
    assert [r["soc2020"] for r in found.earnings] == ["5231"]  # "all" is no unit group


def test_no_average_when_the_all_employees_median_is_suppressed() -> None:
    found = earnings_rows([ashe("weekly_pay", [ashe_row("all", SUPPRESSED), ashe_row("5231", 678.0)])])
    assert found.averages == [] and len(found.earnings) == 1


def test_a_unit_group_missing_from_one_table_is_noted_and_keeps_the_others() -> None:
    found = earnings_rows([ashe("weekly_pay", [ashe_row("5231", 678.0), ashe_row("5223", 764.0)]),
                           ashe("paid_hours", [ashe_row("5231", 40.0, 38.0, 42.0)])])
    by_code = {r["soc2020"]: r for r in found.earnings}
    assert by_code["5223"]["weekly_pay"] == 764.0 and "weekly_hours" not in by_code["5223"]
    assert by_code["5231"]["weekly_hours"] == 40.0
    assert found.problems == ['provisional 14.9a 2024.xlsx, sheet "Full-Time": unit group 5223 is missing; its '
                              "weekly_hours is not known"]


def test_quality_comes_from_the_cv_table_and_jobs_from_the_weekly_table() -> None:
    found = earnings_rows([ashe("weekly_pay", [ashe_row("5231", 678.0, jobs=98.0)]),
                           ashe("weekly_pay", [ashe_row("5231", 4.2)], cv=True)])
    [row] = found.earnings
    assert (row["weekly_pay_quality"], row["jobs"]) == ("precise", 98_000)


# ---- projection_rows ----

def area(file: str, kind: str, name: str, number: str = "1", jobs: float = 100.0) -> SkillsImperative:
    """A workbook with one sub-major group: `jobs` thousand in 2020, ten thousand more by 2035."""
    group = GroupProjection("11", "Corporate managers and directors", {2020: jobs, 2035: jobs + 10}, 10.0, 30.0,
                            40.0, (2020, 2035))
    return SkillsImperative(file, Area(name, kind, "" if kind == "England" else number), "2024-02-28", {},
                            {"11": group}, {}, {}, {}, ())


def test_a_place_is_qualified_by_its_kind_only_when_another_kind_shares_its_name() -> None:
    names = place_names([
        area("EN.xlsm", "England", "England"),
        area("GM_LSIP.xlsm", "LSIP", "Greater Manchester"), area("GM_MCA.xlsm", "MCA", "Greater Manchester"),
        area("WM_MCA.xlsm", "MCA", "West Midlands"),
        area("NE_MCA.xlsm", "MCA", "North East"), area("NO_LEP.xlsm", "LEP", "north east"),
        area("GL_LSIP.xlsm", "LSIP", "Greater London"),
    ])
    assert names == {
        "EN.xlsm": "England", "GM_LSIP.xlsm": "Greater Manchester",
        "GM_MCA.xlsm": "Greater Manchester (mayoral area)", "WM_MCA.xlsm": "West Midlands",
        "NE_MCA.xlsm": "North East (mayoral area)", "NO_LEP.xlsm": "north east (LEP area)",
        "GL_LSIP.xlsm": "Greater London"}


def test_the_dorset_lsip_workbook_is_withheld_with_its_reason_and_the_lep_keeps_the_name() -> None:
    found = projection_rows([area("DO_LEP.xlsm", "LEP", "Dorset", "9", jobs=50.0),
                             area("DO_LSIP.xlsm", "LSIP", "Dorset", "8", jobs=99.0)])
    assert found.tables["areas"] == [{"name": "Dorset", "kind": "lep", "code": "9"}]
    assert {r["employment"] for r in found.tables["group_outlook"]} == {50_000, 60_000}
    [note] = found.problems
    assert note.startswith("DO_LSIP.xlsm: its employment (811,500 in 2020) is about twice the Dorset LEP ")
    assert note.endswith("left out until DfE corrects it")


def test_two_workbooks_for_one_place_keep_the_first_and_note_the_second() -> None:
    found = projection_rows([area("GL_LSIP.xlsm", "LSIP", "Greater London", "13", jobs=527.0),
                             area("copy/GL_LSIP.xlsm", "LSIP", "Greater London", "13", jobs=1.0)])
    assert found.tables["areas"] == [{"name": "Greater London", "kind": "lsip", "code": "13"}]
    assert [(r["year"], r["employment"]) for r in found.tables["group_outlook"]] == [(2020, 527_000), (2035, 537_000)]
    assert [r["net_change"] for r in found.tables["group_change"]] == [10_000]
    assert found.problems == ["copy/GL_LSIP.xlsm: Greater London was already read from GL_LSIP.xlsm; this copy is "
                              "skipped"]


def test_an_impossible_projection_is_left_out_with_a_note() -> None:
    found = projection_rows([area("EN.xlsm", "England", "England", jobs=-5.0)])
    assert [(r["year"], r["employment"]) for r in found.tables["group_outlook"]] == [(2035, 5_000)]
    assert found.problems == ["EN.xlsm: group 11 (England) in 2020: -5 thousand is not a believable figure; skipped"]


# ---- official_pack: titles and the stand-in occupations ----

@pytest.mark.parametrize(("official", "plain"), [
    ("Welfare and housing associate professionals n.e.c.", "Welfare and housing associate professionals (other)"),
    ("Other elementary services occupations n.e.c.", "Other elementary services occupations"),
    ("Hand craft occupations nec", "Hand craft occupations (other)"),
    ("Hand craft occupations N.E.C", "Hand craft occupations (other)"),
    ("  Vehicle  technicians,\nmechanics and electricians ", "Vehicle technicians, mechanics and electricians"),
    ("chief executives and senior officials", "Chief executives and senior officials"),
    ("Bar staff", "Bar staff"),
])
def test_plain_title_drops_the_coding_jargon(official: str, plain: str) -> None:
    assert plain_title(official) == plain


DESCRIPTION = "Vehicle technicians, mechanics and electricians repair and service the mechanical parts of vehicles."
TASKS = ("examines vehicles to find faults;", "replaces worn parts.")
ROUTES = "Entrants usually complete an apprenticeship."


def releases() -> Releases:
    """Volume 1 alone: one described unit group, and one "n.e.c." group with nothing but its title."""
    soc = SocVolume1("soc.xlsx", {"52": SocGroup("52", "Skilled metal, electrical and electronic trades", "sub-major")},
                     {"5231": UnitGroup("5231", "Vehicle technicians, mechanics and electricians", DESCRIPTION,
                                        ROUTES, TASKS, ("Car mechanic", "Motor mechanic")),
                      "9269": UnitGroup("9269", "Other elementary services occupations n.e.c.", "", "", (), ())},
                     ())
    return Releases([], [], soc, [], {}, ["soc.xlsx"], [])


def stand_ins(with_text: bool) -> tuple[dict[str, dict[str, Any]], str]:
    """The stand-in occupations by SOC 2020 code, and every table written out as text."""
    built = official_tables(releases(), retrieved=dt.date(2026, 12, 6), with_text=with_text)
    return {o["soc2020"]: o for o in built.tables["occupations"]}, json.dumps(built.tables)


def test_the_shipped_stand_ins_carry_names_and_never_ons_sentences() -> None:
    occupations, everything = stand_ins(with_text=False)
    mechanic = occupations["5231"]
    assert mechanic["id"] == "soc2020-5231" and mechanic["stand_in"] is True
    assert mechanic["alt_titles"] == ["Car mechanic", "Motor mechanic"]
    assert not {"summary", "tasks", "entry_routes"} & set(mechanic)
    for sentence in (DESCRIPTION, *TASKS, ROUTES, "Examines vehicles", "apprenticeship"):
        assert sentence not in everything
    other = occupations["9269"]  # the official title stays findable under the plain one
    assert other["title"] == "Other elementary services occupations"
    assert other["alt_titles"] == ["Other elementary services occupations n.e.c."]


def test_a_synced_pack_may_carry_ons_descriptions() -> None:
    mechanic = stand_ins(with_text=True)[0]["5231"]
    assert mechanic["summary"] == DESCRIPTION and mechanic["entry_routes"] == [ROUTES]
    assert mechanic["tasks"] == ["Examines vehicles to find faults", "Replaces worn parts"]
