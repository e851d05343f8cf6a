"""Building the school's pack from its spreadsheet: an .xlsx workbook or a folder of the template's CSV files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from kiosk.content.errors import PackRejected
from kiosk.content.pack_file import Pack, write_pack
from kiosk.sources.school.about_sheet import pack_identity
from kiosk.sources.school.layout import ABOUT, INSTRUCTIONS, SHEETS, normalise_heading, sheet_named
from kiosk.sources.school.problems import Problems, at
from kiosk.sources.school.sheet_files import RawSheet, csv_files, read_csv_folder, read_workbook

TEMPLATE_NAMES = frozenset(normalise_heading(n) for n in (ABOUT, INSTRUCTIONS, *(s.name for s in SHEETS)))


# .xlsx is read; the others get a message saying what to do instead (save as .xlsx, or use the CSV folder).
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".numbers")


def is_school_source(path: Path) -> bool:
    """True for a spreadsheet file (.xlsx, or one it can name the trouble with), or a folder of the template's
    CSV files without a pack.toml."""
    path = Path(path)
    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        return not path.is_dir()
    if not path.is_dir() or (path / "pack.toml").exists():
        return False
    return any(normalise_heading(p.stem) in TEMPLATE_NAMES for p in csv_files(path))


def build_school_pack(path: Path, out: Path, *, now: dt.datetime | None = None) -> Pack:
    """Build the school's pack file from its spreadsheet, or raise PackRejected listing every problem found."""
    identity, tables = read_school_source(path, now=now)
    return write_pack(identity, tables, out)


def read_school_source(path: Path, *,
                       now: dt.datetime | None = None) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    """The pack identity and checked tables a school spreadsheet (or CSV folder) holds."""
    path = Path(path)
    now = now or dt.datetime.now().astimezone()
    if path.is_dir():
        sheets = read_csv_folder(path)
        if not sheets:
            raise PackRejected(f"{path} holds no CSV files; write the template with `kiosk pack template` first")
        what = "file"
    elif path.suffix.lower() == ".csv":
        raise PackRejected(f"{path.name} is one CSV file: put the template's CSV files in a folder "
                           "and build the folder")
    else:
        sheets = read_workbook(path)
        what = "sheet"
    problems = Problems()
    about, data = _sort_sheets(sheets, what, problems)
    # Here, not at the top: it loads openpyxl (~0.1 s), which building a TOML pack source never needs.
    from kiosk.sources.school.sheet_rows import sheet_tables

    identity = pack_identity(about, problems, now, missing=ABOUT + (".csv" if what == "file" else ""))
    tables: dict[str, list[dict[str, Any]]] = {}
    for spec, raw in data:
        for table, rows in sheet_tables(spec, raw, problems).items():
            tables.setdefault(table, []).extend(rows)
    problems.raise_if_any(path.name)
    if not any(tables.values()):
        raise PackRejected(f"{path.name}: there are no resources, events, alumni or providers in it yet; add some rows")
    return identity, {t: rows for t, rows in tables.items() if rows}


def _sort_sheets(sheets: list[RawSheet], what: str, problems: Problems) -> tuple[RawSheet | None, list[Any]]:
    """The About sheet and each data sheet with its layout; unknown or repeated sheets are problems."""
    about: RawSheet | None = None
    data: list[Any] = []
    seen: dict[str, str] = {}
    suffix = ".csv" if what == "file" else ""
    for raw in sheets:
        key = normalise_heading(raw.name)
        if key in seen:
            problems.add(at(raw.label), f"is the same {what} as {seen[key]}; keep one of them")
            continue
        seen[key] = raw.label
        if key == normalise_heading(INSTRUCTIONS):
            continue
        if key == normalise_heading(ABOUT):
            about = raw
            continue
        spec = sheet_named(raw.name)
        if spec is None:
            names = ", ".join(f"{n}{suffix}" for n in (ABOUT, *(s.name for s in SHEETS), INSTRUCTIONS))
            problems.add(at(raw.label), f"is not a {what} of the template; its {what}s are {names}")
            continue
        data.append((spec, raw))
    return about, sorted(data, key=lambda pair: SHEETS.index(pair[0]))  # problems in the template's order
