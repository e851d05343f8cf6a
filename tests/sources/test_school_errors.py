"""A school spreadsheet with mistakes is refused with every problem named by sheet, row and column."""

from __future__ import annotations

import datetime as dt
import struct
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kiosk.content.errors import PackRejected
from kiosk.sources.school.school_pack import build_school_pack
from kiosk.sources.school.template import write_template
from tests.sources.test_school_build import csv_school, fill_workbook, school_workbook, write_csv

SHEETS_ARE = "About this pack, Resources, Events, Alumni, Providers, Instructions"


def rejected(source: Path, tmp_path: Path) -> str:
    """Build, expect a refusal, check nothing was written, and return the message."""
    out = tmp_path / "out" / "school.zip"
    with pytest.raises(PackRejected) as e:
        build_school_pack(source, out)
    assert not out.parent.exists() or list(out.parent.iterdir()) == []
    return str(e.value)


def test_a_bad_date_names_the_sheet_row_and_column(tmp_path: Path) -> None:
    ok = {"Title": "Talk", "Kind": "employer talk", "Starts": dt.datetime(2027, 1, 20, 13, 0)}
    path = school_workbook(tmp_path, Events=[ok | {"Title": f"Talk {n}"} for n in range(5)]
                           + [ok | {"Starts": "next Tuesday"}])
    assert rejected(path, tmp_path) == ('school.xlsx: Events, row 7, column "Starts": must be a date and time like '
                                        "2027-01-20 17:30 or 20/01/2027 17:30, not 'next Tuesday'")


def test_every_problem_is_reported_together_up_to_twenty(tmp_path: Path) -> None:
    path = school_workbook(tmp_path, Resources=[{"Title": f"Leaflet {n}", "Kind": "book"} for n in range(24)]
                           + [{"Title": "Careers box", "Kind": "in house", "Audience": "year 9"}])
    message = rejected(path, tmp_path)
    lines = message.splitlines()
    assert lines[0] == "school.xlsx has 25 problems; nothing was built:"
    assert lines[1] == ('- Resources, row 2, column "Kind": must be one of printed, online, video, in house, '
                        "not 'book'")
    assert len(lines) == 22 and lines[-1] == "- and 5 more"


@pytest.mark.parametrize(("sheet", "row", "problem"), [
    ("Resources", {"Title": "Box", "Kind": "printed", "Audience": "KS4, year 9"},
     "Resources, row 2, column \"Audience\": has an unknown audience 'year 9'; use ks3, ks4, parents, post16, send"),
    ("Resources", {"Title": "Film", "Kind": "video", "Link": "www.example.org"},
     "Resources, row 2, column \"Link\": must be an http(s) address, not 'www.example.org'"),
    ("Resources", {"Title": "x" * 201, "Kind": "printed"},
     'Resources, row 2, column "Title": is 201 characters long; the limit is 200'),
    ("Resources", {"Kind": "printed", "Summary": "No title"},
     'Resources, row 2, column "Title": is empty; every resource needs one'),
    ("Resources", {"Id": "Careers box!", "Title": "Box", "Kind": "printed"},
     "Resources, row 2, column \"Id\": must be an id of lower-case letters, digits and dashes, not 'careers box!'"),
    ("Resources", {"Title": "日本語", "Kind": "printed"},
     'Resources, row 2, column "Title": cannot be made into an id (it has no letters or digits); write an Id'),
    ("Events", {"Title": "Fair", "Kind": "careers fair", "Starts": "17:30"},
     'Events, row 2, column "Starts": needs a date as well as a time, not 17:30 alone'),
    ("Events", {"Title": "Fair", "Kind": "careers fair", "Starts": dt.datetime(2027, 3, 4, 15), "Ends": "09:00"},
     'Events, row 2, column "Ends": 2027-03-04 09:00 is before the event starts (2027-03-04 15:00)'),
    ("Alumni", {"First name": "Amira", "Year left": "last year", "Destination": "Nurse", "Quote": "Yes."},
     "Alumni, row 2, column \"Year left\": must be a year like 2019, not 'last year'"),
    ("Alumni", {"First name": "Amira", "Year left": 1850.0, "Destination": "Nurse", "Quote": "Yes."},
     'Alumni, row 2, column "Year left": must be between 1970 and 2100, not 1850'),
    ("Providers", {"Name": "College", "Kind": "college", "Route ids": "a-levels, T levels"},
     "Providers, row 2, column \"Route ids\": 't levels' is not a route id; use lower-case letters, digits and "
     "dashes, with commas between ids"),
])
def test_bad_cells_are_named(tmp_path: Path, sheet: str, row: dict, problem: str) -> None:
    assert rejected(school_workbook(tmp_path, **{sheet: [row]}), tmp_path) == f"school.xlsx: {problem}"


def test_duplicate_ids_name_both_rows(tmp_path: Path) -> None:
    path = school_workbook(tmp_path, Resources=[
        {"Id": "careers-box", "Title": "Careers box", "Kind": "in house"},
        {"Id": "careers-box", "Title": "Another box", "Kind": "in house"},
        {"Title": "Jobs guide", "Kind": "printed"},
        {"Title": "Jobs Guide!", "Kind": "printed"},
    ])
    assert rejected(path, tmp_path).splitlines()[1:] == [
        "- Resources, row 3, column \"Id\": 'careers-box' is already the id of row 2; each resource needs its own",
        "- Resources, row 5, column \"Title\": makes the id 'jobs-guide', which row 4 has too; write a different Id "
        "in one of them",
    ]


def test_the_example_rows_cannot_be_built_by_accident(tmp_path: Path) -> None:
    path = fill_workbook(write_template(tmp_path / "school.xlsx", None), {"Publisher": "Riverside Academy"},
                         Resources=[], Alumni=[], Providers=[])  # the events' examples are still there
    assert rejected(path, tmp_path).splitlines()[1:] == [
        f"- Events, row {n}: this is one of the template's example rows ({title!r}); delete it, or replace it "
        "with your own, before building"
        for n, title in ((2, "Example: Riverside College open evening"), (3, "Example: Careers fair"))]


def test_an_empty_workbook_says_there_is_nothing_to_build(tmp_path: Path) -> None:
    assert rejected(school_workbook(tmp_path), tmp_path) == (
        "school.xlsx: there are no resources, events, alumni or providers in it yet; add some rows")


def edited(path: Path, edit) -> Path:
    book = load_workbook(path)
    edit(book)
    book.save(path)
    return path


def test_unknown_missing_and_headless_columns_and_unknown_sheets(tmp_path: Path) -> None:
    path = school_workbook(tmp_path, Events=[{"Title": "Fair", "Kind": "careers fair", "Starts": "2027-03-04"}],
                           Resources=[{"Title": "Box", "Kind": "printed"}])

    def edit(book) -> None:
        book["Events"]["J1"] = "Colour"
        book["Resources"].delete_cols(3)  # Kind
        book["Resources"]["K2"] = "stray note"
        book.create_sheet("Notes")["A1"] = "to do"

    message = rejected(edited(path, edit), tmp_path)
    assert message.splitlines()[1:] == [
        f"- Notes: is not a sheet of the template; its sheets are {SHEETS_ARE}",
        "- Resources, row 1: column K has no heading, but row 2 has something in it",
        '- Resources, row 1: the column "Kind" is missing from the headings',
        '- Events, row 1, column "Colour": is not a column of this sheet; its columns are Id, Title, Kind, Starts, '
        "Ends, Place, Summary, Audience, Link",
    ]


def test_a_heading_with_a_line_break_is_named_on_one_line(tmp_path: Path) -> None:
    # Alt+Enter in a heading cell: the message once ran onto a second line, which read as a second problem.
    path = school_workbook(tmp_path, Events=[{"Title": "Fair", "Kind": "careers fair", "Starts": "2027-03-04"}])
    message = rejected(edited(path, lambda book: book["Events"].cell(1, 10, "Colour\nof tile")), tmp_path)
    assert message == ('school.xlsx: Events, row 1, column "Colour of tile": is not a column of this sheet; its '
                       "columns are Id, Title, Kind, Starts, Ends, Place, Summary, Audience, Link")


def test_about_sheet_problems(tmp_path: Path) -> None:
    path = school_workbook(tmp_path, {"Publisher": "  ", "Version": "v2", "Pack id": "Our School"},
                           Resources=[{"Title": "Box", "Kind": "printed"}])
    edited(path, lambda book: book["About this pack"].append(["Colour", "blue"]))
    assert rejected(path, tmp_path).splitlines()[1:] == [
        "- About this pack, row 7, column \"Setting\": 'Colour' is not a setting; the settings are Pack id, Title, "
        "Publisher, Version, Notice",
        '- About this pack, row 4, column "Value": the Publisher (your school\'s name) is empty; write it in',
        "- About this pack, row 2, column \"Value\": the pack id must be an id of lower-case letters, digits and "
        "dashes, not 'Our School'",
        "- About this pack, row 5, column \"Value\": the version must be dotted whole numbers like 2027.1, not 'v2'",
    ]
    edited(path, lambda book: book.remove(book["About this pack"]))
    assert rejected(path, tmp_path) == (
        "school.xlsx: About this pack: is missing; it names your school as the publisher")


def test_files_that_are_not_workbooks(tmp_path: Path) -> None:
    text = tmp_path / "school.xlsx"
    text.write_text("Title,Kind\nBox,printed\n")
    assert rejected(text, tmp_path) == ("school.xlsx is not a spreadsheet: save it from Excel or LibreOffice as an "
                                        "Excel Workbook (.xlsx)")
    ods = tmp_path / "school.ods"
    with zipfile.ZipFile(ods, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", "<office:document-content/>")
    assert rejected(ods, tmp_path) == ("school.ods is an OpenDocument spreadsheet (.ods): save it as an Excel "
                                       "Workbook (.xlsx)")
    assert rejected(tmp_path / "missing.xlsx", tmp_path).startswith(f"cannot read {tmp_path / 'missing.xlsx'}: ")


def test_damaged_workbooks(tmp_path: Path) -> None:
    good = write_template(tmp_path / "good.xlsx", None).read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good[: len(good) // 2])
    assert rejected(cut, tmp_path) == "cut.xlsx is damaged: its contents cannot be found (was it copied completely?)"
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(tmp_path / "good.xlsx") as src, zipfile.ZipFile(broken, "w") as dst:
        for name in src.namelist():
            dst.writestr(name, b"<not xml" if name == "xl/workbook.xml" else src.read(name))
    assert rejected(broken, tmp_path).startswith("broken.xlsx is damaged or is not an Excel workbook: ")


def compound_file(*streams: str) -> bytes:
    """A minimal OLE compound file (the container of .xls files and of password-protected .xlsx files).

    Version 3, 512-byte sectors: the header, one FAT sector and one directory sector holding the root
    and the named streams (empty). A password-protected .xlsx holds EncryptionInfo and EncryptedPackage.
    """
    free, end, fat_sector, none = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    header = struct.pack("<8s16sHHHHH6sIIIIIIIII", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", bytes(16), 0x3E, 3,
                         0xFFFE, 9, 6, bytes(6), 0, 1, 1, 0, 0x1000, end, 0, end, 0)
    header += struct.pack("<109I", 0, *[free] * 108)
    fat = struct.pack("<128I", fat_sector, end, *[free] * 126)

    def entry(name: str, kind: int, right: int, child: int) -> bytes:
        encoded = name.encode("utf-16-le") + b"\0\0"
        return struct.pack("<64sHBBIII16sIQQIQ", encoded, len(encoded), kind, 1, none, right, child, bytes(16),
                           0, 0, 0, end, 0)

    entries = [entry("Root Entry", 5, none, 1 if streams else none)]
    entries += [entry(name, 2, i + 2 if i + 1 < len(streams) else none, none) for i, name in enumerate(streams)]
    directory = b"".join(entries).ljust(512, b"\0")
    return header + fat + directory


def test_password_protected_and_old_excel_files(tmp_path: Path) -> None:
    locked = tmp_path / "school.xlsx"
    locked.write_bytes(compound_file("EncryptionInfo", "EncryptedPackage"))
    assert rejected(locked, tmp_path) == (
        "school.xlsx is protected with a password: open it, remove the password (in Excel: File, Info, Protect "
        "Workbook, Encrypt with Password) and save it again")
    old = tmp_path / "old.xls"
    old.write_bytes(compound_file("Workbook"))
    assert rejected(old, tmp_path) == ("old.xls is an old Excel 97-2003 (.xls) file: save it as an Excel "
                                       "Workbook (.xlsx)")


def test_csv_in_another_encoding_is_named(tmp_path: Path) -> None:
    folder = csv_school(tmp_path)
    (folder / "Events.csv").write_bytes("Title,Kind,Starts\nCafé talk,other,2027-01-20\n".encode("cp1252"))
    assert rejected(folder, tmp_path) == (
        "Events.csv is not UTF-8 text (byte 0xe9 on line 2; it is probably Windows-1252, Excel's plain "
        '"CSV (Comma delimited)"): save it as CSV UTF-8 (comma delimited)')
    (folder / "Events.csv").write_bytes("Title,Kind,Starts\n".encode("utf-16"))
    assert rejected(folder, tmp_path) == (
        "Events.csv is saved as UTF-16 (Unicode Text); save it as CSV UTF-8 (comma delimited)")


def test_csv_problems_name_the_file_row_and_column(tmp_path: Path) -> None:
    folder = csv_school(tmp_path)
    write_csv(folder / "Events.csv", [["Title", "Kind", "Starts"], ["Fair", "careers fair", "2027-03-04"],
                                      ["Talk", "talk", "2027-03-05"]])
    write_csv(folder / "Notes.csv", [["a"], ["b"]])
    assert rejected(folder, tmp_path).splitlines()[1:] == [
        "- Notes.csv: is not a file of the template; its files are About this pack.csv, Resources.csv, Events.csv, "
        "Alumni.csv, Providers.csv, Instructions.csv",
        '- Events.csv, row 3, column "Kind": must be one of open day, taster day, employer talk, careers fair, '
        "other, not 'talk'",
    ]
    (folder / "Notes.csv").unlink()
    (folder / "About this pack.csv").unlink()
    write_csv(folder / "Events.csv", [["Title", "Kind", "Starts"], ["Fair", "careers fair", "2027-03-04", "extra"]])
    assert rejected(folder, tmp_path).splitlines()[1:] == [
        "- About this pack.csv: is missing; it names your school as the publisher",
        "- Events.csv, row 1: column D has no heading, but row 2 has something in it",
    ]
    assert rejected(folder / "Events.csv", tmp_path) == (
        "Events.csv is one CSV file: put the template's CSV files in a folder and build the folder")


def test_a_failed_build_leaves_the_last_pack_in_place(tmp_path: Path) -> None:
    path = school_workbook(tmp_path, Resources=[{"Title": "Box", "Kind": "printed"}])
    out = tmp_path / "school.zip"
    build_school_pack(path, out)
    before = out.read_bytes()
    fill_workbook(path, Resources=[{"Title": "Box", "Kind": "book"}])
    with pytest.raises(PackRejected, match='Resources, row 2, column "Kind"'):
        build_school_pack(path, out)
    assert out.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["school.xlsx", "school.zip"]
