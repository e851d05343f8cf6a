"""ONS Annual Population Survey employment by SOC 2020 unit group and industry section, one sheet per year."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from kiosk.sources.official.layout_error import ReleaseLayoutError, place
from kiosk.sources.official.workbook import Workbook

# SIC 2007 sections; the release is filtered to A-S (T, households as employers, and U, extraterritorial
# bodies, are left out), so a T or U column is as foreign as any other.
INDUSTRY_SECTIONS = {
    "A": "Agriculture, forestry and fishing",
    "B": "Mining and quarrying",
    "C": "Manufacturing",
    "D": "Electricity, gas, steam and air conditioning supply",
    "E": "Water supply; sewerage, waste management and remediation activities",
    "F": "Construction",
    "G": "Wholesale and retail trade; repair of motor vehicles and motorcycles",
    "H": "Transportation and storage",
    "I": "Accommodation and food service activities",
    "J": "Information and communication",
    "K": "Financial and insurance activities",
    "L": "Real estate activities",
    "M": "Professional, scientific and technical activities",
    "N": "Administrative and support service activities",
    "O": "Public administration and defence; compulsory social security",
    "P": "Education",
    "Q": "Human health and social work activities",
    "R": "Arts, entertainment and recreation",
    "S": "Other service activities",
}
SECTION_HEADER = re.compile(r"^(?:\d{1,2}\s+)?([A-Z])(?:\s|$)")  # "1 A  Agriculture, forestry and fishing"
UNIT_LABEL = re.compile(r"^(\d{4})(?:\s+(.*))?$", re.DOTALL)  # "1111 Chief executives and senior officials"
PERIOD = re.compile(r"January\s*[-\u2013]\s*December\s+(\d{4})", re.IGNORECASE)
YEAR_SHEET = re.compile(r"\d{4}")
THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
NIL = ("-", "\u2013")  # ONS writes nil as a hyphen; an en dash is the same mark retyped
SUPPRESSED = "*"


class ApsEmployment(NamedTuple):
    """People employed in one unit group in one year, in total and by industry section, as published."""

    code: str
    title: str
    year: int
    people: int  # the sum of the published cells; a lower bound when suppressed_cells > 0
    suppressed_cells: int
    industries: dict[str, int]  # section letter -> people; nil cells are 0, suppressed ones absent
    row: int  # 0-based sheet row


class ApsRelease(NamedTuple):
    """Every year of one APS workbook, by year then unit-group code, with what was odd about it."""

    file: str
    years: dict[int, dict[str, ApsEmployment]]
    problems: tuple[str, ...]


class _Header(NamedTuple):
    row: int
    sections: dict[str, int]  # section letter -> column
    first_column: int  # labels sit left of this column, figures from it rightwards


def is_aps_workbook(wb: Workbook) -> bool:
    """True when the first year sheet (or the first sheet) is titled as APS employment by industry section."""
    names = [n for n in wb.sheet_names if YEAR_SHEET.fullmatch(n.strip())] or wb.sheet_names
    if not names:
        return False
    titles = " ".join(str(cell) for row in wb.rows(names[0])[:10] for cell in row if isinstance(cell, str))
    titles = " ".join(titles.split()).casefold()
    return "annual population survey" in titles and "industry section" in titles


def read_aps(wb: Workbook) -> ApsRelease:
    """Every year sheet of an APS workbook; ReleaseLayoutError when a sheet's layout is not the published one."""
    years: dict[int, dict[str, ApsEmployment]] = {}
    problems: list[str] = []
    for sheet in wb.sheet_names:
        if not YEAR_SHEET.fullmatch(sheet.strip()):
            continue  # notes and contents sheets carry no figures
        year = int(sheet.strip())
        if year in years:
            problems.append(f'{place(wb.name, sheet)}: a second sheet for {year}; the first is kept')
            continue
        years[year] = _read_year(wb, sheet, year, problems)
    if not years:
        raise ReleaseLayoutError(place(wb.name),
                                 f'has no sheet named for a year (its sheets: {", ".join(wb.sheet_names)})')
    return ApsRelease(wb.name, years, tuple(problems))


def _read_year(wb: Workbook, sheet: str, year: int, problems: list[str]) -> dict[str, ApsEmployment]:
    rows = wb.rows(sheet)
    header = _header(wb.name, sheet, rows, problems)
    _check_period(wb.name, sheet, rows[:header.row], year)
    found: dict[str, ApsEmployment] = {}
    for index in range(header.row + 1, len(rows)):
        row = rows[index]
        label_column, code, title = _label(row, header.first_column)
        if code is None:
            if title == "total":
                break  # the footnotes follow; the Total row itself sums suppressed cells we cannot see
            if any(_cell(row, c) is not None for c in header.sections.values()):
                problems.append(f"{place(wb.name, sheet, index, label_column)}: has figures but no 4-digit "
                                "unit-group code in its label; skipped")
            continue
        if code in found:
            problems.append(f"{place(wb.name, sheet, index, label_column)}: unit group {code} again "
                            f"(first on row {found[code].row + 1}); the first is kept")
            continue
        found[code] = _employment(wb.name, sheet, index, row, header, code, title, year, problems)
    if not found:
        raise ReleaseLayoutError(place(wb.name, sheet, header.row), "has no unit-group rows below this header")
    return found


def _header(file: str, sheet: str, rows: list[tuple[Any, ...]], problems: list[str]) -> _Header:
    """The row naming the industry sections, found by its text; refused when any section A-S is missing."""
    for index, row in enumerate(rows):
        letters = [_section(value) for value in row]
        if sum(letter in INDUSTRY_SECTIONS for letter in letters) < 2:
            continue
        sections: dict[str, int] = {}
        first_column = min(c for c, letter in enumerate(letters) if letter in INDUSTRY_SECTIONS)
        for column in range(first_column, len(row)):
            letter, value = letters[column], row[column]
            if letter in INDUSTRY_SECTIONS and letter not in sections:
                sections[letter] = column
            elif value is not None:
                why = (f"a second column for section {letter}" if letter in sections
                       else f"unknown header {_shown(value)}")
                problems.append(f"{place(file, sheet, index, column)}: {why}; the column is ignored")
        missing = [f"{letter} ({name})" for letter, name in INDUSTRY_SECTIONS.items() if letter not in sections]
        if missing:
            raise ReleaseLayoutError(place(file, sheet, index),
                                     f"the header has no column for industry section {', '.join(missing)}")
        return _Header(index, sections, first_column)
    raise ReleaseLayoutError(place(file, sheet), "has no header row naming the industry sections "
                                                 "(like '1 A  Agriculture, forestry and fishing')")


def _check_period(file: str, sheet: str, title_rows: list[tuple[Any, ...]], year: int) -> None:
    """Refuse a sheet whose 'January-December YYYY' title is missing or names another year than the sheet."""
    for index, row in enumerate(title_rows):
        for column, value in enumerate(row):
            match = PERIOD.search(value) if isinstance(value, str) else None
            if match is None:
                continue
            if int(match.group(1)) != year:
                raise ReleaseLayoutError(place(file, sheet, index, column),
                                         f"is titled {_shown(value)} but the sheet is named {sheet}")
            return
    raise ReleaseLayoutError(place(file, sheet), "has no 'January-December YYYY' title above its header, "
                                                 "so its year cannot be confirmed")


def _employment(file: str, sheet: str, index: int, row: tuple[Any, ...], header: _Header, code: str, title: str,
                year: int, problems: list[str]) -> ApsEmployment:
    industries: dict[str, int] = {}
    suppressed = 0
    for letter, column in header.sections.items():
        people, why = _count(_cell(row, column))
        if people is None:
            suppressed += 1
            if why:
                problems.append(f"{place(file, sheet, index, column)}: {why}; counted as suppressed, "
                                f"so unit group {code}'s total is a lower bound")
        else:
            industries[letter] = people
    return ApsEmployment(code, title, year, sum(industries.values()), suppressed, industries, index)


def _count(value: Any) -> tuple[int | None, str | None]:
    """A cell as people: (n, None) for a count or nil, (None, None) for '*', (None, why) for anything else."""
    if isinstance(value, bool):
        pass  # a TRUE/FALSE cell is no count
    elif isinstance(value, int) and value >= 0:
        return value, None
    elif isinstance(value, float) and value.is_integer() and value >= 0:
        return int(value), None  # .xls stores every number as a float
    elif isinstance(value, str):
        text = value.strip()
        if text == SUPPRESSED:
            return None, None
        if text in NIL:
            return 0, None
        if THOUSANDS.fullmatch(text):
            return int(text.replace(",", "")), None
    if value is None:
        return None, "is empty where a count, '*' or '-' was expected"
    return None, f"{_shown(value)} is neither a count of people, '*' nor '-'"


def _label(row: tuple[Any, ...], first_column: int) -> tuple[int | None, str | None, str]:
    """The label cell left of the figures: (column, code, title), or (column, None, lower-case text) when it
    holds no unit-group code."""
    text_column, text = None, ""
    for column, value in enumerate(row[:first_column]):
        if not isinstance(value, str) or not value.strip():
            continue
        match = UNIT_LABEL.match(value.strip())
        if match:
            return column, match.group(1), " ".join((match.group(2) or "").split())
        text_column, text = column, " ".join(value.split()).casefold()
    return text_column, None, text


def _section(value: Any) -> str | None:
    match = SECTION_HEADER.match(value.strip()) if isinstance(value, str) else None
    return match.group(1) if match else None


def _cell(row: tuple[Any, ...], column: int) -> Any:
    return row[column] if column < len(row) else None  # the workbook trims trailing empty cells


def _shown(value: Any) -> str:
    return repr(" ".join(value.split()) if isinstance(value, str) else value)
