"""SOC 2020 Volume 1: groups by level, unit-group text and '~' lists, and refused layouts."""

from __future__ import annotations

import io
from typing import Any

import pytest
from openpyxl import Workbook as OpenpyxlWorkbook

from kiosk.sources.official.layout_error import ReleaseLayoutError
from kiosk.sources.official.soc_volume1 import SocGroup, UnitGroup, clean, is_soc_volume1, read_soc_volume1
from kiosk.sources.official.workbook import Workbook, open_workbook
from tests.helpers.official import fixture_file

VOLUME1_FILE = "soc2020volume1structureanddescriptionofunitgroups.xlsx"
# The header as ONS publishes it, odd spacing and line breaks included.
HEADER = ["SOC\n2020 Major Group", "SOC\n2020 Sub-Major Group", "SOC\n2020 Minor Group", "SOC 2020 Unit Group",
          "SOC\n2020 \nGroup Title", "Groups Classified Within Sub-Groups ", "Group  Description",
          "Typical Entry Routes And Associated Qualifications", "Tasks", "Related Job Titles"]
B = "<blank>"


def group(level: int, code: Any, title: str) -> list[Any]:
    """A major (0), sub-major (1) or minor (2) group's row: the code in its level's column."""
    codes = [B] * 4
    codes[level] = code
    return [*codes, title, "Occupations in this group are classified into ...", "Job holders in this group ...",
            B, B, B]


def unit(code: Any, title: str, description: str = "Does things.", entry: str = B, tasks: str = B,
         related: str = B) -> list[Any]:
    return [B, B, B, code, title, B, description, entry, tasks, related]


STRUCTURE = [group(0, 5, "Skilled trades occupations"), group(1, 52, "Skilled metal, electrical and electronic trades"),
             group(2, 523, "Vehicle trades")]


def book(rows: list[list[Any]], header: list[Any] = HEADER, sheet: str = "SOC2020 descriptions") -> Workbook:
    made = OpenpyxlWorkbook()
    ws = made.active
    ws.title = sheet
    for row in [header, *rows]:
        ws.append(row)
    made.create_sheet("SOC2020 framework")
    buf = io.BytesIO()
    made.save(buf)
    return open_workbook(buf.getvalue(), "volume1.xlsx")


def test_groups_are_read_at_their_level_and_unit_groups_with_their_text() -> None:
    tasks = "~diagnoses engine faults\n\n~replaces  defective parts\t\n\n~\n\n"
    mechanic = unit(5231, " Vehicle technicians, mechanics and electricians ", "Repair\u00a0and service\nvehicles.",
                    B, tasks, "~Auto electrician\n\n~Car mechanic")
    volume1 = read_soc_volume1(book([*STRUCTURE, mechanic]))
    assert volume1.groups == {"5": SocGroup("5", "Skilled trades occupations", "major"),
                              "52": SocGroup("52", "Skilled metal, electrical and electronic trades", "sub-major"),
                              "523": SocGroup("523", "Vehicle trades", "minor")}
    assert volume1.units == {"5231": UnitGroup(
        "5231", "Vehicle technicians, mechanics and electricians", "Repair and service vehicles.", "",
        ("diagnoses engine faults", "replaces defective parts"), ("Auto electrician", "Car mechanic"))}
    assert volume1.file == "volume1.xlsx" and volume1.problems == ()


def test_a_line_break_continues_an_item_while_a_blank_line_or_a_tilde_starts_one() -> None:
    tasks = "~checks tickets\nand directs people to seats\n~operates rides\n\n\nissues change"
    volume1 = read_soc_volume1(book([*STRUCTURE, unit("5231", "Mechanics", tasks=tasks)]))
    assert volume1.units["5231"].tasks == ("checks tickets and directs people to seats", "operates rides",
                                           "issues change")


def test_control_characters_are_removed_and_whitespace_collapsed() -> None:
    volume1 = read_soc_volume1(book([*STRUCTURE, unit(5231, "Mech\u200banics", "Re\u00adpairs cars\r\n  and vans.")]))
    assert (volume1.units["5231"].title, volume1.units["5231"].description) == ("Mechanics", "Repairs cars and vans.")
    # openpyxl refuses to write C0 controls, which an .xls release can still hold
    assert clean("Fixes\x07 cars\x00\tand\x1b vans") == "Fixes cars and vans"
    assert clean(" <Blank> ") == "" and clean(5231.0) == "5231"


def test_headers_match_whatever_their_spacing_and_case() -> None:
    header = [" ".join(h.split()).upper().replace("SOC 2020", "SOC2020") for h in HEADER]
    assert read_soc_volume1(book([*STRUCTURE, unit(5231, "Mechanics")], header=header)).units["5231"].title \
        == "Mechanics"


def test_a_missing_header_is_refused_naming_sheet_row_and_header() -> None:
    header = [h if h != "Tasks" else "Duties" for h in HEADER]
    with pytest.raises(ReleaseLayoutError) as caught:
        read_soc_volume1(book([*STRUCTURE], header=header))
    assert str(caught.value) == "volume1.xlsx, sheet \"SOC2020 descriptions\", row 1: the header has no column 'Tasks'"


def test_a_sheet_without_any_header_is_refused() -> None:
    with pytest.raises(ReleaseLayoutError, match=r'sheet "SOC2020 descriptions": has no header row'):
        read_soc_volume1(book([], header=["Code", "Title"]))


def test_a_workbook_without_the_descriptions_sheet_is_refused_and_not_taken_for_volume_1() -> None:
    wb = book([*STRUCTURE], sheet="Contents")
    assert not is_soc_volume1(wb) and is_soc_volume1(book([*STRUCTURE]))
    with pytest.raises(ReleaseLayoutError, match=r'has no sheet "SOC2020 descriptions" \(its sheets: Contents, '):
        read_soc_volume1(wb)


def test_a_bad_unit_code_a_missing_title_or_a_unit_without_its_sub_major_group_is_noted() -> None:
    volume1 = read_soc_volume1(book([*STRUCTURE, unit(523, "Short code"), unit("52x1", "Letter"),
                                     unit(6131, "No sub-major 61"), unit(5231, "Mechanics"), unit(5232, B)]))
    assert list(volume1.units) == ["6131", "5231"]
    assert volume1.problems == (
        "volume1.xlsx, sheet \"SOC2020 descriptions\", row 5, column D: '523' is not a 4-digit unit-group code; "
        "skipped",
        "volume1.xlsx, sheet \"SOC2020 descriptions\", row 6, column D: '52x1' is not a 4-digit unit-group code; "
        "skipped",
        'volume1.xlsx, sheet "SOC2020 descriptions", row 9, column E: group 5232 has no title; skipped',
        'volume1.xlsx, sheet "SOC2020 descriptions", row 7, column D: unit group 6131 has no sub-major group 61 '
        "in this sheet",
    )


def test_a_repeated_code_keeps_the_first_and_a_row_with_two_codes_is_skipped() -> None:
    two_codes = unit(5232, "Two codes")
    two_codes[2] = 523
    volume1 = read_soc_volume1(book([*STRUCTURE, unit(5231, "Mechanics"), unit(5231, "Again"), two_codes]))
    assert list(volume1.units) == ["5231"] and volume1.units["5231"].title == "Mechanics"
    assert volume1.problems == (
        'volume1.xlsx, sheet "SOC2020 descriptions", row 6, column D: group 5231 again (first on row 5); '
        "the first is kept",
        'volume1.xlsx, sheet "SOC2020 descriptions", row 7: has codes in more than one level column (C and D); '
        "skipped",
    )


@pytest.fixture(scope="module")
def real_volume1() -> Workbook:
    path = fixture_file("ons", VOLUME1_FILE)
    return open_workbook(path.read_bytes(), path.name)


@pytest.mark.contract
def test_the_real_volume_has_every_group_and_nothing_odd(real_volume1: Workbook) -> None:
    volume1 = read_soc_volume1(real_volume1)
    assert is_soc_volume1(real_volume1) and volume1.problems == ()
    levels = [g.level for g in volume1.groups.values()]
    assert (levels.count("major"), levels.count("sub-major"), levels.count("minor"), len(volume1.units)) == (
        9, 26, 104, 412)
    assert all(volume1.groups[code[:2]].level == "sub-major" for code in volume1.units)
    assert volume1.groups["11"].title == "Corporate managers and directors"  # sentence case in this sheet


@pytest.mark.contract
def test_a_real_unit_group_reads_as_published(real_volume1: Workbook) -> None:
    mechanics = read_soc_volume1(real_volume1).units["5231"]
    assert mechanics.title == "Vehicle technicians, mechanics and electricians"
    assert "Car mechanic" in mechanics.related_titles and len(mechanics.related_titles) == 9
    assert mechanics.tasks[0] == ("visually checks, test drives or uses test equipment to diagnose engine and "
                                  "mechanical faults") and len(mechanics.tasks) == 8
    assert mechanics.description.startswith("Vehicle technicians, mechanics and electricians accept calls")
