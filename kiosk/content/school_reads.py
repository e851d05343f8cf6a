"""Read queries for routes' providers and jobs, alumni stories, events, the careers library and "my list".

ContentReader calls these with its read-only connection; they are kept here so the reader stays small.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from kiosk.content.job_list_reads import NOT_GROUPED
from kiosk.content.list_bounds import MOST_IN_A_LIST
from kiosk.content.model import AlumniStory, Event, ListItem, OccupationSummary, Provider, Resource

_STORY = """SELECT a.id, a.first_name, a.year_left, a.destination, a.quote,
                   coalesce(a.route, ''), coalesce(r.name, ''), coalesce(a.occupation, ''), coalesce(o.title, '')
            FROM alumni a LEFT JOIN routes r ON r.id = a.route LEFT JOIN occupations o ON o.id = a.occupation"""
_EVENT = """SELECT id, title, kind, starts, coalesce(ends, ''), coalesce(place, ''), coalesce(summary, ''),
                   audience, coalesce(url, '') FROM events"""
_RESOURCE = """SELECT id, title, kind, audience, coalesce(summary, ''), coalesce(shelf, ''), coalesce(url, '')
               FROM resources"""


def _list(value: str | None) -> tuple[str, ...]:
    return tuple(json.loads(value)) if value else ()


def providers_for(conn: sqlite3.Connection, route_id: str) -> list[Provider]:
    """The local providers that offer a route, by town (those with none last) then name."""
    rows = conn.execute(
        """SELECT p.id, p.name, p.kind, coalesce(p.town, ''), coalesce(p.url, '')
           FROM provider_routes x JOIN providers p ON p.id = x.provider
           WHERE x.route = ? ORDER BY p.town IS NULL, p.town COLLATE NOCASE, p.name COLLATE NOCASE LIMIT ?""",
        (route_id, MOST_IN_A_LIST),
    )
    return [Provider(*row) for row in rows]


def next_route_ids(conn: sqlite3.Connection, route_id: str) -> list[str]:
    """The routes a route leads to next (routes.toml's leads_to), lowest level first, then by name."""
    rows = conn.execute(
        """SELECT r.id FROM route_links l JOIN routes r ON r.id = l.leads_to WHERE l.route = ?
           ORDER BY r.rqf_level, r.name COLLATE NOCASE LIMIT ?""",
        (route_id, MOST_IN_A_LIST),
    )
    return [rid for (rid,) in rows]


def occupations_on_route(conn: sqlite3.Connection, route_id: str) -> list[OccupationSummary]:
    """The occupations a route can lead to, A to Z (only those whose occupation is installed)."""
    rows = conn.execute(
        f"""SELECT o.id, o.title, o.sector FROM occupation_routes x JOIN occupations o ON o.id = x.occupation
           WHERE x.route = ? AND {NOT_GROUPED} ORDER BY o.title COLLATE NOCASE LIMIT ?""",
        (route_id, MOST_IN_A_LIST),
    )
    return [OccupationSummary(*row) for row in rows]


def _alumni_where(route: str | None, occupation: str | None) -> tuple[str, tuple[str, ...]]:
    if route is not None:
        return "WHERE a.route = ?", (route,)
    if occupation is not None:
        return "WHERE a.occupation = ?", (occupation,)
    return "", ()


def alumni(conn: sqlite3.Connection, route: str | None = None, occupation: str | None = None,
           limit: int = 120, offset: int = 0) -> list[AlumniStory]:
    """Alumni stories, optionally only those on one route or in one job; the most recent leavers first."""
    where, params = _alumni_where(route, occupation)
    rows = conn.execute(f"{_STORY} {where} ORDER BY a.year_left DESC, a.first_name COLLATE NOCASE, a.id "
                        "LIMIT ? OFFSET ?", (*params, limit, offset))
    return [AlumniStory(*row) for row in rows]


def alumni_count(conn: sqlite3.Connection, route: str | None = None, occupation: str | None = None) -> int:
    where, params = _alumni_where(route, occupation)
    return conn.execute(f"SELECT count(*) FROM alumni a {where}", params).fetchone()[0]


def alumni_story(conn: sqlite3.Connection, story_id: str) -> AlumniStory | None:
    row = conn.execute(f"{_STORY} WHERE a.id = ?", (story_id,)).fetchone()
    return AlumniStory(*row) if row else None


def _event(row: tuple[Any, ...]) -> Event:
    *head, audience, url = row
    return Event(*head, audience=_list(audience), url=url)


_UPCOMING = "WHERE substr(coalesce(ends, starts), 1, 10) >= ?"


def upcoming_events(conn: sqlite3.Connection, today: str, limit: int = 120, offset: int = 0) -> list[Event]:
    """Events that have not finished before `today` (an ISO date), soonest first.

    An event without an end date counts as over once its start day has passed.
    """
    rows = conn.execute(
        f"{_EVENT} {_UPCOMING} ORDER BY starts, title COLLATE NOCASE, id LIMIT ? OFFSET ?", (today, limit, offset),
    )
    return [_event(row) for row in rows]


def upcoming_event_count(conn: sqlite3.Connection, today: str) -> int:
    return conn.execute(f"SELECT count(*) FROM events {_UPCOMING}", (today,)).fetchone()[0]


def event(conn: sqlite3.Connection, event_id: str) -> Event | None:
    row = conn.execute(f"{_EVENT} WHERE id = ?", (event_id,)).fetchone()
    return _event(row) if row else None


def _resource(row: tuple[Any, ...]) -> Resource:
    rid, title, kind, audience, summary, shelf, url = row
    return Resource(rid, title, kind, _list(audience), summary, shelf, url)


def _audience_where(audience: str | None) -> tuple[str, tuple[str, ...]]:
    if audience is None:
        return "", ()
    return "WHERE EXISTS (SELECT 1 FROM json_each(audience) WHERE value = ?)", (audience,)


def resources(conn: sqlite3.Connection, audience: str | None = None, limit: int = 120,
              offset: int = 0) -> list[Resource]:
    """The careers library A to Z, optionally only what is meant for one audience ("ks3", "parents"…)."""
    where, params = _audience_where(audience)
    rows = conn.execute(f"{_RESOURCE} {where} ORDER BY title COLLATE NOCASE, id LIMIT ? OFFSET ?",
                        (*params, limit, offset))
    return [_resource(row) for row in rows]


def resource_counts(conn: sqlite3.Connection) -> tuple[dict[str, int], int]:
    """How many resources each audience has, and how many there are in all (counted, not fetched)."""
    rows = conn.execute("SELECT a.value, count(*) FROM resources r, json_each(r.audience) a GROUP BY a.value")
    return {value: n for value, n in rows}, conn.execute("SELECT count(*) FROM resources").fetchone()[0]


def resource_count(conn: sqlite3.Connection, audience: str | None = None) -> int:
    where, params = _audience_where(audience)
    return conn.execute(f"SELECT count(*) FROM resources {where}", params).fetchone()[0]


def resource(conn: sqlite3.Connection, resource_id: str) -> Resource | None:
    row = conn.execute(f"{_RESOURCE} WHERE id = ?", (resource_id,)).fetchone()
    return _resource(row) if row else None


_LIST_ITEM_QUERIES = {  # kind -> (title, url and details of one row, the details' labels)
    "occupation": ("SELECT title, url FROM occupations WHERE id = ?", ()),
    "route": ("SELECT name, '', rqf_level, duration FROM routes WHERE id = ?", ("Level", "How long")),
    "event": ("SELECT title, url, starts, ends, place FROM events WHERE id = ?", ("Starts", "Ends", "Where")),
    "resource": ("SELECT title, url, kind, shelf FROM resources WHERE id = ?", ("Kind", "Shelf")),
}


def list_item(conn: sqlite3.Connection, kind: str, item_id: str) -> ListItem | None:
    """What "my list" shows of a kept occupation, route, event or resource; None when it has gone."""
    query = _LIST_ITEM_QUERIES.get(kind)
    if query is None:
        return None
    sql, labels = query
    row = conn.execute(sql, (item_id,)).fetchone()
    if row is None:
        return None
    title, url, *values = row
    details = tuple((label, str(v)) for label, v in zip(labels, values) if v not in (None, ""))
    return ListItem(kind, item_id, title, url or "", details)
