"""Long lists narrowed in steps for big pictures: first at most six kinds, then the few in the chosen kind."""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable, NamedTuple, Union

from kiosk.content.pages.page import Choice

MOST = 6  # no step shows more than six cells
SHORT_LIST = 4 * MOST  # up to this many, five at a time and "More"; longer lists are narrowed by kinds
DATE = re.compile(r"^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) (\d{1,2}) ([A-Z][a-z]+) (\d{4})")
JOB_KINDS = ("occupation", "compare")  # lists whose items are jobs: a kind says how many jobs it holds


class Kind(NamedTuple):
    """A step of narrowing: a plain label ("A to C", "January"), a line under it, and the choices in it."""

    label: str
    choices: tuple[Choice, ...]
    detail: str = ""
    depth: int = 0  # how many letters of a label its grouping went by (the next step goes one further)
    in_order: bool = False  # "More": the rest of a short mixed list, as it comes


Cell = Union[Choice, Kind]


def narrow(choices: tuple[Choice, ...], room: int = MOST) -> tuple[Cell, ...]:
    """At most `room` cells for a list of choices: the choices themselves when they fit, else kinds of them.

    The list's own items (the most common kind of target: jobs, events…) are grouped; the few other choices
    (sort, next page) stay as cells of their own beside the kinds when there is room, else go into "More"."""
    if len(choices) <= room:
        return choices
    counts = Counter(c.target.kind for c in choices)
    kind, n = counts.most_common(1)[0]
    items = tuple(c for c in choices if c.target.kind == kind)
    others = tuple(c for c in choices if c.target.kind != kind)
    if n <= room // 2 or len(others) > room // 2:  # not one long list: the first few, then "More"
        return (*choices[: room - 1], Kind("More", choices[room - 1:], in_order=True))
    if len(choices) <= SHORT_LIST and not _by_month(items):
        # A short list (the library's seven shelves, fourteen sectors) reads better in its own order, a few at a
        # time with the rest behind "More", than as kinds named by letters a pupil who reads pictures cannot use.
        return (*choices[: room - 1], Kind("More", choices[room - 1:], in_order=True))
    return (*_kinds(items, room - len(others), 0), *others)


def open_kind(kind: Kind) -> tuple[Cell, ...]:
    """The next step into a kind: its choices when they fit, else smaller kinds of them."""
    if kind.in_order:
        return narrow(kind.choices)
    return _kinds(kind.choices, MOST, kind.depth + 1)


def _kinds(items: tuple[Choice, ...], room: int, depth: int) -> tuple[Cell, ...]:
    """Items in at most `room` kinds: by their group (a job's sector), by month, by what they are, else by the
    letters they start with."""
    if len(items) <= room:
        return items
    by_group = _by_group(items, room)
    if by_group is not None:
        return by_group
    groups = (_by_month(items) or _by_category(items, room)) if depth == 0 else None
    by_words = False
    if not groups or len(groups) < 2:
        groups, depth = _by_letters(items, depth)
        # "A to C" means little to a pupil who reads pictures, and its picture (its first member's) would say
        # something else: a kind is named by the words of its first and last members ("Accountant to Artist").
        by_words = True
    if len(groups) < 2:  # every label alike as far as letters go: in order, a few at a time
        size = -(-len(items) // room)
        groups = [(f"{i + 1} to {min(i + size, len(items))}", items[i: i + size]) for i in range(0, len(items), size)]
    return tuple(_merge(groups, room, items, depth, by_words))


def _merge(groups: list[tuple[str, tuple[Choice, ...]]], room: int, items: tuple[Choice, ...], depth: int,
           by_words: bool = False):
    """Neighbouring groups packed into at most `room` kinds of about equal size, each named "first to last"."""
    # The smallest size of kind that packs the groups, in order, into `room` kinds: kinds of about equal size.
    packed = [[group] for group in groups]  # groups that fit stay apart: "Video", "Printed", "Online"
    size = max(len(g[1]) for g in groups)
    while len(packed) > room:
        size += 1
        packed = _pack(groups, size)
    for run in packed:
        first, last = run[0][0], run[-1][0]
        members = tuple(c for _, chosen in run for c in chosen)
        if by_words:  # "Ambulance to Care": the first words of its first and last members
            first, last = _first_word(members[0].label), _first_word(members[-1].label)
        label = first if first == last else f"{first} to {last}"
        yield Kind(label, members, _count(members), depth) if len(members) > 1 else members[0]


def _by_group(items: tuple[Choice, ...], room: int) -> tuple[Kind, ...] | None:
    """Items by their group, the biggest groups first, each a kind named by its group ("Health and care"); past
    `room`, the smaller groups together behind "More kinds" (opened, they are grouped again). None when the items
    are not all of two or more groups."""
    names = list(dict.fromkeys(c.group for c in items))
    if "" in names or len(names) < 2:
        return None
    members = {name: tuple(c for c in items if c.group == name) for name in names}
    names.sort(key=lambda name: -len(members[name]))
    shown = names if len(names) <= room else names[: room - 1]
    kinds = [Kind(name, members[name], _count(members[name])) for name in shown]
    rest = tuple(c for name in names[len(shown):] for c in members[name])
    if rest:
        kinds.append(Kind("More kinds", rest, _count(rest)))
    return tuple(kinds)


def _pack(groups: list[tuple[str, tuple[Choice, ...]]], size: int) -> list[list[tuple[str, tuple[Choice, ...]]]]:
    """Neighbouring groups together while they hold at most `size` items (a bigger group stands alone)."""
    packed: list[list[tuple[str, tuple[Choice, ...]]]] = []
    held = 0
    for group in groups:
        if packed and held + len(group[1]) <= size:
            packed[-1].append(group)
            held += len(group[1])
        else:
            packed.append([group])
            held = len(group[1])
    return packed


def _first_word(label: str) -> str:
    return (label.split() or [label])[0].strip(",:;")


def _count(members: tuple[Choice, ...]) -> str:
    if all(c.target.kind in JOB_KINDS for c in members):
        return f"{len(members)} jobs"
    return f"{len(members)} to choose from"


def _by_month(items: tuple[Choice, ...]) -> list[tuple[str, tuple[Choice, ...]]] | None:
    """Events by the month of their date (the date leads their detail line), soonest first."""
    months = [DATE.match(c.detail) for c in items]
    if not all(months):
        return None
    return _grouped(items, lambda c: DATE.match(c.detail).group(3))


def _by_category(items: tuple[Choice, ...], room: int) -> list[tuple[str, tuple[Choice, ...]]] | None:
    """Items by the first part of their detail line (a resource's format, a route's level) when few share each."""
    def category(c: Choice) -> str:
        return c.detail.split(" · ")[0].split(",")[0].strip()

    names = {category(c) for c in items}
    if "" in names or not 2 <= len(names) <= room or len(names) > len(items) / 2:
        return None
    return _grouped(items, category)


def _by_letters(items: tuple[Choice, ...], depth: int) -> tuple[list[tuple[str, tuple[Choice, ...]]], int]:
    """Items by the first letters of their labels, alphabetically ("A", "B"; a letter more at each step, and more
    again until the labels differ), with how deep that went."""
    ordered = tuple(sorted(items, key=lambda c: c.label.casefold()))
    for d in range(depth, depth + 6):
        groups = _grouped(ordered, lambda c, d=d: re.sub(r"[^A-Za-z0-9]", "", c.label)[: d + 1].capitalize() or "#")
        if len(groups) > 1:
            return groups, d
    return groups, depth + 5


def _grouped(items: tuple[Choice, ...], key: Callable[[Choice], str]) -> list[tuple[str, tuple[Choice, ...]]]:
    """Items grouped by a key, the groups in the order their first member comes."""
    order: dict[str, list[Choice]] = {}
    for c in items:
        order.setdefault(key(c), []).append(c)
    return [(name, tuple(members)) for name, members in order.items()]
