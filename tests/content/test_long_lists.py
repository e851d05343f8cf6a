"""A pack of hundreds of thousands of rows: every list page is built from one page of rows, never the lot."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from kiosk.content import school_reads
from kiosk.content.pack_store import PackStore
from kiosk.content.list_bounds import MOST_IN_A_LIST
from kiosk.content.pages import build_page
from kiosk.content.pages.page import Target
from kiosk.content.pages.paging import PAGE_SIZE
from kiosk.content.reader import open_reader
from tests.helpers.packs import make_pack
from tests.helpers.take_home import take_home_tables

ROWS = 200_000


def add_rows(db: Path, rows: int = ROWS) -> None:
    """Put `rows` resources, events and stories straight into a built database (the pack route takes minutes)."""
    conn = sqlite3.connect(db)
    pack = conn.execute("SELECT pack_id FROM packs").fetchone()[0]
    with conn:
        conn.executemany("INSERT INTO resources (id, title, kind, audience, pack_id) VALUES (?, ?, 'online', ?, ?)",
                         ((f"r{i}", f"Leaflet {i:06d}", '["ks4"]', pack) for i in range(rows)))
        conn.executemany("INSERT INTO events (id, title, kind, starts, audience, pack_id) "
                         "VALUES (?, ?, 'other', '2027-01-01', '[]', ?)",
                         ((f"e{i}", f"Talk {i:06d}", pack) for i in range(rows)))
        conn.executemany("INSERT INTO alumni (id, first_name, year_left, destination, quote, pack_id) "
                         "VALUES (?, ?, 2020, 'Work', 'Hi', ?)", ((f"a{i}", f"Sam{i}", pack) for i in range(rows)))
    conn.close()


@pytest.fixture(scope="module")
def big_reader(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("big")
    make_pack(tmp / "pack.zip", take_home_tables())
    PackStore(tmp / "data").install(tmp / "pack.zip")
    add_rows(tmp / "data" / "kiosk.db")
    reader = open_reader(tmp / "data" / "kiosk.db")
    yield reader
    reader.close()


@pytest.fixture
def made(monkeypatch):
    """How many resources, events and stories the read queries turned into values."""
    counts = {"rows": 0}
    for name in ("_resource", "_event"):
        real = getattr(school_reads, name)
        monkeypatch.setattr(school_reads, name, lambda row, real=real: counts.__setitem__("rows", counts["rows"] + 1)
                            or real(row))
    real_story = school_reads.AlumniStory
    monkeypatch.setattr(school_reads, "AlumniStory",
                        lambda *row: counts.__setitem__("rows", counts["rows"] + 1) or real_story(*row))
    return counts


@pytest.mark.parametrize("target, first", [
    (Target("library", "all"), "Apprenticeships leaflet"), (Target("library", "ks4"), "Leaflet 000000"),
    (Target("events"), "Jobs fair"), (Target("stories"), "Sam0"),
], ids=["library", "library-ks4", "events", "stories"])
def test_a_list_of_200000_is_built_a_page_at_a_time(big_reader, made, target, first) -> None:
    page = build_page(target, big_reader, today=dt.date(2026, 12, 1))
    assert made["rows"] <= PAGE_SIZE and len(page.choices) <= PAGE_SIZE + 2
    assert page.choices[0].label == "Next page" and any(c.label.startswith(first) for c in page.choices)
    assert "Page 1 of " in page.subtitle
    pages = -(-(ROWS + 2) // PAGE_SIZE) if target.kind == "library" else -(-(ROWS + 1) // PAGE_SIZE)
    last = build_page(Target(target.kind, f"{target.key}@{pages}" if target.key else f"@{pages}"), big_reader,
                      today=dt.date(2026, 12, 1))
    assert [c.label for c in last.choices[:1]] == ["Previous page"] and f"Page {pages:,} of {pages:,}." in last.subtitle
    assert made["rows"] <= 2 * PAGE_SIZE


def test_the_library_counts_each_audience_without_reading_every_resource(big_reader, made) -> None:
    page = build_page(Target("library"), big_reader)
    assert made["rows"] == 0
    detail = {c.label: c.detail for c in page.choices}
    assert detail["Everything"].endswith(f"{ROWS + 2} things")


@pytest.mark.parametrize("target", [Target("sectors"), Target("subjects"), Target("routes")],
                         ids=["sectors", "subjects", "routes"])
def test_a_list_short_by_nature_stops_at_the_bound_whatever_a_pack_holds(tmp_path, target) -> None:
    make_pack(tmp_path / "pack.zip", take_home_tables())
    PackStore(tmp_path / "data").install(tmp_path / "pack.zip")
    conn = sqlite3.connect(tmp_path / "data" / "kiosk.db")
    pack = conn.execute("SELECT pack_id FROM packs").fetchone()[0]
    with conn:
        for table in ("sectors", "subjects"):
            conn.executemany(f"INSERT INTO {table} (id, name, pack_id) VALUES (?, ?, ?)",
                             ((f"x{i}", f"Made-up {i:05d}", pack) for i in range(5000)))
        conn.executemany("INSERT INTO routes (id, name, kind, rqf_level, summary, pack_id) "
                         "VALUES (?, ?, 'other', 3, 'A route.', ?)", ((f"x{i}", f"Route {i:05d}", pack) for i in range(5000)))
    conn.close()
    reader = open_reader(tmp_path / "data" / "kiosk.db")
    try:
        assert len(reader.sectors()) == len(reader.subjects()) == len(reader.routes()) == MOST_IN_A_LIST
        page = build_page(target, reader)
        assert len(page.choices) <= MOST_IN_A_LIST + 2
    finally:
        reader.close()
