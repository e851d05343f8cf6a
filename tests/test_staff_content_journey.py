"""Done means, end to end: from a fresh install, sync both services (their doubles), build the school pack from the
template, export everything, import it on a second kiosk, and see the same content."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kiosk.cli import main
from kiosk.content.pack_store import PackStore
from kiosk.content.reader import open_reader
from kiosk.content.schema import TABLES
from tests.doubles.lmi_double import LmiDouble
from tests.doubles.ncs_double import NcsDouble

pytestmark = pytest.mark.slow


def kiosk(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> str:
    """Run one `kiosk` command on a data directory; its output (it must succeed)."""
    code = main([*args, "--data-dir", str(data)])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def fill_school_template(path: Path) -> None:
    """Fill the template the way staff do: the school's name, example rows deleted, our rows typed in."""
    book = load_workbook(path)
    about = book["About this pack"]
    row = next(r for r in range(2, about.max_row + 1) if about.cell(r, 1).value == "Publisher")
    about.cell(row, 2, "Riverside Academy")
    rows = {
        "Resources": [{"Title": "Jobs in health and care", "Kind": "printed", "Audience": "ks4, parents",
                       "Where on the shelf": "Shelf B1"}],
        "Events": [{"Title": "Riverside College open evening", "Kind": "open day",
                    "Starts": dt.datetime(2027, 1, 20, 17, 30), "Place": "Riverside College"}],
        "Alumni": [{"First name": "Amira", "Year left": 2019, "Occupation id": "nurse",
                    "Destination": "Student nurse", "Quote": "I help people every day."}],
        "Providers": [{"Name": "Riverside College", "Kind": "college", "Town": "Riverside"}],
    }
    for name, typed in rows.items():
        sheet = book[name]
        sheet.delete_rows(2, sheet.max_row)
        headings = [c.value for c in sheet[1]]
        for r, values in enumerate(typed, 2):
            for heading, value in values.items():
                sheet.cell(r, headings.index(heading) + 1, value)
    book.save(path)


def everything(data: Path) -> dict[str, object]:
    """What a kiosk holds and shows, comparably: every row of every content table, and a few searches."""
    conn = sqlite3.connect(f"file:{PackStore(data).db_path}?mode=ro", uri=True)
    try:
        tables = {name: sorted(map(repr, conn.execute(f"SELECT * FROM {name}"))) for name in TABLES}
        # Each kiosk builds its own built-in packs (the sample, the job library, the official figures) from its
        # assets (same content, its own build time); every other pack must be the very same file.
        tables["packs"] = sorted(map(repr, conn.execute(
            "SELECT pack_id, title, publisher, content_version, layer, "
            "CASE WHEN sample OR pack_id IN ('official', 'library') THEN '' ELSE sha256 END FROM packs")))
    finally:
        conn.close()
    reader = open_reader(PackStore(data).db_path)
    try:
        searches = {q: [h.id for h in reader.search(q)] for q in ("nurse", "plumber", "engineer", "research")}
        nurse = reader.occupation("nurse")
    finally:
        reader.close()
    return {"tables": tables, "searches": searches, "nurse": repr(nurse)}


def test_staff_sync_build_export_and_a_second_kiosk_shows_the_same(capsys, sample_data_dir: Path,
                                                                 tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    shutil.copytree(sample_data_dir, first)  # a fresh install: the sample, as the first run leaves it
    with NcsDouble(profiles=30) as ncs:
        out = kiosk(capsys, first, "sync", "ncs", "--base-url", ncs.base_url, "--api-key", ncs.api_key)
        assert "National Careers Service: installed 30 job profiles" in out
    with LmiDouble() as lmi:  # the codes already installed: the sample's and the NCS profiles'
        out = kiosk(capsys, first, "sync", "lmiforall", "--base-url", lmi.base_url)
        assert "LMI for All: installed figures for" in out
    kiosk(capsys, first, "pack", "template", str(tmp_path / "school.xlsx"))
    fill_school_template(tmp_path / "school.xlsx")
    kiosk(capsys, first, "pack", "build", str(tmp_path / "school.xlsx"), "-o", str(tmp_path / "school.zip"))
    kiosk(capsys, first, "pack", "import", str(tmp_path / "school.zip"))
    stick = tmp_path / "stick"
    out = kiosk(capsys, first, "pack", "export", str(stick))
    exported = sorted(stick.glob("*.zip"))
    assert {p.name.split("-")[0] for p in exported} == {"library", "lmiforall", "ncs", "official", "sample",
                                                        "school"}, out

    for pack in exported:  # the second kiosk is a fresh install too: its own built-in packs, then the stick's
        if not pack.name.startswith(("sample-", "library-", "official-")):
            kiosk(capsys, second, "pack", "import", str(pack))
    seen_first, seen_second = everything(first), everything(second)
    for name in seen_first["tables"]:
        a, b = set(seen_first["tables"][name]), set(seen_second["tables"][name])
        assert a == b, (name, sorted(a - b)[:3], sorted(b - a)[:3])
    assert seen_first == seen_second
    tables = seen_first["tables"]
    assert len(tables["packs"]) == 6 and len(tables["occupations"]) > 58 + 412 and tables["pay"]
    assert any("Riverside College open evening" in row for row in tables["events"])
    assert any("Amira" in row for row in tables["alumni"])
