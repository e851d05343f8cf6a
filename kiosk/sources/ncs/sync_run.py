"""Sync the NCS job profiles: the summary once, then only the changed profiles, saved one by one so a stop resumes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple

from kiosk.sources.bounded_run import for_each
from kiosk.sources.ncs.client import NcsClient, NcsUnavailable, SummaryItem
from kiosk.sources.ncs.profile_rows import ProfileSkipped, occupation_row
from kiosk.sources.ncs.profile_store import (StoredProfile, note_removal, remove_profile, save_profile,
                                            stored_versions)


class NcsOutcome(NamedTuple):
    """What a sync did, by canonical name: fetched and saved now, already current, deleted; and whether it stopped."""

    fetched: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]
    cancelled: bool
    problems: tuple[str, ...]


async def sync_profiles(client: NcsClient, folder: Path, *, full: bool = False,
                        progress: Callable[[int, int, str], None] | None = None,
                        cancelled: Callable[[], bool] = lambda: False, in_flight: int = 4) -> NcsOutcome:
    """Bring folder up to date with the summary: fetch what changed (everything when full), delete what went.

    progress(done, total, name) follows each profile fetched, total being the profiles this run has to fetch.
    A refused key raises SourceInputError; a summary that fails changes nothing and is the outcome's one problem.
    """
    folder.mkdir(parents=True, exist_ok=True)
    try:
        summary = _newest_per_name(await client.summary())
    except NcsUnavailable as exc:
        return NcsOutcome((), (), (), False, (str(exc),))
    stored = stored_versions(folder)
    # The summary arrived whole, so a stored profile it no longer lists has been withdrawn.
    removed = sorted(set(stored) - set(summary))
    for name in removed:
        remove_profile(folder, name)
    if removed:
        note_removal(folder, datetime.now(timezone.utc))
    queue = [item for item in summary.values() if full or stored.get(item.name) != item.last_updated]
    unchanged = tuple(sorted(set(summary) - {item.name for item in queue}))
    total, done = len(queue), 0
    fetched: list[str] = []
    problems: list[str] = []

    async def fetch(item: SummaryItem) -> None:
        nonlocal done
        problem = await _fetch_and_save(client, folder, item)
        if problem is None:
            fetched.append(item.name)
        else:
            problems.append(problem)  # the stored copy, if any, stays as it was
        done += 1
        if progress is not None:
            progress(done, total, item.name)

    # A key refused mid-sync raises SourceInputError and stops the other workers.
    stopped = await for_each(queue, fetch, in_flight=in_flight, cancelled=cancelled)
    return NcsOutcome(tuple(sorted(fetched)), unchanged, tuple(removed), stopped, tuple(problems))


async def _fetch_and_save(client: NcsClient, folder: Path, item: SummaryItem) -> str | None:
    """Fetch one profile and save it if it can become a row; otherwise the problem, naming the profile."""
    answer = await client.profile(item.name)
    if not answer.ok:
        return answer.problem
    try:
        occupation_row(answer.data, item.name)  # type: ignore[arg-type]  (profile() answers only objects)
    except ProfileSkipped as exc:
        return f"{exc}; the copy from the last sync (if any) is kept"
    save_profile(folder, StoredProfile(item.name, item.title, item.last_updated, answer.data))  # type: ignore[arg-type]
    return None


def _newest_per_name(items: list[SummaryItem]) -> dict[str, SummaryItem]:
    """One item per name (a name listed twice is fetched once), keeping the most recently updated entry."""
    newest: dict[str, SummaryItem] = {}
    for item in items:
        kept = newest.get(item.name)
        if kept is None or _moment(item.last_updated) > _moment(kept.last_updated):
            newest[item.name] = item
    return newest


def _moment(text: str) -> datetime:
    """A LastUpdated as an aware time for comparing; unreadable ones count as oldest."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return datetime.min.replace(tzinfo=timezone.utc)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
