"""Pages: every screen's content as plain values, built from the read API."""

from __future__ import annotations

import datetime as dt
from typing import Sequence

from kiosk.content.pages.against_all_jobs import all_jobs_for
from kiosk.content.pages.browse import (
    a_to_z_page, growing_page, home_page, interest_page, interests_page, missing_page, sector_page,
    sectors_page,
)
from kiosk.content.pages.compare import compare_page
from kiosk.content.pages.compare_pick import compare_pick_page
from kiosk.content.pages.display import display_page
from kiosk.content.pages.explore import route_kind_page, route_kinds_page, subject_page, subjects_page
from kiosk.content.pages.figure_age import FigureAge
from kiosk.content.pages.local import local_page, myths_page
from kiosk.content.pages.occupation import occupation_page
from kiosk.content.pages.page import HOME, SEARCH, Page, Target
from kiosk.content.pages.school_pages import school_page
from kiosk.content.pages.search_page import search_results_page
from kiosk.content.pages.take_home import my_list_page, parse_target_key, sheet_done_page, take_home_page
from kiosk.content.reader import ContentReader

__all__ = ["HOME", "SEARCH", "Page", "Target", "build_page", "missing_page"]


def build_page(
    target: Target, reader: ContentReader, region: str = "UK", easy: bool = False, typing: bool = True,
    kept: Sequence[Target] = (), age: FigureAge | None = None, today: dt.date | None = None,
) -> Page:
    """The page a target leads to; a target whose content has gone gives a page that says so.

    `easy` asks for easy-read wording where the content has it (picture and large-symbol modes); without
    `typing` (large-symbol mode) nothing on the page asks the pupil to type. `kept` is this visit's "my list".
    `age` says when figures count as out of date (staff's figures_old_after_years; this year by default).
    `today` hides past events (the caller's clock; the wall clock's date when not given).
    """
    kind, key = target.kind, target.key
    if kind == "home":
        return home_page(reader, typing, easy, region)
    if kind == "interests":
        return interests_page(reader)
    if kind == "interest":
        return interest_page(reader, key, region)
    if kind == "display":
        return display_page()
    if kind == "sectors":
        return sectors_page(reader)
    if kind == "sector":
        return sector_page(reader, key, region)
    if kind == "growing":
        return growing_page(reader, region, key)
    if kind == "a-z":
        return a_to_z_page(reader, region, key)
    if kind == "subjects":
        return subjects_page(reader)
    if kind == "subject":
        return subject_page(reader, key, region)
    if kind == "route-kinds":
        return route_kinds_page(reader)
    if kind == "route-kind":
        return route_kind_page(reader, key, region)
    if kind == "local":
        return local_page(reader, region, easy)
    if kind == "myths":
        return myths_page(reader, region)
    if kind == "search":
        return search_results_page(reader, key)
    if kind == "occupation":
        occ = reader.occupation(key)
        if occ is None:
            return missing_page("That job is not in the kiosk any more.")
        return occupation_page(occ, region, easy, age, stories=reader.alumni(occupation=key),
                               all_jobs=all_jobs_for(reader, occ, region))
    if kind == "compare":
        return compare_page(reader, key, region, age)
    if kind == "compare-pick":
        return compare_pick_page(reader, key, region, tuple(t.key for t in kept if t.kind == "occupation"))
    if kind == "my-list":
        items = [reader.list_item(t.kind, t.key) for t in kept]
        return my_list_page([i for i in items if i is not None], sum(i is None for i in items))
    if kind == "take-home":
        return take_home_page(parse_target_key(key), reader)
    if kind == "sheet":
        return sheet_done_page(key)
    school = school_page(target, reader, easy, today or dt.date.today())
    if school is not None:
        return school
    return missing_page("That page is not in the kiosk.")
