"""Writing the school's content template: an .xlsx workbook with drop-downs and help, or a folder of CSV files."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from kiosk.content.errors import PackRejected
from kiosk.content.file_replace import replace_file
from kiosk.content.folder_write import open_folder
from kiosk.sources.school import cells
from kiosk.sources.school.layout import (
    ABOUT, ABOUT_HEADINGS, ABOUT_KEYS, AUDIENCE_ORDER, EXAMPLE_MARK, INSTRUCTIONS, SHEETS, Sheet,
)
from kiosk.sources.school.sheet_files import MAX_ROWS

INSTRUCTION_HEADINGS = ("Sheet", "Column", "Needed?", "What to write")


def write_template(out: Path, fmt: str | None) -> Path:
    """Write the template (fmt "xlsx" or "csv"; None: .xlsx names a workbook, anything else a CSV folder)."""
    out = Path(out)
    fmt = fmt or ("xlsx" if out.suffix.lower() == ".xlsx" else "csv")
    if fmt not in ("xlsx", "csv"):
        raise PackRejected(f"the template's format must be xlsx or csv, not {fmt!r}")
    if fmt == "xlsx" and out.suffix.lower() != ".xlsx":
        out = out.with_name(out.name + ".xlsx")
    if fmt == "csv" and out.suffix.lower() == ".xlsx":
        raise PackRejected(f"{out} is named like a workbook; choose a folder name for the CSV files")
    if out.exists() and (not out.is_dir() or fmt == "xlsx" or any(out.iterdir())):
        raise PackRejected(f"{out} already exists; choose another name, or move it away first")
    if fmt == "xlsx":
        _write_workbook(out)
    else:
        _write_csv_folder(out)
    return out


def instruction_lines() -> list[str]:
    """The paragraphs at the top of the instructions."""
    sheets = ", ".join(s.name for s in SHEETS)
    return [
        f"Fill in the sheet \"{ABOUT}\" (your school's name at least), then any of {sheets}. "
        "A sheet you have nothing for can stay empty below its headings.",
        "Row 1 of each sheet holds the headings: keep them as they are. You may delete a column that is optional.",
        f"Rows whose first words are \"{EXAMPLE_MARK}\" show how to fill in a sheet. Delete them, or write over "
        "them, before you build: the build refuses while they are there.",
        "Blank rows are skipped. Dates and times: 2027-01-20 17:30, 20/01/2027 17:30, or an Excel date cell.",
        "Build the pack with: kiosk pack build school.xlsx -o school.zip (or the folder of CSV files), "
        "then install it with: kiosk pack import school.zip",
        "CSV files must be saved as CSV UTF-8 (comma delimited). This Instructions sheet is not read by the build.",
    ]


def instruction_rows() -> list[tuple[str, str, str, str]]:
    """One row per setting and column: the sheet, the heading, whether it is needed, and what to write."""
    rows = [(ABOUT, key.label, "yes" if key.name == "publisher" else "no", key.help) for key in ABOUT_KEYS]
    for sheet in SHEETS:
        rows += [(sheet.name, f.heading, "yes" if f.required else "no", f.help) for f in sheet.fields]
    return rows


def _example_cells(sheet: Sheet) -> list[list[Any]]:
    return [[example.get(f.heading) for f in sheet.fields] for example in sheet.examples]


def _write_csv_folder(out: Path) -> None:
    # A byte order mark, so that Excel opens the files as UTF-8 and accents survive.
    tables: dict[str, list[list[Any]]] = {
        INSTRUCTIONS: [[line] for line in instruction_lines()] + [[]]
        + [list(INSTRUCTION_HEADINGS)] + [list(r) for r in instruction_rows()],
        ABOUT: [list(ABOUT_HEADINGS)] + [[k.label, k.default, k.help] for k in ABOUT_KEYS],
    }
    for sheet in SHEETS:
        tables[sheet.name] = [[f.heading for f in sheet.fields]] + _example_cells(sheet)
    with open_folder(out) as folder:  # perhaps on a stick: each file made new, never through a link there
        for name, rows in tables.items():
            text = io.StringIO(newline="")
            csv.writer(text).writerows([[cells.text(v) or "" for v in row] for row in rows])
            folder.write_bytes(f"{name}.csv", text.getvalue().encode("utf-8-sig"))


def _write_workbook(out: Path) -> None:
    from openpyxl import Workbook  # only writing the template needs openpyxl

    book = Workbook()
    _instructions_sheet(book.active)
    about = book.create_sheet(ABOUT)
    _headings(about, ABOUT_HEADINGS, (18, 40, 100))
    for n, key in enumerate(ABOUT_KEYS, 2):
        about.cell(n, 1, key.label)
        value = about.cell(n, 2, key.default or None)
        value.number_format = "@"  # text, so that a version like 2027.10 stays as typed
        about.cell(n, 3, key.help)
    for sheet in SHEETS:
        _data_sheet(book.create_sheet(sheet.name), sheet)
    out.parent.mkdir(parents=True, exist_ok=True)
    replace_file(out, book.save)  # perhaps on a stick: written whole, never through a link planted there


def _headings(ws: Any, headings: tuple[str, ...], widths: tuple[int, ...]) -> None:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    for i, (heading, width) in enumerate(zip(headings, widths), 1):
        cell = ws.cell(1, i, heading)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE6F0")
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"


def _data_sheet(ws: Any, sheet: Sheet) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    _headings(ws, tuple(f.heading for f in sheet.fields), tuple(f.width for f in sheet.fields))
    example_font = Font(italic=True, color="666666")
    for r, values in enumerate(_example_cells(sheet), 2):
        for c, value in enumerate(values, 1):
            ws.cell(r, c, value).font = example_font
    for c, field in enumerate(sheet.fields, 1):
        letter = get_column_letter(c)
        cells_range = f"{letter}2:{letter}{MAX_ROWS + 1}"
        if field.kind == "when":
            ws.column_dimensions[letter].number_format = "yyyy-mm-dd hh:mm"
            for r in range(2, 2 + len(sheet.examples)):
                ws.cell(r, c).number_format = "yyyy-mm-dd hh:mm"
        if field.kind == "choice":
            rule = DataValidation(type="list", formula1='"' + ",".join(field.choices or {}) + '"', allow_blank=True,
                                  showErrorMessage=True, errorTitle=f"Not a {field.heading.lower()}",
                                  error=field.help[:255])
        elif field.kind == "audience":
            # A drop-down of single audiences; several may be typed with commas, so any entry is allowed.
            rule = DataValidation(type="list", formula1='"' + ",".join(AUDIENCE_ORDER) + '"', allow_blank=True,
                                  showErrorMessage=False)
        elif field.kind == "year":
            rule = DataValidation(type="whole", operator="between", formula1="1970", formula2="2100",
                                  allow_blank=True, showErrorMessage=True, errorTitle="Not a year",
                                  error="A year like 2019.")
        else:
            rule = DataValidation(allow_blank=True)  # no rule: only the help shown when a cell is chosen
        rule.promptTitle = field.heading[:32]
        rule.prompt = field.help[:255]
        rule.showInputMessage = True
        rule.add(cells_range)
        ws.add_data_validation(rule)


def _instructions_sheet(ws: Any) -> None:
    from openpyxl.styles import Alignment, Font

    ws.title = INSTRUCTIONS
    ws.cell(1, 1, "How to fill in this template").font = Font(bold=True, size=14)
    row = 2
    for line in instruction_lines():
        ws.cell(row, 1, line)
        row += 1
    row += 1
    for c, heading in enumerate(INSTRUCTION_HEADINGS, 1):
        ws.cell(row, c, heading).font = Font(bold=True)
    for values in instruction_rows():
        row += 1
        for c, value in enumerate(values, 1):
            ws.cell(row, c, value).alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCD", (18, 20, 10, 100)):
        ws.column_dimensions[letter].width = width
