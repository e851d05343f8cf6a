"""`kiosk sync official` online, against the publishers' double serving the real releases: it installs the pack, a
repeat downloads nothing, a stopped download resumes with Range, and a failure leaves the installed pack alone."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from kiosk.config import Settings, load_settings
from kiosk.content.pack_store import PackStore
from kiosk.sources.fetch_policy import FetchPolicy
from kiosk.sources.official import catalogue
from kiosk.sources.official.catalogue import CUMBRIA, fixed_files
from kiosk.sources.official.official_job import PACK_ID
from kiosk.sources.official.official_pack import PACK_ID as BUILT_PACK_ID
from kiosk.sources.sync_pipeline import SyncOptions, SyncReport, run_sync
from tests.doubles.official_double import OfficialDouble
from tests.helpers.official import fixture_file

pytestmark = pytest.mark.contract

POLICY = FetchPolicy(timeout_s=10.0, retries=1, backoff_s=0.0, breaker_failures=1000, max_rps=None, concurrency=4)
# Today: a sync's pack must be newer than the built-in official figures (dated when they were regenerated).
NOW = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
SMALL = ("EN_MainTables.Main.xlsm", "GL_LSIP_MainTables.Main.xlsm")
NEWEST_ASHE = "ons/ashetable142024provisional.zip"


@pytest.fixture
def double():
    fixture_file("ons")
    fixture_file("dfe-skills-imperative-2035")
    with OfficialDouble() as running:
        yield running


@pytest.fixture
def small(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two of DfE's 42 workbooks, so that a build takes seconds (one test syncs the whole catalogue)."""
    monkeypatch.setattr(catalogue, "DFE_WORKBOOKS", SMALL)


@pytest.fixture
def settings(sample_data_dir: Path, tmp_path: Path) -> Settings:
    shutil.copytree(sample_data_dir, tmp_path / "data")
    return load_settings(tmp_path / "data", environ={})


def sync(settings: Settings, double: OfficialDouble, **run) -> SyncReport:
    run.setdefault("now", NOW)
    return run_sync(settings, "official", SyncOptions(base_url=double.base_url, policy=POLICY), **run)


def installed(settings: Settings) -> str | None:
    entry = PackStore(settings.data_dir).entries().get(PACK_ID)
    return entry.sha256 if entry else None


def files_folder(settings: Settings) -> Path:
    return settings.data_dir / "sync" / PACK_ID / "files"


def saved(settings: Settings) -> list[str]:
    """The release files in the download folder, by catalogue name (hidden part files left out)."""
    folder = files_folder(settings)
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()
                  and not p.name.startswith("."))


def test_the_job_knows_the_packs_id_without_loading_the_builder() -> None:
    assert PACK_ID == BUILT_PACK_ID


@pytest.mark.slow
def test_a_sync_installs_every_release_and_a_repeat_downloads_and_installs_nothing(settings, double) -> None:
    before = installed(settings)
    first = sync(settings, double)
    assert first.complete and first.installed and first.installed.startswith(f"{PACK_ID} "), first.message
    assert installed(settings) not in (None, before)
    expected = sorted([f.name for f in fixed_files() if not f.name.endswith(CUMBRIA)] + [NEWEST_ASHE])
    assert saved(settings) == expected
    for name in expected:
        assert (files_folder(settings) / name).read_bytes() == double.files[double.path_of(name)].body, name
    cumbria = f"{double.base_url.rstrip('/')}/Data/2-13_skillsImperative2035/{CUMBRIA}"
    assert any(cumbria in p and "HTTP 404" in p for p in first.problems), first.problems
    assert set(first.timings or {}) >= {"fetch", "read", "build", "install", "total"}
    after_first = installed(settings)
    double.forget()

    again = sync(settings, double, now=NOW + dt.timedelta(hours=1))
    assert again.complete and again.installed is None and "nothing has changed" in again.message, again.message
    assert installed(settings) == after_first
    statuses = [status for _name, status, _headers in double.log]
    assert set(statuses) == {304, 404} and statuses.count(304) == len(expected)  # not one file sent again
    assert all("If-None-Match" in headers for _name, status, headers in double.log if status == 304)
    assert double.bytes_sent == sum(len(b"404 Not Found\n") for s in statuses if s == 404)


def test_a_sync_stopped_part_way_keeps_the_pack_and_the_next_resumes_with_range(settings, double, small) -> None:
    before = installed(settings)
    folder = files_folder(settings)
    sizes = {name: len(double.files[path].body) for path, name in double.names.items() if path in double.files}

    def part_way() -> bool:
        """Stop once some file is on disk in part: neither nothing of it, nor all."""
        for part in folder.rglob(".*.part"):
            name = (part.parent / part.name[1:-len(".part")]).relative_to(folder).as_posix()
            try:
                if 0 < part.stat().st_size < sizes[name]:
                    return True
            except FileNotFoundError:  # put in place meanwhile
                continue
        return False

    stopped = sync(settings, double, cancelled=part_way)
    assert not stopped.complete and stopped.installed is None and "carries on" in stopped.message, stopped.message
    assert installed(settings) == before
    parts = {(p.parent / p.name[1:-len(".part")]).relative_to(folder).as_posix(): p.stat().st_size
             for p in folder.rglob(".*.part")}
    assert parts and all(0 < size < sizes[name] for name, size in parts.items()), parts
    double.forget()

    resumed = sync(settings, double)
    assert resumed.installed, resumed.message
    for name, size in parts.items():
        [(status, headers)] = double.asked(name)
        assert status == 206 and headers["Range"] == f"bytes={size}-" and headers["If-Range"], (name, headers)
        assert (folder / name).read_bytes() == double.files[double.path_of(name)].body
    assert not list(folder.rglob(".*.part"))


def test_a_server_error_installs_nothing_and_names_the_file(settings, double, small) -> None:
    before = installed(settings)
    double.broken["dfe/EN_MainTables.Main.xlsm"] = 500
    report = sync(settings, double)
    assert not report.complete and report.installed is None and installed(settings) == before
    assert "could not be downloaded" in report.message and "keeps its current figures" in report.message
    url = double.base_url.rstrip("/") + double.path_of("dfe/EN_MainTables.Main.xlsm")
    assert any(p.startswith(url) and "HTTP 500" in p for p in report.problems), report.problems
    assert "dfe/EN_MainTables.Main.xlsm" not in saved(settings)


def test_a_body_cut_short_is_never_taken_for_the_file_and_the_next_sync_finishes(settings, double, small) -> None:
    before = installed(settings)
    double.truncate = True  # every answer promises more bytes than it sends, then hangs up
    report = sync(settings, double)
    assert not report.complete and installed(settings) == before
    assert saved(settings) == []  # nothing under a release's name
    assert any("cut short" in p for p in report.problems), report.problems
    double.truncate = False
    again = sync(settings, double)
    assert again.installed, again.message
    for name in saved(settings):
        assert (files_folder(settings) / name).read_bytes() == double.files[double.path_of(name)].body


def test_a_release_the_publisher_no_longer_has_stops_the_sync_and_is_named(settings, double, small) -> None:
    gone = double.path_of("dfe/GL_LSIP_MainTables.Main.xlsm")
    del double.files[gone]
    report = sync(settings, double)
    assert not report.complete and report.installed is None
    assert f"{double.base_url.rstrip('/')}{gone}: not published (HTTP 404)" in report.problems


def test_a_changed_release_is_downloaded_alone_and_the_pack_rebuilt(settings, double, small) -> None:
    first = sync(settings, double)
    assert first.installed, first.message
    changed = double.files[double.path_of("dfe/GL_LSIP_MainTables.Main.xlsm")]
    changed.replace(changed.body + b"\0", "Mon, 01 Dec 2025 09:00:00 GMT")  # republished (zip readers allow a tail)
    double.forget()
    second = sync(settings, double, now=NOW + dt.timedelta(days=1))
    assert second.installed and second.installed != first.installed, second.message
    downloaded = [name for name, status, _ in double.log if status == 200]
    assert downloaded == ["dfe/GL_LSIP_MainTables.Main.xlsm"]
    assert (files_folder(settings) / "dfe/GL_LSIP_MainTables.Main.xlsm").read_bytes() == changed.body
    # The pack installed is no longer the one built from these files (staff removed it): built again, not fetched.
    PackStore(settings.data_dir).remove(PACK_ID)
    double.forget()
    third = sync(settings, double, now=NOW + dt.timedelta(days=2))
    assert third.installed, third.message
    assert not [name for name, status, _ in double.log if status == 200]


def test_with_no_provisional_ashe_table_published_nothing_is_installed(settings, double, small) -> None:
    for path, name in double.names.items():
        if name.startswith("ons/ashetable14"):
            double.files.pop(path, None)
    report = sync(settings, double)
    assert not report.complete and report.installed is None
    assert "no provisional ASHE Table 14 is published" in report.message


def test_a_synced_group_shows_onss_words_beside_the_librarys_plain_ones(settings, double, small) -> None:
    """`kiosk sync official` brings ONS's own description of every unit group. Each group's page (the job
    library's) keeps its plain summary and easy-read version, and shows ONS's words beside them in words mode."""
    from kiosk.content.pages.occupation import occupation_page
    from kiosk.content.reader import open_reader

    assert sync(settings, double).installed
    reader = open_reader(settings.data_dir / "kiosk.db")
    try:
        occ = reader.occupation("5231-vehicle-mechanic")  # the job library's page for unit group 5231
        assert occ.soc2020 == "5231" and occ.easy_read and not occ.summary.startswith("Vehicle technicians")
        official = occ.unit_group.official
        assert official.summary.startswith("Vehicle technicians, mechanics and electricians accept calls for help")
        assert official.source.name.startswith("ONS, SOC 2020 Volume 1")
        words = occupation_page(occ, "UK")
        headings = [s.heading for s in words.sections]
        assert headings[:2] == ["What the job is", "How ONS describes this group"]
        assert words.sections[0].blocks[0].text == occ.summary
        easy = occupation_page(occ, "UK", easy=True)
        assert [b.text for b in easy.sections[0].blocks] == list(occ.easy_read)
        assert "How ONS describes this group" not in [s.heading for s in easy.sections]
        everyday = reader.occupation("car-mechanic")  # the sample's everyday job in the group
        assert everyday.unit_group.group.id == "5231-vehicle-mechanic" and everyday.unit_group.official is None
    finally:
        reader.close()
