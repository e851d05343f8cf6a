"""Pages: every screen's content as plain values, built from the read API."""

from __future__ import annotations

from kiosk.content.pages.browse import (
    a_to_z_page, growing_page, home_page, interest_page, interests_page, missing_page, search_results_page,
    sector_page, sectors_page,
)
from kiosk.content.pages.display import display_page
from kiosk.content.pages.occupation import occupation_page
from kiosk.content.pages.page import HOME, SEARCH, Page, Target
from kiosk.content.reader import ContentReader

__all__ = ["HOME", "SEARCH", "Page", "Target", "build_page", "missing_page"]


def build_page(
    target: Target, reader: ContentReader, region: str = "UK", easy: bool = False, typing: bool = True
) -> Page:
    """The page a target leads to; a target whose content has gone gives a page that says so.

    `easy` asks for easy-read wording where the content has it (picture and large-symbol modes); without
    `typing` (large-symbol mode) nothing on the page asks the pupil to type.
    """
    kind, key = target.kind, target.key
    if kind == "home":
        return home_page(reader, typing)
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
        return growing_page(reader, region)
    if kind == "a-z":
        return a_to_z_page(reader, region)
    if kind == "search":
        return search_results_page(reader, key)
    if kind == "occupation":
        occ = reader.occupation(key)
        return occupation_page(occ, region, easy) if occ else missing_page("That job is not in the kiosk any more.")
    return missing_page("That page is not in the kiosk.")
