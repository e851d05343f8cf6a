"""`kiosk sync official --from DIR`: read the releases staff carried on a stick, build the official pack, install it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.content.errors import PackRejected
from kiosk.content.pack_store import PackStore
from kiosk.sources.errors import SourceInputError
from kiosk.sources.official.collect import Releases, read_releases
from kiosk.sources.official.official_pack import PACK_ID, build_official_pack
from kiosk.sources.official.release_files import release_files
from kiosk.sources.sync_job import ProgressFn, SyncReport, install_built

SOURCE = "Official statistics (ONS, DfE)"


def sync_official_from(settings: Any, folder: Path, *, progress: ProgressFn | None,
                       cancelled: Callable[[], bool], now: dt.datetime) -> SyncReport:
    """Build the official pack from the release files in `folder` and install it (blocking)."""
    files = release_files(folder)
    if not files:
        raise SourceInputError(f"{folder} holds no release workbooks (.xls, .xlsx, .xlsm, or zips of them)")
    releases = read_releases(files, _reading(progress, cancelled))
    missing = _missing(releases)
    if missing:
        raise SourceInputError(f"{folder}: no {' and no '.join(missing)} was found, so nothing was installed")
    store = PackStore(settings.data_dir)
    problems: list[str] = []
    work = settings.data_dir / "sync" / PACK_ID
    work.mkdir(parents=True, exist_ok=True)

    def build(out: Path) -> None:
        _, found = build_official_pack(releases, out, now=now)
        problems.extend(found)

    try:
        result = install_built(store, work / f"{PACK_ID}.zip", build)
    except PackRejected as exc:
        return SyncReport(f"{SOURCE}: the new pack was refused, so the kiosk keeps its current figures: {exc}",
                          problems, complete=False)
    m = result.pack.manifest
    return SyncReport(f"{SOURCE}: installed figures for {m.counts.get('earnings', 0)} job groups and "
                      f"{max(0, m.counts.get('areas', 0) - 1)} places from {len(releases.files)} files as version "
                      f"{m.content_version}", problems, installed=f"{PACK_ID} {m.content_version}")


class Cancelled(SourceInputError):
    """Staff stopped the sync while the files were being read; nothing was installed."""


def _reading(progress: ProgressFn | None, cancelled: Callable[[], bool]) -> Callable[[int, int, str], None]:
    def step(done: int, total: int, name: str) -> None:
        if cancelled():
            raise Cancelled(f"{SOURCE}: stopped while reading the files; the kiosk keeps its current figures")
        if progress is not None:
            progress(done, total, name)

    return step


def _missing(releases: Releases) -> list[str]:
    """The releases a pack cannot do without: pay needs ASHE; the job names need SOC 2020 Volume 1."""
    missing = []
    if not any(not t.cv for t in releases.ashe):
        missing.append("ASHE Table 14 workbook")
    if releases.soc is None:
        missing.append("SOC 2020 Volume 1 workbook")
    return missing
