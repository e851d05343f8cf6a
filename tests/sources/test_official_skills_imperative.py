"""Skills Imperative 2035 workbooks read as published: small workbooks in their shape, refused layouts, figures left
out with a reason, and (contract) every real area workbook and the LSIP lookup."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any

import pytest

from kiosk.sources.official.layout_error import ReleaseLayoutError
from kiosk.sources.official.skills_imperative import (LEVELS, Area, GroupGender, SkillsImperative,
                                                      is_skills_imperative, read_lsip_lookup, read_skills_imperative)
from kiosk.sources.official.workbook import Workbook, open_workbook
from tests.helpers.official import DFE, fixture_file
from tests.helpers.workbooks import xlsx_bytes

NAME = "test.xlsx"
YEARS = (2015, 2019, 2020, 2025, 2035)
SUB_MAJORS = [
    ("11", "Corporate managers and directors"), ("12", "Other managers and proprietors"),
    ("21", "Science, research, engineering and technology professionals"), ("22", "Health professionals"),
    ("23", "Teaching and other educational professionals"), ("24", "Business, media and public service professionals"),
    ("31", "Science, engineering and technology associate professionals"),
    ("32", "Health and social care associate professionals"), ("33", "Protective service occupations"),
    ("34", "Culture, media and sports occupations"), ("35", "Business and public service associate professionals"),
    ("41", "Administrative occupations"), ("42", "Secretarial and related occupations"),
    ("51", "Skilled agricultural and related trades"), ("52", "Skilled metal, electrical and electronic trades"),
    ("53", "Skilled construction and building trades"), ("54", "Textiles, printing and other skilled trades"),
    ("61", "Caring personal service occupations"), ("62", "Leisure, travel and related personal service occupations"),
    ("63", "Community and civil enforcement occupations"), ("71", "Sales occupations"),
    ("72", "Customer service occupations"), ("81", "Process, plant and machine operatives"),
    ("82", "Transport and mobile machine drivers and operatives"), ("91", "Elementary trades and related occupations"),
    ("92", "Elementary administration and service occupations")]
MAJORS = ["Managers, directors and senior officials", "Professional occupations", "Associate professional occupations",
          "Administrative and secretarial occupations", "Skilled trades occupations",
          "Caring, leisure and other service occupations", "Sales and customer service occupations",
          "Process, plant and machine operatives", "Elementary occupations"]
QUALIFICATIONS = ["RQF8 Doctorate", "RQF7 Other higher degree", "RQF6 First degree",
                  "RQF5 Foundation degree;Nursing;Teaching", "RQF4 HE below degree level", "RQF3 A level & equivalent",
                  "RQF2 GCSE(A-C) & equivalent", "RQF1 GCSE(below grade C) & equivalent", "No Qualification"]
SHARES = (0.05, 0.15, 0.2, 0.1, 0.1, 0.15, 0.1, 0.1, 0.05)  # of a group's jobs at each level, RQF8 first
INDUSTRIES = ["Agriculture", "Construction", "Health and social work"]


def jobs(i: int, y: int) -> float:
    """Sub-major group number i's employment in year y (thousands): a slow rise, distinct for every group."""
    return 10.0 + 3 * i + (y - 2020) * 0.1 * (1 + i % 3)


def replacement(i: int) -> float:
    return 4.0 + i / 10


def sums(rows: list[list[Any]]) -> list[Any]:
    """The column sums of group rows, None where the rows have no number."""
    width = max(len(r) for r in rows)
    cells = [[r[c] if c < len(r) else None for r in rows] for c in range(width)]
    return [sum(col) if all(isinstance(v, float) for v in col) else None for col in cells]


def levels_sheet(kind: str, label: str, groups: list[tuple[str, list[float]]], years: tuple[int, ...]) -> list[list]:
    """Occ T1/T2: the all-persons Levels table with a Males table beside it, then a Shares table below."""
    gap = [None]
    width = len(years) + 5

    def block(head: str, rows: list[list[Any]]) -> list[list[Any]]:
        males = [[r[0], *(v / 2 for v in r[1:] if v is not None)] for r in rows]
        males = [[m[0], *m[1:len(years) + 1], None, *m[len(years) + 1:]] for m in males]
        top = [
            [None] * (len(years)) + ["thousands", None, None, None, "thousands"],
            [None] * (len(years) + 2) + ["2020-2035", None, None, None, "Males"],
            [None] * (len(years) + 2) + ["Net", "Replacement", "Total", None] + [None] * (len(years) + 2) +
            ["Net", "Replacement", "Total"],
            [head, *years, None, "Change", "Demand", "Requirement", None, head, *years, None, "Change", "Demand",
             "Requirement"],
            []]
        body = [[*r, *gap, *m] for r, m in zip(rows, males)]
        total = sums(rows)
        total_m = sums(males)
        return [*top, *body, [], ["All occupations", *total[1:], None, "All occupations", *total_m[1:]]]

    rows = []
    for name, values in groups:
        emp, (net, repl) = values[:len(years)], values[len(years):]
        rows.append([name, *emp, None, net, repl, net + repl])
    assert len(rows[0]) == width
    shares_rows = [[r[0], *(v / 100 if v is not None else None for v in r[1:])] for r in rows]
    return [[f"Occupation Table {kind}  Employment Change by Occupation (SOC 2020) and Replacement Demand, "
             "2015-2035, Greater London"], [f"{len(groups)} Occupations"],
            *block(label, rows), [], [], *block("Shares", shares_rows)]


def published(extra_year: int | None = None) -> dict[str, list[list[Any]]]:
    """Every sheet the reader needs, in the published shape, with consistent figures; `extra_year` adds a year
    column (like 2030) to each table."""
    years = tuple(sorted({*YEARS, *([extra_year] if extra_year else [])}))
    subs = [(f"{code} {title}", [*(jobs(i, y) for y in years), jobs(i, 2035) - jobs(i, 2020), replacement(i)])
            for i, (code, title) in enumerate(SUB_MAJORS)]
    majors = []
    for n, title in enumerate(MAJORS, 1):
        members = [values for (label, values) in subs if label.startswith(str(n))]
        majors.append((title, [sum(col) for col in zip(*members)]))
    return {
        "Info": [["LSIP", "13. Greater London"], ["Scenario", ".Main"], ["MDM version", "Nuffield - Rev 13547"],
                 ["Date database created", "28-02-2024 10:17:54"], ["LSIP name", "Greater London"],
                 ["Date run", "29 02 2024 04:12:39 PM"]],
        "Contents": [["Contents"]],
        "Occ T1": levels_sheet("1", "Levels (000s)", majors, years),
        "Occ T2": levels_sheet("2", "Levels", subs, years),
        "Occ T4": gender_sheet(tuple(y for y in years if y in (2015, 2020, 2035, extra_year))),
        "RD T1": qualification_sheet(tuple(y for y in years if y in (2020, 2035, extra_year))),
        "Ind T2": industry_sheet(years),
    }


def gender_sheet(years: tuple[int, ...]) -> list[list[Any]]:
    heads, sexes = ["All industries"], [None]
    for y in years:
        heads += [y, None, None, None]
        sexes += ["Female", "Male", "Total", None]
    heads += ["Females", None, None, "Males"]
    sexes += ["2015-20", "2020-35"]
    rows = []
    for i, (code, title) in enumerate(SUB_MAJORS):
        row: list[Any] = [f"{code} {title}"]
        for y in years:
            women = round(jobs(i, y) * 0.4, 3)
            row += [women, jobs(i, y) - women, jobs(i, y), None]
        rows.append([*row, 1.5, 0.5])
    return [["Occupation Table 4  Occuptation composition (SOC2020) by gender, 2015-2035, Greater London"],
            ["26 Occupations"], [], [None] * 11 + ["thousands"], [], heads, sexes, [], *rows, [],
            ["All occupations", *sums(rows)[1:]]]


def qualification_sheet(years: tuple[int, ...]) -> list[list[Any]]:
    """RD T1: the all-qualifications table, then one per level down column A; a second table stands beside them."""
    heads = [*years, "Net Change", "Replacement Demand level", "Total Requirement", "Replacement Demand rate"]
    out: list[list[Any]] = [["Replacement Demand Table 1  Replacement Demand by Occupation and Qualification, "
                             "2020-2035, Greater London"], [], ["26 Occupations by 9 Qualifications"], [],
                            [None] * 5 + ["thousands"]]
    for label, share in [("All qualifications", 1.0), *zip(QUALIFICATIONS, SHARES)]:
        rows = []
        for i, (code, title) in enumerate(SUB_MAJORS):
            values = [jobs(i, y) * share for y in years]
            net = (jobs(i, 2035) - jobs(i, 2020)) * share
            rows.append([f"{code} {title}", *values, net, replacement(i) * share, net + replacement(i) * share,
                         0.03])
        beside = [None, "Caring, leisure and other service occupations", 3.8, 6.6]  # the 9-group table's cells
        out += [[f"{label} (Constrained)", *heads, *beside], *rows, ["All occupations", *sums(rows)[1:]], []]
    return out


def industry_sheet(years: tuple[int, ...]) -> list[list[Any]]:
    rows = [[name, *(100.0 * (n + 1) + (y - 2015) for y in years)] for n, name in enumerate(INDUSTRIES)]
    return [["Industry Table 2  Employment by Industry Group (SIC 2007), 2015-2035, Greater London"],
            ["22 Industries"], [None, *years], ["Levels (000s)"], *rows, [], ["All industries", *sums(rows)[1:]],
            [], [], ["Shares (per cent)", *years], *[[r[0], 5.0] for r in rows]]


def workbook(sheets: dict[str, list[list[Any]]] | None = None, name: str = NAME) -> Workbook:
    """An .xlsx built in memory and opened as a release is."""
    return open_workbook(xlsx_bytes(published() if sheets is None else sheets), name)


def changed(sheet: str, change: Callable[[list[list[Any]]], None]) -> SkillsImperative:
    """The published workbook read after `change` edits one sheet's rows."""
    sheets = published()
    change(sheets[sheet])
    return read_skills_imperative(workbook(sheets))


def refused(sheet: str, change: Callable[[list[list[Any]]], None]) -> str:
    sheets = published()
    change(sheets[sheet])
    with pytest.raises(ReleaseLayoutError) as e:
        read_skills_imperative(workbook(sheets))
    return str(e.value)


def row_of(rows: list[list[Any]], label: str) -> int:
    """The index of the first row whose first cell is `label`."""
    return next(i for i, r in enumerate(rows) if r and r[0] == label)


def sub(code: str) -> str:
    return next(f"{c} {t}" for c, t in SUB_MAJORS if c == code)


# ---- the published shape ----

def test_the_published_shape_is_read() -> None:
    wb = workbook()
    assert is_skills_imperative(wb)
    read = read_skills_imperative(wb)
    assert (read.file, read.area, read.created, read.problems) == (
        NAME, Area("Greater London", "LSIP", "13"), "2024-02-28", ())
    assert list(read.sub_majors) == [code for code, _ in SUB_MAJORS]
    corporate = read.sub_majors["11"]
    assert corporate.title == "Corporate managers and directors"
    assert corporate.employment == {y: pytest.approx(jobs(0, y)) for y in YEARS}
    assert corporate.net_change == pytest.approx(jobs(0, 2035) - jobs(0, 2020))
    assert corporate.replacement_demand == pytest.approx(replacement(0))
    assert corporate.total_requirement == pytest.approx(jobs(0, 2035) - jobs(0, 2020) + replacement(0))
    assert corporate.period == (2020, 2035)
    # the all-persons table, not the Males one beside it nor the Shares one below
    assert read.sub_majors["92"].employment[2020] == pytest.approx(jobs(25, 2020))
    assert list(read.majors) == [str(n) for n in range(1, 10)]
    assert read.majors["2"].title == "Professional occupations"
    assert read.majors["2"].employment[2035] == pytest.approx(sum(jobs(i, 2035) for i in range(2, 6)))
    assert read.gender["41"] == GroupGender("41", {y: pytest.approx(round(jobs(11, y) * 0.4, 3))
                                                   for y in (2015, 2020, 2035)},
                                            {y: pytest.approx(jobs(11, y) - round(jobs(11, y) * 0.4, 3))
                                             for y in (2015, 2020, 2035)})
    quals = read.qualifications["24"]
    assert list(quals.by_level) == list(LEVELS) == ["rqf8", "rqf7", "rqf6", "rqf5", "rqf4", "rqf3", "rqf2", "rqf1",
                                                    "none"]
    assert quals.by_level["rqf6"] == {y: pytest.approx(jobs(5, y) * 0.2) for y in (2020, 2035)}
    assert quals.labels["rqf7"] == "RQF7 Other higher degree" and quals.labels["none"] == "No Qualification"
    assert list(read.industries) == INDUSTRIES
    assert read.industries["Construction"].employment == {y: 200.0 + y - 2015 for y in YEARS}


@pytest.mark.parametrize("sheet", ["Occ T1", "Occ T2", "Occ T4", "RD T1", "Ind T2"])
def test_an_extra_year_column_is_read_as_one_more_year(sheet: str) -> None:
    sheets = published()
    sheets[sheet] = published(extra_year=2030)[sheet]
    read = read_skills_imperative(workbook(sheets))
    assert read.problems == ()
    if sheet == "Occ T2":
        assert read.sub_majors["33"].employment == {y: pytest.approx(jobs(8, y)) for y in (*YEARS, 2030)}
        assert read.sub_majors["33"].replacement_demand == pytest.approx(replacement(8))
    elif sheet == "Occ T1":
        assert list(read.majors["9"].employment) == [2015, 2019, 2020, 2025, 2030, 2035]
        assert read.majors["9"].net_change == pytest.approx(sum(jobs(i, 2035) - jobs(i, 2020) for i in (24, 25)))
    elif sheet == "Occ T4":
        assert read.gender["33"].women[2030] == pytest.approx(round(jobs(8, 2030) * 0.4, 3))
        assert read.gender["33"].men[2035] == pytest.approx(jobs(8, 2035) - round(jobs(8, 2035) * 0.4, 3))
    elif sheet == "RD T1":
        assert read.qualifications["33"].by_level["rqf1"] == {y: pytest.approx(jobs(8, y) * 0.1)
                                                              for y in (2020, 2030, 2035)}
    else:
        assert read.industries["Agriculture"].employment[2030] == 115.0
        assert read.industries["Agriculture"].employment[2035] == 120.0


def test_other_kinds_of_area_and_their_dates() -> None:
    england = [["Country", "Sum of the workbooks for England"],
               ["Date database created", dt.datetime(2023, 2, 10, 14, 42, 18)], ["Country name", "England"],
               ["Date run", "02 10 2023 05:03:16 PM"]]
    read = changed("Info", lambda rows: rows.__setitem__(slice(None), england))
    assert (read.area, read.created, read.problems) == (Area("England", "England", ""), "2023-02-10", ())
    mca = [["MCA", "1. Cambridge and Peterborough "], ["Date database created", "02-10-2023 10:28:27"],
           ["MCA name", "Cambridge and Peterborough "], ["Date run", "29 02 2024 04:28:14 PM"]]
    read = changed("Info", lambda rows: rows.__setitem__(slice(None), mca))
    # 02-10 could be either way round (England's run date is month-first), so the later, unambiguous one is used
    assert (read.area, read.created) == (Area("Cambridge and Peterborough", "MCA", "1"), "2024-02-29")
    assert read.problems == ('test.xlsx, sheet "Info", row 2, column B: \'02-10-2023 10:28:27\' is not a date that '
                             'reads one way only (this publisher writes day-first and month-first dates); not used',)
    lep = [["LEP", "9. Dorset"]]
    read = changed("Info", lambda rows: rows.__setitem__(slice(None), lep))
    assert (read.area, read.created) == (Area("Dorset", "LEP", "9"), "")


# ---- refused layouts ----

def test_a_missing_sheet_is_refused() -> None:
    sheets = published()
    del sheets["RD T1"]
    wb = workbook(sheets)
    assert not is_skills_imperative(wb)
    with pytest.raises(ReleaseLayoutError, match=r"^test\.xlsx: has no sheet 'RD T1'; .*Occ T4, RD T1, Ind T2$"):
        read_skills_imperative(wb)


def test_a_renamed_figure_heading_is_refused_naming_sheet_row_and_heading() -> None:
    def rename(rows: list[list[Any]]) -> None:
        row = row_of(rows, "Levels")
        rows[row][rows[row].index("Demand")] = "Demands"  # the all-persons table's only

    message = refused("Occ T2", rename)
    assert message == ('test.xlsx, sheet "Occ T2", row 6: has no column headed "Replacement Demand" in this table '
                       "(its headings end in this row)")


@pytest.mark.parametrize(("sheet", "change", "message"), [
    ("Occ T2", lambda rows: rows[5].__setitem__(slice(None), [v if v != "Levels" else "Level" for v in rows[5]]),
     'sheet "Occ T2": has no row of headings starting "Levels" with year columns'),
    ("Occ T2", lambda rows: rows[5].__setitem__(0, "Level"),  # the Males table's "Levels" is still there
     'sheet "Occ T2", row 6: has "Levels" tables for males and females only'),
    ("Occ T2", lambda rows: rows[3].__setitem__(7, "2020 to 2035"),
     'sheet "Occ T2", row 6, column H: has no period (like "2020-2035") over the "Net Change" heading'),
    ("Occ T2", lambda rows: rows[row_of(rows, "All occupations")].__setitem__(0, "Total"),
     'sheet "Occ T2", row 6: has no "All occupations" row under the headings in row 6 (looked down to row 41)'),
    ("Occ T2", lambda rows: rows.pop(row_of(rows, sub("53"))),
     'sheet "Occ T2", row 6: has no row for sub-major group 53 under these headings'),
    ("Occ T2", lambda rows: rows[row_of(rows, sub("53"))].__setitem__(0, "Construction trades"),
     'sheet "Occ T2", row 23, column A: says "Construction trades" where a SOC 2020 sub-major group'),
    ("Occ T1", lambda rows: rows[row_of(rows, "Professional occupations")].__setitem__(0, "Professionals"),
     'sheet "Occ T1", row 9, column A: says "Professionals" where SOC 2020 major group 2, "Professional '
     'occupations", belongs'),
    ("Occ T1", lambda rows: rows.pop(row_of(rows, "Elementary occupations")),
     'sheet "Occ T1", row 8: has 8 major groups, not SOC 2020\'s nine'),
    ("Occ T4", lambda rows: rows[row_of(rows, "All industries")].__setitem__(0, "All sectors"),
     'sheet "Occ T4": has no row headed "All industries" with year columns'),
    ("Occ T4", lambda rows: rows[6].__setitem__(6, "Men"), 'sheet "Occ T4", row 7: has no Male column under 2020'),
    ("RD T1", lambda rows: rows[row_of(rows, "RQF4 HE below degree level (Constrained)")].__setitem__(0, "Level 4"),
     'sheet "RD T1": has no table for rqf4'),
    ("Ind T2", lambda rows: rows[row_of(rows, "All industries")].__setitem__(0, "Total"),
     'sheet "Ind T2", row 4: has no "All industries" row under the headings in row 4 (looked down to row 12)'),
    ("Info", lambda rows: rows[0].__setitem__(0, "Region"),
     'sheet "Info", row 1, column A: says "Region" where LSIP, MCA, LEP or Country belongs'),
])
def test_a_changed_layout_is_refused_saying_where_and_what(
        sheet: str, change: Callable[[list[list[Any]]], None], message: str) -> None:
    assert message in refused(sheet, change)


# ---- figures left out, never shipped wrong ----

def test_text_where_a_number_belongs_leaves_that_figure_out() -> None:
    def text_in(rows: list[list[Any]]) -> None:
        rows[row_of(rows, sub("22"))][3] = "n/a"  # 2020

    read = changed("Occ T2", text_in)
    assert read.problems == ('test.xlsx, sheet "Occ T2", row 11, column D (22, 2020): \'n/a\' where a number belongs; '
                             "left out",)
    health = read.sub_majors["22"]
    assert 2020 not in health.employment and health.employment[2035] == pytest.approx(jobs(3, 2035))
    assert health.net_change == pytest.approx(jobs(3, 2035) - jobs(3, 2020))  # published, though unchecked
    assert read.sub_majors["21"].employment[2020] == pytest.approx(jobs(2, 2020))


def test_negative_employment_is_left_out() -> None:
    read = changed("Ind T2", lambda rows: rows[row_of(rows, "Agriculture")].__setitem__(2, -4.0))
    assert read.problems[0] == ('test.xlsx, sheet "Ind T2", row 5, column C (Agriculture, 2019): negative employment '
                                "(-4 thousand); left out")
    assert 2019 not in read.industries["Agriculture"].employment
    assert read.industries["Agriculture"].employment[2020] == 105.0


def test_a_net_change_that_does_not_match_its_years_leaves_them_out() -> None:
    def off(rows: list[list[Any]]) -> None:
        for row in (row_of(rows, sub("12")), row_of(rows, "All occupations")):
            rows[row][7] += 5  # net change
            rows[row][9] += 5  # total requirement, still net change plus replacement demand

    read = changed("Occ T2", off)
    assert len(read.problems) == 1
    assert read.problems[0].startswith('test.xlsx, sheet "Occ T2", row 9, column H (12): net change is ')
    assert read.problems[0].endswith("; net change, 2035, 2020 left out")
    other = read.sub_majors["12"]
    assert list(other.employment) == [2015, 2019, 2025] and other.net_change is None
    assert other.replacement_demand == pytest.approx(replacement(1)) and other.total_requirement is not None
    assert read.sub_majors["11"].net_change is not None


def test_groups_that_do_not_add_up_to_the_total_leave_that_year_out_everywhere() -> None:
    read = changed("Occ T2", lambda rows: rows[row_of(rows, "All occupations")].__setitem__(4, 999.0))
    assert len(read.problems) == 1
    assert read.problems[0].startswith('test.xlsx, sheet "Occ T2", row 35, column E: the groups add up to ')
    assert read.problems[0].endswith("the total says 999.000; 2025 left out for every group")
    assert all(2025 not in g.employment and 2035 in g.employment for g in read.sub_majors.values())


def test_women_and_men_that_do_not_make_the_total_are_left_out() -> None:
    read = changed("Occ T4", lambda rows: rows[row_of(rows, sub("41"))].__setitem__(5, 50.0))  # women 2020
    # the column's sum fails too, so 2020 women go for every group; 41's men in 2020 go with its own check
    assert [p.split(": ")[0] for p in read.problems] == ['test.xlsx, sheet "Occ T4", row 36, column F',
                                                         'test.xlsx, sheet "Occ T4", row 20, column H (41)']
    assert 2020 not in read.gender["41"].women and 2020 not in read.gender["41"].men
    assert 2020 not in read.gender["11"].women and 2020 in read.gender["11"].men
    assert read.gender["41"].women[2035] == pytest.approx(round(jobs(11, 2035) * 0.4, 3))


def test_qualification_levels_that_do_not_make_the_whole_are_left_out() -> None:
    def off(rows: list[list[Any]]) -> None:
        top = row_of(rows, "RQF3 A level & equivalent (Constrained)")
        row = next(i for i in range(top, len(rows)) if rows[i] and rows[i][0] == sub("52"))
        rows[row][2] += 3.0  # 2035
        rows[row_of(rows[top:], "All occupations") + top][2] += 3.0  # the level's own total still adds up

    read = changed("RD T1", off)
    assert len(read.problems) == 1 and "(52): the qualification levels add up to" in read.problems[0]
    assert read.problems[0].endswith("2035 left out at every level")
    assert all(list(by_year) == [2020] for by_year in read.qualifications["52"].by_level.values())
    assert read.qualifications["53"].by_level["rqf3"][2035] == pytest.approx(jobs(15, 2035) * 0.15)


# ---- the LSIP lookup ----

LOOKUP = [["LAD23CD", "LAD23NM", "LSIP23CD", "LSIP23NM", "NEW LSIP GEOGRAPHY (4 london areas)"],
          ["E09000007", "Camden", "E69000013", " Greater London ", "Central London Forward"],
          ["E06000060", "Buckinghamshire", "E69000002", " Buckinghamshire ", "Buckinghamshire "],
          []]


def test_the_lsip_lookup_maps_districts_to_the_areas_the_workbooks_cover() -> None:
    wb = workbook({"LA Districts to LSIPs": LOOKUP}, "LSIP_lookup.xlsx")
    assert not is_skills_imperative(wb)
    assert read_lsip_lookup(wb) == {"E09000007": ("Camden", "Greater London"),
                                    "E06000060": ("Buckinghamshire", "Buckinghamshire")}


def test_a_lookup_without_its_headings_or_with_a_bad_code_is_refused() -> None:
    with pytest.raises(ReleaseLayoutError, match="has no sheet with the headings LAD23CD, LAD23NM and LSIP23NM"):
        read_lsip_lookup(workbook({"Sheet": [["Code", "District", "Area"], *LOOKUP[1:]]}))
    with pytest.raises(ReleaseLayoutError, match=r'row 3, column A: has "Bucks" where a district code'):
        read_lsip_lookup(workbook({"Sheet": [*LOOKUP[:2], ["Bucks", "Buckinghamshire", "x", "Buckinghamshire"]]}))


# ---- contract: the real workbooks in ../shared/fixtures ----

AREAS = {  # file prefix -> (kind, number, name), as each Info sheet gives them (trailing spaces dropped)
    "EN": ("England", "", "England"),
    "BH_LSIP": ("LSIP", "1", "Brighton and Hove East Sussex West Sussex"), "BU_LSIP": ("LSIP", "2", "Buckinghamshire"),
    "CP_LSIP": ("LSIP", "3", "Cambridgeshire and Peterborough"), "CH_LSIP": ("LSIP", "4", "Cheshire and Warrington"),
    "CI_LSIP": ("LSIP", "5", "Cornwall and the Isles of Scilly"),
    "DN_LSIP": ("LSIP", "7", "Derbyshire and Nottinghamshire"), "DO_LSIP": ("LSIP", "8", "Dorset"),
    "ES_LSIP": ("LSIP", "10", "Essex Southend-on-Sea and Thurrock"), "GC_LSIP": ("LSIP", "11", "Gloucestershire"),
    "GL_LSIP": ("LSIP", "13", "Greater London"), "GM_LSIP": ("LSIP", "14", "Greater Manchester"),
    "HE_LSIP": ("LSIP", "16", "Hertfordshire"), "HU_LSIP": ("LSIP", "17", "Hull and East Yorkshire"),
    "KM_LSIP": ("LSIP", "18", "Kent and Medway"), "LA_LSIP": ("LSIP", "19", "Lancashire"),
    "LV_LSIP": ("LSIP", "21", "Liverpool City Region"), "NS_LSIP": ("LSIP", "22", "Norfolk and Suffolk"),
    "OX_LSIP": ("LSIP", "25", "Oxfordshire"), "SM_LSIP": ("LSIP", "27", "South East Midlands"),
    "SY_LSIP": ("LSIP", "28", "South Yorkshire"), "ST_LSIP": ("LSIP", "29", "Stoke-on-Trent and Staffordshire"),
    "SN_LSIP": ("LSIP", "30", "Swindon and Wiltshire"), "TV_LSIP": ("LSIP", "31", "Tees Valley"),
    "TB_LSIP": ("LSIP", "32", "Thames Valley Berkshire"), "MA_LSIP": ("LSIP", "33", "The Marches"),
    "WS_LSIP": ("LSIP", "35", "West of England and North Somerset"), "WY_LSIP": ("LSIP", "36", "West Yorkshire"),
    "WO_LSIP": ("LSIP", "37", "Worcestershire"), "YY_LSIP": ("LSIP", "38", "York and North Yorkshire"),
    "CP_MCA": ("MCA", "1", "Cambridge and Peterborough"), "GM_MCA": ("MCA", "2", "Greater Manchester"),
    "LV_MCA": ("MCA", "3", "Liverpool City Region"), "NE_MCA": ("MCA", "4", "North East"),
    "NT_MCA": ("MCA", "5", "North of Tyne"), "SY_MCA": ("MCA", "6", "South Yorkshire"),
    "TV_MCA": ("MCA", "7", "Tees Valley"), "WM_MCA": ("MCA", "8", "West Midlands"),
    "WE_MCA": ("MCA", "9", "West of England"), "WY_MCA": ("MCA", "10", "West Yorkshire"),
    "DO_LEP": ("LEP", "9", "Dorset"), "NO_LEP": ("LEP", "25", "North East"),
}


@pytest.fixture(scope="module")
def real() -> dict[str, tuple[SkillsImperative, Workbook]]:
    """Every real main-table workbook, each opened and read once (about 10 seconds for the 42)."""
    fixture_file("dfe-skills-imperative-2035")
    started = time.monotonic()
    found = {}
    for path in sorted(DFE.glob("*.xlsm")):
        wb = open_workbook(path.read_bytes(), path.name)
        assert is_skills_imperative(wb), path.name
        found[path.name.removesuffix("_MainTables.Main.xlsm")] = (read_skills_imperative(wb), wb)
    print(f"read {len(found)} Skills Imperative workbooks in {time.monotonic() - started:.1f} s")
    return found


@pytest.mark.contract
def test_every_real_workbook_reads_whole_and_clean(real: dict[str, tuple[SkillsImperative, Workbook]]) -> None:
    assert sorted(real) == sorted(AREAS)
    for prefix, (read, _) in real.items():
        assert (read.area.kind, read.area.number, read.area.name) == AREAS[prefix]
        assert read.problems == (), prefix
        assert read.created == ("2023-02-10" if prefix == "EN" else "2024-02-28")
        assert list(read.majors) == [str(n) for n in range(1, 10)]
        assert [g.title for g in read.majors.values()] == MAJORS
        assert [(c, g.title) for c, g in read.sub_majors.items()] == SUB_MAJORS
        for group in (*read.majors.values(), *read.sub_majors.values()):
            assert list(group.employment) == list(YEARS) and group.period == (2020, 2035)
            assert None not in (group.net_change, group.replacement_demand, group.total_requirement)
        assert list(read.gender) == list(read.qualifications) == [c for c, _ in SUB_MAJORS]
        for gender in read.gender.values():
            assert list(gender.women) == list(gender.men) == [2015, 2020, 2035]
        for quals in read.qualifications.values():
            assert list(quals.by_level) == list(LEVELS)
            assert all(list(by_year) == [2020, 2035] for by_year in quals.by_level.values())
        assert len(read.industries) == 22 and "Construction" in read.industries


@pytest.mark.contract
def test_greater_london_figures_as_published(real: dict[str, tuple[SkillsImperative, Workbook]]) -> None:
    london, _ = real["GL_LSIP"]
    corporate = london.sub_majors["11"]
    assert corporate.employment[2020] == pytest.approx(527.2663515543052, abs=1e-9)
    assert corporate.employment[2035] == pytest.approx(543.8701254185329, abs=1e-9)
    assert corporate.net_change == pytest.approx(16.60377386422772, abs=1e-9)
    assert corporate.replacement_demand == pytest.approx(268.86945687681515, abs=1e-9)
    assert corporate.total_requirement == pytest.approx(285.47323074104287, abs=1e-9)
    assert london.majors["2"].employment[2020] == pytest.approx(1815.951238016787, abs=1e-9)
    assert london.gender["22"].women[2020] == pytest.approx(209.16798641798948, abs=1e-9)
    assert london.gender["22"].men[2020] == pytest.approx(81.0447145895975, abs=1e-9)
    assert london.qualifications["11"].by_level["rqf8"] == {2020: pytest.approx(14.471291920752444, abs=1e-9),
                                                            2035: pytest.approx(30.720844759857933, abs=1e-9)}
    assert london.qualifications["11"].labels["rqf5"] == "RQF5 Foundation degree;Nursing;Teaching"
    assert london.industries["Construction"].employment[2035] == pytest.approx(379.63, abs=1e-9)


@pytest.mark.contract
def test_england_adds_up_to_its_all_occupations_row(real: dict[str, tuple[SkillsImperative, Workbook]]) -> None:
    england, wb = real["EN"]
    [total] = [row for row in wb.rows("Occ T2")[:40] if row and row[0] == "All occupations"]
    assert total[3] == pytest.approx(29859.681)  # 2020, as published
    assert sum(g.employment[2020] for g in england.sub_majors.values()) == pytest.approx(total[3], abs=1.0)
    assert sum(g.employment[2020] for g in england.majors.values()) == pytest.approx(total[3], abs=1.0)
    assert sum(g.net_change for g in england.sub_majors.values()) == pytest.approx(total[7], abs=1.0)


@pytest.mark.contract
def test_the_real_lsip_lookup(real: dict[str, tuple[SkillsImperative, Workbook]]) -> None:
    path = fixture_file("dfe-skills-imperative-2035", "LSIP_lookup.xlsx")
    wb = open_workbook(path.read_bytes(), path.name)
    assert not is_skills_imperative(wb)
    lookup = read_lsip_lookup(wb)
    assert len(lookup) == 296
    assert lookup["E09000007"] == ("Camden", "Greater London")
    assert lookup["E09000033"] == ("Westminster", "Greater London")
    assert lookup["E06000063"] == ("Cumberland", "Cumbria")  # the LSIP whose workbook is not among the fixtures
    # Five LSIPs are spelled differently in the lookup and in their workbook's Info sheet: a join by name misses them
    areas = {read.area.name for read, _ in real.values() if read.area.kind == "LSIP"}
    assert areas - set(n for _, n in lookup.values()) == {
        "Brighton and Hove East Sussex West Sussex", "Essex Southend-on-Sea and Thurrock", "Gloucestershire",
        "Norfolk and Suffolk", "South East Midlands"}
