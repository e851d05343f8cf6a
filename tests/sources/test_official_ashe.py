"""ASHE Table 14 read as published: small workbooks in its shape, refused layouts, and (contract) the real releases."""

from __future__ import annotations

import functools
import zipfile
from collections.abc import Sequence
from typing import Any

import pytest

from kiosk.sources.official.ashe import (PERCENTILES, AsheRow, AsheTable, Gap, is_ashe_table, quality_band,
                                         read_ashe_table)
from kiosk.sources.official.layout_error import ReleaseLayoutError
from kiosk.sources.official.workbook import Workbook, open_workbook
from tests.helpers.official import fixture_file
from tests.helpers.workbooks import xlsx_bytes

NAME = ("ashetable142024provisional.zip/ashetable142024provisional/"
        "PROV - Occupation SOC20 (4) Table 14.1a   Weekly pay - Gross 2024.xlsx")
TITLE = "Table 14.1a   Weekly pay - Gross (£) - For {} employee jobsa: United Kingdom, 2024"
HEADER = ["Description", "Code", "(thousand)", "Median", "change", "Mean", "change", *PERCENTILES]
X = Gap("x", "unreliable (CV over 20%)")
GROUPS = [
    ["All employees", None, 27882, 613.3, 6.7, 715.5, 6.8, 214.1, 360, 429, 466.4, 536.6, 704.3, 818.6, 887.5, 967.3,
     1249.3],
    # the colour key stands beside the first groups, under no header
    ["Managers, directors and senior officials", "1", 3035, 958.2, 7.1, 1188.4, 8.2, 460, 586.4, 642.4, 700, 824.7,
     1120.6, 1326.1, 1446.7, 1619, 2115.4, None, "Key", "Statistical robustness"],
    [" Corporate managers and directors", "11", 2386, 1069.4, 7.3, 1295.3, 8.7, 464.3, 625, 699.5, 768.5, 923.1,
     1245.7, 1464.4, 1608.2, 1766.9, 2297.8, None, "CV <= 5%", "Estimates are considered precise "],
    ["  Chief Executives and Senior Officials", "111", 136, 1504.1, 0, 1945.7, 6.2, 392.5, 830.2, 930.8, 1006.6,
     1245.7, 1746.9, 2012.3, 2196.3, 2351.7, "x"],
    ["   Chief executives and senior officials", "1111", 126, 1551.3, 1.2, 2001.2, 5.1, 401, 845.6, 940, 1021.6,
     1268.4, 1790.1, 2055, 2230.9, 2400.2, "x"],
    ["   Elected officers and representatives", "1112", "x", "x", None, 951.7, -9.9, "x", "x", "x", 480.2, "-", "..",
     "x", "x", "x", "x"],
    ["   Officers in armed forces", "1161", ":"],  # a whole line not applicable, marked once
    ["   Vehicle technicians, mechanics and electricians", "5231", 98, 678, 7.9, 707.2, 8.2, 476.9, 533.3, 562,
     594.1, 633.9, 729.1, 776.7, 806.8, 842.4, 957],
    ["Not Classified", None, ":"],
    ["a  Employees on adult rates whose pay for the survey pay-period was not affected by absence."],
    ["b  Figures for Number of Jobs are for indicative purposes only."],
    ["Source: Annual Survey of Hours and Earnings, Office for National Statistics."],
]


def table_rows(title: str = TITLE.format("all"), header: Sequence[Any] = HEADER,
               groups: Sequence[Sequence[Any]] = GROUPS, jobs_above: bool = True) -> list[list[Any]]:
    """One sheet in the published shape: title, two lines of header text, the header row, then the groups."""
    above = [[None, None, "Number", None, "Annual", None, "Annual"],
             [None, None, "of jobsb", None, "percentage", None, "percentage", "Percentiles"]]
    if not jobs_above:
        above = [[None, None, None, *row[3:]] for row in above]
    return [[title], [], *above, list(header), *[list(g) for g in groups]]


def workbook(sheets: dict[str, list[list[Any]]] | None = None, name: str = NAME) -> Workbook:
    """An .xlsx built in memory (a Notes sheet first, as published) and opened as a release is."""
    if sheets is None:
        sheets = {"All": table_rows(), "Full-Time": table_rows(TITLE.format("full-time"))}
    notes = [["Guide to results from the Annual Survey of Hours and Earnings (ASHE)"]]
    return open_workbook(xlsx_bytes({"Notes": notes, **sheets}), name)


def with_column(rows: list[list[Any]], at: int, header: Any, value: Any) -> list[list[Any]]:
    """The rows with a column inserted at `at`: `header` in the header row, `value` in each group's row."""
    out = [list(r) for r in rows]
    for i, row in enumerate(out[4:], 4):
        if i == 4:
            row.insert(at, header)
        elif len(row) > at:  # not the footnotes, nor a line marked once in its first figure cell
            row.insert(at, value)
    return out


def only(table: AsheTable, sheet: str = "All") -> dict[str, AsheRow]:
    return table.sheets[sheet]


def test_the_published_shape_is_read_group_by_group() -> None:
    table = read_ashe_table(workbook())
    assert table[:6] == (NAME, "14.1", "weekly_pay", False, 2024, "provisional")
    assert list(table.sheets) == ["All", "Full-Time"]
    groups = only(table)
    assert list(groups) == ["all", "1", "11", "111", "1111", "1112", "1161", "5231"]
    assert groups["all"] == AsheRow("all", "All employees", 27882.0, 613.3, 715.5, dict(zip(PERCENTILES, [
        214.1, 360.0, 429.0, 466.4, 536.6, 704.3, 818.6, 887.5, 967.3, 1249.3])), 5)
    assert groups["5231"].title == "Vehicle technicians, mechanics and electricians"
    assert (groups["5231"].median, groups["5231"].mean, groups["5231"].row) == (678.0, 707.2, 12)
    assert list(groups["5231"].percentiles) == list(PERCENTILES)
    assert all(type(v) is float for v in (groups["1"].jobs_thousands, groups["1"].median, groups["11"].mean))
    # neither the colour key, the Not Classified line nor the footnotes are a problem
    assert table.problems == ()


def test_gaps_stay_gaps_and_say_what_they_mean() -> None:
    groups = only(read_ashe_table(workbook()))
    elected = groups["1112"]
    assert elected.jobs_thousands == X and elected.median == X and elected.mean == 951.7
    assert elected.percentiles[30] == 480.2
    assert elected.percentiles[40] == Gap("-", "nil or negligible")
    assert elected.percentiles[60] == Gap("..", "disclosive")
    assert groups["111"].percentiles[90] == X
    armed = groups["1161"]
    gaps = [armed.jobs_thousands, armed.median, armed.mean, *armed.percentiles.values()]
    assert gaps == [Gap(":", "not applicable")] * 13
    for row in groups.values():
        for cell in (row.jobs_thousands, row.median, row.mean, *row.percentiles.values()):
            assert type(cell) in (float, Gap)  # a gap is never a number (and never zero)


def test_percentile_headers_written_as_text_read_the_same() -> None:
    as_text = [*HEADER[:7], *(str(p) for p in PERCENTILES)]
    rows = table_rows(header=as_text)
    assert rows[4][7] == "10"
    table = read_ashe_table(workbook({"All": rows}), ["All"])
    assert only(table) == only(read_ashe_table(workbook(), ["All"]))
    assert table.problems == ()


def test_columns_are_found_by_header_wherever_they_are() -> None:
    rows = table_rows()
    for row in rows[4:]:  # Mean and its change before Median and its change
        if len(row) > 7:
            row[3:7] = [*row[5:7], *row[3:5]]
    rows.insert(1, ["Published 2024"])  # the header row moves down a row
    groups = only(read_ashe_table(workbook({"All": rows}), ["All"]))
    assert (groups["5231"].median, groups["5231"].mean, groups["5231"].row) == (678.0, 707.2, 13)
    assert groups["all"].median == 613.3 and groups["all"].percentiles[90] == 1249.3


def test_an_extra_column_is_ignored_and_noted_once() -> None:
    rows = with_column(table_rows(), 7, "Sample size", 999)
    table = read_ashe_table(workbook({"All": rows}), ["All"])
    assert only(table)["5231"].percentiles[10] == 476.9 and only(table)["5231"].mean == 707.2
    assert table.problems == (f"{NAME}, sheet \"All\", row 5, column H: unknown column 'Sample size'; ignored",)


@pytest.mark.parametrize(("old", "new", "named"), [
    ("Median", "Middle", '"Median"'),
    ("Code", "SOC code", '"Code"'),
    ("Description", "Occupation", '"Description"'),
    (25, "25th", 'the 25th percentile ("25")'),
    (90, None, 'the 90th percentile ("90")'),
])
def test_a_renamed_header_is_refused_by_name(old: Any, new: Any, named: str) -> None:
    rows = table_rows(header=[new if h == old else h for h in HEADER])
    with pytest.raises(ReleaseLayoutError) as e:
        read_ashe_table(workbook({"All": table_rows(), "Full-Time": rows}))
    assert e.value.where == f'{NAME}, sheet "Full-Time", row 5'
    assert e.value.problem.startswith("the header row lacks ") and named in e.value.problem
    if new is not None:  # the renamed header's own column is named, so staff can find it
        column = "ABCDEFGHIJKLMNOPQ"[HEADER.index(old)]
        assert f"(column {column} is headed {new!r}, which the kiosk does not know)" in e.value.problem


def test_the_jobs_column_is_known_by_its_header_or_the_words_above() -> None:
    renamed = table_rows(header=[*HEADER[:2], "(000s)", *HEADER[3:]])  # "Number of jobs" still stands above
    assert only(read_ashe_table(workbook({"All": renamed}), ["All"]))["5231"].jobs_thousands == 98.0
    with pytest.raises(ReleaseLayoutError, match=r'sheet "All", row 5: the header row lacks the number of jobs'):
        read_ashe_table(workbook({"All": table_rows(header=[*HEADER[:2], "Count", *HEADER[3:]], jobs_above=False)}),
                        ["All"])


def test_a_sheet_without_a_header_row_is_refused() -> None:
    rows = [[TITLE.format("all")], [], ["All employees", None, 27882, 613.3]]
    with pytest.raises(ReleaseLayoutError, match=r'sheet "All": has no header row'):
        read_ashe_table(workbook({"All": rows}), ["All"])


@pytest.mark.parametrize("title", [
    "Table 14.5a   Hourly pay - Excluding overtime (£) - For all employee jobsa: United Kingdom, 2024",
    "Table 15.1a   Weekly pay - Gross (£) - For all employee jobsa: United Kingdom, 2024",
    "Table 14.10a   Weekly pay - Gross (£) - For all employee jobsa: United Kingdom, 2024",
    "Table 14.1c   Weekly pay - Gross (£) - For all employee jobsa: United Kingdom, 2024",
    "Weekly pay - Gross (£) - For all employee jobsa: United Kingdom, 2024",
])
def test_another_table_is_refused(title: str) -> None:
    wb = workbook({"All": table_rows(title), "Full-Time": table_rows(title)})
    assert not is_ashe_table(wb)
    with pytest.raises(ReleaseLayoutError) as e:
        read_ashe_table(wb)
    assert e.value.where == f'{NAME}, sheet "All"' and "is not ASHE Table 14.1, 14.7 or 14.9" in e.value.problem


def test_sheets_from_different_tables_are_refused() -> None:
    annual = TITLE.format("full-time").replace("14.1a   Weekly", "14.7a   Annual")
    with pytest.raises(ReleaseLayoutError, match=r"sheets' titles name different tables"):
        read_ashe_table(workbook({"All": table_rows(), "Full-Time": table_rows(annual)}))


@pytest.mark.parametrize(("title", "table", "measure", "cv"), [
    ("Table 14.7a   Annual pay - Gross (£) - For all employee jobsa: United Kingdom, 2024", "14.7", "annual_pay",
     False),
    ("Table 14.9b   Coefficients of variation for Paid hours worked - Total - For all employee jobsa: "
     "United Kingdom, 2024", "14.9", "paid_hours", True),
    ("Table 14.1b   Coefficients of variation for Weekly pay - Gross (£) - For all employee jobsa: "
     "United Kingdom, 2024", "14.1", "weekly_pay", True),
    ("Table 14.9a Paid hour worked - Total", "14.9", "paid_hours", False),  # 2023's title, "hour" and all
])
def test_the_table_measure_and_cv_come_from_the_title(title: str, table: str, measure: str, cv: bool) -> None:
    wb = workbook({"All": table_rows(title)})
    assert is_ashe_table(wb)
    assert read_ashe_table(wb, ["All"])[1:4] == (table, measure, cv)


def test_a_missing_sheet_is_refused_by_name() -> None:
    with pytest.raises(ReleaseLayoutError) as e:
        read_ashe_table(workbook(), ["All", "Male Full-Time"])
    assert e.value.where == f'{NAME}, sheet "Male Full-Time"'
    assert "is missing" in e.value.problem and "Notes, All, Full-Time" in e.value.problem
    with pytest.raises(ValueError, match="sequence"):
        read_ashe_table(workbook(), "All")


def test_text_where_a_number_belongs_is_a_gap_and_a_problem() -> None:
    groups = [list(g) for g in GROUPS]
    groups[4][3] = "n/a"  # 1111's median
    groups[4][10] = None  # and its 30th percentile left blank
    groups[7][5] = " 707.2 "  # 5231's mean kept as text, as .xls releases keep some numbers
    table = read_ashe_table(workbook({"All": table_rows(groups=groups)}), ["All"])
    chief = only(table)["1111"]
    assert chief.median == Gap("n/a", "not a number: n/a") and chief.mean == 2001.2
    assert chief.percentiles[30] == Gap("", "not a number: (blank)")
    assert only(table)["5231"].mean == 707.2
    assert table.problems == (
        f"{NAME}, sheet \"All\", row 10, column D: 'n/a' where a number belongs; kept as a gap",
        f"{NAME}, sheet \"All\", row 10, column K: blank where a number belongs; kept as a gap")


def test_a_repeated_code_keeps_the_first() -> None:
    again = ["   Vehicle technicians (again)", "5231", 1, 1, 0, 1, 0, *[1] * 10]
    table = read_ashe_table(workbook({"All": table_rows(groups=[*GROUPS[:8], again, *GROUPS[8:]])}), ["All"])
    assert only(table)["5231"].median == 678.0 and only(table)["5231"].row == 12
    assert table.problems == (f'{NAME}, sheet "All", row 14, column B: code 5231 again (first at row 13); '
                              "the first kept",)


@pytest.mark.parametrize("code", ["12A", "52311", 1.5, "52 31"])
def test_a_code_that_is_not_soc_is_skipped(code: Any) -> None:
    odd = ["   Odd group", code, 5, 500, 0, 510, 0, *[400] * 10]
    table = read_ashe_table(workbook({"All": table_rows(groups=[*GROUPS[:8], odd, *GROUPS[8:]])}), ["All"])
    assert len(only(table)) == 8 and all(r.title != "Odd group" for r in only(table).values())
    assert table.problems == (f'{NAME}, sheet "All", row 14, column B: {code!r} is not a SOC 2020 code of 1 to 4 '
                              "digits; skipped",)


def test_figures_without_a_code_are_skipped_and_noted() -> None:
    stray = ["   Stray group", None, 5, 500, 0, 510, 0, *[400] * 10]
    table = read_ashe_table(workbook({"All": table_rows(groups=[*GROUPS[:8], stray, *GROUPS[8:]])}), ["All"])
    assert len(only(table)) == 8
    assert table.problems == (f'{NAME}, sheet "All", row 14, column B: figures with no code; skipped',)


def test_a_whole_number_code_cell_reads_as_its_digits() -> None:
    groups = [list(g) for g in GROUPS]
    groups[7][1] = 5231
    assert only(read_ashe_table(workbook({"All": table_rows(groups=groups)}), ["All"]))["5231"].median == 678.0


XLS_TITLE = ["Table 14.1a Weekly pay - Gross", None, "For all employee jobs(a): United Kingdom"]


def test_the_year_comes_from_the_title_or_else_the_file_name() -> None:
    assert read_ashe_table(workbook(), ["All"]).year == 2024
    rows = table_rows()
    rows[0] = XLS_TITLE
    xls = "ashetable142023provisional.zip/ashetable142023provisional/PROV - Occupation SOC20 (4) Table 14.1a   " \
          "Weekly pay - Gross 2023.xlsx"
    assert read_ashe_table(workbook({"All": rows}, xls), ["All"])[4:6] == (2023, "provisional")


def test_a_year_that_disagrees_or_is_absent_is_refused() -> None:
    with pytest.raises(ReleaseLayoutError, match="its titles say 2024 but its file name says 2023"):
        read_ashe_table(workbook(name=NAME.replace("Gross 2024", "Gross 2023")))
    earlier = TITLE.format("full-time").replace("2024", "2023")
    with pytest.raises(ReleaseLayoutError, match="sheets' titles name different years"):
        read_ashe_table(workbook({"All": table_rows(), "Full-Time": table_rows(earlier)}, "Table 14.1a.xlsx"))
    rows = table_rows()
    rows[0] = XLS_TITLE
    with pytest.raises(ReleaseLayoutError, match="names no year"):
        read_ashe_table(workbook({"All": rows}, "ashetable142023provisional.zip/Table 14.1a.xlsx"), ["All"])


@pytest.mark.parametrize(("name", "edition"), [
    (NAME, "provisional"),
    ("PROV - Occupation SOC20 (4) Table 14.1a   Weekly pay - Gross 2024.xlsx", "provisional"),
    ("ashetable142024revised.zip/ashetable142024revised/Occupation SOC20 (4) Table 14.1a Weekly pay 2024.xlsx",
     "revised"),
    ("some/folder/REV - Occupation SOC20 (4) Table 14.1a   Weekly pay - Gross 2024.xlsx", "revised"),
    ("Occupation SOC20 (4) Table 14.1a   Weekly pay - Gross 2024.xlsx", ""),
    ("PROVIDENCE - Table 14.1a 2024.xlsx", ""),
])
def test_the_edition_comes_from_the_file_name(name: str, edition: str) -> None:
    assert read_ashe_table(workbook(name=name), ["All"]).edition == edition


def test_a_name_both_provisional_and_revised_is_refused() -> None:
    with pytest.raises(ReleaseLayoutError, match="both provisional and revised"):
        read_ashe_table(workbook(name="ashetable142024revised.zip/PROV - Table 14.1a 2024.xlsx"), ["All"])


def test_is_ashe_table_looks_past_the_notes_sheet_only_so_far() -> None:
    assert is_ashe_table(workbook())
    assert not is_ashe_table(workbook({"Data": [["Employment by occupation, 2024"], ["SOC", "Jobs"]]}))
    # a table title three sheets in is not where ASHE keeps it
    late = {"Cover": [["Contents"]], "Method": [["How"]], "All": table_rows()}
    assert not is_ashe_table(workbook(late))


@pytest.mark.parametrize(("cv", "band"), [
    (0.0, "precise"), (5, "precise"), (5.1, "reasonably precise"), (10.0, "reasonably precise"),
    (10.1, "acceptable"), (20.0, "acceptable"), (20.1, "unreliable"), (56.0, "unreliable"),
    (X, "unreliable"), (Gap("..", "disclosive"), "unknown"), (Gap(".", "unavailable"), "unknown"),
    (Gap(":", "not applicable"), "unknown"), (-1.0, "unknown"), (float("nan"), "unknown"),
])
def test_quality_bands_follow_the_notes_sheet(cv: Any, band: str) -> None:
    assert quality_band(cv) == band


# ---- contract: the real releases in ../shared/fixtures ----

@functools.cache
def real(zip_name: str, table: str, sheets: tuple[str, ...] = ("All", "Full-Time")) -> AsheTable:
    """One table of a real release, opened from its zip under the name a caller would give it."""
    with zipfile.ZipFile(fixture_file("ons", zip_name)) as z:
        [member] = [m for m in z.namelist() if f"Table {table} " in m]
        wb = open_workbook(z.read(member), f"{zip_name}/{member}")
    assert is_ashe_table(wb)
    return read_ashe_table(wb, sheets)


Y2024, Y2023 = "ashetable142024provisional.zip", "ashetable142023provisional.zip"


def unit_groups(table: AsheTable, sheet: str = "Full-Time") -> list[str]:
    return [code for code in table.sheets[sheet] if code.isdecimal() and len(code) == 4]


@pytest.mark.contract
def test_2024_weekly_pay_for_vehicle_technicians() -> None:
    table = real(Y2024, "14.1a")
    assert table[1:6] == ("14.1", "weekly_pay", False, 2024, "provisional") and table.problems == ()
    assert table.sheets["Full-Time"]["5231"] == AsheRow(
        "5231", "Vehicle technicians, mechanics and electricians", 98.0, 678.0, 707.2, dict(zip(PERCENTILES, [
            476.9, 533.3, 562.0, 594.1, 633.9, 729.1, 776.7, 806.8, 842.4, 957.0])), 337)
    assert table.sheets["All"]["all"].median == 613.3


@pytest.mark.contract
def test_2024_full_time_has_every_unit_group() -> None:
    table = real(Y2024, "14.1a")
    for sheet in ("All", "Full-Time"):
        codes = list(table.sheets[sheet])
        assert [len([c for c in codes if c.isdecimal() and len(c) == n]) for n in (1, 2, 3, 4)] == [9, 26, 104, 412]
        assert codes[0] == "all"
    assert unit_groups(table)[0] == "1111" and unit_groups(table)[-1] == "9269"


@pytest.mark.contract
def test_2024_suppressed_figures_are_gaps() -> None:
    groups = real(Y2024, "14.1a").sheets["Full-Time"]
    assert groups["1112"].median == X and groups["1112"].jobs_thousands == X
    assert groups["1112"].mean == 951.7 and groups["1112"].percentiles[30] == 480.2
    armed = groups["1161"]  # the armed forces are outside ASHE: the whole line is ':'
    assert {armed.median, armed.mean, *armed.percentiles.values()} == {Gap(":", "not applicable")}
    assert groups["9233"].median == Gap("..", "disclosive")


@pytest.mark.contract
def test_2024_cv_table_bands_match_the_published_suppression() -> None:
    cvs = real(Y2024, "14.1b")
    assert cvs[1:6] == ("14.1", "weekly_pay", True, 2024, "provisional") and cvs.problems == ()
    tech, elected = cvs.sheets["Full-Time"]["5231"], cvs.sheets["Full-Time"]["1112"]
    assert (tech.median, quality_band(tech.median)) == (2.3, "precise")
    assert (tech.percentiles[90], quality_band(tech.percentiles[90])) == (11.0, "acceptable")
    assert (elected.median, quality_band(elected.median)) == (39.0, "unreliable")
    assert cvs.sheets["Full-Time"]["1171"].median == Gap(".", "unavailable")  # the CV notes' own symbol
    values = real(Y2024, "14.1a").sheets["Full-Time"]
    shown = suppressed = 0
    for code, row in values.items():
        cv = cvs.sheets["Full-Time"][code]
        for value, band in zip([row.jobs_thousands, row.median, row.mean, *row.percentiles.values()],
                               [quality_band(c) for c in [cv.jobs_thousands, cv.median, cv.mean,
                                                          *cv.percentiles.values()]]):
            if isinstance(value, float):
                shown += 1
                assert band != "unreliable", code
            elif value == X:
                suppressed += 1
                assert band in ("unreliable", "unknown"), code
    assert shown > 5000 and suppressed > 1000


@pytest.mark.contract
@pytest.mark.parametrize(("table", "measure", "median", "p90"), [
    ("14.7a", "annual_pay", 35540.0, X),
    ("14.9a", "paid_hours", 41.4, 47.9),
])
def test_2024_annual_pay_and_hours_read_too(table: str, measure: str, median: float, p90: Any) -> None:
    read = real(Y2024, table)
    assert (read.measure, read.year, read.cv, read.problems) == (measure, 2024, False, ())
    assert len(unit_groups(read)) == 412
    assert read.sheets["Full-Time"]["5231"].median == median and read.sheets["Full-Time"]["5231"].percentiles[90] == p90


@pytest.mark.contract
@pytest.mark.parametrize(("table", "measure", "median"), [
    ("14.1a", "weekly_pay", 617.7), ("14.7a", "annual_pay", 31959.0), ("14.9a", "paid_hours", 40.8),
])
def test_2023_xls_tables_read_with_the_year_from_the_file_name(table: str, measure: str, median: float) -> None:
    read = real(Y2023, table)
    assert read[1:6] == (table[:-1], measure, False, 2023, "provisional") and read.problems == ()
    assert len(unit_groups(read)) == 412
    assert read.sheets["Full-Time"]["5231"].median == median
    assert read.sheets["Full-Time"]["1161"].median == Gap(":", "not applicable")


@pytest.mark.contract
def test_every_sheet_of_a_real_release_reads_without_problems() -> None:
    sheets = ("All", "Male", "Female", "Full-Time", "Part-Time", "Male Full-Time", "Male Part-Time",
              "Female Full-Time", "Female Part-Time")
    for zip_name, table in ((Y2024, "14.1a"), (Y2024, "14.9b"), (Y2023, "14.7a")):
        read = real(zip_name, table, sheets)
        assert read.problems == () and list(read.sheets) == list(sheets)
        assert all(len(groups) == 1 + 9 + 26 + 104 + 412 for groups in read.sheets.values())
