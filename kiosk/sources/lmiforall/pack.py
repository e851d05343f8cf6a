"""The LMI for All pack: figures for every installed occupation in a synced SOC group, and occupations for the rest."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from kiosk.content.pack_file import Pack, write_pack
from kiosk.content.manifest import FORMAT_NAME, FORMAT_VERSION
from kiosk.sources.lmiforall.figures import figure_rows
from kiosk.sources.lmiforall.occupation_row import occupation_row
from kiosk.sources.soc_sectors import sector_rows

PACK_ID = "lmiforall"
SOURCE_ID = "lmiforall"
LICENCE = ("LMI for All (DfE): contains public sector information licensed under the Open Government Licence v3.0; "
           "ONS, ASHE and Working Futures figures")
SOURCE_URL = "https://www.lmiforall.org.uk/"


class LmiTables(NamedTuple):
    """The pack's rows, and why anything was left out."""

    tables: dict[str, list[dict[str, Any]]]
    problems: list[str]


def lmi_tables(records: Iterable[Mapping[str, Any]], occupations_by_soc: Mapping[int, Iterable[str]], *,
               this_year: int) -> LmiTables:
    """Figure rows for the occupations other packs put in each group; the group's own occupation where none do."""
    tables: dict[str, list[dict[str, Any]]] = {"sectors": [], "occupations": []}
    problems: list[str] = []
    for record in records:
        soc = record["soc"]
        owners = tuple(occupations_by_soc.get(soc, ()))
        if not owners:
            # No pack describes this group yet: LMI for All's own description stands in, so its figures show.
            own = occupation_row(record)
            if own is None:
                problems.append(f"LMI for All occupation {soc}: no title or description (or not a SOC 2010 group); "
                                "its figures are left out")
                continue
            tables["occupations"].append(own)
            owners = (own["id"],)
        for n, occupation in enumerate(owners):
            figures = figure_rows(record, occupation, SOURCE_ID, this_year=this_year)
            for table, rows in figures.tables.items():
                tables.setdefault(table, []).extend(rows)
            if n == 0:  # the same skipped values would repeat for each occupation in the group
                problems.extend(figures.problems)
    if tables["occupations"]:
        tables["sectors"] = sector_rows()
    return LmiTables(tables, problems)


def identity(now: dt.datetime, soc_count: int) -> dict[str, Any]:
    """The LMI pack's manifest identity; its version is the sync's date and time, so every sync rises."""
    now = now.astimezone(dt.timezone.utc).replace(microsecond=0)
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "pack_id": PACK_ID,
        "title": f"Labour market figures for {soc_count} job groups",
        "publisher": "LMI for All (Department for Education)",
        "content_version": f"{now.year}.{now.month}.{now.day}.{now.hour * 10000 + now.minute * 100 + now.second}",
        "layer": "national",
        "sample": False,
        "notice": "",
        "created": now.isoformat(),
        "sources": [{"id": SOURCE_ID, "name": "LMI for All", "licence": LICENCE,
                     "retrieved": now.date().isoformat(), "url": SOURCE_URL}],
    }


def build_lmi_pack(tables: Mapping[str, list[dict[str, Any]]], out: Path, *, now: dt.datetime,
                   soc_count: int) -> Pack:
    """Write the LMI pack file (checked row by row, written atomically)."""
    return write_pack(identity(now, soc_count), dict(tables), out)
