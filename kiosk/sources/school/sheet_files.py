"""Reading the school's spreadsheet (an .xlsx workbook or a folder of CSV files) into rows of cell values."""

from __future__ import annotations

import codecs
import csv
import io
import warnings
import zipfile
from pathlib import Path
from typing import Any, Callable, NamedTuple

from kiosk.content.errors import PackRejected
from kiosk.content.zip_checks import ArchiveRefused

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 5_000  # per sheet: far more than a school's library, events or alumni need
# The last row read, empty or not: a million empty rows hold nothing but take seconds to go through.
MAX_SHEET_ROWS = 2 * MAX_ROWS
MAX_COLUMNS = 40
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls files, and .xlsx files encrypted with a password
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


class RawSheet(NamedTuple):
    """One sheet as read: its name, what errors call it, and its rows as (row number shown, cell values)."""

    name: str
    label: str
    rows: list[tuple[int, tuple[Any, ...]]]


def read_workbook(path: Path) -> list[RawSheet]:
    """Every sheet of an .xlsx workbook, with formulas as their cached values, or PackRejected naming the file."""
    data = _read_bytes(path)
    if data.startswith(OLE_MAGIC):
        if ENCRYPTED_STREAM in data:
            raise PackRejected(f"{path.name} is protected with a password: open it, remove the password "
                               "(in Excel: File, Info, Protect Workbook, Encrypt with Password) and save it again")
        raise PackRejected(f"{path.name} is an old Excel 97-2003 (.xls) file: save it as an Excel Workbook (.xlsx)")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        if data.startswith(b"PK"):
            raise PackRejected(f"{path.name} is damaged: its contents cannot be found (was it copied completely?)")
        raise PackRejected(f"{path.name} is not a spreadsheet: save it from Excel or LibreOffice as an Excel "
                           "Workbook (.xlsx)")
    if data[30:38] == b"mimetype" and ODS_MIMETYPE in data[:200]:
        raise PackRejected(f"{path.name} is an OpenDocument spreadsheet (.ods): save it as an Excel Workbook (.xlsx)")
    from kiosk.sources.xlsx_open import open_xlsx  # only building a school pack needs openpyxl

    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it drops on reading (extensions, some validations); only values matter
            warnings.simplefilter("ignore")
            workbook = open_xlsx(data)
            try:
                return [_sheet_rows(workbook[name], name, name, path.name) for name in workbook.sheetnames]
            finally:
                workbook.close()
    except PackRejected:
        raise
    except ArchiveRefused as e:
        raise PackRejected(f"{path.name} is refused: {e}") from None
    except Exception as e:  # openpyxl raises many kinds of error on a damaged file; all mean the same to staff
        raise PackRejected(f"{path.name} is damaged or is not an Excel workbook: {type(e).__name__}: {e}") from None


def _sheet_rows(sheet: Any, name: str, label: str, file: str) -> RawSheet:
    if not hasattr(sheet, "iter_rows"):  # a chart sheet
        return RawSheet(name, label, [])
    rows = []
    # One row and one column past the limits are read, so a sheet that goes on is refused, not quietly cut short.
    found = sheet.iter_rows(max_col=MAX_COLUMNS + 1, max_row=MAX_SHEET_ROWS + 1, values_only=True)
    try:
        for number, values in enumerate(found, 1):
            rows.extend(_kept_row(number, values, f"{file}: {label}", _empty_cell))
            if len(rows) > MAX_ROWS:
                raise PackRejected(f"{file}: {label} has more than {MAX_ROWS:,} rows; that is the limit")
    except ArchiveRefused as e:
        raise PackRejected(f"{file}: {label}: {e}") from None
    return RawSheet(name, label, rows)


def _kept_row(number: int, values: Any, where: str,
              empty: Callable[[Any], bool]) -> list[tuple[int, tuple[Any, ...]]]:
    """[(number, values)] for a row with something in it, [] for an empty one; PackRejected past a limit."""
    if number > MAX_SHEET_ROWS:
        raise PackRejected(f"{where}, row {number:,}: the sheet goes on past row {MAX_SHEET_ROWS:,}, the last row "
                           "the kiosk reads; delete the rows below your table")
    values = tuple(values)
    if len(values) > MAX_COLUMNS and not empty(values[MAX_COLUMNS]):
        from openpyxl.utils import get_column_letter  # only this message needs openpyxl (a CSV folder does not)

        raise PackRejected(f"{where}, row {number:,}, column {get_column_letter(MAX_COLUMNS + 1)}: there is "
                           f"something past column {get_column_letter(MAX_COLUMNS)}, the last column the kiosk "
                           "reads; move it or delete it")
    if all(empty(v) for v in values):
        return []
    return [(number, values[:MAX_COLUMNS])]


def _empty_cell(value: Any) -> bool:
    return value is None or value == ""


def _empty_field(value: str) -> bool:
    return not value.strip()


def csv_files(folder: Path) -> list[Path]:
    """The CSV files in a folder, by name."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == ".csv")


def read_csv_folder(folder: Path) -> list[RawSheet]:
    """Every CSV file in a folder, one sheet each (named by the file name without .csv)."""
    return [read_csv(path) for path in csv_files(folder)]


def read_csv(path: Path) -> RawSheet:
    """One CSV file in UTF-8 (with or without a byte order mark), or PackRejected naming the file and encoding."""
    data = _read_bytes(path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise PackRejected(f"{path.name} is saved as UTF-16 (Unicode Text); save it as CSV UTF-8 (comma delimited)")
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise PackRejected(
            f"{path.name} is not UTF-8 text (byte 0x{data[e.start]:02x} on line {line}; it is probably Windows-1252, "
            "Excel's plain \"CSV (Comma delimited)\"): save it as CSV UTF-8 (comma delimited)") from None
    first_line = content.split("\n", 1)[0]
    # Excel in some countries saves CSV with semicolons; the heading row shows which it used.
    delimiter = max((",", ";", "\t"), key=first_line.count)
    rows = []
    try:
        for number, values in enumerate(csv.reader(io.StringIO(content, newline=""), delimiter=delimiter), 1):
            rows.extend(_kept_row(number, values[:MAX_COLUMNS + 1], path.name, _empty_field))
            if len(rows) > MAX_ROWS:
                raise PackRejected(f"{path.name} has more than {MAX_ROWS:,} rows; that is the limit")
    except csv.Error as e:
        raise PackRejected(f"{path.name} is not a CSV file: {e}") from None
    return RawSheet(path.stem, path.name, rows)


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise PackRejected(f"{path.name} is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
        return path.read_bytes()
    except OSError as e:
        raise PackRejected(f"cannot read {path}: {e.strerror or e}") from None
