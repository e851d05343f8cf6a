"""Reading the school's spreadsheet (an .xlsx workbook or a folder of CSV files) into rows of cell values."""

from __future__ import annotations

import codecs
import csv
import io
import warnings
import zipfile
from pathlib import Path
from typing import Any, NamedTuple

from kiosk.content.errors import PackRejected

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 5_000  # per sheet: far more than a school's library, events or alumni need
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
    from openpyxl import load_workbook  # only building a school pack needs openpyxl

    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it drops on reading (extensions, some validations); only values matter
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                return [_sheet_rows(workbook[name], name, name) for name in workbook.sheetnames]
            finally:
                workbook.close()
    except PackRejected:
        raise
    except Exception as e:  # openpyxl raises many kinds of error on a damaged file; all mean the same to staff
        raise PackRejected(f"{path.name} is damaged or is not an Excel workbook: {type(e).__name__}: {e}") from None


def _sheet_rows(sheet: Any, name: str, label: str) -> RawSheet:
    if not hasattr(sheet, "iter_rows"):  # a chart sheet
        return RawSheet(name, label, [])
    rows = []
    for number, values in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), 1):
        if any(v is not None and v != "" for v in values):
            if len(rows) > MAX_ROWS:
                raise PackRejected(f"{label} has more than {MAX_ROWS:,} rows; that is the limit")
            rows.append((number, tuple(values)))
    return RawSheet(name, label, rows)


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
            if any(v.strip() for v in values):
                if len(rows) > MAX_ROWS:
                    raise PackRejected(f"{path.name} has more than {MAX_ROWS:,} rows; that is the limit")
                rows.append((number, tuple(values[:MAX_COLUMNS])))
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
