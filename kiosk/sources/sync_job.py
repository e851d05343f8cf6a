"""One staff sync, from asking a service to installing its pack: shared by `kiosk sync` and the staff screen."""

from __future__ import annotations

import datetime as dt
import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from kiosk.sources.errors import SourceInputError
from kiosk.sources.fetch_policy import FetchPolicy

# (done, total, what) after each item fetched.
ProgressFn = Callable[[int, int, str], None]
SOURCES = ("lmiforall", "ncs", "official")
NCS_KEY_FILE = "ncs-api-key"  # in the data directory, mode 0600 (the staff screen writes it)
NCS_KEY_ENV = "KIOSK_NCS_API_KEY"  # used before the file when set


class SyncReport(NamedTuple):
    """What a sync did, in words for staff, and the problems it met, each naming its source and item."""

    message: str
    problems: list[str]
    installed: str | None = None  # "pack_id version" when a new pack went in
    complete: bool = True  # False when it stopped early (cancelled, or the service failed): run it again to resume


def polite_policy(base_url: str, live: FetchPolicy) -> FetchPolicy:
    """The live service gets the polite policy; a service on this machine (a test double) can be asked at full speed."""
    host = urlsplit(base_url).hostname or ""
    if host in ("127.0.0.1", "localhost", "::1"):
        return live._replace(max_rps=None, concurrency=8)
    return live


def sync_source(settings: Any, source: str, *, base_url: str | None = None, api_key: str | None = None,
                socs_file: Path | None = None, region: int | None = None, full: bool = False,
                progress: ProgressFn | None = None, cancelled: Callable[[], bool] = lambda: False,
                policy: FetchPolicy | None = None, now: dt.datetime | None = None,
                from_dir: Path | None = None) -> SyncReport:
    """Run one source's sync to the end (blocking): fetch what changed, then build and install its pack.

    `from_dir`: build from files staff downloaded and carried (the official releases) instead of fetching.
    """
    try:
        if source == "official" and from_dir is not None:
            from kiosk.sources.official.official_job import sync_official_from

            return sync_official_from(settings, from_dir, progress=progress, cancelled=cancelled,
                                      now=now or dt.datetime.now(dt.timezone.utc))
        return _sync(settings, source, base_url=base_url, api_key=api_key, socs_file=socs_file, region=region,
                     full=full, progress=progress, cancelled=cancelled, policy=policy, now=now)
    except OSError as e:
        # Saving what was fetched failed (a full disk, most likely): what is installed is untouched.
        reason = "the disk is full" if e.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG) else str(e)
        return SyncReport(f"{source}: what was fetched could not be saved ({reason}); the kiosk keeps its current "
                          "content, and the next sync carries on from what was saved", [], complete=False)


def _sync(settings: Any, source: str, *, base_url: str | None, api_key: str | None, socs_file: Path | None,
          region: int | None, full: bool, progress: ProgressFn | None, cancelled: Callable[[], bool],
          policy: FetchPolicy | None, now: dt.datetime | None) -> SyncReport:
    now = now or dt.datetime.now(dt.timezone.utc)
    if source == "lmiforall":
        from kiosk.sources.lmiforall.lmi_job import sync_lmiforall

        return sync_lmiforall(settings, base_url=base_url or settings.lmi_base_url or None, socs_file=socs_file,
                              region=region, full=full, progress=progress, cancelled=cancelled, policy=policy,
                              now=now)
    if source == "ncs":
        from kiosk.sources.ncs.ncs_job import sync_ncs

        return sync_ncs(settings, base_url=base_url or settings.ncs_base_url or None,
                        api_key=ncs_api_key(settings.data_dir, api_key), full=full, progress=progress,
                        cancelled=cancelled, policy=policy, now=now)
    raise SourceInputError(f"no source called {source!r}; the sources are {', '.join(SOURCES)}")


def ncs_api_key(data_dir: Path, given: str | None = None) -> str:
    """The NCS subscription key: given, else $KIOSK_NCS_API_KEY, else the file `ncs-api-key` in the data directory.

    A key is the subscriber's secret: it is never kept in settings.toml or the repository.
    """
    key = (given or os.environ.get(NCS_KEY_ENV, "")).strip()
    path = data_dir / NCS_KEY_FILE
    if not key and path.is_file():
        key = path.read_text(encoding="utf-8").strip()
    if not key:
        raise SourceInputError("National Careers Service: an API key is needed; give --api-key KEY, set "
                               f"{NCS_KEY_ENV}, or put it in {path}")
    return key


def install_built(store: Any, out: Path, build: Callable[[Path], object]) -> Any:
    """Build a pack into `out`, install it, and leave no copy behind (the store keeps its own); the install report.

    PackRejected from either step reaches the caller, and what is installed stays as it was.
    """
    try:
        build(out)
        return store.install(out)
    finally:
        out.unlink(missing_ok=True)
