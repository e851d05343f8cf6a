"""Sorting job lists: the sort rides in the page's Target key ("health-care|pay"), and choices re-sort the list."""

from __future__ import annotations

from kiosk.content.pages.page import Choice, Target

# sort -> (the choice's label, its detail line, the words whose symbol shows it); "title" is A to Z. The labels are
# short: the screen shows them as one "Sort by" control above the list (A to Z | Pay | Growth), not as tiles.
SORT_CHOICES = {
    "title": ("A to Z", "Jobs in order of their names", "A to Z"),
    "pay": ("Pay", "Best paid jobs first", "pay"),
    "growth": ("Growth", "Fastest growing jobs first", "growing"),
}
A_TO_Z = "title"
SEPARATOR = "|"


def split_sort(key: str, default: str = "title") -> tuple[str, str]:
    """A list page's key as (what it lists, how it is sorted): "health-care|pay" -> ("health-care", "pay").

    A key without a known sort after the last "|" is all id, sorted the page's default way."""
    base, sep, sort = key.rpartition(SEPARATOR)
    if sep and sort in SORT_CHOICES:
        return base, sort
    return key, default


def sorted_target(kind: str, item: str, sort: str, default: str = "title") -> Target:
    """The target for a list sorted one way; the default sort keeps the plain key, so links stay short."""
    return Target(kind, item if sort == default else f"{item}{SEPARATOR}{sort}")


def sort_choices(kind: str, item: str, current: str, default: str = "title") -> tuple[Choice, ...]:
    """Choices that show the same list sorted each way, the way it is sorted now marked as current (so a pupil
    sees all three ways and which one is on)."""
    return tuple(
        Choice(label, sorted_target(kind, item, sort, default), detail, picture, current=sort == current, sort=sort)
        for sort, (label, detail, picture) in SORT_CHOICES.items()
    )


def sorted_by(sort: str) -> str:
    """How a list is sorted, in words (read out for the sort control: the screen shows it by the filled segment)."""
    return {"title": "Sorted A to Z", "pay": "Sorted by pay", "growth": "Sorted by growth"}[sort]
