"""The one sync pipeline: what a sync source is, the table of sources, and `run_sync`, which runs any of them for
`kiosk sync` and the staff screen alike (the staff screen runs that very command in a child process)."""

from __future__ import annotations

import datetime as dt
import errno
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from kiosk.content.path_ids import check_path_id
from kiosk.sources.errors import SourceInputError
from kiosk.sources.fetch_policy import FetchPolicy

if TYPE_CHECKING:
    from kiosk.content.pack_store import InstallReport

# (done, total, what) as a sync goes along.
ProgressFn = Callable[[int, int, str], None]
CancelledFn = Callable[[], bool]


class SyncReport(NamedTuple):
    """What a sync did, in words for staff, and the problems it met, each naming its source and item."""

    message: str
    problems: list[str]
    installed: str | None = None  # "pack_id version" when a new pack went in
    complete: bool = True  # False when it stopped early (cancelled, or the service failed): run it again to resume
    timings: dict[str, float] | None = None  # seconds by step ("build", "install", "total", and a source's own)


class SyncOptions(NamedTuple):
    """What a sync was asked to do; each source reads the options that mean something to it."""

    base_url: str | None = None  # a mirror or a test double instead of the public service
    full: bool = False  # fetch everything again, even what has not changed
    api_key: str | None = None  # National Careers Service
    socs_file: Path | None = None  # LMI for All: the SOC groups to sync
    region: str | None = None  # LMI for All: a region code, 1 to 12
    from_dir: Path | None = None  # official releases: build from files carried on a stick instead of fetching
    policy: FetchPolicy | None = None  # None: the source's own, polite to the live service


class SyncStopped(Exception):
    """A sync ends here without installing anything; `report` says why, and what happens next."""

    def __init__(self, report: SyncReport) -> None:
        super().__init__(report.message)
        self.report = report


class SyncJob:
    """One run of one source: what it was asked (settings, options, now), how it reports (progress, cancelled),
    and the steps every source shares: the sync folder, timing, the cancel check and build-then-install."""

    def __init__(self, source: SyncSource, settings: Any, options: SyncOptions, progress: ProgressFn | None,
                 cancelled: CancelledFn, now: dt.datetime) -> None:
        self.source = source
        self.settings = settings
        self.options = options
        self.progress: ProgressFn = progress or (lambda done, total, what: None)
        self.cancelled = cancelled
        self.now = now
        self.timings: dict[str, float] = {}

    def folder(self, pack_id: str) -> Path:
        """Where a source keeps what it has fetched so far (made if missing), so a stopped sync carries on."""
        path = self.settings.data_dir / "sync" / check_path_id(pack_id, "pack id")
        path.mkdir(parents=True, exist_ok=True)
        return path

    @contextmanager
    def timed(self, step: str) -> Iterator[None]:
        """Add the time spent in the block to `timings[step]`."""
        started = time.perf_counter()
        try:
            yield
        finally:
            self.timings[step] = self.timings.get(step, 0.0) + time.perf_counter() - started

    def stop_if_cancelled(self, problems: list[str], where: str) -> None:
        """Raise SyncStopped when staff asked the sync to stop; `where` says what it was doing."""
        if self.cancelled():
            raise SyncStopped(SyncReport(f"{self.subject}: stopped {where}; the kiosk keeps its current content, "
                                         "and the next sync carries on from here", problems, complete=False))

    def install(self, pack_id: str, build: Callable[[Path], object], problems: list[str]) -> InstallReport:
        """Build the pack into the sync folder, install it and leave no copy behind (the store keeps its own); the
        store's InstallReport. A cancel before the build, or a pack the store refuses, raises SyncStopped, and what
        is installed stays as it was."""
        # Imported here: the staff screen reads this module's table and should not load the pack store for it.
        from kiosk.content.errors import PackRejected
        from kiosk.content.pack_store import PackStore

        self.stop_if_cancelled(problems, "before building the pack")
        out = self.folder(pack_id) / f"{pack_id}.zip"
        try:
            with self.timed("build"):
                build(out)
            with self.timed("install"):
                return PackStore(self.settings.data_dir).install(out, made_here=True)  # the kiosk's own pack
        except PackRejected as exc:
            raise SyncStopped(SyncReport(f"{self.subject}: the new pack was refused, so the kiosk keeps its current "
                                         f"content: {exc}", problems, complete=False)) from None
        finally:
            out.unlink(missing_ok=True)

    @property
    def subject(self) -> str:
        """The source's title to start a sentence with."""
        return self.source.title[:1].upper() + self.source.title[1:]


class SyncSource(NamedTuple):
    """One online source: its name on the command line, its title for staff (as it reads mid-sentence), and the
    function that runs one sync of it to the end (blocking)."""

    name: str
    title: str
    run: Callable[[SyncJob], SyncReport]


def _lmiforall(job: SyncJob) -> SyncReport:
    # Each source is imported when it runs: the staff screen reads this table, and must not load httpx for it.
    from kiosk.sources.lmiforall.lmi_job import sync_lmiforall

    return sync_lmiforall(job)


def _ncs(job: SyncJob) -> SyncReport:
    from kiosk.sources.ncs.ncs_job import sync_ncs

    return sync_ncs(job)


def _official(job: SyncJob) -> SyncReport:
    from kiosk.sources.official.official_job import sync_official

    return sync_official(job)


SOURCES = (
    SyncSource("lmiforall", "LMI for All", _lmiforall),
    SyncSource("ncs", "National Careers Service", _ncs),
    SyncSource("official", "official figures (ONS, DfE)", _official),
)


def source_named(name: str, sources: Sequence[SyncSource] = SOURCES) -> SyncSource:
    """The source with this name; SourceInputError names the sources there are."""
    for source in sources:
        if source.name == name:
            return source
    raise SourceInputError(f"no source called {name!r}; the sources are {', '.join(s.name for s in sources)}")


def run_sync(settings: Any, name: str, options: SyncOptions = SyncOptions(), *, progress: ProgressFn | None = None,
             cancelled: CancelledFn = lambda: False, now: dt.datetime | None = None,
             sources: Sequence[SyncSource] = SOURCES) -> SyncReport:
    """Run one source's sync to the end (blocking): fetch what changed, then build and install its pack.

    Whatever stops it early (a cancel, a refused pack, a full disk) leaves what is installed as it was, and says
    so in the report; SourceInputError (a bad option, a refused key) reaches the caller.
    """
    source = source_named(name, sources)
    job = SyncJob(source, settings, options, progress, cancelled, now or dt.datetime.now(dt.timezone.utc))
    with job.timed("total"):
        try:
            report = source.run(job)
        except SyncStopped as stop:
            report = stop.report
        except OSError as e:
            # Saving what was fetched failed (a full disk, most likely): what is installed is untouched.
            reason = "the disk is full" if e.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG) else str(e)
            report = SyncReport(f"{job.subject}: what was fetched could not be saved ({reason}); the kiosk keeps its "
                                "current content, and the next sync carries on from what was saved", [],
                                complete=False)
    return report._replace(timings={step: round(s, 3) for step, s in job.timings.items()})
