"""Every occupation with the kinds of figure it has and where they come from: what `kiosk list` shows."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import NamedTuple

from kiosk.content.model import SourceRef

KINDS = ("pay", "hours", "jobs", "outlook")
# Each kind's (occupation, pack, source) rows, matched as an occupation's page matches them: jobs (the people
# employed, from the official employment figures) by SOC 2020 unit group; outlook is the job's own projection or
# its SOC 2020 sub-major group's (DfE projects groups, not jobs), and a page shows both when it has both.
QUERIES = {
    "pay": "SELECT DISTINCT occupation, pack_id, source FROM pay",
    "hours": "SELECT DISTINCT occupation, pack_id, source FROM hours",
    "jobs": "SELECT DISTINCT o.id, e.pack_id, e.source FROM occupations o JOIN employment e ON e.soc2020 = o.soc2020",
    "outlook": """SELECT occupation, pack_id, source FROM outlook
                  UNION SELECT o.id, g.pack_id, g.source FROM occupations o
                  JOIN group_outlook g ON g.soc_group = substr(o.soc2020, 1, 2)""",
}


class CatalogueEntry(NamedTuple):
    """One occupation's codes and, for each kind of figure it has, its sources' names (A-Z)."""

    id: str
    title: str
    soc2020: str | None
    soc2010: str | None
    figures: dict[str, tuple[str, ...]]  # "pay", "hours", "jobs", "outlook" (in that order); a kind it lacks is absent


def catalogue(conn: sqlite3.Connection, source: Callable[[str, str], SourceRef]) -> list[CatalogueEntry]:
    """Every occupation A-Z by title, with the kinds of figure it has and the names of their sources."""
    found: dict[str, dict[str, set[str]]] = {}
    for kind, sql in QUERIES.items():
        for occupation, pack_id, source_id in conn.execute(sql):
            found.setdefault(occupation, {}).setdefault(kind, set()).add(source(pack_id, source_id).name)
    rows = conn.execute("SELECT id, title, soc2020, soc2010 FROM occupations ORDER BY title COLLATE NOCASE, id")
    return [CatalogueEntry(occupation, title, soc2020, soc2010,
                           {kind: tuple(sorted(names)) for kind in KINDS
                            if (names := found.get(occupation, {}).get(kind))})
            for occupation, title, soc2020, soc2010 in rows]
