"""Whatever staff type, a cell reads as a valid value or a CellError, and a sheet builds a good pack or is refused."""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from hypothesis import event, example, given, settings
from hypothesis import strategies as st

from kiosk.content.errors import PackRejected
from kiosk.content.pack_file import read_pack
from kiosk.content.schema import AUDIENCES, SLUG
from kiosk.sources.school import cells
from kiosk.sources.school.layout import (
    ABOUT, ABOUT_HEADINGS, ABOUT_KEYS, EVENT_KINDS, INSTRUCTIONS, PROVIDER_KINDS, RESOURCE_KINDS, SHEETS, Field,
)
from kiosk.sources.school.school_pack import build_school_pack

NOW = dt.datetime(2027, 1, 5, 9, 45, tzinfo=dt.timezone.utc)
ZONES = st.sampled_from([None, dt.timezone.utc, dt.timezone(dt.timedelta(hours=-5))])
# Text as staff type dates, times, years and lists, with the patterns' \d free to be any Unicode digit.
typed = st.one_of(
    st.from_regex(cells.UK_DATE, fullmatch=True), st.from_regex(cells.TIME, fullmatch=True),
    st.from_regex(r"\A\d{4}-\d{2}-\d{2}([T ]\d{1,2}:\d{2}(:\d{2})?)?\Z"),
    st.sampled_from(["2027-01-20 17:30", "31/02/2027", "0/0/0000 99:99", "12:00 am", "13pm", "²⁰¹⁹", "2019",
                     " 2019 ", "KS4, post-16", "Key Stage 3;sixth form", "open day", "In-House", "a-levels, t-levels",
                     "Children's centre", "\r\n", "  ", "Example: Amira"]),
)
cell_values = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30), typed, typed, typed,
    st.datetimes(timezones=ZONES), st.dates(), st.times(timezones=ZONES),
    st.sampled_from([dt.datetime.max, dt.datetime.min, dt.time(23, 59, 45), dt.date.max]),
)


def assert_text(value: Any) -> None:
    assert value is None or (isinstance(value, str) and value and value == value.strip() and "\r" not in value)


def read_or_refuse(reader: Any, *args: Any) -> tuple[bool, Any]:
    """(True, value) when the reader reads the cell, (False, message) when it refuses it with its own error."""
    try:
        return True, reader(*args)
    except cells.CellError as e:
        assert str(e)
        return False, str(e)


@settings(deadline=None, max_examples=300)
@given(value=cell_values)
@example(value="²⁰¹⁹")  # digits to str.isdigit(), not to int(): once a ValueError
@example(value=dt.datetime.max)  # rounding to the minute once overflowed
def test_every_cell_reader_returns_a_valid_value_or_raises_cell_error(value: Any) -> None:
    assert isinstance(cells.is_blank(value), bool)
    assert_text(cells.text(value))
    ident = cells.identifier(value)
    assert ident is None or (isinstance(ident, str) and ident)
    idents = cells.identifiers(value)
    assert all(isinstance(i, str) and i for i in idents) and len(set(idents)) == len(idents)
    made = cells.slug_from(value, value)
    assert made == "" or SLUG.match(made)

    for choices in (RESOURCE_KINDS, EVENT_KINDS, PROVIDER_KINDS):
        ok, read = read_or_refuse(cells.choice, value, choices)
        assert not ok or read is None or read in choices.values()
    ok, read = read_or_refuse(cells.audiences, value)
    assert not ok or (set(read) <= AUDIENCES and len(set(read)) == len(read))
    ok, read = read_or_refuse(cells.year, value)
    assert not ok or read is None or (isinstance(read, int) and not isinstance(read, bool))
    ok, read = read_or_refuse(cells.when, value)
    if ok and read is not None:
        assert isinstance(read, (dt.datetime, dt.date, dt.time))
        if isinstance(read, (dt.datetime, dt.time)):
            assert read.tzinfo is None and read.second == 0 and read.microsecond == 0


# ---- whole sheets: a folder of the template's CSV files, filled in tidily, or anyhow ----

def rarely(odds: int) -> st.SearchStrategy[bool]:
    """True about once in `odds` draws (mid-range: Hypothesis favours a range's ends, which would make it common)."""
    return st.integers(1, odds).map(lambda n: n == odds // 2)


NAMES = st.from_regex(r"\A[A-Z][a-z]{2,7}( [a-z]{2,7}){0,2}\Z")
# Free text as staff type it: words, or anything at all (a stray control character, a 300-character title).
FREE_TEXT = rarely(25).flatmap(lambda wild: st.text(max_size=20) | st.sampled_from(["x" * 300, "tab\there", "bell\x07",
                                                                                  "  ", "naïve café"])
                               if wild else NAMES)
GOOD = {
    "id": st.from_regex(r"\A[a-z][a-z0-9-]{0,10}[a-z0-9]\Z"), "text": FREE_TEXT,
    "year": st.integers(1990, 2026).map(str),
    "when": st.sampled_from(["2027-01-20 17:30", "20/01/2027", "2027-03-04T09:30", "21/1/2027 5:30pm"]),
    "audience": st.sampled_from(["ks4, parents", "Key Stage 3", "SEND", ""]),
    "ids": st.sampled_from(["a-levels, t-levels", "t-levels;t-levels", ""]),
    "url": st.sampled_from(["https://example.org/riverside", "http://example.org", ""]),
}
BAD = st.sampled_from(["Bad Id!", "x" * 5001, "31/02/2027", "20:00", "last year", "everyone", "Example: Amira",
                       "party", "A Levels, ?"]) | st.text(max_size=12)


def cell(field: Field, odds: int) -> st.SearchStrategy:
    """A cell for one column: of the kind it wants (free text being anything), and once in `odds` not."""
    good = st.sampled_from(sorted(field.choices)) if field.choices else GOOD.get(field.column, GOOD[field.kind])
    if not field.required:
        good = good | st.just("")
    return rarely(odds).flatmap(lambda bad: BAD if bad else good)


@st.composite
def data_sheet(draw: st.DrawFn, index: int, odds: int) -> list[list[str]]:
    """A template sheet: its headings (optional ones sometimes left out, one sometimes extra) and a few rows."""
    sheet = SHEETS[index]
    fields = [f for f in sheet.fields if f.required or not draw(rarely(4))]
    headings = [f.heading for f in fields]
    if draw(rarely(odds)):
        headings.append(draw(st.sampled_from([fields[0].heading, "Notes", ""])))
    rows = [[draw(cell(f, odds * 4)) for f in fields] for _ in range(draw(st.integers(0, 3)))]
    return [headings, *rows]


@st.composite
def about_sheet(draw: st.DrawFn, odds: int) -> list[list[str]]:
    """The About sheet: the publisher always named (if not always well), other settings as staff leave them."""
    good = {"publisher": FREE_TEXT, "pack_id": st.just("school"), "version": st.sampled_from(["2027.1", ""]),
            "title": st.just("") | FREE_TEXT, "notice": st.just("") | FREE_TEXT}
    bad = st.sampled_from(["", "x" * 201, "Riverside!", "v2"])
    rows = [list(ABOUT_HEADINGS)]
    for key in ABOUT_KEYS:
        if key.name == "publisher" or not draw(rarely(5)):
            rows.append([key.label, draw(bad if draw(rarely(odds)) else good[key.name])])
    return rows


def as_csv(rows: list[list[str]], delimiter: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return out.getvalue()


@st.composite
def school_folders(draw: st.DrawFn) -> dict[str, bytes]:
    """The template's CSV files by name: filled in tidily (the cells' text anything at all), or anyhow, with files
    of any text or bytes, left out, or added."""
    odds = draw(st.sampled_from([1000, 6]))  # tidy, or anyhow
    sheets = {ABOUT: about_sheet(odds), **{s.name: data_sheet(i, odds) for i, s in enumerate(SHEETS)}}
    files: dict[str, bytes] = {}
    for name, sheet in sheets.items():
        how = draw(st.sampled_from(["text", "bytes", "absent"])) if draw(rarely(odds)) else "sheet"
        if how == "sheet":
            files[name] = as_csv(draw(sheet), draw(st.sampled_from([",", ";", "\t"]))).encode("utf-8-sig")
        elif how == "text":
            files[name] = draw(st.text(max_size=60)).encode("utf-8")
        elif how == "bytes":
            files[name] = draw(st.binary(max_size=60))
    if draw(rarely(odds)):
        files[draw(st.sampled_from([INSTRUCTIONS, "resources", "Notes"]))] = draw(st.text(max_size=20)).encode()
    return files


@settings(deadline=None, max_examples=70)
@given(files=school_folders())
def test_a_csv_folder_builds_a_pack_read_pack_accepts_or_is_refused_by_name(files: dict[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "school"
        folder.mkdir()
        for name, data in files.items():
            (folder / f"{name}.csv").write_bytes(data)
        out = Path(tmp) / "school.zip"
        try:
            build_school_pack(folder, out, now=NOW)
        except PackRejected as e:
            assert str(e)
            assert not out.exists()
            event("refused")
            return
        pack = read_pack(out)
        assert pack.manifest.layer == "school" and any(pack.tables.values())
        event("built")


@settings(deadline=None, max_examples=60)
@given(data=st.binary(max_size=400) | st.builds(
    lambda members: _zip_of(members),
    st.dictionaries(st.sampled_from(["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml",
                                     "_rels/.rels", "mimetype", "x"]), st.binary(max_size=80), max_size=4)))
def test_any_bytes_named_xlsx_are_refused_by_name_never_crash(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "school.xlsx"
        path.write_bytes(data)
        try:
            build_school_pack(path, Path(tmp) / "school.zip", now=NOW)
        except PackRejected as e:
            assert "school.xlsx" in str(e)
        else:
            raise AssertionError("arbitrary bytes built a pack")


def _zip_of(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()
