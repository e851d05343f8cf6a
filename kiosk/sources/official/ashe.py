"""ONS ASHE Table 14 (pay and hours by SOC 2020 occupation, UK) read as published, with its gaps kept as gaps."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any, NamedTuple

from kiosk.sources.official.layout_error import ReleaseLayoutError, column_letter, place
from kiosk.sources.official.workbook import Workbook

MEASURES = {"14.1": "weekly_pay", "14.7": "annual_pay", "14.9": "paid_hours"}
PERCENTILES = (10, 20, 25, 30, 40, 60, 70, 75, 80, 90)
# The symbols in the Notes sheet's key; "." is only in the CV tables' key ("CV notes"), which calls it unavailable.
SYMBOLS = {"x": "unreliable (CV over 20%)", "..": "disclosive", ":": "not applicable", "-": "nil or negligible",
           ".": "unavailable"}
TITLE = re.compile(r"\bTable\s+(\d+\.\d+)([a-z]?)\b", re.IGNORECASE)
TITLE_YEAR = re.compile(r",\s*((?:19|20)\d{2})(?!\d)")  # "...: United Kingdom, 2024"
NAME_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")  # "... Gross 2023.xls", not the 2023 in "ashetable142023"
SOC_CODE = re.compile(r"\d{1,4}")
NUMBER_TEXT = re.compile(r"-?\d+(?:\.\d+)?")  # .xls releases keep some numbers as text, like the '10' headers
TITLE_ROWS = 3
HEADER_ROWS = 30
NAMED_HEADERS = ("description", "code", "median", "mean")


class Gap(NamedTuple):
    """A published cell that holds no number: its symbol as found and what the symbol means."""

    symbol: str
    meaning: str


Cell = float | Gap


class AsheRow(NamedTuple):
    """One occupation group's line: indicative jobs (thousands), median, mean and percentiles, each a number or gap."""

    code: str
    title: str
    jobs_thousands: Cell
    median: Cell
    mean: Cell
    percentiles: dict[int, Cell]
    row: int


class AsheTable(NamedTuple):
    """One ASHE Table 14 workbook: its table, year and edition, each sheet's groups by code, and what was skipped."""

    file: str
    table: str
    measure: str
    cv: bool
    year: int
    edition: str
    sheets: dict[str, dict[str, AsheRow]]
    problems: tuple[str, ...]


class _Columns(NamedTuple):
    description: int
    code: int
    values: dict[str | int, int]  # "jobs", "median", "mean" and each percentile -> column


def is_ashe_table(wb: Workbook) -> bool:
    """True when the first sheets' titles name ASHE Table 14.1, 14.7 or 14.9 (figures or CVs)."""
    for sheet in wb.sheet_names[:3]:  # the Notes sheet comes first, then the tables
        title = _title(wb.rows(sheet))
        if title:
            return _kind(title) is not None
    return False


def read_ashe_table(wb: Workbook, sheets: Sequence[str] = ("All", "Full-Time")) -> AsheTable:
    """The groups in the sheets asked for, or ReleaseLayoutError when the workbook is not laid out as published."""
    file = wb.name
    if isinstance(sheets, str) or not sheets:
        raise ValueError("ask for a sequence of one or more sheet names, such as ('All', 'Full-Time')")
    missing = [s for s in sheets if not wb.has(s)]
    if missing:
        raise ReleaseLayoutError(place(file, missing[0]), f'is missing (asked for {", ".join(sheets)}; '
                                                           f'the workbook has {", ".join(wb.sheet_names)})')
    problems: list[str] = []
    kinds: dict[str, tuple[str, bool]] = {}
    title_years: dict[str, int] = {}
    read: dict[str, dict[str, AsheRow]] = {}
    for sheet in sheets:
        rows = wb.rows(sheet)
        title = _title(rows)
        kind = _kind(title)
        if kind is None:
            shown = f"its title is {title[:90]!r}" if title else "it has no title naming a table"
            raise ReleaseLayoutError(place(file, sheet), f"is not ASHE Table 14.1, 14.7 or 14.9 ({shown})")
        kinds[sheet] = kind
        years = TITLE_YEAR.findall(title)
        if years:
            title_years[sheet] = int(years[-1])
        at = _header_row(rows, file, sheet)
        read[sheet] = _groups(rows, at, _columns(rows, at, file, sheet, problems), file, sheet, problems)
    if len(set(kinds.values())) > 1:
        # mixing figures from one table with another's (or with CVs) would put wrong numbers under right names
        raise ReleaseLayoutError(file, "its sheets' titles name different tables: " + "; ".join(
            f'"{s}" is {t}{"b" if cv else "a"}' for s, (t, cv) in kinds.items()))
    table, cv = kinds[sheets[0]]
    return AsheTable(file, table, MEASURES[table], cv, _year(file, title_years), _edition(file), read,
                     tuple(problems))


def quality_band(cv: Cell) -> str:
    """ONS's quality band for an estimate from its coefficient of variation (a percentage), as its Notes define."""
    if isinstance(cv, Gap):
        return "unreliable" if cv.symbol == "x" else "unknown"
    if isinstance(cv, bool) or not isinstance(cv, (int, float)) or not math.isfinite(cv) or cv < 0:
        return "unknown"
    if cv <= 5:
        return "precise"
    if cv <= 10:
        return "reasonably precise"
    return "acceptable" if cv <= 20 else "unreliable"


def _title(rows: list[tuple[Any, ...]]) -> str:
    """The first top row naming a table; .xls editions split the title over several cells, so they are joined."""
    for row in rows[:TITLE_ROWS]:
        text = " ".join(v.strip() for v in row if isinstance(v, str) and v.strip())
        if TITLE.search(text):
            return text
    return ""


def _kind(title: str) -> tuple[str, bool] | None:
    """(table, is CV) for Table 14.1, 14.7 or 14.9 in its 'a' (figures) or 'b' (CV) form; None for any other."""
    match = TITLE.search(title)
    if match is None or match.group(1) not in MEASURES or match.group(2).lower() not in ("a", "b", ""):
        return None
    return match.group(1), match.group(2).lower() == "b" or "coefficients of variation" in title.casefold()


def _year(file: str, title_years: dict[str, int]) -> int:
    named = NAME_YEAR.findall(file)
    in_name = int(named[-1]) if named else None
    in_titles = set(title_years.values())
    if len(in_titles) > 1:
        raise ReleaseLayoutError(file, "its sheets' titles name different years: " + ", ".join(
            f'"{s}" {y}' for s, y in title_years.items()))
    in_title = next(iter(in_titles), None)
    if in_title is not None and in_name is not None and in_title != in_name:
        raise ReleaseLayoutError(file, f"its titles say {in_title} but its file name says {in_name}; "
                                       "which year the figures are for is unclear")
    year = in_title if in_title is not None else in_name
    if year is None:
        raise ReleaseLayoutError(file, "names no year, neither in its titles nor in its file name")
    return year


def _edition(file: str) -> str:
    name = file.casefold()
    provisional = "provisional" in name or re.search(r"(?:^|[/\\])prov - ", name) is not None
    revised = "revised" in name or re.search(r"(?:^|[/\\])rev - ", name) is not None
    if provisional and revised:
        raise ReleaseLayoutError(file, "its name says both provisional and revised; which edition it is is unclear")
    return "provisional" if provisional else "revised" if revised else ""


def _label(value: Any) -> str:
    """A header cell as comparable text: spaces collapsed, lower case; whole numbers as digits (10, not 10.0)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if value is None or isinstance(value, bool):
        return ""
    return " ".join(str(value).split()).casefold()


def _header_row(rows: list[tuple[Any, ...]], file: str, sheet: str) -> int:
    # Two of the named headers are enough to find the row, so that one renamed header is reported by name.
    for i, row in enumerate(rows[:HEADER_ROWS]):
        if len({_label(v) for v in row} & set(NAMED_HEADERS)) >= 2:
            return i
    raise ReleaseLayoutError(place(file, sheet), f"has no header row (Description, Code, ..., Median, Mean) "
                                                 f"in its first {HEADER_ROWS} rows")


def _columns(rows: list[tuple[Any, ...]], at: int, file: str, sheet: str, problems: list[str]) -> _Columns:
    found: dict[str | int, int] = {}
    unknown: list[str] = []  # a renamed header is most likely one of these, so a refusal names them
    for column, value in enumerate(rows[at]):
        label = _label(value)
        if not label:
            continue  # the colour key beside the table has no header, and nothing to read
        # "(thousand)" alone says little: "Number" and "of jobs" stand in the two rows above it
        above = " ".join(_label(r[column]) for r in rows[max(0, at - 2):at] if column < len(r))
        key: str | int | None
        if label in NAMED_HEADERS:
            key = label
        elif label.isdecimal() and int(label) in PERCENTILES:
            key = int(label)
        elif label == "change":
            continue  # the annual percentage changes are not read
        elif "thousand" in label or "jobs" in label or "jobs" in above:
            key = "jobs"
        else:
            problems.append(f"{place(file, sheet, at, column)}: unknown column {value!r}; ignored")
            unknown.append(f"column {column_letter(column)} is headed {value!r}")
            continue
        if key in found:
            problems.append(f"{place(file, sheet, at, column)}: a second {value!r} column; the first is used")
            continue
        found[key] = column
    needed = {"description": '"Description"', "code": '"Code"', "jobs": 'the number of jobs ("(thousand)")',
              "median": '"Median"', "mean": '"Mean"', **{p: f'the {p}th percentile ("{p}")' for p in PERCENTILES}}
    lacking = [shown for key, shown in needed.items() if key not in found]
    if lacking:
        raise ReleaseLayoutError(place(file, sheet, at), "the header row lacks " + ", ".join(lacking)
                                 + (f" ({', '.join(unknown)}, which the kiosk does not know)" if unknown else ""))
    return _Columns(found.pop("description"), found.pop("code"), found)


def _groups(rows: list[tuple[Any, ...]], at: int, columns: _Columns, file: str, sheet: str,
            problems: list[str]) -> dict[str, AsheRow]:
    groups: dict[str, AsheRow] = {}
    for r in range(at + 1, len(rows)):
        row = rows[r]

        def cell(column: int) -> Any:
            return row[column] if column < len(row) else None

        title = "" if cell(columns.description) is None else str(cell(columns.description)).strip()
        code = _label(cell(columns.code))
        raw = {key: cell(column) for key, column in columns.values.items()}
        if not code:
            if title.casefold() == "all employees":
                code = "all"
            elif title.casefold() == "not classified" or all(_label(v) == "" for v in raw.values()):
                continue  # footnotes, blank lines, and the Not Classified line, which names no occupation
            else:
                problems.append(f"{place(file, sheet, r, columns.code)}: figures with no code; skipped")
                continue
        elif not SOC_CODE.fullmatch(code):
            problems.append(f"{place(file, sheet, r, columns.code)}: {cell(columns.code)!r} is not a SOC 2020 code "
                            "of 1 to 4 digits; skipped")
            continue
        if code in groups:
            problems.append(f"{place(file, sheet, r, columns.code)}: code {code} again (first at row "
                            f"{groups[code].row + 1}); the first kept")
            continue
        values = _cells(raw, columns, file, sheet, r, problems)
        groups[code] = AsheRow(code, title, values["jobs"], values["median"], values["mean"],
                               {p: values[p] for p in PERCENTILES}, r)
    return groups


def _cells(raw: dict[str | int, Any], columns: _Columns, file: str, sheet: str, r: int,
           problems: list[str]) -> dict[str | int, Cell]:
    in_order = sorted(raw, key=lambda key: columns.values[key])
    first = raw[in_order[0]]
    symbol = first.strip() if isinstance(first, str) else ""
    if symbol in SYMBOLS and not any(_label(raw[key]) for key in in_order[1:]):
        # ONS marks a whole line ':' or '..' once, in its first figure cell, and leaves the rest blank
        return dict.fromkeys(in_order, Gap(symbol, SYMBOLS[symbol]))
    cells: dict[str | int, Cell] = {}
    for key in in_order:
        cells[key], why = _cell(raw[key])
        if why:
            problems.append(f"{place(file, sheet, r, columns.values[key])}: {why}")
    return cells


def _cell(value: Any) -> tuple[Cell, str | None]:
    """A figure cell as a number or a gap, and why it is a problem when it is neither a number nor a known symbol."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return float(value), None
    text = " ".join(str(value).split()) if value is not None else ""
    if text in SYMBOLS:
        return Gap(text, SYMBOLS[text]), None
    if NUMBER_TEXT.fullmatch(text):
        return float(text), None
    if not text:
        return Gap("", "not a number: (blank)"), "blank where a number belongs; kept as a gap"
    return Gap(text, f"not a number: {text}"), f"{text!r} where a number belongs; kept as a gap"
