"""The error for a release file the kiosk cannot read as published, naming the file, sheet, row and column."""

from __future__ import annotations

from kiosk.sources.errors import SourceInputError


def column_letter(index: int) -> str:
    """A 0-based column index as the letters a spreadsheet shows (0 -> A, 27 -> AB)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def place(file: str, sheet: str | None = None, row: int | None = None, column: int | None = None) -> str:
    """Where something is, as staff would find it: `file.xlsx, sheet "All", row 9, column D`.

    `row` and `column` are 0-based indexes into the sheet's rows and cells; they are shown 1-based and lettered.
    """
    where = file
    if sheet is not None:
        where += f', sheet "{sheet}"'
    if row is not None:
        where += f", row {row + 1}"
    if column is not None:
        where += f", column {column_letter(column)}"
    return where


class ReleaseLayoutError(SourceInputError):
    """A release file whose layout is not the one published (another table, renamed headers, missing sheets)."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem
