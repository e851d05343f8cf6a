"""Small spreadsheets built in memory in the published releases' shapes, for the readers' tests."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

import openpyxl


def xlsx_bytes(sheets: Mapping[str, Sequence[Sequence[Any]]]) -> bytes:
    """An .xlsx holding these sheets, in this order, each with these rows."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for sheet, rows in sheets.items():
        ws = book.create_sheet(sheet)
        for row in rows:
            ws.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def full_school_workbook(path: Any, rows: int | None = None) -> Any:
    """The school template written by the kiosk and filled to its row limit (MAX_ROWS a sheet), every cell as long
    as its column allows: the largest school spreadsheet the kiosk accepts."""
    from pathlib import Path

    from kiosk.sources.school.layout import SHEETS
    from kiosk.sources.school.sheet_files import MAX_ROWS
    from kiosk.sources.school.template import write_template

    path = write_template(Path(path), "xlsx")
    book = openpyxl.load_workbook(path)
    for sheet in SHEETS:
        ws = book[sheet.name]
        ws.delete_rows(2, ws.max_row)  # the example rows
        for n in range(1, (rows or MAX_ROWS - 1) + 1):
            ws.append([_full_cell(f.kind, f.column, f.choices, n) for f in sheet.fields])
    book.save(path)
    return path


def _full_cell(kind: str, column: str, choices: Mapping[str, str] | None, n: int) -> Any:
    if choices:
        return sorted(choices)[n % len(choices)]
    if kind == "id":
        return f"{column}-{n}"
    return {"when": "2027-01-20 17:30", "year": 2019, "audience": "ks4, parents", "ids": "a-levels, t-levels"}.get(
        kind, f"{column} {n} " + "words of a long entry " * (40 if column in ("summary", "quote") else 8))
