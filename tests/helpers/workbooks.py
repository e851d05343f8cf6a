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
