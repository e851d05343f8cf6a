"""The Skills Imperative's tables found in a sheet by their headings, and their figures read and cross-checked."""

from __future__ import annotations

import math
import re
from collections.abc import Hashable, Iterable
from typing import Any, NamedTuple

from kiosk.sources.official.layout_error import ReleaseLayoutError, place
from kiosk.sources.official.workbook import Workbook

HEADING_DEPTH = 4  # rows a heading may span above its year row (Occ T2 stacks "2020-2035", "Net", "Change")
FIRST_YEAR, LAST_YEAR = 1990, 2100
PERIOD = re.compile(r"((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)")
GENDERED = re.compile(r"\b(?:fe)?males?\b", re.IGNORECASE)
SEXES = ("female", "male", "total")
# The figures carry full precision, so a check fails only on a real inconsistency: a group's own figures may
# differ by a rounding step, a total by the rounding of its parts.
GROUP_ROUNDING = 0.1  # thousands
TOTAL_ROUNDING = 1.0  # thousands


def text(value: Any) -> str:
    """A text cell with its spaces collapsed; '' for numbers and empty cells."""
    return " ".join(value.split()) if isinstance(value, str) else ""


def year(value: Any) -> int | None:
    """A year heading (2015, 2015.0 or '2015'), or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, str) and value.strip().isdecimal():
        value = int(value.strip())
    return value if isinstance(value, int) and FIRST_YEAR <= value <= LAST_YEAR else None


def is_heading(cells: tuple[Any, ...]) -> bool:
    """A row of headings: after its label, a run of cells with years and words but no other number."""
    run = []
    for value in cells[1:]:
        if value is None:
            break
        run.append(value)
    return any(year(v) for v in run) and not any(isinstance(v, (int, float)) and year(v) is None for v in run)


class Sheet:
    """One sheet's rows, with the file and sheet names every message needs."""

    def __init__(self, wb: Workbook, name: str) -> None:
        self.file, self.name, self.rows = wb.name, name, wb.rows(name)

    def cell(self, row: int, column: int) -> Any:
        """The value at a 0-based row and column; None beyond the sheet's edges."""
        cells = self.rows[row] if 0 <= row < len(self.rows) else ()
        return cells[column] if 0 <= column < len(cells) else None

    def where(self, row: int | None = None, column: int | None = None) -> str:
        """Where a cell is, as staff would find it."""
        return place(self.file, self.name, row, column)

    def refuse(self, problem: str, row: int | None = None, column: int | None = None) -> ReleaseLayoutError:
        """The error for a layout this reader cannot trust."""
        return ReleaseLayoutError(self.where(row, column), problem)


class Block(NamedTuple):
    """A table's headings: the row above its body, the column of each year and of each named figure."""

    row: int
    years: dict[int, int]
    figures: dict[str, int]
    period: tuple[int, int] | None


def heading(sheet: Sheet, row: int, column: int) -> str:
    """The words over a column: its cell in `row` and those stacked above it, up to a blank row."""
    words = [text(sheet.cell(row, column))]
    for r in range(row - 1, max(row - HEADING_DEPTH, 0) - 1, -1):
        if not any(v is not None for v in sheet.rows[r]):
            break
        words.insert(0, text(sheet.cell(r, column)))
    return " ".join(w for w in words if w)


def _years(sheet: Sheet, row: int, columns: range) -> dict[int, int]:
    years: dict[int, int] = {}
    for c in columns:
        found = year(sheet.cell(row, c))
        if found is not None:
            if found in years:
                raise sheet.refuse(f"has the year {found} twice in one table's headings", row, c)
            years[found] = c
    return years


def levels_block(sheet: Sheet, label: str, figures: tuple[str, ...]) -> Block:
    """The all-persons table whose headings start with `label` ('Levels'): the first such row with years beside the
    label; of its blocks side by side, the one not headed Males or Females; its years and its named figures."""
    for r, cells in enumerate(sheet.rows):
        starts = [c for c, v in enumerate(cells)
                  if text(v).casefold().startswith(label.casefold()) and any(year(x) for x in cells[c + 1:])]
        if starts:
            break
    else:
        raise sheet.refuse(f'has no row of headings starting "{label}" with year columns (2015, 2020, ...) beside it')
    persons = [c for c in starts if not GENDERED.search(heading(sheet, r, c))]
    if not persons:
        raise sheet.refuse(f'has "{label}" tables for males and females only; none for all persons', r)
    start = persons[0]
    span = range(start, min([c for c in starts if c > start], default=len(sheet.rows[r])))
    found = {name: _figure_column(sheet, r, span, name) for name in figures}
    period = None
    for column in found.values():
        match = PERIOD.search(heading(sheet, r, column))
        if match:
            period = (int(match.group(1)), int(match.group(2)))
            break
    if figures and period is None:
        raise sheet.refuse(f'has no period (like "2020-2035") over the "{figures[0]}" heading', r, found[figures[0]])
    return Block(r, _years(sheet, r, span), found, period)


def _figure_column(sheet: Sheet, row: int, span: range, name: str) -> int:
    matches = [c for c in span if heading(sheet, row, c).casefold().endswith(name.casefold())]
    if len(matches) != 1:
        found = "no" if not matches else f"{len(matches)}"
        raise sheet.refuse(f'has {found} column headed "{name}" in this table (its headings end in this row)', row)
    return matches[0]


def labelled_blocks(sheet: Sheet) -> list[Block]:
    """Tables stacked down the first column, each headed by a label with its years beside it (RD T1); a block's
    figures map its label to column 0."""
    blocks = []
    for r, cells in enumerate(sheet.rows):
        label = text(cells[0]) if cells else ""
        if label and is_heading(cells):
            end = next((c for c, v in enumerate(cells) if c and v is None), len(cells))
            blocks.append(Block(r, _years(sheet, r, range(1, end)), {label: 0}, None))
    return blocks


def gender_block(sheet: Sheet, label: str) -> tuple[int, dict[tuple[int, str], int]]:
    """The table headed `label` ('All industries') with years over Female, Male and Total columns: the row of those
    words and the column of each (year, sex)."""
    top = next((r for r, cells in enumerate(sheet.rows)
                if cells and text(cells[0]).casefold() == label.casefold() and any(year(v) for v in cells)), None)
    if top is None:
        raise sheet.refuse(f'has no row headed "{label}" with year columns (2015, 2020, 2035) beside it')
    sexes = next((r for r in range(top + 1, len(sheet.rows)) if any(v is not None for v in sheet.rows[r])), top + 1)
    columns: dict[tuple[int, str], int] = {}
    over = None
    for c in range(len(sheet.rows[sexes]) if sexes < len(sheet.rows) else 0):
        above = sheet.cell(top, c)
        if above is not None:
            over = year(above)
        sex = text(sheet.cell(sexes, c)).casefold()
        if over is not None and sex in SEXES:
            columns[(over, sex)] = c
    years = {y for y, _ in columns} | {y for c in range(len(sheet.rows[top])) if (y := year(sheet.cell(top, c)))}
    for y in sorted(years):
        missing = [s.title() for s in SEXES if (y, s) not in columns]
        if missing:
            raise sheet.refuse(f'has no {" or ".join(missing)} column under {y} (looked in this row)', sexes)
    return sexes, columns


def levels_label_block(sheet: Sheet, label: str) -> Block:
    """A table whose label ('Levels (000s)') stands alone in the first column under a row of years (Ind T2)."""
    top = next((r for r, cells in enumerate(sheet.rows)
                if cells and text(cells[0]).casefold().startswith(label.casefold())), None)
    if top is None:
        raise sheet.refuse(f'has no row headed "{label}"')
    years_row = top
    if not is_heading(sheet.rows[top]):
        years_row = next((r for r in range(top - 1, -1, -1) if any(v is not None for v in sheet.rows[r])), top)
    years = _years(sheet, years_row, range(1, len(sheet.rows[years_row])))
    if not years:
        raise sheet.refuse(f'has no years beside or above the "{label}" heading', years_row)
    return Block(top, years, {}, None)


def body(sheet: Sheet, header_row: int, total: str) -> tuple[list[tuple[int, str]], int]:
    """The labelled rows under a table's headings, down to its `total` row ('All occupations'), and that row.
    The next table's headings or the sheet's end before the total: ReleaseLayoutError."""
    rows = []
    r = header_row
    for r in range(header_row + 1, len(sheet.rows)):
        cells = sheet.rows[r]
        label = text(cells[0]) if cells else ""
        if label.casefold() == total.casefold():
            return rows, r
        if is_heading(cells):
            break
        if label:
            rows.append((r, label))
    raise sheet.refuse(f'has no "{total}" row under the headings in row {header_row + 1} '
                       f"(looked down to row {r + 1})", header_row)


class Figures:
    """One table's numbers as read (text, empty and negative cells left out and noted), each group's row, each
    figure's column, and the figures a failed check has left out."""

    def __init__(self, sheet: Sheet, rows: dict[str, int], columns: dict[Hashable, int], total_row: int,
                 problems: list[str], counts: Iterable[Hashable] = ()) -> None:
        self.sheet, self.rows, self.columns, self.total_row, self.problems = sheet, rows, columns, total_row, problems
        self.counts = set(counts)  # figures that count people, so cannot be negative
        self.values = {code: self._read(row, code, "left out") for code, row in rows.items()}
        self.total = self._read(total_row, text(sheet.cell(total_row, 0)), "the groups' sum is not checked")
        self.dropped: set[tuple[str, Hashable]] = set()

    def _read(self, row: int, group: str, outcome: str) -> dict[Hashable, float]:
        found = {}
        for key, column in self.columns.items():
            value = self.sheet.cell(row, column)
            where = f"{self.sheet.where(row, column)} ({group}, {_shown(key)})"
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
                self.problems.append(f"{where}: {'empty' if value is None else repr(value)} where a number "
                                     f"belongs; {outcome}")
            elif key in self.counts and value < 0:
                self.problems.append(f"{where}: negative employment ({value:g} thousand); {outcome}")
            else:
                found[key] = float(value)
        return found

    def kept(self, code: str) -> dict[Hashable, float]:
        """A group's figures that no cell problem or failed check has left out."""
        return {k: v for k, v in self.values[code].items() if (code, k) not in self.dropped}

    def check_sums(self) -> None:
        """Each column's groups add up to the total row, or that column is left out for every group."""
        for key, column in self.columns.items():
            parts = [v[key] for v in self.values.values() if key in v]
            if len(parts) == len(self.values) and key in self.total and \
                    abs(sum(parts) - self.total[key]) > TOTAL_ROUNDING:
                self.problems.append(
                    f"{self.sheet.where(self.total_row, column)}: the groups add up to {sum(parts):.3f} thousand, "
                    f"the total says {self.total[key]:.3f}; {_shown(key)} left out for every group")
                self.dropped.update((code, key) for code in self.values)

    def check_balance(self, code: str, result: Hashable, plus: tuple[Hashable, ...], minus: tuple[Hashable, ...] = ()
                      ) -> None:
        """A group's `result` equals the sum of `plus` less `minus`, or all of those figures are left out."""
        got = self.values[code]
        keys = (result, *plus, *minus)
        if any(k not in got for k in keys):
            return
        expected = sum(got[k] for k in plus) - sum(got[k] for k in minus)
        if abs(got[result] - expected) > GROUP_ROUNDING:
            self.problems.append(
                f"{self.sheet.where(self.rows[code], self.columns[result])} ({code}): {_shown(result)} is "
                f"{got[result]:.3f} thousand but the figures beside it make {expected:.3f}; "
                f"{', '.join(_shown(k) for k in keys)} left out")
            self.dropped.update((code, k) for k in keys)


def _shown(key: Hashable) -> str:
    return f"{key[1]} {key[0]}" if isinstance(key, tuple) else str(key)
