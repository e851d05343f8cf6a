"""The read API lists the regions the installed figures name: "UK" first, then the rest A-Z, each once."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.pack_store import PackStore
from kiosk.content.reader import open_reader
from tests.helpers.packs import SOURCE, figures, make_pack, national_tables


def regions_of(tmp_path: Path, tables) -> list[str]:
    make_pack(tmp_path / "pack.zip", tables)
    store = PackStore(tmp_path / "data")
    store.install(tmp_path / "pack.zip")
    reader = open_reader(store.db_path)
    try:
        return reader.regions()
    finally:
        reader.close()


def test_each_figure_table_adds_its_regions_uk_first_then_a_to_z(tmp_path: Path) -> None:
    tables = national_tables()
    src = SOURCE["id"]
    # One region per table, so a table left out of the query leaves its region out of the list.
    tables["pay"] += figures("nurse", region="London")["pay"]
    tables["hours"] += figures("nurse", region="Wales")["hours"]
    tables["outlook"] += figures("plumber", region="north east")["outlook"]
    tables["skill_shortages"] = [{"occupation": "nurse", "region": "Scotland", "year": 2024,
                                  "hard_to_fill_percent": 30, "source": src}]
    tables["replacement_demand"] = [{"occupation": "plumber", "region": "East Midlands", "from_year": 2024,
                                     "to_year": 2035, "openings": 1200, "source": src}]
    assert regions_of(tmp_path, tables) == ["UK", "East Midlands", "London", "north east", "Scotland", "Wales"]


def test_uk_comes_first_even_when_another_region_sorts_before_it(tmp_path: Path) -> None:
    tables = national_tables()
    for region in ("Yorkshire and The Humber", "Wales", "East of England"):
        tables["pay"] += figures("electrician", region=region)["pay"]
    assert regions_of(tmp_path, tables) == ["UK", "East of England", "Wales", "Yorkshire and The Humber"]


def test_content_without_figures_names_no_region(tmp_path: Path) -> None:
    tables = {name: rows for name, rows in national_tables().items() if name not in ("pay", "hours", "outlook")}
    assert regions_of(tmp_path, tables) == []


def test_the_sample_content_names_its_regions(sample_reader) -> None:
    regions = sample_reader.regions()
    assert regions[:2] == ["UK", "England"] and "Greater London" in regions and "London" not in regions
    assert {"Greater Manchester", "Greater Manchester (mayoral area)", "North East (LEP area)"} <= set(regions)
    assert len(regions) == len(set(regions)) and regions[2:] == sorted(regions[2:], key=str.casefold)
