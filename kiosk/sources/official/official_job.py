"""`kiosk sync official`: build the official pack from a folder of release files and install it; the files come
from a stick (`--from DIR`) or are downloaded first (kiosk.sources.official.fetch)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from kiosk.sources.errors import SourceInputError
from kiosk.sources.official.release_files import release_files
from kiosk.sources.sync_pipeline import SyncJob, SyncReport

if TYPE_CHECKING:
    from kiosk.content.pack_store import InstallReport
    from kiosk.sources.official.collect import Releases

SOURCE = "Official figures (ONS, DfE)"
PACK_ID = "official"  # kiosk.sources.official.official_pack's, without loading the readers for a repeat sync


class Built(NamedTuple):
    """A build from a folder that was installed: the report for staff and the store's install report."""

    report: SyncReport
    install: InstallReport


def sync_official(job: SyncJob) -> SyncReport:
    """Build from the folder given with --from, else download the releases first (blocking)."""
    if job.options.from_dir is not None:
        return build_from_folder(job, job.options.from_dir, []).report
    from kiosk.sources.official.fetch import fetch_official

    return fetch_official(job)


def build_from_folder(job: SyncJob, folder: Path, problems: list[str]) -> Built:
    """Read the release files in `folder`, build the official pack and install it; `problems` (met so far) grows
    with those the files bring. A folder without the releases a pack needs raises SourceInputError naming it."""
    files = release_files(folder)
    if not files:
        raise SourceInputError(f"{folder} holds no release workbooks (.xls, .xlsx, .xlsm, or zips of them)")

    def step(done: int, total: int, name: str) -> None:
        job.stop_if_cancelled(problems, "while reading the release files")
        job.progress(done, total, f"reading {name}")

    # The readers (openpyxl, xlrd) load only when there is something to read: a repeat sync has nothing.
    from kiosk.sources.official.collect import read_releases
    from kiosk.sources.official.official_pack import build_official_pack

    with job.timed("read"):
        releases = read_releases(files, step)
    missing = _missing(releases)
    if missing:
        raise SourceInputError(f"{folder}: no {' and no '.join(missing)} was found, so nothing was installed")

    def build(out: Path) -> None:
        _, found = build_official_pack(releases, out, now=job.now)  # the releases' own problems among them
        problems.extend(found)

    result = job.install(PACK_ID, build, problems)
    m = result.pack.manifest
    groups = len({row["soc2020"] for row in result.pack.rows("earnings")})
    report = SyncReport(f"{SOURCE}: installed pay and hours for {groups} job groups, figures for "
                        f"{max(0, m.counts.get('areas', 0) - 1)} places from {len(releases.files)} files as version "
                        f"{m.content_version}", problems, installed=f"{PACK_ID} {m.content_version}")
    return Built(report, result)


def _missing(releases: Releases) -> list[str]:
    """The releases a pack cannot do without: pay needs ASHE; the job names need SOC 2020 Volume 1."""
    missing = []
    if not any(not t.cv for t in releases.ashe):
        missing.append("ASHE Table 14 workbook")
    if releases.soc is None:
        missing.append("SOC 2020 Volume 1 workbook")
    return missing
