"""How an occupation sits in its SOC 2020 unit group: the library's page for the group, the everyday jobs inside
it, the library's plain words for a job with outside text only, and ONS's own description of the group.

Everything is found by SOC 2020 code alone: SOC 2010 reuses codes for other jobs (ADR 0008, ADR 0011).
"""

from __future__ import annotations

import json
import sqlite3
from typing import Callable

from kiosk.content.library_rules import LIBRARY_PACK
from kiosk.content.model import JobLink, OfficialText, PlainWords, SourceRef, UnitGroupLinks

ONS_TEXT_SOURCE = "ons-soc2020"  # the source a synced official pack gives for ONS's Volume 1


def unit_group_links(conn: sqlite3.Connection, occupation_id: str, soc2020: str | None, has_easy_read: bool,
                     source: Callable[[str, str], SourceRef]) -> UnitGroupLinks:
    """The occupation's links within its SOC 2020 unit group (none without a code)."""
    if not soc2020:
        return UnitGroupLinks()
    library = conn.execute(
        "SELECT id, title, summary, easy_read FROM occupations WHERE pack_id = ? AND soc2020 = ? ORDER BY id LIMIT 1",
        (LIBRARY_PACK, soc2020)).fetchone()
    if library is None:
        return UnitGroupLinks()
    entry = JobLink(library[0], library[1])
    if entry.id != occupation_id:
        plain = None if has_easy_read else PlainWords(entry, library[2] or "", _list(library[3]))
        return UnitGroupLinks(group=entry, plain=plain)
    everyday = tuple(JobLink(i, t) for i, t in conn.execute(
        """SELECT id, title FROM occupations WHERE soc2020 = ? AND id != ? AND NOT coalesce(stand_in, 0)
           ORDER BY title COLLATE NOCASE LIMIT 24""", (soc2020, occupation_id)))
    return UnitGroupLinks(everyday=everyday, official=_official_text(conn, soc2020, source))


def _official_text(conn: sqlite3.Connection, soc2020: str,
                   source: Callable[[str, str], SourceRef]) -> OfficialText | None:
    row = conn.execute("SELECT pack_id, summary, tasks, entry_routes FROM group_texts WHERE soc2020 = ?",
                       (soc2020,)).fetchone()
    if row is None or not row[1]:
        return None
    pack_id, summary, tasks, entry_routes = row
    return OfficialText(summary, _list(tasks), _list(entry_routes), source(pack_id, ONS_TEXT_SOURCE))


def _list(value: str | None) -> tuple[str, ...]:
    return tuple(json.loads(value)) if value else ()
