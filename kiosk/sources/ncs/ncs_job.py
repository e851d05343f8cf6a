"""`kiosk sync ncs`: fetch the profiles that changed since the last sync, then build and install the NCS pack."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.content.errors import PackRejected
from kiosk.content.file_replace import replace_bytes
from kiosk.content.pack_store import PackStore
from kiosk.sources.fetch_policy import FetchPolicy
from kiosk.sources.ncs.client import LIVE_BASE_URL, LIVE_POLICY, SOURCE, NcsClient, make_ncs_fetcher
from kiosk.sources.ncs.pack import PACK_ID, build_ncs_pack
from kiosk.sources.ncs.sync_run import NcsOutcome, sync_profiles
from kiosk.sources.sync_job import ProgressFn, SyncReport, install_built, polite_policy

INSTALLED_FILE = "installed.json"  # the sha256 of the pack the last finished sync installed


def sync_ncs(settings: Any, *, base_url: str | None, api_key: str | None, full: bool, progress: ProgressFn | None,
             cancelled: Callable[[], bool], policy: FetchPolicy | None, now: dt.datetime) -> SyncReport:
    """Bring the stored profiles up to date and install them as the NCS pack when anything changed (blocking)."""
    folder = settings.data_dir / "sync" / PACK_ID
    base = base_url or LIVE_BASE_URL
    policy = policy or polite_policy(base, LIVE_POLICY)

    async def fetch() -> NcsOutcome:
        async with make_ncs_fetcher(base, api_key or "", policy) as fetcher:
            return await sync_profiles(NcsClient(fetcher), folder, full=full, progress=progress, cancelled=cancelled)

    outcome = asyncio.run(fetch())
    problems = list(outcome.problems)
    if outcome.cancelled:
        return SyncReport(f"{SOURCE}: stopped after {len(outcome.fetched)} changed profiles; the kiosk keeps its "
                          "current profiles, and the next sync carries on from here", problems, complete=False)
    if not outcome.fetched and not outcome.unchanged and not outcome.removed:
        return SyncReport(f"{SOURCE} could not be reached, so nothing has changed: "
                          f"{problems[0] if problems else 'no profiles were listed'}", problems, complete=False)
    store = PackStore(settings.data_dir)
    installed = store.entries().get(PACK_ID)
    if (not outcome.fetched and not outcome.removed and installed is not None
            and installed.sha256 == _last_installed(folder)):
        return SyncReport(f"{SOURCE}: no profile has changed since the last sync; the installed profiles "
                          f"({installed.content_version}) stay", problems)
    try:
        result = install_built(store, folder / f"{PACK_ID}.zip",
                               lambda out: problems.extend(build_ncs_pack(folder, out, now=now)[1]))
    except PackRejected as exc:
        return SyncReport(f"{SOURCE}: the new pack was refused, so the kiosk keeps its current profiles: {exc}",
                          problems, complete=False)
    pack = result.pack
    _remember_installed(folder, result.pack.sha256)
    return SyncReport(f"{SOURCE}: installed {pack.manifest.counts.get('occupations', 0)} job profiles "
                      f"({len(outcome.fetched)} new or changed, {len(outcome.removed)} withdrawn) as version "
                      f"{pack.manifest.content_version}", problems, installed=f"{PACK_ID} {pack.manifest.content_version}")


def _last_installed(folder: Path) -> str:
    try:
        return str(json.loads((folder / INSTALLED_FILE).read_text(encoding="utf-8"))["sha256"])
    except (OSError, ValueError, KeyError, TypeError):
        return ""


def _remember_installed(folder: Path, sha256: str) -> None:
    replace_bytes(folder / INSTALLED_FILE, json.dumps({"sha256": sha256}).encode())
