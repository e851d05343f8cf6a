"""ONS APS employment by unit group and industry: lower bounds, nil and suppressed cells, refused layouts."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.sources.official.aps import ApsEmployment, is_aps_workbook, read_aps
from kiosk.sources.official.layout_error import ReleaseLayoutError
from kiosk.sources.official.soc_volume1 import read_soc_volume1
from kiosk.sources.official.workbook import Workbook, open_workbook
from tests.helpers.official import fixture_file
from tests.helpers.workbooks import xlsx_bytes

APS_FILE = "employmentby4digitsoc1digitindustryatosuk20212024final.xlsx"
VOLUME1_FILE = "soc2020volume1structureanddescriptionofunitgroups.xlsx"
LETTERS = "ABCDEFGHIJKLMNOPQRS"
# The header cells as ONS publishes them (columns C to U).
HEADER = [
    "1 A  Agriculture, forestry and fishing", "2 B  Mining and quarrying", "3 C  Manufacturing",
    "4 D  Electricity, gas, air cond supply", "5 E  Water supply, sewerage, waste", "6 F  Construction",
    "7 G  Wholesale, retail, repair of vehicles", "8 H  Transport and storage", "9 I  Accommodation and food services",
    "10 J  Information and communication", "11 K  Financial and insurance activities", "12 L  Real estate activities",
    "13 M  Prof, scientific, technical activ.", "14 N  Admin and support services", "15 O  Public admin and defence",
    "16 P  Education", "17 Q  Health and social work", "18 R  Arts, entertainment and recreation",
    "19 S  Other service activities",
]


def figures(**cells: Any) -> list[Any]:
    """One row's 19 industry cells, nil ('-') unless given by section letter."""
    return [cells.get(letter, "-") for letter in LETTERS]


def year_sheet(year: int, units: list[tuple[str, list[Any]]], *, period: str | None = None,
               header: list[Any] | None = None) -> list[list[Any]]:
    """A year sheet in the published shape: title rows, the header on row 8, one row per unit group, a Total."""
    rows: list[list[Any]] = [
        ["Office For National Statistics"], ["Annual Population Survey, filtered for industry sections A-S"],
        [period or f"January-December {year}"], ["Weighted 2022"], ["Variables used: PWTA22, SOC20M, INDS07M"], [],
        [None, None, "INDS07M Industry section in main job (1 charac)"], [None, None, *(header or HEADER)],
    ]
    for i, (label, cells) in enumerate(units):
        rows.append(["SOC20M Occupation in Main Job SOC2020 Unit Level" if i == 0 else None, label, *cells])
    rows += [[None, "Total", *[1000] * len(header or HEADER)], [],
             ["* = Sample sizes are too small to provide reliable estimates."], ["( - ) = No figures to report"]]
    return rows


def book(sheets: dict[str, list[list[Any]]], name: str = "aps.xlsx") -> Workbook:
    return open_workbook(xlsx_bytes(sheets), name)


CHIEF_EXECUTIVES = ("1111 Chief executives and senior officials", figures(A=335, B="*", C=12796, D=1935))
ELECTED = ("1112 Elected officers and representatives", figures(O=8542, S=677))


def test_people_sum_the_published_cells_and_a_suppressed_cell_makes_them_a_lower_bound() -> None:
    release = read_aps(book({"2021": year_sheet(2021, [CHIEF_EXECUTIVES, ELECTED])}))
    chief, elected = release.years[2021]["1111"], release.years[2021]["1112"]
    assert chief == ApsEmployment("1111", "Chief executives and senior officials", 2021, 335 + 12796 + 1935, 1,
                                  {"A": 335, "C": 12796, "D": 1935, **{x: 0 for x in "EFGHIJKLMNOPQRS"}}, 8)
    assert (elected.people, elected.suppressed_cells, elected.row) == (8542 + 677, 0, 9)
    assert release.file == "aps.xlsx" and release.problems == ()


def test_nil_counts_as_zero_people_while_suppressed_is_left_out() -> None:
    units = [("5421 Pre-press technicians", figures()), ("5422 Printers", figures(**{x: "*" for x in LETTERS}))]
    nil, suppressed = read_aps(book({"2021": year_sheet(2021, units)})).years[2021].values()
    assert (nil.people, nil.suppressed_cells, nil.industries) == (0, 0, dict.fromkeys(LETTERS, 0))
    assert (suppressed.people, suppressed.suppressed_cells, suppressed.industries) == (0, 19, {})


def test_every_year_sheet_is_read_and_other_sheets_are_skipped() -> None:
    wb = book({"Notes": [["About these figures"]], "2021": year_sheet(2021, [CHIEF_EXECUTIVES]),
               "2022": year_sheet(2022, [ELECTED])})
    release = read_aps(wb)
    assert list(release.years) == [2021, 2022] and release.problems == ()
    assert list(release.years[2022]) == ["1112"] and release.years[2022]["1112"].year == 2022


def test_rows_after_the_total_are_not_read() -> None:
    rows = year_sheet(2021, [CHIEF_EXECUTIVES])
    rows.append([None, "1112 Elected officers and representatives", *figures(A=5)])
    assert list(read_aps(book({"2021": rows})).years[2021]) == ["1111"]


def test_a_sheet_whose_period_names_another_year_is_refused() -> None:
    wb = book({"2021": year_sheet(2021, [CHIEF_EXECUTIVES], period="January-December 2022")})
    with pytest.raises(ReleaseLayoutError) as caught:
        read_aps(wb)
    assert str(caught.value) == ('aps.xlsx, sheet "2021", row 3, column A: '
                                 "is titled 'January-December 2022' but the sheet is named 2021")


def test_a_sheet_without_its_period_is_refused() -> None:
    wb = book({"2021": year_sheet(2021, [CHIEF_EXECUTIVES], period="Weighted 2022")})
    with pytest.raises(ReleaseLayoutError, match=r'sheet "2021": has no .January-December YYYY. title'):
        read_aps(wb)


def test_a_header_missing_an_industry_section_is_refused_naming_sheet_row_and_section() -> None:
    rows = year_sheet(2022, [("1111 Chief executives", figures()[:-1])], header=HEADER[:-1])
    with pytest.raises(ReleaseLayoutError) as caught:
        read_aps(book({"2022": rows}))
    assert str(caught.value) == ('aps.xlsx, sheet "2022", row 8: '
                                 "the header has no column for industry section S (Other service activities)")


def test_a_sheet_without_a_header_is_refused() -> None:
    rows = year_sheet(2021, [CHIEF_EXECUTIVES], header=[f"Industry {n}" for n in range(19)])
    with pytest.raises(ReleaseLayoutError, match=r'^aps\.xlsx, sheet "2021": has no header row naming the industry'):
        read_aps(book({"2021": rows}))


def test_columns_are_found_by_their_header_and_an_extra_column_is_ignored_and_noted() -> None:
    # Sections in reverse order, with a column ONS might add in the middle.
    header = [*reversed(HEADER[10:]), "All industries", *reversed(HEADER[:10])]
    cells = [*reversed(figures(A=1, S=20)[10:]), 999_999, *reversed(figures(A=1, S=20)[:10])]
    release = read_aps(book({"2023": year_sheet(2023, [("1111 Chief executives", cells)], header=header)}))
    chief = release.years[2023]["1111"]
    assert (chief.people, chief.industries["A"], chief.industries["S"]) == (21, 1, 20)
    assert release.problems == ('aps.xlsx, sheet "2023", row 8, column L: '
                                "unknown header 'All industries'; the column is ignored",)


def test_a_text_cell_counts_as_suppressed_and_is_noted_while_numbers_as_text_are_read() -> None:
    release = read_aps(book({"2021": year_sheet(2021, [("1111 Chief executives", figures(A="1,234", D="c"))])}))
    chief = release.years[2021]["1111"]
    assert (chief.people, chief.suppressed_cells, "D" in chief.industries) == (1234, 1, False)
    assert release.problems == ('aps.xlsx, sheet "2021", row 9, column F: '
                                "'c' is neither a count of people, '*' nor '-'; counted as suppressed, "
                                "so unit group 1111's total is a lower bound",)


def test_a_repeated_unit_group_keeps_the_first_and_notes_the_second() -> None:
    units = [CHIEF_EXECUTIVES, ELECTED, ("1111 Chief executives again", figures(A=7))]
    release = read_aps(book({"2021": year_sheet(2021, units)}))
    assert release.years[2021]["1111"].title == "Chief executives and senior officials"
    assert release.problems == ('aps.xlsx, sheet "2021", row 11, column B: '
                                "unit group 1111 again (first on row 9); the first is kept",)


def test_a_workbook_without_year_sheets_is_refused() -> None:
    with pytest.raises(ReleaseLayoutError, match=r"has no sheet named for a year \(its sheets: Notes\)"):
        read_aps(book({"Notes": [["Annual Population Survey, filtered for industry sections A-S"]]}))


def test_the_title_rows_tell_an_aps_workbook_from_another() -> None:
    assert is_aps_workbook(book({"2021": year_sheet(2021, [CHIEF_EXECUTIVES])}))
    assert not is_aps_workbook(book({"2021": [["Annual Survey of Hours and Earnings"], ["Table 14.7a"]]}))


@pytest.fixture(scope="module")
def real_aps() -> Workbook:
    path = fixture_file("ons", APS_FILE)
    return open_workbook(path.read_bytes(), path.name)


@pytest.mark.contract
def test_the_real_release_has_four_years_of_412_unit_groups_and_nothing_odd(real_aps: Workbook) -> None:
    release = read_aps(real_aps)
    assert is_aps_workbook(real_aps) and release.problems == ()
    assert list(release.years) == [2021, 2022, 2023, 2024]
    codes = set(release.years[2021])
    assert len(codes) == 412 and all(set(year) == codes for year in release.years.values())


@pytest.mark.contract
def test_real_figures_match_the_published_cells(real_aps: Workbook) -> None:
    years = read_aps(real_aps).years
    chief = years[2021]["1111"]  # row 9: B is '*', E is '-', the other 17 cells are counts
    assert (chief.title, chief.people, chief.suppressed_cells, chief.row) == (
        "Chief executives and senior officials", 139_584, 1, 8)
    assert "B" not in chief.industries and chief.industries["E"] == 0 and chief.industries["C"] == 12_796
    pre_press = years[2021]["5421"]  # only '*' and '-': no published count at all
    assert (pre_press.people, pre_press.suppressed_cells) == (0, 3)
    other = years[2024]["9269"]  # 6 counts, 9 '*', 4 '-'
    assert (other.people, other.suppressed_cells, len(other.industries)) == (21_712, 9, 10)


@pytest.mark.contract
def test_the_real_unit_groups_are_those_of_soc_2020_volume_1(real_aps: Workbook) -> None:
    volume1_path = fixture_file("ons", VOLUME1_FILE)
    volume1 = read_soc_volume1(open_workbook(volume1_path.read_bytes(), volume1_path.name))
    assert set(read_aps(real_aps).years[2024]) == set(volume1.units)
    assert not is_aps_workbook(open_workbook(volume1_path.read_bytes(), volume1_path.name))
