"""`kiosk sync lmiforall`: choose the groups, fetch what changed (resuming a stopped run), build and install the pack."""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

from kiosk.content.pack_store import PackStore
from kiosk.content.reader import open_reader
from kiosk.sources.errors import SourceInputError
from kiosk.sources.fetch_policy import FetchPolicy, polite_policy
from kiosk.sources.json_fetch import JsonFetcher
from kiosk.sources.lmiforall.client import LmiClient
from kiosk.sources.lmiforall.figures import region_names
from kiosk.sources.lmiforall.freshness import (
    ServiceUnreachable, SyncState, read_state, still_current, write_state,
)
from kiosk.sources.lmiforall.pack import PACK_ID, build_lmi_pack, lmi_tables
from kiosk.sources.lmiforall.soc_fetch import YEARS_AHEAD, YEARS_BACK
from kiosk.sources.lmiforall.soc_list import choose_socs
from kiosk.sources.lmiforall.sync_run import Progress, load_records, saved_socs, sync_socs
from kiosk.sources.sync_pipeline import SyncJob, SyncReport

DEFAULT_BASE_URL = "https://api.lmiforall.org.uk/api/v1/"
SOURCE = "LMI for All"
# When this share of groups (or fewer) still fails after a second try, the rest go in and those are reported;
# more than that means the network or the service is failing, and nothing is installed.
TOLERATED_FAILURES = 0.02


def sync_lmiforall(job: SyncJob) -> SyncReport:
    """Fetch LMI for All's figures for the chosen groups and install them as the LMI pack (blocking)."""
    settings, options = job.settings, job.options
    region = region_code(options.region)
    data_dir: Path = settings.data_dir
    folder = job.folder(PACK_ID)
    store = PackStore(data_dir)
    reader = open_reader(store.db_path)
    try:
        owners = reader.occupations_by_soc2010(except_pack=PACK_ID)
        chosen = choose_socs(options.socs_file, reader.soc2010_codes(), _ncs_socs(data_dir))
    finally:
        reader.close()
    base = options.base_url or settings.lmi_base_url or DEFAULT_BASE_URL
    policy = options.policy or polite_policy(base, FetchPolicy())
    return asyncio.run(_sync(job, store, folder, base, policy, list(chosen.codes), chosen.notes, owners, region))


def region_code(given: str | None) -> int | None:
    """An LMI for All region code from the command line (1 to 12), or None for the kiosk's own region."""
    if given is None:
        return None
    text = str(given)
    if not text.isdigit() or not 1 <= int(text) <= 12:
        raise SourceInputError(f"--region must be an LMI for All region code from 1 to 12, not {text!r}")
    return int(text)


async def _sync(job: SyncJob, store: PackStore, folder: Path, base: str, policy: FetchPolicy, socs: list[int],
                notes: tuple[str, ...], owners: Mapping[int, tuple[str, ...]], region: int | None) -> SyncReport:
    region_name, full, now, cancelled = job.settings.region, job.options.full, job.now, job.cancelled
    problems = list(notes)
    this_year = now.year
    async with JsonFetcher(base, SOURCE, policy) as fetcher:
        client = LmiClient(fetcher)
        if region is None and region_name.strip().upper() != "UK":
            region, note = await _region_code(client, folder, socs[0], region_name, this_year)
            if note:
                problems.append(note)
        state = read_state(folder)
        owners_digest = _digest({str(soc): owners.get(soc, ()) for soc in socs})
        if not full:
            try:
                current, why = await still_current(client, folder, state, this_year=this_year, region=region, now=now)
            except ServiceUnreachable as exc:
                return SyncReport(f"{SOURCE} could not be reached, so nothing has changed: {exc}", problems,
                                  complete=False)
        else:
            current, why = False, "a full sync was asked for"
        saved = saved_socs(folder)
        missing = [soc for soc in socs if soc not in saved]
        installed = store.entries().get(PACK_ID)
        if (current and not missing and state is not None and installed is not None
                and installed.sha256 == state.installed and state.owners == owners_digest
                and set(state.socs) == set(socs)):
            return SyncReport(f"{SOURCE}: nothing has changed since the last sync ({why}); the installed figures "
                              f"({installed.content_version}) stay", problems)
        if not current and (state is None or state.complete or state.region != region):
            # A new release (or a stale or different run): start a fresh run. Until it finishes, the installed
            # pack is untouched; a run stopped part-way resumes from here.
            for old in folder.glob("soc-*.json"):
                old.unlink()
            write_state(folder, SyncState(False, now.isoformat(), tuple(socs), region))

        def report(p: Progress) -> None:
            job.progress(p.done, p.total, f"SOC {p.soc}")

        outcome = await sync_socs(client, socs, folder, this_year=this_year, region=region,
                                  socs_in_flight=max(2, policy.concurrency), progress=report, cancelled=cancelled)
        problems.extend(outcome.problems)
        if outcome.cancelled:
            return SyncReport(f"{SOURCE}: stopped after {len(saved_socs(folder) & set(socs))} of {len(socs)} groups; "
                              "the kiosk keeps its current figures, and the next sync carries on from here",
                              problems, complete=False)
        if outcome.unanswered:
            # A second try for the groups the network failed; if few still fail, they go in with gaps.
            few = len(outcome.unanswered) <= max(1, int(TOLERATED_FAILURES * len(socs)))
            again = await sync_socs(client, outcome.unanswered, folder, this_year=this_year, region=region,
                                    progress=report, cancelled=cancelled, keep_unanswered=few)
            problems.extend(again.problems)
            if again.cancelled or again.unanswered:
                left = len(set(socs) - saved_socs(folder))
                return SyncReport(f"{SOURCE}: {left} of {len(socs)} groups could not be fetched (the network or the "
                                  "service is failing); the kiosk keeps its current figures, and the next sync "
                                  "carries on from here", problems, complete=False)
    wanted = set(socs)
    records = [r for r in load_records(folder) if r["soc"] in wanted]
    built = lmi_tables(records, owners, this_year=this_year)
    problems.extend(built.problems)
    result = job.install(PACK_ID, lambda out: build_lmi_pack(built.tables, out, now=now, soc_count=len(records)),
                         problems)
    pack = result.pack
    write_state(folder, SyncState(True, now.isoformat(), tuple(socs), region, result.pack.sha256, owners_digest))
    counts = result.pack.manifest.counts
    return SyncReport(f"{SOURCE}: installed figures for {len(records)} job groups ({counts.get('pay', 0)} pay, "
                      f"{counts.get('outlook', 0)} outlook figures; {counts.get('occupations', 0)} jobs described by "
                      f"LMI for All alone) as version {pack.manifest.content_version}", problems,
                      installed=f"{PACK_ID} {pack.manifest.content_version}")


async def _region_code(client: LmiClient, folder: Path, soc: int, name: str, this_year: int) -> tuple[int | None, str]:
    """The LMI region code for the kiosk's region name, from the service's own labels (never a hard-coded list)."""
    saved = load_records(folder)[:1]
    body = saved[0].get("outlook_by_region") if saved else None
    if not region_names(body):
        answer = await client.projections(soc, this_year - YEARS_BACK, this_year + YEARS_AHEAD, breakdown="region")
        body = answer.data
    names = region_names(body)
    for code, label in names.items():
        if label.casefold() == name.strip().casefold() and isinstance(code, int):
            return code, ""
    known = ", ".join(sorted(names.values())) or "none were given"
    return None, f"{SOURCE}: the kiosk's region {name!r} is not one of LMI for All's regions ({known}); " \
                 "regional skill shortages were not fetched"


def _ncs_socs(data_dir: Path) -> list[int]:
    """SOC codes named by the National Careers Service profiles already fetched (installed or not)."""
    from kiosk.sources.ncs.profile_store import load_profiles

    profiles, _ = load_profiles(data_dir / "sync" / "ncs")
    codes = (str(p.profile.get("Soc", "")).strip() for p in profiles)
    return [int(code) for code in codes if code.isdigit() and len(code) == 4]


def _digest(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()
