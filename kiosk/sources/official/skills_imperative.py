"""DfE's Skills Imperative 2035 projections (Warwick IER for NFER): one area's main-table workbook, as published."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, NamedTuple

from kiosk.sources.official.layout_error import ReleaseLayoutError, place
from kiosk.sources.official.skills_imperative_blocks import (GROUP_ROUNDING, Figures, Sheet, body, gender_block,
                                                             labelled_blocks, levels_block, levels_label_block, text)
from kiosk.sources.official.workbook import Workbook

SHEETS = ("Info", "Occ T1", "Occ T2", "Occ T4", "RD T1", "Ind T2")
FIGURES = ("Net Change", "Replacement Demand", "Total Requirement")
NET, REPLACEMENT, TOTAL = (name.lower() for name in FIGURES)
MAJOR_TITLES = ("Managers, directors and senior officials", "Professional occupations",
                "Associate professional occupations", "Administrative and secretarial occupations",
                "Skilled trades occupations", "Caring, leisure and other service occupations",
                "Sales and customer service occupations", "Process, plant and machine operatives",
                "Elementary occupations")
SUB_MAJOR_CODES = ("11", "12", "21", "22", "23", "24", "31", "32", "33", "34", "35", "41", "42", "51", "52", "53",
                   "54", "61", "62", "63", "71", "72", "81", "82", "91", "92")
SUB_MAJOR = re.compile(r"(\d{2})\s+(\S.*)")
LEVELS = ("rqf8", "rqf7", "rqf6", "rqf5", "rqf4", "rqf3", "rqf2", "rqf1", "none")
QUALIFICATION = re.compile(r"(?:RQF\s*(\d)\b.*|(No qualifications?)|(All qualifications))", re.IGNORECASE)
CONSTRAINED = re.compile(r"\s*\(constrained\)\s*$", re.IGNORECASE)
AREA_NUMBER = re.compile(r"(\d+)\s*\.\s*(.*)")
DATE = re.compile(r"(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})\b")
KINDS = {"lsip": "LSIP", "mca": "MCA", "lep": "LEP", "country": "England"}  # England's Info says "Country"
# The lookup's own LSIP23NM column (2023 areas, as the workbooks cover), found by its code-style headings; the
# "NEW LSIP GEOGRAPHY" column beside it splits London in four and matches no workbook.
LOOKUP_HEADINGS = {"code": re.compile(r"LAD\d\dCD", re.IGNORECASE), "district": re.compile(r"LAD\d\dNM", re.IGNORECASE),
                   "lsip": re.compile(r"LSIP\d\dNM", re.IGNORECASE)}
LAD_CODE = re.compile(r"[ENSW]\d{8}")
# The lookup names two LSIP areas by the local enterprise partnerships they grew from, where their workbooks use
# the LSIP's own name: (workbook's name -> lookup's name), both as _area_key gives them.
LOOKUP_ALIASES = {"gloucestershire": "g first gloucestershire", "norfolk and suffolk": "new anglia"}
LOOKUP_HEADER_ROWS = 10


class Area(NamedTuple):
    """The place a workbook covers, as its Info sheet names it."""

    name: str    # 'England', 'Greater London', ...
    kind: str    # 'England', 'LSIP', 'MCA' or 'LEP'
    number: str  # its number in its kind's list ('13'); '' for England


class GroupProjection(NamedTuple):
    """One occupation group's employment by year and its change over the period, in thousands; a figure a check
    or a cell left out is absent from `employment` or None."""

    code: str
    title: str
    employment: dict[int, float]
    net_change: float | None
    replacement_demand: float | None
    total_requirement: float | None
    period: tuple[int, int]


class GroupGender(NamedTuple):
    """One sub-major group's women and men in work by year, in thousands."""

    code: str
    women: dict[int, float]
    men: dict[int, float]


class GroupQualifications(NamedTuple):
    """One sub-major group's employment by highest qualification ('rqf8' ... 'rqf1', 'none') and year, in
    thousands, with each level's published name."""

    code: str
    by_level: dict[str, dict[int, float]]
    labels: dict[str, str]


class IndustryProjection(NamedTuple):
    """One of the 22 industries' employment by year, in thousands."""

    name: str
    employment: dict[int, float]


class SkillsImperative(NamedTuple):
    """One workbook's area and projections, and each figure left out (with where and why)."""

    file: str
    area: Area
    created: str
    majors: dict[str, GroupProjection]
    sub_majors: dict[str, GroupProjection]
    gender: dict[str, GroupGender]
    qualifications: dict[str, GroupQualifications]
    industries: dict[str, IndustryProjection]
    problems: tuple[str, ...]
    area_cell: str = ""  # where the Info sheet names the area, for a message about the area itself


def is_skills_imperative(wb: Workbook) -> bool:
    """True for a Skills Imperative main-table workbook: it has the sheets this reader needs."""
    return all(wb.has(sheet) for sheet in SHEETS)


def read_skills_imperative(wb: Workbook) -> SkillsImperative:
    """Read one area's workbook; a layout other than the published one raises ReleaseLayoutError naming the sheet,
    row and what is missing, while a single unusable figure is left out and noted in `problems`."""
    missing = [sheet for sheet in SHEETS if not wb.has(sheet)]
    if missing:
        raise ReleaseLayoutError(place(wb.name), f'has no sheet {", ".join(map(repr, missing))}; a Skills '
                                 f'Imperative main-table workbook has {", ".join(SHEETS)}')
    problems: list[str] = []
    area, created, area_cell = _info(Sheet(wb, "Info"), problems)
    return SkillsImperative(
        wb.name, area, created, _projections(Sheet(wb, "Occ T1"), problems, majors=True),
        _projections(Sheet(wb, "Occ T2"), problems, majors=False), _gender(Sheet(wb, "Occ T4"), problems),
        _qualifications(Sheet(wb, "RD T1"), problems), _industries(Sheet(wb, "Ind T2"), problems), tuple(problems),
        area_cell)


def _info(sheet: Sheet, problems: list[str]) -> tuple[Area, str, str]:
    pairs = [(r, text(cells[0]), cells[1] if len(cells) > 1 else None)
             for r, cells in enumerate(sheet.rows) if cells and text(cells[0])]
    if not pairs:
        raise sheet.refuse('is empty; its first row should name the area, like ("LSIP", "13. Greater London")')
    first, label, value = pairs[0]
    kind = KINDS.get(label.casefold())
    if kind is None:
        raise sheet.refuse(f'says "{label}" where LSIP, MCA, LEP or Country belongs', first, 0)
    by_label = {lab.casefold(): (r, v) for r, lab, v in pairs}
    numbered = AREA_NUMBER.fullmatch(text(value))
    named = by_label.get(f"{label.casefold()} name")
    name = text(named[1]) if named else (numbered.group(2) if numbered else text(value))
    created = _created(sheet, by_label, problems)
    cell = sheet.where(named[0] if named else first, 1)
    if kind == "England":
        if name.casefold() != "england":
            raise sheet.refuse(f'names the country "{name}"; only England\'s workbook is published', first)
        return Area("England", "England", ""), created, cell
    if not name:
        raise sheet.refuse(f"names no {kind} area", first, 1)
    return Area(name, kind, numbered.group(1) if numbered else ""), created, cell


def _created(sheet: Sheet, by_label: dict[str, tuple[int, Any]], problems: list[str]) -> str:
    for label in ("date database created", "date run"):
        if label in by_label:
            row, value = by_label[label]
            if iso := _iso_date(value):
                return iso
            problems.append(f"{sheet.where(row, 1)}: {value!r} is not a date that reads one way only (this "
                            "publisher writes day-first and month-first dates); not used")
    return ""


def _iso_date(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    match = DATE.match(text(value))
    if not match:
        return ""
    first, second, yyyy = map(int, match.groups())
    if first <= 12 and second <= 12 and first != second:
        return ""  # England's "Date run" is month-first, the areas' day-first: a date like 02 10 is ambiguous
    day, month = (first, second) if second <= 12 else (second, first)
    try:
        return dt.date(yyyy, month, day).isoformat()
    except ValueError:
        return ""


def _projections(sheet: Sheet, problems: list[str], majors: bool) -> dict[str, GroupProjection]:
    block = levels_block(sheet, "Levels", FIGURES)
    labelled, total_row = body(sheet, block.row, "All occupations")
    groups = _majors(sheet, labelled) if majors else _sub_majors(sheet, labelled, block.row)
    assert block.period is not None  # levels_block refuses a table without one
    start, end = block.period
    for y in (start, end):
        if y not in block.years:
            raise sheet.refuse(f"has no {y} column, the start or end of its period {start}-{end}", block.row)
    columns = {**block.years, **{name.lower(): column for name, column in block.figures.items()}}
    figures = Figures(sheet, {code: row for code, (row, _) in groups.items()}, columns, total_row, problems,
                      counts=block.years)
    figures.check_sums()
    for code in groups:
        figures.check_balance(code, NET, plus=(end,), minus=(start,))
        figures.check_balance(code, TOTAL, plus=(NET, REPLACEMENT))
    out = {}
    for code, (_, title) in groups.items():
        kept = figures.kept(code)
        out[code] = GroupProjection(code, title, {y: kept[y] for y in block.years if y in kept}, kept.get(NET),
                                    kept.get(REPLACEMENT), kept.get(TOTAL), block.period)
    return out


def _majors(sheet: Sheet, labelled: list[tuple[int, str]]) -> dict[str, tuple[int, str]]:
    """The nine major groups, coded by their order and checked against SOC 2020's titles."""
    if len(labelled) != len(MAJOR_TITLES):
        raise sheet.refuse(f"has {len(labelled)} major groups, not SOC 2020's nine",
                           labelled[0][0] if labelled else None)
    for n, ((row, label), title) in enumerate(zip(labelled, MAJOR_TITLES), 1):
        if label.casefold() != title.casefold():
            raise sheet.refuse(f'says "{label}" where SOC 2020 major group {n}, "{title}", belongs', row, 0)
    return {str(n): (row, label) for n, (row, label) in enumerate(labelled, 1)}


def _sub_majors(sheet: Sheet, labelled: list[tuple[int, str]], header_row: int) -> dict[str, tuple[int, str]]:
    """The 26 sub-major groups by their code ('11 Corporate managers and directors'), each once."""
    groups: dict[str, tuple[int, str]] = {}
    for row, label in labelled:
        match = SUB_MAJOR.fullmatch(label)
        if not match or match.group(1) not in SUB_MAJOR_CODES:
            raise sheet.refuse(f'says "{label}" where a SOC 2020 sub-major group (like "11 Corporate managers and '
                               'directors") belongs', row, 0)
        if match.group(1) in groups:
            raise sheet.refuse(f"has sub-major group {match.group(1)} twice", row, 0)
        groups[match.group(1)] = (row, match.group(2))
    missing = [code for code in SUB_MAJOR_CODES if code not in groups]
    if missing:
        raise sheet.refuse(f"has no row for sub-major group {', '.join(missing)} under these headings", header_row)
    return groups


def _gender(sheet: Sheet, problems: list[str]) -> dict[str, GroupGender]:
    header_row, columns = gender_block(sheet, "All industries")
    labelled, total_row = body(sheet, header_row, "All occupations")
    groups = _sub_majors(sheet, labelled, header_row)
    figures = Figures(sheet, {code: row for code, (row, _) in groups.items()}, columns, total_row, problems,
                      counts=columns)
    figures.check_sums()
    years = sorted({y for y, _ in columns})
    for code in groups:
        for y in years:
            figures.check_balance(code, (y, "total"), plus=((y, "female"), (y, "male")))
    out = {}
    for code in groups:
        kept = figures.kept(code)
        out[code] = GroupGender(code, {y: kept[(y, "female")] for y in years if (y, "female") in kept},
                                {y: kept[(y, "male")] for y in years if (y, "male") in kept})
    return out


def _qualifications(sheet: Sheet, problems: list[str]) -> dict[str, GroupQualifications]:
    tables: dict[str, tuple[str, Figures]] = {}
    for block in labelled_blocks(sheet):
        label = CONSTRAINED.sub("", next(iter(block.figures)))
        match = QUALIFICATION.fullmatch(label)
        if not match:
            continue
        level = f"rqf{match.group(1)}" if match.group(1) else ("none" if match.group(2) else "all")
        if level in tables:
            raise sheet.refuse(f'has the "{label}" table twice', block.row, 0)
        labelled, total_row = body(sheet, block.row, "All occupations")
        groups = _sub_majors(sheet, labelled, block.row)
        figures = Figures(sheet, {code: row for code, (row, _) in groups.items()}, block.years, total_row,
                          problems, counts=block.years)
        figures.check_sums()
        tables[level] = (label, figures)
    missing = [level for level in ("all", *LEVELS) if level not in tables]
    if missing:
        raise sheet.refuse(f"has no table for {', '.join(missing)} (a first-column heading like \"RQF8 Doctorate "
                           "(Constrained)\" with years beside it)")
    _check_levels(tables)
    return {code: GroupQualifications(
        code, {level: {y: v for y, v in tables[level][1].kept(code).items() if isinstance(y, int)} for level in LEVELS},
        {level: tables[level][0] for level in LEVELS}) for code in SUB_MAJOR_CODES}


def _check_levels(tables: dict[str, tuple[str, Figures]]) -> None:
    """Each group's qualification levels add up to its all-qualifications figure, or that year is left out at
    every level."""
    every = tables["all"][1]
    for code in SUB_MAJOR_CODES:
        for y in every.columns:
            parts = [tables[level][1].values[code].get(y) for level in LEVELS]
            whole = every.values[code].get(y)
            if whole is None or None in parts or abs(sum(parts) - whole) <= GROUP_ROUNDING:
                continue
            every.problems.append(
                f"{every.sheet.where(every.rows[code], every.columns[y])} ({code}): the qualification levels add up "
                f"to {sum(parts):.3f} thousand in {y}, all qualifications says {whole:.3f}; {y} left out at every "
                "level")
            for level in LEVELS:
                tables[level][1].dropped.add((code, y))


def _industries(sheet: Sheet, problems: list[str]) -> dict[str, IndustryProjection]:
    block = levels_label_block(sheet, "Levels")
    labelled, total_row = body(sheet, block.row, "All industries")
    rows: dict[str, int] = {}
    for row, name in labelled:
        if name in rows:
            raise sheet.refuse(f'has the industry "{name}" twice', row, 0)
        rows[name] = row
    figures = Figures(sheet, rows, block.years, total_row, problems, counts=block.years)
    figures.check_sums()
    return {name: IndustryProjection(name, {y: v for y, v in figures.kept(name).items() if isinstance(y, int)})
            for name in rows}


def read_lsip_lookup(wb: Workbook) -> dict[str, tuple[str, str]]:
    """DfE's LSIP_lookup.xlsx: each local authority district's code (2023) to its name and its LSIP area's name
    (the LSIP23NM column, the areas the workbooks cover, not the newer geography beside it)."""
    for name in wb.sheet_names:
        sheet = Sheet(wb, name)
        for r, cells in enumerate(sheet.rows[:LOOKUP_HEADER_ROWS]):
            columns = {key: c for key, pattern in LOOKUP_HEADINGS.items()
                       for c, v in enumerate(cells) if pattern.fullmatch(text(v))}
            if len(columns) == len(LOOKUP_HEADINGS):
                return _lookup_rows(sheet, r, columns)
    raise ReleaseLayoutError(place(wb.name), "has no sheet with the headings LAD23CD, LAD23NM and LSIP23NM in its "
                             f"first {LOOKUP_HEADER_ROWS} rows")


def _lookup_rows(sheet: Sheet, header_row: int, columns: dict[str, int]) -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for r in range(header_row + 1, len(sheet.rows)):
        code, district, lsip = (text(sheet.cell(r, columns[key])) for key in ("code", "district", "lsip"))
        if not (code or district or lsip):
            continue
        if not LAD_CODE.fullmatch(code):
            raise sheet.refuse(f'has "{code}" where a district code like E09000007 belongs', r, columns["code"])
        if not district or not lsip:
            raise sheet.refuse(f"gives district {code} no {'name' if not district else 'LSIP area'}", r)
        if found.get(code, (district, lsip)) != (district, lsip):
            raise sheet.refuse(f"puts district {code} in two places", r, columns["code"])
        found[code] = (district, lsip)
    if not found:
        raise sheet.refuse("has headings but no districts under them", header_row)
    return found


def in_lookup(area: str, lookup: dict[str, tuple[str, str]]) -> bool:
    """Whether an LSIP workbook's area is one of the lookup's LSIP areas, however each punctuates it (the lookup
    writes "Essex, Southend-on-Sea and Thurrock", the workbook "Essex Southend-on-Sea and Thurrock")."""
    known = {_area_key(lsip) for _, lsip in lookup.values()}
    key = _area_key(area)
    return key in known or LOOKUP_ALIASES.get(key) in known


def _area_key(name: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", name.casefold()).split())
