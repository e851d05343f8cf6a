"""Is the kiosk up to date? One line per content source, in words for a busy careers leader: how old it is, or
what to do about it."""

from __future__ import annotations

import datetime as dt
from typing import Iterable, NamedTuple

from kiosk.staff.api import PackStatus

SAMPLE_ID = "sample"


class Source(NamedTuple):
    """A source of content as staff know it: its pack, its name, when it counts as old, and how to update it."""

    pack_id: str
    name: str
    stale_days: int
    how: str  # what staff do to update it, as it reads after "tap" or a dash
    sync: str | None = None  # the online sync that updates it (a key of SYNC_SOURCES), if any


# The stale points follow how often each publisher brings out something new, with a month's grace, so a row turns
# to "what to do" only when a newer release really exists.
SOURCES = (
    # Written for the project and shipped with the kiosk's own updates, which come about once a year.
    Source("library", "Job library", 400, "import the new job library pack from a USB stick (Import)"),
    # ONS ASHE (pay and hours) and the DfE's releases are annual (ASHE each autumn): a year and a month is stale.
    Source("official", "Official figures (ONS, DfE)", 400,
           "tap Sync official figures, or bring the new release on a USB stick", "official"),
    # LMI for All republishes ASHE, the Labour Force Survey and Working Futures: it changes about once a year.
    Source("lmiforall", "LMI for All", 400, "tap Sync LMI for All", "lmiforall"),
    # The NCS edits its job profiles (entry routes, pay) all year: twice a year keeps them current.
    Source("ncs", "National Careers Service job profiles", 183,
           "tap Sync National Careers Service (it needs the NCS key in Settings)", "ncs"),
)
# The school's own content (events, stories, the library) changes every term: older than a term is stale.
SCHOOL_STALE_DAYS = 120
SCHOOL_HOW = "import the school's new pack from a USB stick (Import)"
SAMPLE_WORDS = "Made-up content for trying the kiosk — import your school's own pack, then remove this (Details)"


class Freshness(NamedTuple):
    """One source's line: its name, whether all is well, the words to show, and its online sync if it has one."""

    name: str
    ok: bool
    words: str
    sync: str | None = None


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole calendar months from one date to a later one (0 for a later date before the earlier)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month - (later.day < earlier.day)
    return max(months, 0)


def span_words(since: dt.date, today: dt.date) -> str:
    """How long ago, in words: "3 days", "2 weeks", "14 months", "2 years" ("" for today, "1 day" for yesterday)."""
    days = max((today - since).days, 0)
    months = months_between(since, today)
    if days < 14:
        return "" if days == 0 else f"{days} day{'s' if days != 1 else ''}"
    if months < 2:
        return f"{days // 7} weeks"
    if months < 24:
        return f"{months} months"
    return f"{months // 12} years"


def updated_words(since: dt.date, today: dt.date) -> str:
    """"Updated today", "Updated yesterday", "Updated 3 days ago"."""
    span = span_words(since, today)
    return "Updated today" if not span else "Updated yesterday" if span == "1 day" else f"Updated {span} ago"


def pack_date(pack: PackStatus) -> dt.date | None:
    """When the pack's content was made (else installed); None when neither can be read."""
    for when in (pack.created, pack.installed):
        try:
            return dt.date.fromisoformat(when[:10])
        except (TypeError, ValueError):
            continue
    return None


def _line(name: str, pack: PackStatus, stale_days: int, how: str, today: dt.date, sync: str | None) -> Freshness:
    made = pack_date(pack)
    if made is None:
        return Freshness(name, False, f"Its date cannot be read — {how}", sync)
    if (today - made).days > stale_days:
        return Freshness(name, False, f"Not updated for {span_words(made, today)} — {how}", sync)
    return Freshness(name, True, f"{updated_words(made, today)} ✓", sync)


def freshness(packs: Iterable[PackStatus], today: dt.date, failed: Iterable[str] = ()) -> list[Freshness]:
    """A line for every known source (installed or not), then each school pack, then the sample if it is in.

    `failed` names the online syncs whose last run on this screen did not finish.
    """
    by_id = {p.pack_id: p for p in packs}
    failed = set(failed)
    lines = []
    for s in SOURCES:
        pack = by_id.pop(s.pack_id, None)
        if s.sync in failed:
            lines.append(Freshness(s.name, False, f"The last sync did not work (Details says why) — try again: "
                                                  f"{s.how}", s.sync))
        elif pack is None:
            lines.append(Freshness(s.name, False, f"Not on this kiosk yet — {s.how}", s.sync))
        else:
            lines.append(_line(s.name, pack, s.stale_days, s.how, today, s.sync))
    sample = [p for p in by_id.values() if p.sample or p.pack_id == SAMPLE_ID]
    for pack in sorted(by_id.values(), key=lambda p: p.pack_id):
        if pack not in sample:
            lines.append(_line(f"School content: {pack.title}", pack, SCHOOL_STALE_DAYS, SCHOOL_HOW, today, None))
    if sample:
        lines.append(Freshness("Sample content", False, SAMPLE_WORDS))
    return lines
