"""The narrow read API the screens use: every query the kiosk shows, over one read-only connection."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path
from typing import Any, Callable, Iterator

from kiosk.content import explore_reads as explore
from kiosk.content import official_reads as official
from kiosk.content import school_reads as school
from kiosk.content.catalogue_reads import CatalogueEntry, catalogue as read_catalogue
from kiosk.content.model import (
    AlumniStory, Average, Earnings, Employment, Event, Figure, GroupChange, GroupOutlook, HardToFill,
    IndustryOutlook, JobChange, ListItem, Myth, Occupation, OccupationSummary, PackInfo, Provider,
    ReplacementDemand, Resource, Route, RouteKind, SearchHit, Sector, SkillShortage, SourceRef, Subject,
)
from kiosk.content import job_list_reads as job_lists
from kiosk.content.job_list_reads import NOT_GROUPED
from kiosk.content.group_reads import unit_group_links
from kiosk.content.list_bounds import MOST_IN_A_LIST
from kiosk.content.search import SearchResult, Searcher


def open_reader(path: Path, *, immutable: bool = False) -> "ContentReader":
    """Open the live content database read-only for the screens (`immutable` where the disk cannot take the -shm
    file a WAL database needs, and nothing can change the file: PackStore.db_immutable)."""
    mode = "ro&immutable=1" if immutable else "ro"
    conn = sqlite3.connect(f"file:{path}?mode={mode}", uri=True, isolation_level=None, check_same_thread=True)
    conn.execute("PRAGMA query_only = ON")
    return ContentReader(conn)


def _list(value: str | None) -> tuple[str, ...]:
    return tuple(json.loads(value)) if value else ()


class ContentReader:
    """Reads occupations, sectors, routes, figures and packs from the content database."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._searcher = Searcher(conn)
        self._sources: dict[tuple[str, str], SourceRef] | None = None
        self._data_version = -1

    def close(self) -> None:
        self._searcher.close()
        self._conn.close()

    @contextlib.contextmanager
    def _snapshot(self) -> Iterator[dict[tuple[str, str], SourceRef]]:
        """One read transaction, so a page never mixes content from before and after an install.

        Yields the sources by (pack, id), cached until another process changes the database.
        """
        self._conn.execute("BEGIN")
        try:
            version = self._conn.execute("PRAGMA data_version").fetchone()[0]
            if self._sources is None or version != self._data_version:
                self._data_version = version
                self._sources = {
                    (p, i): SourceRef(n, lic, ret, url or "")
                    for p, i, n, lic, ret, url in self._conn.execute(
                        "SELECT pack_id, id, name, licence, retrieved, url FROM sources"
                    )
                }
            yield self._sources
        finally:
            self._conn.execute("COMMIT")

    # -- packs -------------------------------------------------------------------------------------------

    def packs(self) -> list[PackInfo]:
        with self._snapshot() as sources:
            rows = self._conn.execute(
                """SELECT pack_id, title, publisher, content_version, layer, created, sample, notice
                   FROM packs ORDER BY pack_id"""
            ).fetchall()
        return [
            PackInfo(
                *row[:6], sample=bool(row[6]), notice=row[7] or "",
                sources=tuple(ref for (pack_id, _), ref in sorted(sources.items()) if pack_id == row[0]),
            )
            for row in rows
        ]

    def has_sample_content(self) -> bool:
        return self._conn.execute("SELECT EXISTS (SELECT 1 FROM packs WHERE sample)").fetchone()[0] == 1

    # -- browsing ----------------------------------------------------------------------------------------

    def sectors(self) -> list[Sector]:
        rows = self._conn.execute(
            f"""SELECT s.id, s.name, coalesce(s.description, ''), count(o.id)
               FROM sectors s LEFT JOIN occupations o ON o.sector = s.id AND {NOT_GROUPED}
               GROUP BY s.id ORDER BY s.name COLLATE NOCASE LIMIT ?""", (MOST_IN_A_LIST,)
        )
        return [Sector(*row) for row in rows]

    def sector(self, sector_id: str) -> Sector | None:
        row = self._conn.execute(
            f"""SELECT s.id, s.name, coalesce(s.description, ''),
                      (SELECT count(*) FROM occupations o WHERE o.sector = s.id AND {NOT_GROUPED})
               FROM sectors s WHERE s.id = ?""",
            (sector_id,),
        ).fetchone()
        return Sector(*row) if row else None

    def occupations(
        self, *, sector: str | None = None, interest: str | None = None, region: str = "UK", sort: str = "title",
        limit: int = 500, subject: str | None = None, route_kind: str | None = None, offset: int = 0,
        min_growth: float | None = None,
    ) -> list[OccupationSummary]:
        """Occupations (of one sector, for one interest, helped by one school subject, reached through one kind of
        route or growing by at least `min_growth` percent) with their figures for `region`: a page of them."""
        return job_lists.occupations(self._conn, sector=sector, interest=interest, region=region, sort=sort,
                                     limit=limit, subject=subject, route_kind=route_kind, offset=offset,
                                     min_growth=min_growth)

    def occupation_count(
        self, *, sector: str | None = None, interest: str | None = None, region: str = "UK",
        subject: str | None = None, route_kind: str | None = None, min_growth: float | None = None,
    ) -> int:
        """How many occupations `occupations` would list with no limit (counted, not fetched)."""
        return job_lists.occupation_count(self._conn, sector=sector, interest=interest, region=region,
                                          subject=subject, route_kind=route_kind, min_growth=min_growth)

    def interests(self) -> list[tuple[str, int]]:
        """What pupils who like each job enjoy ("helping people", "making things"), with how many jobs each."""
        rows = self._conn.execute(
            f"""SELECT i.value, count(*) FROM occupations o, json_each(o.interests) i WHERE {NOT_GROUPED}
               GROUP BY i.value ORDER BY count(*) DESC, i.value LIMIT ?""", (MOST_IN_A_LIST,)
        )
        return [(value, count) for value, count in rows]

    def regions(self) -> list[str]:
        """The places the installed figures name (every figure table an occupation page or "Jobs in our area"
        shows by place, and the official statistics' areas): "UK" and "England" first, then the rest A-Z."""
        rows = self._conn.execute(
            """SELECT region FROM (
                   SELECT region FROM pay UNION SELECT region FROM hours UNION SELECT region FROM outlook
                   UNION SELECT region FROM skill_shortages UNION SELECT region FROM replacement_demand
                   UNION SELECT region FROM industry_outlook UNION SELECT name FROM areas
                   UNION SELECT region FROM group_change)
               ORDER BY region != 'UK', region != 'England', region COLLATE NOCASE, region LIMIT ?""", (MOST_IN_A_LIST,)
        )
        return [region for (region,) in rows]

    def soc2010_codes(self) -> tuple[int, ...]:
        """The SOC 2010 unit groups the installed occupations name, lowest first (what an LMI sync refreshes)."""
        rows = self._conn.execute("SELECT DISTINCT soc2010 FROM occupations WHERE soc2010 IS NOT NULL")
        return tuple(sorted(int(code) for (code,) in rows))

    def occupations_by_soc2010(self, *, except_pack: str | None = None) -> dict[int, tuple[str, ...]]:
        """The ids of the occupations in each SOC 2010 unit group, leaving out one pack's own occupations."""
        rows = self._conn.execute(
            """SELECT soc2010, id FROM occupations WHERE soc2010 IS NOT NULL AND pack_id IS NOT :pack
               ORDER BY soc2010, id""",
            {"pack": except_pack},
        )
        found: dict[int, list[str]] = {}
        for code, occupation_id in rows:
            found.setdefault(int(code), []).append(occupation_id)
        return {code: tuple(ids) for code, ids in found.items()}

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        return self._searcher.search(query, limit)

    def find(self, query: str, limit: int = 20) -> SearchResult:
        """A search's hits with what it understood: spelling corrections, a "Things I like" interest, and the
        jobs nearest a job the kiosk has no page for."""
        return self._searcher.find(query, limit)

    def catalogue(self) -> list[CatalogueEntry]:
        """Every occupation with the kinds of figure it has (pay, hours, jobs, outlook) and their sources."""
        with self._snapshot() as sources:
            return read_catalogue(self._conn, _source_of(sources))

    # -- one occupation ----------------------------------------------------------------------------------

    def occupation(self, occupation_id: str) -> Occupation | None:
        with self._snapshot() as sources:
            return self._occupation(occupation_id, sources)

    def unit_group_figures(self, soc2020: str) -> tuple[str, tuple[Earnings, ...], tuple[Employment, ...]]:
        """A SOC 2020 unit group's title, pay and hours, and people employed, as the official pack has them."""
        with self._snapshot() as sources:
            source = _source_of(sources)
            return (official.unit_title(self._conn, soc2020), official.earnings(self._conn, source, soc2020),
                    official.employment(self._conn, source, soc2020))

    def _occupation(self, occupation_id: str, sources: dict[tuple[str, str], SourceRef]) -> Occupation | None:
        def source(pack_id: str, source_id: str) -> SourceRef:
            return sources.get((pack_id, source_id), SourceRef(source_id, "unknown licence", ""))

        row = self._conn.execute(
            """SELECT id, title, soc2010, soc2020, sector, alt_titles, summary, easy_read, tasks,
                      entry_routes, skills, interests, url FROM occupations WHERE id = ?""",
            (occupation_id,),
        ).fetchone()
        if row is None:
            return None
        occ, title, soc10, soc20, sector_id, alt, summary, easy, tasks, entry, skills, interests, url = row
        return Occupation(
            id=occ, title=title, soc2010=soc10, soc2020=soc20, sector=self.sector(sector_id), url=url or "",
            alt_titles=_list(alt), summary=summary or "", easy_read=_list(easy), tasks=_list(tasks),
            entry_routes=_list(entry), skills=_list(skills), interests=_list(interests),
            pay=self._series("pay", "weekly_pay", occ, source),
            hours=self._series("hours", "weekly_hours", occ, source),
            outlook=self._series("outlook", "employment", occ, source),
            replacement_demand={
                region: ReplacementDemand(a, b, n, source(p, s))
                for region, a, b, n, p, s in self._conn.execute(
                    """SELECT region, from_year, to_year, openings, pack_id, source
                       FROM replacement_demand WHERE occupation = ? ORDER BY from_year""",
                    (occ,),
                )
            },
            skill_shortages={
                region: SkillShortage(y, h, k, source(p, s))
                for region, y, h, k, p, s in self._conn.execute(
                    """SELECT region, year, hard_to_fill_percent, skill_shortage_percent, pack_id, source
                       FROM skill_shortages WHERE occupation = ? ORDER BY year""",
                    (occ,),
                )
            },
            routes=self.routes_into(occ),
            unit_title=official.unit_title(self._conn, soc20),
            earnings=official.earnings(self._conn, source, soc20),
            employment=official.employment(self._conn, source, soc20),
            group_outlook=official.group_outlooks(self._conn, source, soc20),
            unit_group=unit_group_links(self._conn, occ, soc20, bool(_list(easy)), source),
        )

    def _series(
        self, table: str, column: str, occupation_id: str, source: Callable[[str, str], SourceRef]
    ) -> dict[str, tuple[Figure, ...]]:
        series: dict[str, list[Figure]] = {}
        for region, year, value, pack_id, source_id in self._conn.execute(
            f"SELECT region, year, {column}, pack_id, source FROM {table} WHERE occupation = ? ORDER BY year",
            (occupation_id,),
        ):
            series.setdefault(region, []).append(Figure(year, value, source(pack_id, source_id)))
        return {region: tuple(figures) for region, figures in series.items()}

    def routes_into(self, occupation_id: str) -> tuple[Route, ...]:
        rows = self._conn.execute(
            """SELECT r.id, r.name, r.kind, r.rqf_level, r.summary, r.easy_read, coalesce(r.duration, ''),
                      coalesce(r.entry, '')
               FROM occupation_routes x JOIN routes r ON r.id = x.route
               WHERE x.occupation = ? ORDER BY r.rqf_level, r.name""",
            (occupation_id,),
        )
        return tuple(_route(row) for row in rows)

    def routes(self) -> list[Route]:
        rows = self._conn.execute(
            """SELECT id, name, kind, rqf_level, summary, easy_read, coalesce(duration, ''), coalesce(entry, '')
               FROM routes ORDER BY rqf_level, name LIMIT ?""", (MOST_IN_A_LIST,)
        )
        return [_route(row) for row in rows]

    # -- routes' providers and jobs, alumni, events, the careers library (queries in school_reads) -------

    def route(self, route_id: str) -> Route | None:
        row = self._conn.execute(
            """SELECT id, name, kind, rqf_level, summary, easy_read, coalesce(duration, ''), coalesce(entry, '')
               FROM routes WHERE id = ?""",
            (route_id,),
        ).fetchone()
        return _route(row) if row else None

    def next_routes(self, route_id: str) -> list[Route]:
        """The routes people often take after this one (A levels: a degree, a degree apprenticeship…)."""
        return [r for rid in school.next_route_ids(self._conn, route_id) if (r := self.route(rid)) is not None]

    def providers_for(self, route_id: str) -> list[Provider]:
        return school.providers_for(self._conn, route_id)

    def occupations_on_route(self, route_id: str) -> list[OccupationSummary]:
        return school.occupations_on_route(self._conn, route_id)

    def alumni(self, *, route: str | None = None, occupation: str | None = None, limit: int = 120,
               offset: int = 0) -> list[AlumniStory]:
        """Stories, the most recent leavers first: at most `limit` of them (a page), from `offset`."""
        return school.alumni(self._conn, route, occupation, limit, offset)

    def alumni_count(self, *, route: str | None = None, occupation: str | None = None) -> int:
        return school.alumni_count(self._conn, route, occupation)

    def alumni_story(self, story_id: str) -> AlumniStory | None:
        return school.alumni_story(self._conn, story_id)

    def upcoming_events(self, today: str, limit: int = 120, offset: int = 0) -> list[Event]:
        """Events not over before `today` (an ISO date: the caller's clock, so tests can set it), soonest first."""
        return school.upcoming_events(self._conn, today, limit, offset)

    def upcoming_event_count(self, today: str) -> int:
        return school.upcoming_event_count(self._conn, today)

    def event(self, event_id: str) -> Event | None:
        return school.event(self._conn, event_id)

    def resources(self, audience: str | None = None, limit: int = 120, offset: int = 0) -> list[Resource]:
        """The careers library A to Z (for one audience): at most `limit` (a page), from `offset`."""
        return school.resources(self._conn, audience, limit, offset)

    def resource_counts(self) -> tuple[dict[str, int], int]:
        """How many resources each audience has, and in all."""
        return school.resource_counts(self._conn)

    def resource_count(self, audience: str | None = None) -> int:
        return school.resource_count(self._conn, audience)

    def resource(self, resource_id: str) -> Resource | None:
        return school.resource(self._conn, resource_id)

    def average(self, region: str = "UK", year: int | None = None) -> Average | None:
        """The all-jobs average for `region` (the UK by default) in `year`, else its latest; None when there is none."""
        with self._snapshot() as sources:
            row = self._conn.execute(
                """SELECT region, year, weekly_pay, weekly_hours, pack_id, source, annual_pay FROM averages
                   WHERE region = ? AND (? IS NULL OR year = ?) ORDER BY year DESC LIMIT 1""",
                (region, year, year),
            ).fetchone()
        if row is None:
            return None
        where, year, pay, hrs, pack_id, source_id, annual = row
        source = sources.get((pack_id, source_id), SourceRef(source_id, "unknown licence", ""))
        return Average(where, year, pay, hrs, source, annual)

    def list_item(self, kind: str, item_id: str) -> ListItem | None:
        """What "my list" shows of a kept occupation, route, event or resource; None when it has gone."""
        with self._snapshot():
            return school.list_item(self._conn, kind, item_id)

    # -- explore by subject and route; jobs in the kiosk's area (queries in explore_reads) ------------------

    def subjects(self) -> list[Subject]:
        """School subjects A-Z, each with how many jobs it helps with."""
        return explore.subjects(self._conn)

    def subject(self, subject_id: str) -> Subject | None:
        found = explore.subjects(self._conn, subject_id)
        return found[0] if found else None

    def route_kinds(self) -> list[RouteKind]:
        """The kinds of route after school, each with its jobs counted through the routes it leads to next."""
        return explore.route_kinds(self._conn)

    def job_changes(self, region: str = "UK", *, shrinking: bool = False, limit: int = 5) -> list[JobChange]:
        """The jobs growing (or shrinking) most in `region`, or in the UK when the region has no outlook."""
        with self._snapshot() as sources:
            return explore.job_changes(self._conn, _source_of(sources), region, shrinking=shrinking, limit=limit)

    def all_jobs_outlook(self, region: str = "UK") -> GroupOutlook | None:
        """DfE's projection for all jobs together in `region`, else England; None without projections."""
        with self._snapshot() as sources:
            return official.all_jobs_outlook(self._conn, _source_of(sources), region)

    def group_changes(self, region: str = "UK", *, shrinking: bool = False, limit: int = 5) -> list[GroupChange]:
        """The groups of jobs growing (or shrinking) most in `region` over DfE's projection, else England's."""
        with self._snapshot() as sources:
            return explore.group_changes(self._conn, _source_of(sources), region, shrinking=shrinking, limit=limit)

    def industries(self, region: str = "UK") -> list[IndustryOutlook]:
        """Industries with their growth in `region` (the UK's when the region has none), fastest growing first."""
        with self._snapshot() as sources:
            return explore.industries(self._conn, _source_of(sources), region)

    def hard_to_fill(self, region: str = "UK", limit: int = 5) -> list[HardToFill]:
        """The jobs with the most hard-to-fill vacancies in `region` (else the UK)."""
        with self._snapshot() as sources:
            return explore.hard_to_fill(self._conn, _source_of(sources), region, limit)

    def myths(self, region: str | None = None) -> list[Myth]:
        """Myth-busters: all, or those for everywhere and for `region`."""
        with self._snapshot() as sources:
            return explore.myths(self._conn, _source_of(sources), region)

    def counts(self) -> dict[str, Any]:
        tables = ("occupations", "sectors", "routes", "providers", "resources", "events", "alumni")
        with self._snapshot():
            return {t: self._conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def _source_of(sources: dict[tuple[str, str], SourceRef]) -> Callable[[str, str], SourceRef]:
    """Look up a row's source by its pack and id; a source the manifest lacks still names itself."""
    return lambda pack_id, source_id: sources.get((pack_id, source_id), SourceRef(source_id, "unknown licence", ""))


def _route(row: tuple[Any, ...]) -> Route:
    rid, name, kind, level, summary, easy, duration, entry = row
    return Route(rid, name, kind, level, summary, _list(easy), duration, entry)
