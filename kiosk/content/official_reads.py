"""Reading the official statistics for one occupation: by its SOC 2020 code and sub-major group, nothing else."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from kiosk.content.model import Earnings, Employment, GroupOutlook, SourceRef

Sources = Callable[[str, str], SourceRef]
LEVEL_ORDER = "CASE level WHEN 'rqf8' THEN 0 WHEN 'rqf7' THEN 1 WHEN 'rqf6' THEN 2 WHEN 'rqf5' THEN 3 " \
              "WHEN 'rqf4' THEN 4 WHEN 'rqf3' THEN 5 WHEN 'rqf2' THEN 6 WHEN 'rqf1' THEN 7 ELSE 8 END"


def unit_title(conn: sqlite3.Connection, soc2020: str | None) -> str:
    """ONS's title of the job's SOC 2020 unit group (the group its official figures describe); "" if not known."""
    if not soc2020:
        return ""
    row = conn.execute("SELECT title FROM soc_groups WHERE code = ?", (soc2020,)).fetchone()
    return row[0] if row else ""


def earnings(conn: sqlite3.Connection, source: Sources, soc2020: str | None) -> tuple[Earnings, ...]:
    if not soc2020:
        return ()
    rows = conn.execute(
        """SELECT soc2020, region, year, weekly_pay, weekly_pay_low, weekly_pay_high,
                  coalesce(weekly_pay_quality, ''), annual_pay, annual_pay_low, annual_pay_high,
                  coalesce(annual_pay_quality, ''), weekly_hours, coalesce(weekly_hours_quality, ''), jobs,
                  pack_id, source
           FROM earnings WHERE soc2020 = ? ORDER BY year, region""", (soc2020,))
    return tuple(Earnings(*row[:14], source(row[14], row[15])) for row in rows)


def employment(conn: sqlite3.Connection, source: Sources, soc2020: str | None) -> tuple[Employment, ...]:
    if not soc2020:
        return ()
    rows = conn.execute(
        """SELECT soc2020, region, year, people, lower_bound, pack_id, source FROM employment
           WHERE soc2020 = ? ORDER BY year, region""", (soc2020,))
    return tuple(Employment(c, r, y, p, bool(low), source(pk, s)) for c, r, y, p, low, pk, s in rows)


def group_outlooks(conn: sqlite3.Connection, source: Sources, soc2020: str | None) -> dict[str, GroupOutlook]:
    """The projection of the job's sub-major group (the first two digits of its SOC 2020 code), by place.

    One query a table for every place at once: a job page is opened on the GUI thread, and DfE has 40-odd places.
    """
    if not soc2020:
        return {}
    code = soc2020[:2]
    title = conn.execute("SELECT title FROM soc_groups WHERE code = ?", (code,)).fetchone()
    years: dict[str, list[tuple[int, float]]] = {}
    for region, year, employment in conn.execute(
            "SELECT region, year, employment FROM group_outlook WHERE soc_group = ? ORDER BY year", (code,)):
        years.setdefault(region, []).append((year, employment))
    genders: dict[str, list[tuple[int, float, float]]] = {}
    for region, year, women, men in conn.execute(
            "SELECT region, year, women, men FROM group_gender WHERE soc_group = ? ORDER BY year", (code,)):
        genders.setdefault(region, []).append((year, women, women + men))
    quals: dict[tuple[str, int], list[tuple[str, float]]] = {}
    for region, year, level, employment in conn.execute(
            f"""SELECT region, year, level, employment FROM group_qualifications WHERE soc_group = ?
                ORDER BY {LEVEL_ORDER}""", (code,)):
        quals.setdefault((region, year), []).append((level, employment))
    found = {}
    for region, start, end, net, openings, pack_id, source_id in conn.execute(
            """SELECT region, from_year, to_year, net_change, replacement_demand, pack_id, source
               FROM group_change WHERE soc_group = ?""", (code,)):
        # The women's share at the projection's first year (what is so now, not what is projected), else the
        # nearest year before it.
        women = min(genders.get(region, ()), key=lambda g: (g[0] > start, abs(g[0] - start)), default=None)
        found[region] = GroupOutlook(code, title[0] if title else "", region, tuple(years.get(region, ())), start,
                                     end, net, openings, women, tuple(quals.get((region, start), ())),
                                     source(pack_id, source_id))
    return found


def all_jobs_outlook(conn: sqlite3.Connection, source: Sources, region: str) -> GroupOutlook | None:
    """Every group of jobs together in a place (else England): the sum of DfE's sub-major groups, which DfE's own
    total matches (the importer checks it)."""
    for place in (region, "England"):
        change = conn.execute(
            """SELECT from_year, to_year, pack_id, source FROM group_change WHERE region = ? LIMIT 1""",
            (place,)).fetchone()
        if change is None:
            continue
        start, end, pack_id, source_id = change
        years = tuple(conn.execute(
            """SELECT year, sum(employment) FROM group_outlook WHERE region = ? AND length(soc_group) = 2
               GROUP BY year ORDER BY year""", (place,)))
        return GroupOutlook("", "All jobs", place, years, start, end, None, None, None, (),
                            source(pack_id, source_id))
    return None
