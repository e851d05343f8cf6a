"""Building the school's pack from its spreadsheet: the template filled in as staff would, as XLSX and as CSV."""

from __future__ import annotations

import csv
import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from kiosk.cli import main
from kiosk.content.errors import version_key
from kiosk.content.manifest import Source
from kiosk.content.pack_file import read_pack
from kiosk.sources.school.school_pack import build_school_pack, is_school_source
from kiosk.sources.school.template import write_template

NOW = dt.datetime(2027, 1, 5, 9, 45, tzinfo=dt.timezone.utc)


def fill_workbook(path: Path, about: dict[str, Any] | None = None, **sheets: list[dict[str, Any] | None]) -> Path:
    """Fill the template the way staff do: delete the example rows, type rows under the headings, save.

    A None in a sheet's rows leaves that row blank.
    """
    book = load_workbook(path)
    for label, value in (about or {}).items():
        ws = book["About this pack"]
        row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == label)
        ws.cell(row, 2, value)
    for name, rows in sheets.items():
        ws = book[name]
        ws.delete_rows(2, ws.max_row)
        headings = [c.value for c in ws[1]]
        for r, row in enumerate(rows, 2):
            for heading, value in (row or {}).items():
                ws.cell(r, headings.index(heading) + 1, value)
    book.save(path)
    return path


def school_workbook(tmp_path: Path, about: dict[str, Any] | None = None, **sheets: list[dict[str, Any] | None]) -> Path:
    """The template, with the school's name and every example row deleted, then the given rows typed in."""
    path = write_template(tmp_path / "school.xlsx", None)
    sheets = {name: [] for name in ("Resources", "Events", "Alumni", "Providers")} | sheets
    return fill_workbook(path, {"Publisher": "Riverside Academy", **(about or {})}, **sheets)


def test_a_filled_in_workbook_builds_the_school_pack(tmp_path: Path) -> None:
    path = school_workbook(
        tmp_path, {"Version": "2027.1", "Notice": "Kept up to date by the careers team  "},
        Resources=[
            {"Title": "Jobs in health and care", "Kind": "printed", "Audience": "KS4, parents",
             "Where on the shelf": "  Shelf B1  "},
            None,  # a blank row between entries is skipped
            {"Id": "apprenticeship-film", "Title": "Apprenticeships in two minutes", "Kind": "Video",
             "Link": "https://example.org/film", "Summary": "How it works."},
        ],
        Events=[
            {"Title": "Open evening", "Kind": "open day", "Starts": dt.datetime(2027, 1, 20, 17, 30),
             "Ends": dt.time(20, 0), "Place": "Riverside College", "Audience": "ks4,parents"},
            {"Title": "Open evening", "Kind": "Open Day", "Starts": "17/02/2027 17:30", "Ends": "2027-02-17 20:00"},
            {"Title": "Careers fair", "Kind": "careers fair", "Starts": dt.datetime(2027, 3, 4)},
        ],
        Alumni=[{"First name": "Amira", "Year left": 2019.0, "Route id": "T-Levels", "Destination": "Trainee nurse",
                 "Quote": "I love my job."}],
        Providers=[{"Name": "Riverside College", "Kind": "college", "Town": "Riverside",
                    "Route ids": "a-levels, t-levels, a-levels"}],
    )
    pack = build_school_pack(path, tmp_path / "school.zip", now=NOW)
    read = read_pack(tmp_path / "school.zip")
    assert read.sha256 == pack.sha256
    m = read.manifest
    assert (m.pack_id, m.title, m.publisher, m.content_version, m.layer, m.sample, m.notice) == (
        "school", "Careers content from Riverside Academy", "Riverside Academy", "2027.1", "school", False,
        "Kept up to date by the careers team")
    assert m.sources == (Source("school", "Riverside Academy", "Provided by the school", "2027-01-05", ""),)
    assert read.tables["resources"] == [
        {"id": "jobs-in-health-and-care", "title": "Jobs in health and care", "kind": "printed",
         "audience": ["ks4", "parents"], "summary": None, "shelf": "Shelf B1", "url": None},
        {"id": "apprenticeship-film", "title": "Apprenticeships in two minutes", "kind": "video",
         "audience": None, "summary": "How it works.", "shelf": None, "url": "https://example.org/film"},
    ]
    assert [(e["id"], e["kind"], e["starts"], e["ends"]) for e in read.tables["events"]] == [
        ("open-evening-2027-01-20", "open_day", "2027-01-20T17:30", "2027-01-20T20:00"),
        ("open-evening-2027-02-17", "open_day", "2027-02-17T17:30", "2027-02-17T20:00"),
        ("careers-fair-2027-03-04", "careers_fair", "2027-03-04", None),
    ]
    assert read.tables["events"][0]["audience"] == ["ks4", "parents"]
    assert read.tables["alumni"] == [{"id": "amira-2019", "first_name": "Amira", "year_left": 2019, "route": "t-levels",
                                      "occupation": None, "destination": "Trainee nurse", "quote": "I love my job."}]
    assert read.tables["providers"] == [{"id": "riverside-college", "name": "Riverside College", "kind": "college",
                                         "town": "Riverside", "url": None}]
    assert read.tables["provider_routes"] == [{"provider": "riverside-college", "route": "a-levels"},
                                              {"provider": "riverside-college", "route": "t-levels"}]


def test_formulas_give_their_cached_values(tmp_path: Path) -> None:
    path = school_workbook(tmp_path, Alumni=[{"First name": "Amira", "Year left": 2019, "Destination": "Nurse",
                                              "Quote": "Yes."}])
    # What Excel saves for =2000+19 typed in C2: the formula and the value it last worked out.
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    sheet = "xl/worksheets/sheet5.xml"  # Instructions, About, Resources, Events, Alumni
    xml, count = re.subn(rb'<c r="C2"([^>]*)><v>2019</v></c>', rb'<c r="C2"\1><f>2000+19</f><v>2019</v></c>',
                         members[sheet])
    assert count == 1
    members[sheet] = xml
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    pack = build_school_pack(path, tmp_path / "school.zip", now=NOW)
    assert pack.tables["alumni"][0]["year_left"] == 2019


def test_a_blank_version_is_the_time_of_the_build_so_each_build_is_newer(tmp_path: Path) -> None:
    path = school_workbook(tmp_path, Resources=[{"Title": "Careers box", "Kind": "in house"}])
    first = build_school_pack(path, tmp_path / "a.zip", now=dt.datetime(2027, 1, 5, 9, 45))
    later = build_school_pack(path, tmp_path / "b.zip", now=dt.datetime(2027, 1, 5, 14, 5))
    assert first.manifest.content_version == "2027.1.5.945"
    assert version_key(later.manifest.content_version) > version_key(first.manifest.content_version)


def write_csv(path: Path, rows: list[list[Any]], *, encoding: str = "utf-8-sig", delimiter: str = ",") -> None:
    with open(path, "w", encoding=encoding, newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows(rows)


def csv_school(tmp_path: Path) -> Path:
    """The CSV template with the school's name in and the example rows deleted."""
    folder = write_template(tmp_path / "school", "csv")
    for name in ("Resources", "Events", "Alumni", "Providers"):
        with open(folder / f"{name}.csv", encoding="utf-8-sig", newline="") as f:
            write_csv(folder / f"{name}.csv", [next(csv.reader(f))])
    with open(folder / "About this pack.csv", encoding="utf-8-sig", newline="") as f:
        about = [[r[0], "Riverside Academy" if r[0] == "Publisher" else r[1]] for r in csv.reader(f)]
    write_csv(folder / "About this pack.csv", about)
    return folder


def test_a_folder_of_csv_files_builds_the_same_way(tmp_path: Path) -> None:
    folder = csv_school(tmp_path)
    write_csv(folder / "Events.csv", [
        ["Title", "Kind", "Starts", "Ends", "Audience"],
        ["Café careers talk", "employer talk", "20/01/2027 13:00", "14:00", "KS4"],
        ["", "", "", "", ""],
        ["Sixth form evening", "other", "2027-02-03", "", ""],
    ], encoding="utf-8")  # no byte order mark: LibreOffice's default
    # Excel in some countries saves with semicolons.
    write_csv(folder / "Alumni.csv", [["First name", "Year left", "Destination", "Quote"],
                                      ["Zoë", "2021", "Apprentice electrician", "Best choice; no regrets."]],
              delimiter=";")
    assert is_school_source(folder)
    pack = build_school_pack(folder, tmp_path / "school.zip", now=NOW)
    assert [(e["id"], e["title"], e["starts"], e["ends"], e["audience"]) for e in pack.tables["events"]] == [
        ("cafe-careers-talk-2027-01-20", "Café careers talk", "2027-01-20T13:00", "2027-01-20T14:00", ["ks4"]),
        ("sixth-form-evening-2027-02-03", "Sixth form evening", "2027-02-03", None, None),
    ]
    assert [(a["id"], a["first_name"], a["quote"]) for a in pack.tables["alumni"]] == [
        ("zoe-2021", "Zoë", "Best choice; no regrets.")]
    assert pack.manifest.publisher == "Riverside Academy" and set(pack.tables) == {"events", "alumni"}


def test_which_sources_are_school_spreadsheets(tmp_path: Path) -> None:
    folder = csv_school(tmp_path)
    assert is_school_source(tmp_path / "school.xlsx")  # even before it exists, so the error names the file
    assert is_school_source(tmp_path / "SCHOOL.XLSX")
    assert is_school_source(folder)
    (folder / "pack.toml").write_text('id = "x"\n')
    assert not is_school_source(folder)  # a TOML pack source keeps its own builder
    other = tmp_path / "other"
    other.mkdir()
    (other / "figures.csv").write_text("a,b\n")
    assert not is_school_source(other)
    assert not is_school_source(Path("assets/sample"))
    assert not is_school_source(tmp_path / "school.toml")


def test_the_kiosk_command_writes_the_template_and_builds_it(capsys: pytest.CaptureFixture[str],
                                                              tmp_path: Path) -> None:
    assert main(["pack", "template", str(tmp_path / "school.xlsx")]) == 0
    assert capsys.readouterr().out == f"wrote the school content template: {tmp_path / 'school.xlsx'}\n"
    assert main(["pack", "build", str(tmp_path / "school.xlsx"), "-o", str(tmp_path / "school.zip")]) == 1
    err = capsys.readouterr().err
    assert "Events, row 2: this is one of the template's example rows" in err
    assert not (tmp_path / "school.zip").exists()
    fill_workbook(tmp_path / "school.xlsx", {"Publisher": "Riverside Academy", "Version": "3"},
                  Resources=[], Alumni=[], Providers=[],
                  Events=[{"Title": "Careers fair", "Kind": "careers fair", "Starts": dt.datetime(2027, 3, 4)}])
    assert main(["pack", "build", str(tmp_path / "school.xlsx"), "-o", str(tmp_path / "school.zip")]) == 0
    assert capsys.readouterr().out == f"built {tmp_path / 'school.zip'}: school 3 (1 events)\n"
