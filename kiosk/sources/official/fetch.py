"""`kiosk sync official` online: download the releases the catalogue lists into DATA_DIR/sync/official/files/
(a few at once, resumable, conditional), then build and install the official pack from that folder, unless
nothing has changed since the installed pack was built."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from kiosk.content.pack_store import PackStore
from kiosk.sources.fetch_policy import FetchPolicy
from kiosk.sources.official.catalogue import (
    ASHE_FIRST_YEAR, DFE, ONS, PROVISIONAL, REVISED, CatalogueFile, ashe, ashe_years, fixed_files,
)
from kiosk.sources.official.download import (
    ABSENT, FAILED, NEW, OFFICIAL_POLICY, STOPPED, UNCHANGED, Downloader, Outcome,
)
from kiosk.sources.official.download_state import DownloadState
from kiosk.sources.official.official_job import PACK_ID, SOURCE, build_from_folder
from kiosk.sources.sync_pipeline import SyncJob, SyncReport

FILES_FOLDER = "files"
STATUS_WORDS = {NEW: "downloaded", UNCHANGED: "unchanged", ABSENT: "not published", FAILED: "failed",
                STOPPED: "stopped"}
LOOPBACK = ("127.0.0.1", "localhost", "::1")


class Downloads(NamedTuple):
    """Every file's outcome, and the newest provisional ASHE table found (None when no year has one)."""

    outcomes: list[Outcome]
    newest_ashe: Outcome | None


def fetch_official(job: SyncJob) -> SyncReport:
    """Download what changed, then build and install the official pack if the files differ from its last build."""
    folder = job.folder(PACK_ID)
    files = folder / FILES_FOLDER
    bases = publisher_bases(job.settings, job.options.base_url)
    policy = job.options.policy or official_policy(bases)
    state = DownloadState.read(folder)
    with job.timed("fetch"):
        downloads = asyncio.run(download_releases(job, files, bases, policy, state))
    # A file that may be missing (Cumbria's) is noted; ASHE editions ONS has not published are not news.
    problems = [f"{o.file.what} is not published at {o.file.url(bases)} (HTTP 404); the figures go in without it"
                for o in downloads.outcomes if o.status == ABSENT and not o.file.required and not o.file.edition]
    stopped = _stopped(downloads, problems, ashe(job.now.year, PROVISIONAL).url(bases))
    if stopped is not None:
        return stopped
    newest = downloads.newest_ashe
    assert newest is not None
    chosen = [o.file.name for o in downloads.outcomes if o.status in (NEW, UNCHANGED) and _wanted(o.file, newest)]
    _prune(files, set(chosen), state)
    digest = state.digest(chosen)
    installed = PackStore(job.settings.data_dir).entries().get(PACK_ID)
    fresh = sum(o.status == NEW and o.file.name in chosen for o in downloads.outcomes)
    if (not job.options.full and installed is not None and digest == state.built_from
            and installed.sha256 == state.installed):
        state.save()
        return SyncReport(f"{SOURCE}: nothing has changed since the last sync ({len(chosen)} release files checked); "
                          f"the installed figures ({installed.content_version}) stay", problems)
    built = build_from_folder(job, files, problems)
    state.built_from, state.installed = digest, built.install.pack.sha256
    state.save()
    return built.report._replace(message=f"{built.report.message} ({fresh} release files downloaded, "
                                         f"{len(chosen) - fresh} unchanged)")


def publisher_bases(settings: Any, base_url: str | None) -> dict[str, str]:
    """Each publisher's base URL: --base-url for both (a hub's mirror or a test double), else the settings."""
    if base_url:
        return {ONS: base_url, DFE: base_url}
    return {ONS: settings.official_ons_base_url, DFE: settings.official_dfe_base_url}


def official_policy(bases: dict[str, str]) -> FetchPolicy:
    """The polite policy for the publishers; a server on this machine (a test double) needs no rate limit."""
    if all((urlsplit(url).hostname or "") in LOOPBACK for url in bases.values()):
        return OFFICIAL_POLICY._replace(max_rps=None)
    return OFFICIAL_POLICY


async def download_releases(job: SyncJob, files: Path, bases: dict[str, str], policy: FetchPolicy,
                            state: DownloadState) -> Downloads:
    """Bring every catalogue file in `files` up to date: the newest provisional ASHE table (this year's, else the
    year before's, and so on), the revised tables of earlier years, and the fixed files; each outcome reported as
    progress. The state is saved as files arrive, and whole before this returns."""
    this_year = job.now.year
    others = [*(ashe(year, REVISED) for year in ashe_years(this_year - 1)), *fixed_files()]
    total, done = 1 + len(others), [0]
    outcomes: list[Outcome] = []

    def finished(outcome: Outcome) -> Outcome:
        outcomes.append(outcome)
        done[0] += 1
        job.progress(done[0], total, f"{outcome.file.what}: {STATUS_WORDS[outcome.status]}")
        return outcome

    async with Downloader(files, bases, policy, state, conditional=not job.options.full,
                          cancelled=job.cancelled) as downloader:

        async def newest_ashe() -> Outcome | None:
            """The newest provisional table: this year's if ONS has published it, else the year before, and so on."""
            for year in ashe_years(this_year):
                outcome = await downloader.fetch(ashe(year, PROVISIONAL), urgent=True)
                if outcome.status != ABSENT:
                    return finished(outcome)
            return None

        async def one(file: CatalogueFile) -> None:
            finished(await downloader.fetch(file))

        try:
            async with asyncio.TaskGroup() as group:
                newest = group.create_task(newest_ashe())
                for file in others:
                    group.create_task(one(file))
        except BaseExceptionGroup as errors:
            raise errors.exceptions[0] from None  # a local failure (a full disk): the pipeline reports it
        finally:
            await state.flush()
    return Downloads(outcomes, newest.result())


def _stopped(downloads: Downloads, problems: list[str], newest_asked: str) -> SyncReport | None:
    """The report when the downloads did not all arrive (nothing is built then), else None; `newest_asked` is
    the address of this year's provisional ASHE table."""
    outcomes = downloads.outcomes
    keeps = "the kiosk keeps its current figures, and the next sync carries on from here"
    if any(o.status == STOPPED for o in outcomes):
        whole = sum(o.status in (NEW, UNCHANGED, ABSENT) for o in outcomes)
        return SyncReport(f"{SOURCE}: stopped after {whole} release files; {keeps}", problems, complete=False)
    failed = [o for o in outcomes if o.status == FAILED or (o.status == ABSENT and o.file.required)]
    problems.extend(o.problem for o in failed if o.problem and o.problem not in problems)
    if failed and len(failed) == len(outcomes):
        return SyncReport(f"{SOURCE} could not be reached, so nothing has changed: {failed[0].problem}", problems,
                          complete=False)
    if failed:
        return SyncReport(f"{SOURCE}: {len(failed)} of {len(outcomes)} release files could not be downloaded; "
                          f"{keeps}", problems, complete=False)
    if downloads.newest_ashe is None:
        return SyncReport(f"{SOURCE}: no provisional ASHE Table 14 is published, at {newest_asked} or at the same "
                          f"address for any year back to {ASHE_FIRST_YEAR}; the kiosk keeps its current figures",
                          problems, complete=False)
    return None


def _wanted(file: CatalogueFile, newest: Outcome) -> bool:
    """A revised ASHE table goes in only for a year before the newest provisional one."""
    return file.edition != REVISED or file.year < newest.file.year


def _prune(files: Path, chosen: set[str], state: DownloadState) -> None:
    """Remove what no longer belongs to the releases (an older edition, a withdrawn file), so no build reads it."""
    for path in sorted(files.rglob("*")):
        name = path.relative_to(files).as_posix()
        if path.is_file() and not path.is_symlink() and not path.name.startswith(".") and name not in chosen:
            path.unlink()
            state.files.pop(name, None)
