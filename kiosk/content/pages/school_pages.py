"""Build the pages about routes, alumni stories, events and the careers library from their targets."""

from __future__ import annotations

import datetime as dt

from kiosk.content.pages.alumni import stories_page, story_page
from kiosk.content.pages.browse import missing_page
from kiosk.content.pages.events import event_page, events_page
from kiosk.content.pages.library import EVERYTHING, audience_page, library_page, resource_page
from kiosk.content.pages.page import Page, Target
from kiosk.content.pages.paging import PAGE_SIZE, split_page
from kiosk.content.pages.routes import route_jobs_page, route_page, routes_page, rqf_page
from kiosk.content.reader import ContentReader

KINDS = frozenset({"routes", "route", "route-jobs", "rqf", "stories", "story", "events", "event", "library", "resource"})


def school_page(target: Target, reader: ContentReader, easy: bool, today: dt.date) -> Page | None:
    """The page for one of KINDS (a page saying what is missing when its content has gone); None for others."""
    kind, key = target.kind, target.key
    if kind not in KINDS:
        return None
    key, page = split_page(key) if kind in ("stories", "events", "library") else (key, None)
    if kind == "routes":
        return routes_page(reader)
    if kind == "route":
        return route_page(reader, key, easy) or missing_page("That route is not in the kiosk any more.")
    if kind == "route-jobs":
        return route_jobs_page(reader, key) or missing_page("That route is not in the kiosk any more.")
    if kind == "rqf":
        return rqf_page()
    if kind == "stories":
        return stories_page(reader.alumni(limit=PAGE_SIZE, offset=page.offset), page, reader.alumni_count())
    if kind == "story":
        story = reader.alumni_story(key)
        return story_page(story) if story else missing_page("That story is not in the kiosk any more.")
    if kind == "events":
        day = today.isoformat()
        return events_page(reader.upcoming_events(day, PAGE_SIZE, page.offset), today, page,
                           reader.upcoming_event_count(day))
    if kind == "event":
        event = reader.event(key)
        return event_page(event) if event else missing_page("That event is not in the kiosk any more.")
    if kind == "resource":
        resource = reader.resource(key)
        return resource_page(resource) if resource else missing_page("That is not in the careers library any more.")
    if not key:
        return library_page(*reader.resource_counts())
    audience = None if key == EVERYTHING else key
    return audience_page(key, reader.resources(audience, PAGE_SIZE, page.offset), page,
                         reader.resource_count(audience))
