"""Read queries for lists of jobs (by sector, interest, subject, kind of route or growth), a page at a time."""

from __future__ import annotations

import sqlite3
from typing import Any

from kiosk.content.model import OccupationSummary

# A library entry whose unit group holds an everyday job is left out of lists: the everyday job opens it.
NOT_GROUPED = "o.id NOT IN (SELECT occupation FROM grouped_entries)"
# The routes a kind of route opens: its own, and the ones they lead to next (A levels open degrees and higher
# apprenticeships), so a route that is mostly a step to further study is counted through where it leads.
ROUTES_OF_KIND = """SELECT id FROM routes WHERE kind = :kind
                    UNION SELECT l.leads_to FROM route_links l JOIN routes k ON k.id = l.route WHERE k.kind = :kind"""
SORTS = {
    "title": "o.title COLLATE NOCASE",
    "pay": "pay IS NULL, pay DESC, o.title COLLATE NOCASE",
    "growth": "growth IS NULL, growth DESC, o.title COLLATE NOCASE",
}


def occupations(
    conn: sqlite3.Connection, *, sector: str | None = None, interest: str | None = None, region: str = "UK",
    sort: str = "title", limit: int = 500, subject: str | None = None, route_kind: str | None = None, offset: int = 0,
    min_growth: float | None = None,
) -> list[OccupationSummary]:
    """Occupations (optionally of one sector, for one interest, helped by one school subject, reached through
    one kind of route or growing by at least `min_growth` percent) with their figures for `region`, sorted by
    title, pay or growth: at most `limit` (a page), from `offset`."""
    sql, params = _occupations_sql(sector, interest, subject, route_kind, region, min_growth)
    rows = conn.execute(f"{sql} ORDER BY {SORTS[sort]}, o.id LIMIT :limit OFFSET :offset",
                        {**params, "limit": limit, "offset": offset})
    return [OccupationSummary(*row) for row in rows]


def occupation_count(
    conn: sqlite3.Connection, *, sector: str | None = None, interest: str | None = None, region: str = "UK",
    subject: str | None = None, route_kind: str | None = None, min_growth: float | None = None,
) -> int:
    """How many occupations `occupations` would list with no limit (counted, not fetched)."""
    sql, params = _occupations_sql(sector, interest, subject, route_kind, region, min_growth)
    return conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]


def _occupations_sql(sector: str | None, interest: str | None, subject: str | None, route_kind: str | None,
                     region: str, min_growth: float | None) -> tuple[str, dict[str, Any]]:
    where, params = "WHERE 1", {}
    if sector:
        where, params = "WHERE o.sector = :sector", {"sector": sector}
    elif interest:
        where = "WHERE EXISTS (SELECT 1 FROM json_each(o.interests) WHERE value = :interest)"
        params = {"interest": interest}
    elif subject:
        where = "WHERE EXISTS (SELECT 1 FROM occupation_subjects x WHERE x.occupation = o.id AND x.subject = :subject)"
        params = {"subject": subject}
    elif route_kind:
        where = f"""WHERE EXISTS (SELECT 1 FROM occupation_routes x
                                  WHERE x.occupation = o.id AND x.route IN ({ROUTES_OF_KIND}))"""
        params = {"kind": route_kind}
    where += f" AND {NOT_GROUPED}"  # a group's page behind an everyday job is reached through that job
    growth = "coalesce(s.growth_percent, uk.growth_percent, en.growth_percent)"
    if min_growth is not None:
        where += f" AND {growth} >= :min_growth"
        params["min_growth"] = min_growth
    # The place's own figures, else the UK's; growth also from England's projections (DfE projects
    # England and its areas, not the UK).
    sql = f"""SELECT o.id, o.title, o.sector,
                     coalesce(s.weekly_pay, uk.weekly_pay) AS pay,
                     {growth} AS growth,
                     CASE WHEN s.growth_percent IS NOT NULL THEN s.last_year
                          WHEN uk.growth_percent IS NOT NULL THEN uk.last_year ELSE en.last_year END
              FROM occupations o
              LEFT JOIN occupation_stats s ON s.occupation = o.id AND s.region = :region
              LEFT JOIN occupation_stats uk ON uk.occupation = o.id AND uk.region = 'UK'
              LEFT JOIN occupation_stats en ON en.occupation = o.id AND en.region = 'England'
              {where}"""
    return sql, {**params, "region": region}
