"""Whether a finished LMI sync is still current: a few sample groups asked again, compared with what was saved."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from kiosk.content.file_replace import replace_bytes
from kiosk.sources.lmiforall.client import LmiClient
from kiosk.sources.lmiforall.soc_fetch import fetch_soc

STATE_FILE = "state.json"
# LMI for All changes by whole releases (a new ASHE year, a new Working Futures edition), never one group at a
# time, so asking a few groups spread across the list shows whether a release has landed. A month on, every
# group is fetched again anyway, in case a correction touched only some.
SAMPLE_GROUPS = 3
MAX_AGE = dt.timedelta(days=28)
# Parts of a record that describe the fetch rather than the data.
_BOOKKEEPING = frozenset({"problems", "unanswered"})


class SyncState(NamedTuple):
    """The folder's last run: whether it finished, when, for which groups and region, and what it installed."""

    complete: bool
    finished: str
    socs: tuple[int, ...]
    region: int | None = None
    installed: str = ""  # the sha256 of the pack file that run installed
    owners: str = ""  # a digest of which installed occupations took each group's figures


class ServiceUnreachable(Exception):
    """LMI for All did not answer the freshness check: nothing can be decided, so nothing should change."""


def read_state(folder: Path) -> SyncState | None:
    """The saved state, or None if there is none (or it is unreadable, which means the same: start afresh)."""
    try:
        data = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
        region = data.get("region")
        return SyncState(bool(data["complete"]), str(data["finished"]), tuple(int(s) for s in data["socs"]),
                         None if region is None else int(region), str(data.get("installed", "")),
                         str(data.get("owners", "")))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):  # AttributeError: JSON that is not an object
        return None


def write_state(folder: Path, state: SyncState) -> None:
    """Save the state atomically."""
    replace_bytes(folder / STATE_FILE, json.dumps(state._asdict()).encode())


def sample_groups(socs: Sequence[int], count: int = SAMPLE_GROUPS) -> list[int]:
    """Groups spread evenly across the sorted list: the first, the last and between."""
    ordered = sorted(set(socs))
    if len(ordered) <= count:
        return ordered
    step = (len(ordered) - 1) / (count - 1)
    return list(dict.fromkeys(ordered[round(i * step)] for i in range(count)))


def same_data(saved: dict[str, Any], fresh: dict[str, Any]) -> bool:
    """Whether two records of a group hold the same answers."""
    keys = (set(saved) | set(fresh)) - _BOOKKEEPING
    return all(saved.get(k) == fresh.get(k) for k in keys)


async def still_current(client: LmiClient, folder: Path, state: SyncState | None, *, this_year: int,
                        region: int | None, now: dt.datetime) -> tuple[bool, str]:
    """Whether the last finished sync's records can stand, and why (or why not).

    Raises ServiceUnreachable when the service cannot be asked: then nothing can be known, and nothing should change.
    """
    if state is None or not state.complete:
        return False, "no finished sync to compare with"
    if state.region != region:
        return False, "the region has changed since the last sync"
    try:
        finished = dt.datetime.fromisoformat(state.finished)
    except ValueError:
        return False, "the last sync's date is unreadable"
    if now - finished > MAX_AGE:
        return False, f"the last full sync was more than {MAX_AGE.days} days ago"
    saved: dict[int, Any] = {}
    for soc in sample_groups(state.socs):
        try:
            saved[soc] = json.loads((folder / f"soc-{soc:04d}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False, f"the saved figures for {soc} are missing"
    # The sample groups are asked together: a repeat sync costs one group's round trips, not three.
    fresh = await asyncio.gather(*(fetch_soc(client, soc, this_year=this_year, region=region) for soc in saved))
    for record in fresh:
        if record["unanswered"]:
            raise ServiceUnreachable(record["problems"][0])
    for record in fresh:
        if not same_data(saved[record["soc"]], record):
            return False, f"LMI for All's figures for {record['soc']} have changed (a new release?)"
    return True, "LMI for All's figures have not changed since the last sync"
