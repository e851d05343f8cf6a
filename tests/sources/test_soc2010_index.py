"""Reading ONS's SOC 2010 coding index into the job library's tables."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.sources.errors import SourceInputError
from kiosk.sources.official.soc2010_index import (
    IndexTitle, code, index_titles, natural_title, read_index, unit_groups, write_tables,
)

HEADER = ["REC\nNO", "RECNOEXT", "D", "E", "SOC90", "SOC 2000", "SOC 2010", "INDEXOCC", "IND", "ADD", "SEE"]


def row(soc2010: object, title: str, industry: str = "", additional: str = "") -> list[object]:
    return [1.0, 0.0, "", "", 103.0, 2441.0, soc2010, title, industry, additional, ""]


@pytest.mark.parametrize(("indexed", "qualifiers", "expected"), [
    ("Usher, court", (), "Court usher"),
    ("Administrator, control, credit", (), "Credit control administrator"),
    ("Packer", ("(shipbuilding)",), "Packer (shipbuilding)"),
    ("Maker, rope", ("", "(metal)"), "Rope maker (metal)"),
    ("Manager, IT", (), "IT manager"),
    ("IT, manager", (), "Manager IT"),  # a head word in capitals keeps them
])
def test_onss_inverted_titles_read_in_everyday_order(indexed: str, qualifiers: tuple[str, ...], expected: str) -> None:
    assert natural_title(indexed, *qualifiers) == expected


def test_codes_are_four_digit_unit_groups_written_as_numbers_or_text() -> None:
    assert [code(2444.0), code("2444"), code(" 9249 "), code("}}}}"), code(""), code(24.0)] == [
        "2444", "2444", "9249", None, None, None]


def test_each_entry_once_in_title_order_without_rows_that_name_no_group() -> None:
    rows = [row(9249.0, "Usher, court"), row("9249", "Usher, court"), row("}}}}", "Clerk, chief"),
            row(2444.0, "Priest"), row(5236.0, "Packer", "(shipbuilding)"), row(9134.0, "Packer"),
            row(4112.0, "A1", "(Jobcentre Plus)")]
    assert index_titles(HEADER, rows) == [
        IndexTitle("A1 (Jobcentre Plus)", "4112"), IndexTitle("Court usher", "9249"), IndexTitle("Packer", "9134"),
        IndexTitle("Packer (shipbuilding)", "5236"), IndexTitle("Priest", "2444")]


def test_a_sheet_without_the_index_columns_is_refused_naming_them() -> None:
    with pytest.raises(SourceInputError, match="no column INDEXOCC"):
        index_titles(["SOC 2010", "TITLE", "IND", "ADD"], [])


def test_unit_groups_come_from_the_structure_sheets_unit_group_column() -> None:
    rows = [["Major Group", "Sub-Major Group", "Minor Group", "Unit   Group", "Group Title"],
            [1.0, "", "", "", "MANAGERS, DIRECTORS AND SENIOR OFFICIALS"], ["", "", 111.0, "", "Chief Executives"],
            ["", "", "", 1115.0, "Chief executives and senior officials"], ["", "", "", "", ""]]
    assert unit_groups(rows) == {"1115": "Chief executives and senior officials"}


def test_a_file_that_is_not_an_xls_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ONS_index.xls"
    path.write_bytes(b"PK\x03\x04 not an old Excel file")
    with pytest.raises(SourceInputError, match="not an Excel 97-2003 workbook"):
        read_index(path)


def test_the_tables_are_written_as_pack_rows_with_their_source(tmp_path: Path) -> None:
    write_tables([IndexTitle("Court usher", "9249")], {"9249": "Elementary security occupations n.e.c."}, tmp_path)
    assert [json.loads(line) for line in (tmp_path / "soc2010_titles.jsonl").read_text().splitlines()] == [
        {"title": "Court usher", "soc2010": "9249", "source": "ons-soc2010-index"}]
    assert [json.loads(line) for line in (tmp_path / "soc2010_groups.jsonl").read_text().splitlines()] == [
        {"code": "9249", "title": "Elementary security occupations n.e.c.", "source": "ons-soc2010-index"}]


def test_cells_are_cleaned_as_other_releases_are_and_the_order_never_depends_on_the_run() -> None:
    # Two titles that differ only in case once came out in either order, by Python's hashing of the run.
    rows = [row(2412.0, "Queen's counsel"), row(2412.0, "Queen's Counsel"), row(2412.0, "Counsel, queen's"),
            row(1242.0, "Manager,  home\n care\u200b")]
    assert [t.title for t in index_titles(HEADER, rows)] == ["Home care manager", "Queen's Counsel", "Queen's counsel"]
    assert unit_groups([["", "", "", 1242.0, "Residential, day and domiciliary  care managers"]]) == {
        "1242": "Residential, day and domiciliary care managers"}
