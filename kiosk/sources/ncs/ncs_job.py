"""`kiosk sync ncs`: fetch the profiles that changed since the last sync, then build and install the NCS pack."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from kiosk.content.file_replace import replace_bytes
from kiosk.content.pack_store import PackStore
from kiosk.sources.fetch_policy import polite_policy
from kiosk.sources.ncs.api_key import ncs_api_key
from kiosk.sources.ncs.client import LIVE_BASE_URL, LIVE_POLICY, SOURCE, NcsClient, make_ncs_fetcher
from kiosk.sources.ncs.pack import PACK_ID, build_ncs_pack
from kiosk.sources.ncs.sync_run import NcsOutcome, sync_profiles
from kiosk.sources.sync_pipeline import SyncJob, SyncReport

INSTALLED_FILE = "installed.json"  # the sha256 of the pack the last finished sync installed


def sync_ncs(job: SyncJob) -> SyncReport:
    """Bring the stored profiles up to date and install them as the NCS pack when anything changed (blocking)."""
    settings, options = job.settings, job.options
    api_key = ncs_api_key(settings.data_dir, options.api_key)
    folder = job.folder(PACK_ID)
    base = options.base_url or settings.ncs_base_url or LIVE_BASE_URL
    policy = options.policy or polite_policy(base, LIVE_POLICY)

    async def fetch() -> NcsOutcome:
        async with make_ncs_fetcher(base, api_key, policy) as fetcher:
            return await sync_profiles(NcsClient(fetcher), folder, full=options.full, progress=job.progress,
                                       cancelled=job.cancelled)

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
            and installed.sha256 == last_installed(folder)):
        return SyncReport(f"{SOURCE}: no profile has changed since the last sync; the installed profiles "
                          f"({installed.content_version}) stay", problems)
    result = job.install(PACK_ID, lambda out: problems.extend(build_ncs_pack(folder, out, now=job.now)[1]), problems)
    pack = result.pack
    _remember_installed(folder, result.pack.sha256)
    return SyncReport(f"{SOURCE}: installed {pack.manifest.counts.get('occupations', 0)} job profiles "
                      f"({len(outcome.fetched)} new or changed, {len(outcome.removed)} withdrawn) as version "
                      f"{pack.manifest.content_version}", problems, installed=f"{PACK_ID} {pack.manifest.content_version}")


def last_installed(folder: Path) -> str:
    """The sha256 of the pack the last finished sync installed; "" when none is recorded (or the record is damaged)."""
    try:
        return str(json.loads((folder / INSTALLED_FILE).read_text(encoding="utf-8"))["sha256"])
    except (OSError, ValueError, KeyError, TypeError):
        return ""


def _remember_installed(folder: Path, sha256: str) -> None:
    replace_bytes(folder / INSTALLED_FILE, json.dumps({"sha256": sha256}).encode())
