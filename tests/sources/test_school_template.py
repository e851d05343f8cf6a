"""The school's content template: the workbook's sheets, headings, drop-downs and help, and the CSV folder."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kiosk.content.errors import PackRejected
from kiosk.content.schema import TABLES
from kiosk.sources.school.layout import ABOUT_KEYS, EXAMPLE_MARK, SHEETS
from kiosk.sources.school.template import instruction_rows, write_template

SHEET_NAMES = ["Instructions", "About this pack", "Resources", "Events", "Alumni", "Providers"]


def test_the_workbook_has_every_sheet_with_bold_frozen_headings_and_widths(tmp_path: Path) -> None:
    written = write_template(tmp_path / "school.xlsx", None)
    assert written == tmp_path / "school.xlsx"
    book = load_workbook(written)
    assert book.sheetnames == SHEET_NAMES
    for sheet in SHEETS:
        ws = book[sheet.name]
        assert [c.value for c in ws[1]] == [f.heading for f in sheet.fields]
        assert all(c.font.b for c in ws[1]) and ws.freeze_panes == "A2"
        assert [ws.column_dimensions[c.column_letter].width for c in ws[1]] == [f.width for f in sheet.fields]
    about = book["About this pack"]
    assert [(r[0].value, r[1].value) for r in about.iter_rows(min_row=2)] == [
        ("Pack id", "school"), ("Title", None), ("Publisher", None), ("Version", None), ("Notice", None)]
    assert about["B5"].number_format == "@"  # the version stays text: 2027.10 is not 2027.1


def test_choice_columns_have_drop_downs_and_every_column_has_help(tmp_path: Path) -> None:
    book = load_workbook(write_template(tmp_path / "school.xlsx", None))
    for sheet in SHEETS:
        rules = {str(rule.sqref).split(":")[0].rstrip("0123456789"): rule
                 for rule in book[sheet.name].data_validations.dataValidation}
        for letter, field in zip("ABCDEFGHIJ", sheet.fields):
            rule = rules[letter]
            assert (rule.promptTitle, rule.prompt, rule.showInputMessage) == (field.heading, field.help, True)
            if field.kind == "choice":
                assert rule.type == "list" and rule.showErrorMessage
                assert rule.formula1 == '"' + ",".join(field.choices) + '"'
            if field.kind == "audience":
                assert (rule.type, rule.formula1) == ("list", '"ks3,ks4,post16,parents,send"')
                assert not rule.showErrorMessage  # "ks4, parents" must be allowed


def test_help_texts_fit_excel_input_messages() -> None:
    for sheet in SHEETS:
        for field in sheet.fields:
            assert 0 < len(field.help) <= 255 and len(field.heading) <= 32, (sheet.name, field.heading)


def test_every_schema_column_has_a_heading_and_help() -> None:
    for sheet in SHEETS:
        table = TABLES[sheet.table]
        assert {c.name for c in table.columns} <= {f.column for f in sheet.fields}
        for column in table.columns:
            field = next(f for f in sheet.fields if f.column == column.name)
            assert field.required == (column.required and column.name != "id"), (sheet.name, column.name)
    assert {(s, c) for s, c, _, _ in instruction_rows()} == (
        {("About this pack", k.label) for k in ABOUT_KEYS} | {(s.name, f.heading) for s in SHEETS for f in s.fields})


def test_the_example_rows_are_marked_and_dates_are_date_cells(tmp_path: Path) -> None:
    book = load_workbook(write_template(tmp_path / "school.xlsx", None))
    for sheet in SHEETS:
        ws = book[sheet.name]
        col = [f.column for f in sheet.fields].index(sheet.name_column) + 1
        names = [ws.cell(r, col).value for r in range(2, ws.max_row + 1)]
        assert len(names) == 2 and all(n.startswith(EXAMPLE_MARK) for n in names)
        assert all(ws.cell(r, col).font.i for r in (2, 3))
    assert isinstance(book["Events"]["D2"].value, dt.datetime)
    assert book["Events"]["D2"].number_format == "yyyy-mm-dd hh:mm"


def test_the_csv_template_is_a_folder_of_utf8_files(tmp_path: Path) -> None:
    written = write_template(tmp_path / "school", None)
    assert sorted(p.name for p in written.iterdir()) == sorted(f"{n}.csv" for n in SHEET_NAMES)
    for sheet in SHEETS:
        data = (written / f"{sheet.name}.csv").read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")  # so Excel opens it as UTF-8
        rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
        assert rows[0] == [f.heading for f in sheet.fields] and len(rows) == 3
    events = list(csv.DictReader((written / "Events.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert events[0]["Starts"] == "2027-01-20 17:30"


def test_format_comes_from_the_name_or_is_given(tmp_path: Path) -> None:
    assert write_template(tmp_path / "a", "xlsx") == tmp_path / "a.xlsx"
    assert (tmp_path / "a.xlsx").is_file()
    (tmp_path / "empty").mkdir()
    assert write_template(tmp_path / "empty", "csv") == tmp_path / "empty"  # an empty folder is fine
    with pytest.raises(PackRejected, match="must be xlsx or csv, not 'ods'"):
        write_template(tmp_path / "b", "ods")
    with pytest.raises(PackRejected, match="named like a workbook"):
        write_template(tmp_path / "c.xlsx", "csv")


@pytest.mark.parametrize("fmt", [None, "csv"])
def test_nothing_is_overwritten(tmp_path: Path, fmt: str | None) -> None:
    (tmp_path / "school.xlsx").write_bytes(b"our work")
    (tmp_path / "school").mkdir()
    (tmp_path / "school" / "Events.csv").write_text("Title\nOur event\n")
    target = tmp_path / ("school" if fmt else "school.xlsx")
    with pytest.raises(PackRejected) as e:
        write_template(target, fmt)
    assert str(e.value) == f"{target} already exists; choose another name, or move it away first"
    assert (tmp_path / "school.xlsx").read_bytes() == b"our work"
    assert (tmp_path / "school" / "Events.csv").read_text() == "Title\nOur event\n"
