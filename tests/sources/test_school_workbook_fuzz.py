"""Whatever cells a school workbook holds (any type Excel can store, anywhere in the first 45 columns), building
it gives a pack or a refusal whose every cell problem names the sheet, the row and the column; never a traceback."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path
from typing import Any

import openpyxl
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from kiosk.content.errors import PackRejected
from kiosk.content.pack_file import read_pack
from kiosk.sources.school.layout import ABOUT, ABOUT_HEADINGS, SHEETS
from kiosk.sources.school.school_pack import build_school_pack

NOW = dt.datetime(2027, 1, 5, 9, 45, tzinfo=dt.timezone.utc)
SHEET_NAMES = [s.name for s in SHEETS]
# Cells as Excel can hold them: openpyxl writes each of these as the type Excel would store.
texts = st.text(max_size=40).map(lambda t: ILLEGAL_CHARACTERS_RE.sub("", t))
cells = st.one_of(
    st.none(), st.booleans(), st.integers(-(2 ** 70), 2 ** 70), st.floats(allow_nan=False), texts, texts,
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(9999, 1, 1)),
    st.dates(min_value=dt.date(1900, 3, 1)), st.times(), st.timedeltas(min_value=dt.timedelta(0),
                                                                      max_value=dt.timedelta(days=9000)),
    st.sampled_from(["=1+1", "#N/A", "#DIV/0!", "x" * 6000, " ", "Example: Amira", "2027-01-20 17:30",
                     "20/01/2027", "ks4, parents", "a-levels, t-levels", "2019", "open day", "printed"]),
)


@st.composite
def workbooks(draw: st.DrawFn) -> dict[str, list[list[Any]]]:
    """The About sheet filled in, and one to four data sheets of the template with cells of any kind, some rows
    running past the template's columns (up to column AS)."""
    sheets: dict[str, list[list[Any]]] = {ABOUT: [list(ABOUT_HEADINGS), ["Publisher", "Riverside School"]]}
    for index in draw(st.lists(st.integers(0, len(SHEETS) - 1), min_size=1, max_size=4, unique=True)):
        sheet = SHEETS[index]
        headings: list[Any] = [f.heading for f in sheet.fields]
        if draw(st.booleans()):
            headings[draw(st.integers(0, len(headings) - 1))] = draw(cells)
        rows = [headings]
        for _ in range(draw(st.integers(0, 4))):
            width = draw(st.sampled_from([len(headings), len(headings), 41, 45]))
            rows.append([draw(cells) for _ in range(width)])
        sheets[sheet.name] = rows
    return sheets


WHERE = re.compile(r"^(?:- )?(" + "|".join(map(re.escape, [ABOUT, *SHEET_NAMES])) + r")\b")


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(sheets=workbooks())
def test_any_cells_build_a_pack_or_are_refused_by_sheet_row_and_column(sheets: dict[str, list[list[Any]]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path, out = Path(tmp) / "school.xlsx", Path(tmp) / "school.zip"
        book = openpyxl.Workbook()
        book.remove(book.active)
        for name, rows in sheets.items():
            ws = book.create_sheet(name)
            for row in rows:
                ws.append(row)
        book.save(path)
        try:
            build_school_pack(path, out, now=NOW)
        except PackRejected as e:
            message = str(e)
            assert "school.xlsx" in message
            problems = message.splitlines()[1:] or [message.split(": ", 1)[1]]
            for problem in problems:
                if problem.startswith("- and ") or "there are no resources" in problem:
                    continue
                assert WHERE.search(problem.removeprefix("school.xlsx: ")), problem
                if 'column "' in problem or re.search(r"column [A-Z]+\b", problem):
                    assert re.search(r", row \d", problem), problem
            assert not out.exists()
            event("refused")
            return
        pack = read_pack(out)
        assert any(pack.tables.values())
        event("built")
