"""Decompression bombs in spreadsheets are refused, naming the file (and the sheet), before they expand: each is
read in a child process whose memory is capped at 1 GiB, where reading any of them whole would fail."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from kiosk.content.errors import PackRejected
from kiosk.sources.errors import SourceInputError
from kiosk.sources.official.release_files import release_files
from kiosk.sources.official.workbook import MAX_COLUMNS, OLE_MAGIC, open_workbook
from kiosk.sources.school.sheet_files import MAX_COLUMNS as SCHOOL_COLUMNS
from kiosk.sources.school.sheet_files import read_workbook
from tests.helpers import zip_bombs
from tests.helpers.workbooks import xlsx_bytes

REPO = Path(__file__).resolve().parents[2]
# The bombs whose excess is in a sheet: their refusal names the sheet as well as the file.
XLS_LIMIT = 16 * 1024 * 1024  # workbook.MAX_XLS_BYTES
IN_A_SHEET = {"millions_of_rows", "unsized_rows", "far_row", "endless_row", "doctype"}
READERS = ("school", "official")


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], dict[str, object]]:
    """Every bomb read by both readers, in one child process capped at 1 GiB."""
    folder = tmp_path_factory.mktemp("bombs")
    cases = []
    for name, make in zip_bombs.XLSX_BOMBS.items():
        path = folder / f"{name}.xlsx"
        path.write_bytes(make())
        cases += [(reader, path) for reader in READERS]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    found = zip_bombs.read_in_child(cases, env, REPO, timeout=120)
    return {(path.stem, reader): result for (reader, path), result in zip(cases, found)}


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("bomb", sorted(zip_bombs.XLSX_BOMBS))
def test_a_workbook_bomb_is_refused_by_name_before_it_expands(
        outcomes: dict[tuple[str, str], dict[str, object]], bomb: str, reader: str) -> None:
    found = outcomes[(bomb, reader)]
    assert found["outcome"] == "refused", found
    message = str(found["message"])
    assert f"{bomb}.xlsx" in message
    if bomb in IN_A_SHEET:
        assert "Resources" in message, message
    assert "damaged" not in message  # a bomb is refused as one, not blamed on a bad copy


def test_a_school_sheet_with_something_past_the_last_column_is_refused_by_sheet_row_and_column(
        tmp_path: Path) -> None:
    path = tmp_path / "school.xlsx"
    far = ["Careers guide"] + [None] * (SCHOOL_COLUMNS - 1) + ["note"]  # "note" in the column after the last read
    path.write_bytes(xlsx_bytes({"Resources": [["Title"], far]}))
    with pytest.raises(PackRejected, match=r'school\.xlsx: Resources, row 2, column AO: there is something past '
                                           r"column AN"):
        read_workbook(path)


def test_an_official_sheet_with_a_value_past_the_last_column_is_refused_by_sheet_row_and_column() -> None:
    data = xlsx_bytes({"All": [["Code"], ["1111"] + [None] * (MAX_COLUMNS - 1) + [42]]})
    book = open_workbook(data, "ashe.xlsx")
    with pytest.raises(SourceInputError, match=r'ashe\.xlsx, sheet "All", row 2, column GS: a value stands past '
                                               r"column GR"):
        book.rows("All")


def test_an_xls_file_too_large_for_a_release_table_is_refused_by_name_before_xlrd_reads_it() -> None:
    with pytest.raises(SourceInputError, match=r"ashe\.xls: is 16,777,217 bytes"):
        open_workbook(OLE_MAGIC + b"\0" * (XLS_LIMIT + 1 - len(OLE_MAGIC)), "ashe.xls")


def test_a_release_zip_with_a_bzip2_workbook_is_refused_naming_the_member(tmp_path: Path) -> None:
    # zipfile decompresses bzip2 a whole input chunk at a time: 200 bytes asked for 4 KB gave back 32 MB
    with zipfile.ZipFile(io.BytesIO(zip_bombs.lying_directory_bomb())) as zf:
        sheet = zf.getinfo("xl/worksheets/sheet1.xml")
        stored = zf.fp.getvalue()[sheet.header_offset + 30 + len(sheet.filename):][:sheet.compress_size]
    member = zip_bombs.Member("ashe/table.xlsx", stored, zipfile.ZIP_BZIP2, 0, 2048)
    (tmp_path / "ashe.zip").write_bytes(zip_bombs.raw_zip([member]))
    with pytest.raises(SourceInputError, match=r"ashe\.zip/ashe/table\.xlsx is compressed in a way release zips do "
                                               r"not use \(method 12\)"):
        release_files(tmp_path)


def test_a_release_zip_listing_more_parts_than_a_release_has_is_refused_before_its_directory_is_read(
        tmp_path: Path) -> None:
    members = [zip_bombs.deflated(f"x/{i}.xlsx", b"") for i in range(4_001)]
    (tmp_path / "ashe.zip").write_bytes(zip_bombs.raw_zip(members))
    with pytest.raises(SourceInputError, match=r"ashe\.zip is refused: its directory lists 4,001 parts"):
        release_files(tmp_path)
