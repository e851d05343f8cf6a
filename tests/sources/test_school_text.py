"""Any text staff type or paste into a school spreadsheet: it reads back from the pack, or is refused by sheet, row
and column. Unicode line ends pasted from the web once built a pack the kiosk's own reader called "not valid JSON".
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kiosk.content.errors import PackRejected
from kiosk.content.pack_file import read_pack
from kiosk.sources.school import cells
from kiosk.sources.school.school_pack import build_school_pack
from tests.sources.test_school_build import csv_school, school_workbook, write_csv

# Text a file can hold (no lone surrogates), with line ends, zero-width, bidirectional and C1 characters often.
TRICKY = ("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029\u200b\u200c\u200d\u2060\ufeff\u202a\u202e\u2066\u2069\x80\x9f"
          "\x00\x07\x7f\t \u00a0é日😀")
CELL_TEXT = st.text(st.characters(blacklist_categories=("Cs",)) | st.sampled_from(TRICKY), max_size=30).filter(
    lambda t: not t.strip().casefold().startswith("example"))  # the template's example rows are refused as such


@settings(deadline=None, max_examples=150)
@given(title=CELL_TEXT, summary=CELL_TEXT)
@example(title="Careers\u2028fair", summary="Line one\u2029line two\x85three")  # once "not valid JSON"
@example(title="\u200b\ufeff", summary="")  # shows as nothing: a required title that is empty
@example(title="Fair\u202e", summary="")
@example(title="Fair", summary="Bad\x9b")
def test_a_cells_text_reads_back_from_the_pack_or_is_refused_by_sheet_row_and_column(title: str, summary: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = csv_school(Path(tmp))
        write_csv(folder / "Resources.csv", [["Title", "Kind", "Summary"], [title, "printed", summary]])
        out = Path(tmp) / "school.zip"
        try:
            build_school_pack(folder, out)
        except PackRejected as e:
            message = str(e)
            assert "JSON" not in message
            assert 'Resources.csv, row 2, column "Title"' in message or 'Resources.csv, row 2, column "Summary"' in message
            return
        row = read_pack(out).tables["resources"][0]
    assert row["title"] == cells.text(title)
    assert row["summary"] == cells.text(summary)
    for text in (row["title"], row["summary"] or ""):
        assert not set(text) & set("\r\v\f\x1c\x1d\x1e\x85\u2028\u2029\u202a\u202e\u2066\u2069\x80\x9f\x00\x07")


def test_unicode_line_ends_pasted_into_a_workbook_become_line_breaks(tmp_path: Path) -> None:
    path = school_workbook(tmp_path, Resources=[
        {"Title": "Careers\u2028fair", "Kind": "printed", "Summary": "One\u2029two\x85three"}])
    build_school_pack(path, tmp_path / "school.zip")
    row = read_pack(tmp_path / "school.zip").tables["resources"][0]
    assert (row["title"], row["summary"]) == ("Careers\nfair", "One\ntwo\nthree")


@pytest.mark.parametrize(("cell", "problem"), [
    ("\u200b \u2060", 'Resources.csv, row 2, column "Title": is empty; every resource needs one'),
    ("Fair\u202e", 'Resources.csv, row 2, column "Title": contains a bidirectional override character, which can '
                   "disguise text (U+202E)"),
    ("Fair\x9b", 'Resources.csv, row 2, column "Title": contains a control character (U+009B)'),
])
def test_invisible_titles_and_hidden_characters_are_named(tmp_path: Path, cell: str, problem: str) -> None:
    folder = csv_school(tmp_path)
    write_csv(folder / "Resources.csv", [["Title", "Kind"], [cell, "printed"]])
    with pytest.raises(PackRejected) as e:
        build_school_pack(folder, tmp_path / "school.zip")
    assert str(e.value) == f"school: {problem}"
