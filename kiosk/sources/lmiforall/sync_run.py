"""Fetch many SOC groups with bounded concurrency, saving each as it completes so a stopped sync resumes."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

from kiosk.content.file_replace import replace_bytes
from kiosk.sources.bounded_run import for_each
from kiosk.sources.lmiforall.client import LmiClient
from kiosk.sources.lmiforall.soc_fetch import fetch_soc


class Progress(NamedTuple):
    """Where a sync stands, reported after each SOC group."""

    done: int
    total: int
    soc: int
    problems: tuple[str, ...]


class SyncOutcome(NamedTuple):
    """What a sync run did: groups fetched now, groups already saved by an earlier run, and whether it stopped."""

    fetched: tuple[int, ...]
    resumed: tuple[int, ...]
    cancelled: bool
    problems: tuple[str, ...]
    unanswered: tuple[int, ...] = ()  # groups not saved because the network or the service failed for a part


async def sync_socs(client: LmiClient, socs: Iterable[int], folder: Path, *, this_year: int,
                    region: int | None = None, socs_in_flight: int = 4,
                    progress: Callable[[Progress], None] | None = None,
                    cancelled: Callable[[], bool] = lambda: False, keep_unanswered: bool = False) -> SyncOutcome:
    """Fetch every SOC not yet saved in folder; each finished group is saved at once, whole or not at all.

    A group where the network or the service failed for some part is not saved (a later run asks again), unless
    keep_unanswered says to save it with those parts missing.
    """
    folder.mkdir(parents=True, exist_ok=True)
    wanted = list(dict.fromkeys(socs))  # duplicate codes are fetched once
    resumed = tuple(soc for soc in wanted if _saved_path(folder, soc).exists())
    already = frozenset(resumed)
    queue = [soc for soc in wanted if soc not in already]
    total, done = len(wanted), len(resumed)
    fetched: list[int] = []
    unanswered: list[int] = []
    problems: list[str] = []

    async def fetch(soc: int) -> None:
        nonlocal done
        record = await fetch_soc(client, soc, this_year=this_year, region=region)
        if record["unanswered"] and not keep_unanswered:
            unanswered.append(soc)
        else:
            save_record(folder, record)
            fetched.append(soc)
        problems.extend(record["problems"])
        done += 1
        if progress is not None:
            progress(Progress(done, total, soc, tuple(record["problems"])))

    # A few groups in flight keep every request slot busy, since each group makes a dozen calls.
    stopped = await for_each(queue, fetch, in_flight=socs_in_flight, cancelled=cancelled)
    return SyncOutcome(tuple(fetched), resumed, stopped, tuple(problems), tuple(unanswered))


def save_record(folder: Path, record: dict[str, Any]) -> None:
    """Write one group's record atomically, so a power cut leaves either the old state or the whole record."""
    replace_bytes(_saved_path(folder, record["soc"]), json.dumps(record, ensure_ascii=False, sort_keys=True).encode())


def load_records(folder: Path) -> list[dict[str, Any]]:
    """Every saved group record, in SOC order (a half-written .part file is ignored)."""
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("soc-*.json"))]


def saved_socs(folder: Path) -> frozenset[int]:
    """The groups saved in folder."""
    return frozenset(int(path.stem[4:]) for path in folder.glob("soc-[0-9][0-9][0-9][0-9].json"))


def _saved_path(folder: Path, soc: int) -> Path:
    return folder / f"soc-{soc:04d}.json"
