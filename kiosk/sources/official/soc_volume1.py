"""ONS SOC 2020 Volume 1: the groups above unit groups, and each unit group's description, tasks and job titles."""

from __future__ import annotations

import re
import unicodedata
from typing import Any, NamedTuple

from kiosk.sources.official.layout_error import ReleaseLayoutError, column_letter, place
from kiosk.sources.official.workbook import Workbook

DESCRIPTIONS = "SOC2020 descriptions"
HEADER_SEARCH_ROWS = 20
BLANK = "<blank>"  # how Volume 1 writes an empty cell
UNIT = "SOC 2020 Unit Group"
# The code of each level sits in its own column; (header as published, level, digits).
LEVELS = (
    ("SOC 2020 Major Group", "major", 1),
    ("SOC 2020 Sub-Major Group", "sub-major", 2),
    ("SOC 2020 Minor Group", "minor", 3),
    (UNIT, "unit", 4),
)
TITLE, DESCRIPTION = "SOC 2020 Group Title", "Group Description"
ENTRY_ROUTES = "Typical Entry Routes And Associated Qualifications"
TASKS, RELATED_TITLES = "Tasks", "Related Job Titles"
HEADERS = tuple(header for header, _, _ in LEVELS) + (TITLE, DESCRIPTION, ENTRY_ROUTES, TASKS, RELATED_TITLES)


class SocGroup(NamedTuple):
    """A major, sub-major or minor group: the levels above the unit groups."""

    code: str
    title: str
    level: str  # 'major', 'sub-major' or 'minor'


class UnitGroup(NamedTuple):
    """A unit group as Volume 1 describes it; empty text where ONS wrote <blank>."""

    code: str
    title: str
    description: str
    entry_routes: str
    tasks: tuple[str, ...]
    related_titles: tuple[str, ...]


class SocVolume1(NamedTuple):
    """Every group of one Volume 1 workbook by code, with what was odd about it."""

    file: str
    groups: dict[str, SocGroup]
    units: dict[str, UnitGroup]
    problems: tuple[str, ...]


def is_soc_volume1(wb: Workbook) -> bool:
    """True when the workbook has Volume 1's descriptions sheet."""
    return _descriptions_sheet(wb) is not None


def read_soc_volume1(wb: Workbook) -> SocVolume1:
    """Every group in Volume 1's descriptions sheet; ReleaseLayoutError when the sheet or a header is missing."""
    sheet = _descriptions_sheet(wb) or DESCRIPTIONS  # a missing sheet is refused by rows(), naming the sheets
    rows = wb.rows(sheet)
    header_row, columns = _header(wb.name, sheet, rows)
    groups: dict[str, SocGroup] = {}
    units: dict[str, UnitGroup] = {}
    rows_of: dict[str, int] = {}  # code -> row, for naming the first of a repeat and a unit's row
    problems: list[str] = []
    for index in range(header_row + 1, len(rows)):
        row = rows[index]
        found = _level(wb.name, sheet, index, row, columns, problems)
        if found is None:
            continue
        column, code, level = found
        if code in rows_of:
            problems.append(f"{place(wb.name, sheet, index, column)}: group {code} again "
                            f"(first on row {rows_of[code] + 1}); the first is kept")
            continue
        title = clean(_cell(row, columns[TITLE]))
        if not title:
            problems.append(f"{place(wb.name, sheet, index, columns[TITLE])}: group {code} has no title; skipped")
            continue
        rows_of[code] = index
        if level != "unit":
            groups[code] = SocGroup(code, title, level)
            continue
        units[code] = UnitGroup(
            code, title,
            description=clean(_cell(row, columns[DESCRIPTION])),
            entry_routes=clean(_cell(row, columns[ENTRY_ROUTES])),
            tasks=listed(_cell(row, columns[TASKS])),
            related_titles=listed(_cell(row, columns[RELATED_TITLES])))
    # Checked once every row is read: the sheet lists a sub-major group before its units, but need not.
    for code in units:
        if code[:2] not in groups:  # codes of each level have their own length, so this is a sub-major group
            problems.append(f"{place(wb.name, sheet, rows_of[code], columns[UNIT])}: unit group {code} "
                            f"has no sub-major group {code[:2]} in this sheet")
    return SocVolume1(wb.name, groups, units, tuple(problems))


def clean(value: Any) -> str:
    """A cell's text as published, with control characters removed and whitespace collapsed; '' for <blank>."""
    if value is None:
        return ""
    text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    # Line ends and tabs are whitespace and collapse to a space; other control and format characters
    # (NUL, soft hyphens, zero-width spaces) have no place in text read aloud or shown on a kiosk.
    text = "".join(ch for ch in text if ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cf"))
    text = " ".join(text.split())
    return "" if text.casefold() == BLANK else text


def listed(value: Any) -> tuple[str, ...]:
    """A Volume 1 list ('~' items separated by blank lines) as its items, without the '~'; () for <blank>."""
    if value is None or clean(value) == "":
        return ()
    items: list[list[str]] = []
    current: list[str] | None = None
    for line in str(value).splitlines():
        text = clean(line)
        if not text:
            current = None  # a blank line ends an item
        elif text.startswith("~") or current is None:
            current = [text.lstrip("~")]
            items.append(current)
        else:
            current.append(text)  # a line broken inside an item continues it
    return tuple(item for item in (clean(" ".join(parts)) for parts in items) if item)


def _descriptions_sheet(wb: Workbook) -> str | None:
    for name in wb.sheet_names:
        if _key(name) == _key(DESCRIPTIONS):
            return name
    return None


def _header(file: str, sheet: str, rows: list[tuple[Any, ...]]) -> tuple[int, dict[str, int]]:
    """The header row (the first naming any expected column) and each expected header's column."""
    wanted = {_key(header): header for header in HEADERS}
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for column, value in enumerate(row):
            header = wanted.get(_key(value)) if isinstance(value, str) else None
            if header is not None and header not in columns:
                columns[header] = column
        if not columns:
            continue
        missing = [header for header in HEADERS if header not in columns]
        if missing:
            raise ReleaseLayoutError(place(file, sheet, index),
                                     f"the header has no column {', '.join(repr(h) for h in missing)}")
        return index, columns
    raise ReleaseLayoutError(place(file, sheet), f"has no header row (looked for {', '.join(map(repr, HEADERS))} "
                                                 f"in its first {HEADER_SEARCH_ROWS} rows)")


def _level(file: str, sheet: str, index: int, row: tuple[Any, ...], columns: dict[str, int],
           problems: list[str]) -> tuple[int, str, str] | None:
    """The row's (column, code, level) from the one level column holding a code, or None (noted if odd)."""
    filled = [(columns[header], level, digits) for header, level, digits in LEVELS
              if clean(_cell(row, columns[header]))]
    if not filled:
        if any(clean(value) for value in row):
            problems.append(f"{place(file, sheet, index)}: has text but no group code; skipped")
        return None
    if len(filled) > 1:
        letters = " and ".join(column_letter(column) for column, _, _ in filled)
        problems.append(f"{place(file, sheet, index)}: has codes in more than one level column ({letters}); "
                        "skipped")
        return None
    column, level, digits = filled[0]
    code = clean(_cell(row, column))
    if not re.fullmatch(rf"[0-9]{{{digits}}}", code):
        name = "unit-group" if level == "unit" else f"{level} group"
        problems.append(f"{place(file, sheet, index, column)}: {code!r} is not a {digits}-digit {name} code; "
                        "skipped")
        return None
    return column, code, level


def _key(value: Any) -> str:
    # ONS spells one header 'SOC\n2020 Major Group' here and 'SOC2020\nMajor Group' in the framework sheet,
    # so headers match with all whitespace removed and case ignored.
    return "".join(str(value).split()).casefold()


def _cell(row: tuple[Any, ...], column: int) -> Any:
    return row[column] if column < len(row) else None  # the workbook trims trailing empty cells
