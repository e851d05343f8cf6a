"""Read queries for exploring by subject and route, and for jobs in the kiosk's area (ContentReader uses them)."""

from __future__ import annotations

import sqlite3
from typing import Callable

from kiosk.content.job_list_reads import NOT_GROUPED
from kiosk.content.list_bounds import MOST_IN_A_LIST
from kiosk.content.model import (
    GroupChange, HardToFill, IndustryOutlook, JobChange, Myth, RouteKind, SkillShortage, SourceRef, Subject,
)

# The order a pupil meets the routes in: school and college first, then work-based, then university.
ROUTE_KIND_ORDER = (
    "a_levels", "t_levels", "technical", "apprenticeship", "supported_internship", "work", "degree", "other",
)

Sources = Callable[[str, str], SourceRef]


def subjects(conn: sqlite3.Connection, subject_id: str | None = None) -> list[Subject]:
    """School subjects A-Z (or the one asked for), each with how many installed jobs it helps with."""
    rows = conn.execute(
        f"""SELECT s.id, s.name, coalesce(s.description, ''),
                  (SELECT count(*) FROM occupation_subjects x JOIN occupations o ON o.id = x.occupation
                   WHERE x.subject = s.id AND {NOT_GROUPED})
           FROM subjects s WHERE :id IS NULL OR s.id = :id ORDER BY s.name COLLATE NOCASE LIMIT :most""",
        {"id": subject_id, "most": MOST_IN_A_LIST},
    )
    return [Subject(*row) for row in rows]


def route_kinds(conn: sqlite3.Connection) -> list[RouteKind]:
    """The kinds of route the installed routes have, in pupil order, each with how many jobs it leads to: through
    its own routes and the routes they lead to next (as ROUTES_OF_KIND lists them), and through its own alone."""
    # A few thousand links at most: read once and joined here, rather than a join per kind and next step in SQL.
    jobs: dict[str, set[str]] = {}
    for route, occupation in conn.execute(
        f"""SELECT x.route, x.occupation FROM occupation_routes x JOIN occupations o ON o.id = x.occupation
            WHERE {NOT_GROUPED}"""
    ):
        jobs.setdefault(route, set()).add(occupation)
    kinds = dict(conn.execute("SELECT id, kind FROM routes").fetchall())
    reach: dict[str, dict[str, set[str]]] = {}  # kind -> kind of the route a job is reached through -> jobs
    for route, kind in kinds.items():
        reach.setdefault(kind, {}).setdefault(kind, set()).update(jobs.get(route, ()))
    for route, after in conn.execute("SELECT route, leads_to FROM route_links"):
        if route in kinds and after in kinds:
            reach[kinds[route]].setdefault(kinds[after], set()).update(jobs.get(after, ()))
    rank = {kind: n for n, kind in enumerate(ROUTE_KIND_ORDER)}
    return [_route_kind(kind, reach[kind]) for kind in sorted(reach, key=lambda k: (rank.get(k, len(rank)), k))]


def _route_kind(kind: str, through: dict[str, set[str]]) -> RouteKind:
    direct = through.get(kind, set())
    jobs = set().union(*through.values()) if through else set()
    added = {k: len(v - direct) for k, v in through.items() if k != kind and v - direct}
    after = tuple(sorted(added, key=lambda k: (-added[k], k))[:2])
    return RouteKind(kind, len(jobs), len(direct), after)


def _region_or_uk(conn: sqlite3.Connection, sql_exists: str, region: str) -> str:
    """The region itself when it has rows for this list, else the UK, else England (DfE projects England, not the
    UK): one list never mixes two places' figures, and the place returned is the one the figures describe."""
    for place in (region, "UK", "England"):
        if conn.execute(sql_exists, (place,)).fetchone()[0]:
            return place
    return region


def group_changes(conn: sqlite3.Connection, source: Sources, region: str, *, shrinking: bool = False,
                  limit: int = 5) -> list[GroupChange]:
    """The SOC 2020 groups of jobs growing (or shrinking) most over DfE's projection in a place (else England)."""
    region = _region_or_uk(conn, "SELECT EXISTS (SELECT 1 FROM group_change WHERE region = ?)", region)
    rows = conn.execute(
        f"""SELECT c.soc_group, coalesce(g.title, c.soc_group), c.region, c.from_year, a.employment, c.to_year,
                   b.employment, 100.0 * (b.employment - a.employment) / a.employment AS growth,
                   c.replacement_demand, c.pack_id, c.source
            FROM group_change c LEFT JOIN soc_groups g ON g.code = c.soc_group
            JOIN group_outlook a ON a.soc_group = c.soc_group AND a.region = c.region AND a.year = c.from_year
            JOIN group_outlook b ON b.soc_group = c.soc_group AND b.region = c.region AND b.year = c.to_year
            WHERE c.region = :region AND a.employment > 0 AND b.employment {'<' if shrinking else '>'} a.employment
            ORDER BY growth {'ASC' if shrinking else 'DESC'} LIMIT :limit""",
        {"region": region, "limit": limit},
    )
    return [GroupChange(*row[:9], source(row[9], row[10])) for row in rows]


def job_changes(
    conn: sqlite3.Connection, source: Sources, region: str, *, shrinking: bool = False, limit: int = 5
) -> list[JobChange]:
    """The jobs growing (or shrinking) most in a region over their outlook, from the UK's when it has none."""
    region = _region_or_uk(
        conn, "SELECT EXISTS (SELECT 1 FROM occupation_stats WHERE region = ? AND growth_percent IS NOT NULL)",
        region,
    )
    rows = conn.execute(
        f"""SELECT o.id, o.title, s.region, s.first_year, s.first_employment, s.last_year, s.last_employment,
                   s.growth_percent, f.pack_id, f.source
            FROM occupation_stats s JOIN occupations o ON o.id = s.occupation
            JOIN outlook f ON f.occupation = s.occupation AND f.region = s.region AND f.year = s.last_year
            WHERE s.region = :region AND s.growth_percent {'<' if shrinking else '>'} 0
            ORDER BY s.growth_percent {'ASC' if shrinking else 'DESC'}, o.title COLLATE NOCASE LIMIT :limit""",
        {"region": region, "limit": limit},
    )
    return [JobChange(*row[:8], source(row[8], row[9])) for row in rows]


def industries(conn: sqlite3.Connection, source: Sources, region: str) -> list[IndustryOutlook]:
    """Every industry with its employment at the first and last year of its series in a region (else the UK's),
    fastest growing first; an industry without figures there comes last, with no growth."""
    region = _region_or_uk(conn, "SELECT EXISTS (SELECT 1 FROM industry_outlook WHERE region = ?)", region)
    rows = conn.execute(
        """SELECT i.id, i.name, coalesce(i.description, ''),
                  first.year, first.employment, last.year, last.employment, last.pack_id, last.source
           FROM industries i
           LEFT JOIN industry_outlook first ON first.industry = i.id AND first.region = :region
                AND first.year = (SELECT min(year) FROM industry_outlook WHERE industry = i.id AND region = :region)
           LEFT JOIN industry_outlook last ON last.industry = i.id AND last.region = :region
                AND last.year = (SELECT max(year) FROM industry_outlook WHERE industry = i.id AND region = :region)
           ORDER BY i.name LIMIT :most""",
        {"region": region, "most": MOST_IN_A_LIST},
    )
    found = []
    for iid, name, description, y0, e0, y1, e1, pack_id, source_id in rows:
        if y0 is None:
            continue  # no figures for this industry here: nothing to say about its growth
        growth = 100.0 * (e1 - e0) / e0 if e0 and y1 > y0 else None
        found.append(IndustryOutlook(iid, name, description, region, y0, e0, y1, e1, growth, source(pack_id, source_id)))
    return sorted(found, key=lambda i: (i.growth_percent is None, -(i.growth_percent or 0), i.name.casefold()))


def hard_to_fill(conn: sqlite3.Connection, source: Sources, region: str, limit: int = 5) -> list[HardToFill]:
    """The jobs with the largest share of hard-to-fill vacancies in a region (else the UK), latest year each."""
    region = _region_or_uk(
        conn, "SELECT EXISTS (SELECT 1 FROM skill_shortages k JOIN occupations o ON o.id = k.occupation "
        "WHERE k.region = ?)", region,
    )
    rows = conn.execute(
        """SELECT o.id, o.title, k.year, k.hard_to_fill_percent, k.skill_shortage_percent, k.pack_id, k.source
           FROM skill_shortages k JOIN occupations o ON o.id = k.occupation
           WHERE k.region = :region
             AND k.year = (SELECT max(year) FROM skill_shortages WHERE occupation = k.occupation AND region = :region)
           ORDER BY k.hard_to_fill_percent DESC, o.title COLLATE NOCASE LIMIT :limit""",
        {"region": region, "limit": limit},
    )
    return [
        HardToFill(oid, title, region, SkillShortage(year, pct, skills, source(pack_id, source_id)))
        for oid, title, year, pct, skills, pack_id, source_id in rows
    ]


def myths(conn: sqlite3.Connection, source: Sources, region: str | None = None) -> list[Myth]:
    """Myth-busters: all of them, or those for everywhere plus those for one region (that region's first)."""
    rows = conn.execute(
        """SELECT m.id, m.myth, m.fact, m.year, m.pack_id, m.source, coalesce(m.occupation, ''),
                  coalesce(o.title, ''), coalesce(m.region, '')
           FROM myths m LEFT JOIN occupations o ON o.id = m.occupation
           WHERE :region IS NULL OR m.region IS NULL OR m.region = :region
           ORDER BY m.region IS NULL, m.region, m.id LIMIT :most""",
        {"region": region, "most": MOST_IN_A_LIST},
    )
    return [
        Myth(mid, myth, fact, year, source(pack_id, source_id), occ if title else "", title, where)
        for mid, myth, fact, year, pack_id, source_id, occ, title, where in rows
    ]
