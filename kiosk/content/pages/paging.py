"""Long lists in pages of PAGE_SIZE: the page number rides in the Target key ("health-care|pay@3"), so no page
is ever built from more rows than one page, whatever a pack holds (tiles page within it on screen)."""

from __future__ import annotations

from typing import NamedTuple

from kiosk.content.list_bounds import MOST_IN_A_LIST
from kiosk.content.pages.page import Choice, Target

# Real lists (every SOC 2020 unit group is 412 jobs) fit one page, which a pupil pages through with the grid's
# own buttons; a hostile pack's 250,000 rows never reach one page.
PAGE_SIZE = MOST_IN_A_LIST
SEPARATOR = "@"


class ListPage(NamedTuple):
    """Which page of a list to show: rows [offset, offset + PAGE_SIZE)."""

    number: int  # from 1

    @property
    def offset(self) -> int:
        return (self.number - 1) * PAGE_SIZE


def split_page(key: str) -> tuple[str, ListPage]:
    """A key as (the key without its page, the page): "health-care|pay@3" -> ("health-care|pay", page 3)."""
    base, sep, number = key.rpartition(SEPARATOR)
    if sep and number.isdigit() and 0 < int(number) < 10**9:
        return base, ListPage(int(number))
    return key, ListPage(1)


def page_target(kind: str, key: str, number: int) -> Target:
    """The target for one page of a list; page 1 keeps the plain key, so links stay short."""
    return Target(kind, key if number <= 1 else f"{key}{SEPARATOR}{number}")


def page_count(total: int) -> int:
    return max(1, -(-total // PAGE_SIZE))


def page_line(page: ListPage, total: int) -> str:
    """"Page 2 of 40." for a subtitle, or "" when the list fits on one page."""
    pages = page_count(total)
    return f"Page {min(page.number, pages):,} of {pages:,}." if pages > 1 else ""


def page_choices(kind: str, key: str, page: ListPage, total: int) -> tuple[Choice, ...]:
    """"Next page" and "Previous page" tiles for a list longer than one page (first, so they are on the first
    screen of tiles)."""
    pages = page_count(total)
    out = []
    if page.number < pages:
        out.append(Choice("Next page", page_target(kind, key, page.number + 1), f"Page {page.number + 1} of {pages:,}"))
    if page.number > 1:
        out.append(Choice("Previous page", page_target(kind, key, min(page.number, pages) - 1),
                          f"Page {min(page.number, pages) - 1} of {pages:,}"))
    return tuple(out)
