"""A published spreadsheet (.xls, .xlsx or .xlsm) as plain rows of cached cell values, whatever its format."""

from __future__ import annotations

import warnings
import zipfile
from typing import Any

from kiosk.content.zip_checks import ArchiveRefused
from kiosk.sources.official.layout_error import ReleaseLayoutError, column_letter, place

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 (.xls), as ONS published ASHE up to 2023
MAX_ROWS = 20_000  # per sheet: ASHE's longest sheet has under 600 rows, Skills Imperative's about 1,300
MAX_COLUMNS = 200  # the widest real row has 120 cells (Skills Imperative)
# xlrd holds the whole file and each sheet it loads: ASHE's .xls tables are 1.2 MB, so 16 MiB is 13 times that.
MAX_XLS_BYTES = 16 * 1024 * 1024


class Workbook:
    """The sheets of one workbook, read on demand; each sheet's rows are tuples of values (None for empty)."""

    def __init__(self, name: str, sheets: dict[str, Any], read_sheet: Any) -> None:
        self.name = name
        self._sheets = sheets
        self._read_sheet = read_sheet
        self._cache: dict[str, list[tuple[Any, ...]]] = {}

    @property
    def sheet_names(self) -> list[str]:
        return list(self._sheets)

    def has(self, sheet: str) -> bool:
        return sheet in self._sheets

    def rows(self, sheet: str) -> list[tuple[Any, ...]]:
        """The sheet's rows (trailing empty cells dropped), or ReleaseLayoutError when the sheet is missing."""
        if sheet not in self._sheets:
            raise ReleaseLayoutError(self.name, f'has no sheet "{sheet}" (its sheets: {", ".join(self._sheets)})')
        if sheet not in self._cache:
            self._cache[sheet] = self._read_sheet(self._sheets[sheet], sheet)
        return self._cache[sheet]


def open_workbook(data: bytes, name: str) -> Workbook:
    """Open a workbook from its bytes; `name` is how messages call it. Damaged or foreign files raise
    ReleaseLayoutError naming the file."""
    if data.startswith(OLE_MAGIC):
        return _open_xls(data, name)
    if data.startswith(b"PK"):
        return _open_xlsx(data, name)
    raise ReleaseLayoutError(name, "is not an Excel workbook (.xls, .xlsx or .xlsm)")


def _trimmed(values: list[Any]) -> tuple[Any, ...]:
    values = [None if v == "" else v for v in values[:MAX_COLUMNS]]
    while values and values[-1] is None:
        values.pop()
    return tuple(values)


def _too_long(name: str, sheet: str) -> ReleaseLayoutError:
    return ReleaseLayoutError(name, f'sheet "{sheet}" has more than {MAX_ROWS} rows; this is not a published table')


def _checked(values: tuple[Any, ...], name: str, sheet: str, row: int) -> tuple[Any, ...]:
    """The row's values, trimmed; ReleaseLayoutError when something stands past the last column read."""
    if len(values) > MAX_COLUMNS and values[MAX_COLUMNS] not in (None, ""):
        raise ReleaseLayoutError(place(name, sheet, row, MAX_COLUMNS), f"a value stands past column "
                                 f"{column_letter(MAX_COLUMNS - 1)}, the last a release table may use")
    return _trimmed(list(values))


def _open_xlsx(data: bytes, name: str) -> Workbook:
    from kiosk.sources.xlsx_open import open_xlsx  # only reading a release needs openpyxl

    try:
        with warnings.catch_warnings():
            # openpyxl warns about what it drops on reading (print areas, extensions); only the values matter
            warnings.simplefilter("ignore")
            book = open_xlsx(data)
    except ArchiveRefused as e:
        raise ReleaseLayoutError(name, f"is refused: {e}") from None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as e:
        raise ReleaseLayoutError(name, f"is damaged or not an Excel workbook ({type(e).__name__}: {e})") from None

    def read(ws: Any, sheet: str) -> list[tuple[Any, ...]]:
        rows: list[tuple[Any, ...]] = []
        # One row and one column past the limits: a sheet that goes on is refused, not quietly cut short. Without
        # them openpyxl pads every row to the width the sheet claims (up to 16,384) and fills in missing rows.
        found = ws.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1, max_row=MAX_ROWS + 1)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                for values in found:
                    rows.append(_checked(values, name, sheet, len(rows)))
                    if len(rows) > MAX_ROWS:
                        raise _too_long(name, sheet)
        except ArchiveRefused as e:
            raise ReleaseLayoutError(place(name, sheet), f"is refused: {e}") from None
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as e:
            raise ReleaseLayoutError(name, f'sheet "{sheet}" is damaged ({type(e).__name__}: {e})') from None
        return rows

    return Workbook(name, {sheet: book[sheet] for sheet in book.sheetnames}, read)


def _open_xls(data: bytes, name: str) -> Workbook:
    import xlrd  # the legacy .xls format (ASHE editions up to 2023)

    if len(data) > MAX_XLS_BYTES:
        raise ReleaseLayoutError(name, f"is {len(data):,} bytes; an Excel 97-2003 release table is under "
                                 f"{MAX_XLS_BYTES:,}")
    try:
        # on_demand: a sheet is loaded when asked for. ragged_rows: each row only as long as its last cell, not
        # padded to the widest row: one cell at row 65,536, column IV made xlrd fill 16.7 million (173 MiB).
        book = xlrd.open_workbook(file_contents=data, on_demand=True, ragged_rows=True)
    except Exception as e:  # xlrd raises its own XLRDError and assorted struct errors on a damaged file
        raise ReleaseLayoutError(name, f"is damaged or not an Excel 97-2003 workbook ({type(e).__name__}: {e})") \
            from None

    def read(index: int, sheet: str) -> list[tuple[Any, ...]]:
        try:
            ws = book.sheet_by_index(index)
        except Exception as e:
            raise ReleaseLayoutError(name, f'sheet "{sheet}" is damaged ({type(e).__name__}: {e})') from None
        try:
            if ws.nrows > MAX_ROWS:
                raise _too_long(name, sheet)
            return [_checked(tuple(_xls_value(cell) for cell in ws.row_slice(r, 0, MAX_COLUMNS + 1)), name, sheet, r)
                    for r in range(ws.nrows)]
        finally:
            book.unload_sheet(index)  # the rows are kept (Workbook caches them); xlrd's copy is not needed

    return Workbook(name, {sheet: i for i, sheet in enumerate(book.sheet_names())}, read)


def _xls_value(cell: Any) -> Any:
    """A cell's value as openpyxl would give it: numbers as int when whole, text as text, errors as None."""
    import xlrd

    if cell.ctype == xlrd.XL_CELL_NUMBER:
        value = float(cell.value)
        return int(value) if value.is_integer() else value
    if cell.ctype == xlrd.XL_CELL_TEXT:
        return cell.value
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    return None  # empty, blank, error and date cells carry nothing a release table needs
