"""The one sync pipeline: its table of sources, and the steps it runs for every source (a full disk, a cancel, a
refused pack, build-then-install, timing), with stand-in sources."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest

from kiosk.config import Settings, load_settings
from kiosk.content.pack_store import PackStore
from kiosk.sources.errors import SourceInputError
from kiosk.sources.sync_pipeline import SOURCES, SyncJob, SyncReport, SyncSource, run_sync
from kiosk.staff.api import SYNC_SOURCES
from tests.helpers.packs import make_pack


@pytest.fixture
def settings(sample_data_dir: Path, tmp_path: Path) -> Settings:
    shutil.copytree(sample_data_dir, tmp_path / "data")
    return load_settings(tmp_path / "data", environ={})


def one(run) -> tuple[SyncSource]:
    return (SyncSource("stand-in", "the stand-in service", run),)


def test_the_table_holds_every_source_and_the_staff_screen_shows_it() -> None:
    assert [s.name for s in SOURCES] == ["lmiforall", "ncs", "official"]
    assert SYNC_SOURCES == {"lmiforall": "LMI for All", "ncs": "National Careers Service",
                            "official": "official figures (ONS, DfE)"}


def test_an_unknown_source_is_refused_naming_the_sources(settings: Settings) -> None:
    with pytest.raises(SourceInputError, match="no source called 'nope'; the sources are lmiforall, ncs, official"):
        run_sync(settings, "nope")


def test_a_full_disk_is_said_plainly(settings: Settings) -> None:
    def run(job: SyncJob) -> SyncReport:
        raise OSError(errno.ENOSPC, "No space left on device")

    report = run_sync(settings, "stand-in", sources=one(run))
    assert not report.complete and report.installed is None
    assert report.message == ("The stand-in service: what was fetched could not be saved (the disk is full); the "
                              "kiosk keeps its current content, and the next sync carries on from what was saved")


def test_a_cancel_stops_before_the_build_and_installs_nothing(settings: Settings) -> None:
    built: list[Path] = []

    def run(job: SyncJob) -> SyncReport:
        job.install("national", built.append, ["one problem"])
        raise AssertionError("install returned after a cancel")

    report = run_sync(settings, "stand-in", cancelled=lambda: True, sources=one(run))
    assert not report.complete and built == [] and "national" not in PackStore(settings.data_dir).entries()
    assert report.message.startswith("The stand-in service: stopped before building the pack; the kiosk keeps")
    assert report.problems == ["one problem"]


def test_a_pack_the_store_refuses_changes_nothing_and_leaves_no_file(settings: Settings) -> None:
    before = PackStore(settings.data_dir).entries()

    def run(job: SyncJob) -> SyncReport:
        job.install("national", lambda out: out.write_bytes(b"not a zip"), [])
        raise AssertionError("install returned a refused pack")

    report = run_sync(settings, "stand-in", sources=one(run))
    assert not report.complete and "the new pack was refused, so the kiosk keeps its current content" in report.message
    assert PackStore(settings.data_dir).entries() == before
    assert not list((settings.data_dir / "sync" / "national").iterdir())


def test_a_pack_built_is_installed_and_each_step_timed(settings: Settings) -> None:
    def run(job: SyncJob) -> SyncReport:
        job.progress(1, 1, "the one item")
        with job.timed("fetch"):
            pass
        result = job.install("national", make_pack, [])
        return SyncReport(f"installed {result.pack.manifest.content_version}", [], installed="national 1.0")

    seen: list[tuple[int, int, str]] = []
    report = run_sync(settings, "stand-in", progress=lambda *p: seen.append(p), sources=one(run))
    assert report.complete and report.installed == "national 1.0" and seen == [(1, 1, "the one item")]
    assert PackStore(settings.data_dir).entries()["national"].content_version == "1.0"
    assert set(report.timings or {}) == {"fetch", "build", "install", "total"}
    assert report.timings["total"] >= report.timings["build"] + report.timings["install"]
    assert not list((settings.data_dir / "sync" / "national").iterdir())  # the store keeps its own copy
