"""`kiosk sync lmiforall` end to end against the double: install, repeat, change, cancel, failure, resume."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.config import Settings, SettingsError, load_settings
from kiosk.content.pack_store import PackStore
from kiosk.content.reader import open_reader
from kiosk.sources.fetch_policy import FetchPolicy
from kiosk.sources.lmiforall.pack import PACK_ID
from kiosk.sources.sync_pipeline import SyncOptions, SyncReport, run_sync
from tests.doubles.lmi_double import LmiDouble
from tests.helpers.packs import make_pack

POLICY = FetchPolicy(timeout_s=5.0, backoff_s=0.0, max_rps=None, concurrency=4, breaker_failures=1000)
NOW = dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.timezone.utc)
# Nurse (2231) and plumber (5314) are sample occupations; no sample occupation is in 2426 or 4135.
SOCS = [2231, 5314, 2426, 4135]


@pytest.fixture
def settings(sample_data_dir: Path, tmp_path: Path) -> Settings:
    """A fresh install: the sample content, in a data directory of this test's own."""
    shutil.copytree(sample_data_dir, tmp_path / "data")
    return load_settings(tmp_path / "data", environ={})


@pytest.fixture
def socs_file(tmp_path: Path) -> Path:
    path = tmp_path / "socs.txt"
    path.write_text("# the groups to sync\n" + "\n".join(map(str, SOCS)) + "\n")
    return path


def sync(settings: Settings, double: LmiDouble, socs_file: Path, **run) -> SyncReport:
    run.setdefault("now", NOW)
    options = SyncOptions(base_url=double.base_url, socs_file=socs_file, policy=POLICY)
    return run_sync(settings, "lmiforall", options, **run)


def installed_version(settings: Settings) -> str | None:
    entry = PackStore(settings.data_dir).entries().get(PACK_ID)
    return entry.content_version if entry else None


def test_a_sync_installs_figures_for_installed_jobs_and_describes_groups_no_pack_names(settings, socs_file) -> None:
    with LmiDouble() as double:
        report = sync(settings, double, socs_file)
    assert report.complete and report.installed == f"{PACK_ID} 2026.11.24.100000", report.message
    reader = open_reader(settings.data_dir / "kiosk.db")
    try:
        nurse = reader.occupation("nurse")
        # LMI for All's figures reach the nurse by its SOC 2010 code; its pay stays ONS's own (the official figures,
        # matched on SOC 2020, are the primary source), and the outlook is LMI for All's.
        assert nurse is not None and {f.source.name for f in nurse.outlook["UK"]} == {"LMI for All"}
        assert all(f.source.name.startswith("ONS, Annual Survey of Hours and Earnings") for f in nurse.pay["UK"])
        own = reader.occupation("soc-2426")
        assert own is not None and own.title == "Business and related research professionals"
        assert own.sector is not None and own.sector.id == "business-office" and own.soc2010 == "2426"
        assert reader.occupation("soc-2231") is None, "the nurse's group is described by the sample already"
        assert reader.occupation("soc-4135") is not None
    finally:
        reader.close()


def test_a_repeat_sync_with_nothing_changed_asks_a_few_groups_and_installs_nothing(settings, socs_file) -> None:
    with LmiDouble() as double:
        first = sync(settings, double, socs_file)
        full_requests = len(double.requests)
        double.clear_requests()
        again = sync(settings, double, socs_file, now=NOW + dt.timedelta(hours=1))
        repeat_requests = len(double.requests)
    assert first.installed and again.installed is None and again.complete
    assert "nothing has changed" in again.message
    assert installed_version(settings) == "2026.11.24.100000"
    assert 0 < repeat_requests <= full_requests * 3 // len(SOCS)  # three sample groups at most


def test_a_new_release_is_noticed_and_fetched_whole(settings, socs_file) -> None:
    with LmiDouble(vintage="2016") as double:
        sync(settings, double, socs_file)
        double.vintage = "2017"
        double.clear_requests()
        report = sync(settings, double, socs_file, now=NOW + dt.timedelta(hours=1))
        paths = [path for path, _ in double.requests]
    assert report.installed == f"{PACK_ID} 2026.11.24.110000", report.message
    for soc in SOCS:
        assert sum(p.endswith(f"soc/code/{soc}") for p in paths) >= 1, soc


def test_a_month_on_every_group_is_fetched_again(settings, socs_file) -> None:
    with LmiDouble() as double:
        sync(settings, double, socs_file)
        double.clear_requests()
        report = sync(settings, double, socs_file, now=NOW + dt.timedelta(days=40))
        asked = {path for path, _ in double.requests}
    assert report.installed and {f"/api/v1/soc/code/{soc}" for soc in SOCS} <= asked


def test_a_cancelled_sync_keeps_the_content_and_the_next_one_carries_on(settings, socs_file) -> None:
    reports: list[tuple[int, int, str]] = []
    with LmiDouble() as double:
        socs_file.write_text("\n".join(map(str, double.socs[:16])))  # more groups than are in flight at once
        stopped = sync(settings, double, socs_file, progress=lambda *p: reports.append(p),
                       cancelled=lambda: len(reports) >= 2)
        assert not stopped.complete and stopped.installed is None and "carries on" in stopped.message
        assert installed_version(settings) is None
        double.clear_requests()
        resumed = sync(settings, double, socs_file)
        asked = {path for path, _ in double.requests}
    assert resumed.installed, resumed.message
    done_before = {int(what.split()[-1]) for *_, what in reports}
    assert done_before and not any(path.endswith(f"soc/code/{soc}") for soc in done_before for path in asked)


def test_a_failing_network_installs_nothing_and_the_next_sync_carries_on(settings, socs_file) -> None:
    with LmiDouble() as double:
        double.fail_next = 10_000  # every request fails with HTTP 500, as if the service were down
        failed = sync(settings, double, socs_file)
        assert not failed.complete and failed.installed is None
        assert "could not be fetched" in failed.message and "keeps its current figures" in failed.message
        assert installed_version(settings) is None
        double.fail_next = 0
        again = sync(settings, double, socs_file)
    assert again.installed, again.message


def test_an_unreachable_service_during_a_repeat_changes_nothing(settings, socs_file) -> None:
    with LmiDouble() as double:
        sync(settings, double, socs_file)
        double.html = True  # a captive portal's login page instead of the service
        report = sync(settings, double, socs_file, now=NOW + dt.timedelta(hours=1))
    assert not report.complete and "could not be reached" in report.message
    assert installed_version(settings) == "2026.11.24.100000"


def test_a_group_another_pack_comes_to_describe_takes_the_figures_without_fetching(settings, socs_file,
                                                                                  tmp_path: Path) -> None:
    with LmiDouble() as double:
        sync(settings, double, socs_file)
        # A national pack now describes group 2426 itself.
        make_pack(tmp_path / "more.zip", {"occupations": [{
            "id": "researcher", "title": "Researcher", "soc2010": "2426", "sector": "business-office",
            "summary": "Researchers find facts for broadcasters and others."}]}, pack_id="more")
        PackStore(settings.data_dir).install(tmp_path / "more.zip")
        double.clear_requests()
        report = sync(settings, double, socs_file, now=NOW + dt.timedelta(hours=1))
        fetched = [path for path, _ in double.requests]
    assert report.installed, report.message
    assert len(fetched) <= 3 * 13, "only the freshness check asks the service"
    reader = open_reader(settings.data_dir / "kiosk.db")
    try:
        assert reader.occupation("soc-2426") is None
        researcher = reader.occupation("researcher")
        assert researcher is not None and researcher.pay["UK"]
    finally:
        reader.close()


def test_the_kiosk_region_fetches_regional_shortages_by_the_services_own_region_names(sample_data_dir: Path,
                                                                                      tmp_path: Path,
                                                                                      socs_file: Path) -> None:
    shutil.copytree(sample_data_dir, tmp_path / "data")
    settings = load_settings(tmp_path / "data", environ={}, region="London")
    with LmiDouble() as double:
        report = sync(settings, double, socs_file)
        asked = [path for path, _ in double.requests]
    assert report.installed, report.message
    assert any(path.startswith("/api/v1/ess/region/1/") for path in asked)


def test_an_unknown_kiosk_region_is_reported_not_guessed(sample_data_dir: Path, tmp_path: Path,
                                                         socs_file: Path) -> None:
    shutil.copytree(sample_data_dir, tmp_path / "data")
    settings = load_settings(tmp_path / "data", environ={}, region="Atlantis")
    with LmiDouble() as double:
        report = sync(settings, double, socs_file)
        asked = [path for path, _ in double.requests]
    assert report.installed
    assert any("'Atlantis' is not one of LMI for All's regions" in p for p in report.problems)
    assert not any("/ess/region/" in path for path in asked)


def test_the_command_syncs_and_names_a_bad_region_or_list(settings, socs_file, tmp_path: Path, capsys) -> None:
    data = ["--data-dir", str(settings.data_dir)]
    with LmiDouble() as double:
        assert main(["sync", "lmiforall", "--base-url", double.base_url, "--socs", str(socs_file), *data]) == 0
        out, err = capsys.readouterr()
        assert "LMI for All: installed figures for 4 job groups" in out and "4/4 (100%)" in err
        assert main(["sync", "lmiforall", "--base-url", double.base_url, "--region", "13", *data]) == 1
        assert "--region must be an LMI for All region code from 1 to 12, not '13'" in capsys.readouterr().err
        bad = tmp_path / "bad.txt"
        bad.write_text("2231\n52x4\n")
        assert main(["sync", "lmiforall", "--base-url", double.base_url, "--socs", str(bad), *data]) == 1
        assert "SOC list bad.txt line 2: '52x4' is not a 4-digit SOC 2010 code" in capsys.readouterr().err


def test_the_settings_can_point_sync_at_a_mirror(sample_data_dir: Path, tmp_path: Path, socs_file: Path) -> None:
    shutil.copytree(sample_data_dir, tmp_path / "data")
    with LmiDouble() as double:
        settings = load_settings(tmp_path / "data", environ={}, lmi_base_url=double.base_url)
        report = run_sync(settings, "lmiforall", SyncOptions(socs_file=socs_file, policy=POLICY), now=NOW)
        assert double.requests
    assert report.installed, report.message
    with pytest.raises(SettingsError, match="lmi_base_url must be an http"):
        load_settings(tmp_path / "data", environ={}, lmi_base_url="ftp://mirror")


def test_a_full_disk_during_a_sync_is_said_plainly_and_keeps_the_content(settings, socs_file, monkeypatch) -> None:
    import errno

    from kiosk.sources.lmiforall import sync_run

    def no_room(*_args) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sync_run, "replace_bytes", no_room)
    with LmiDouble() as double:
        report = sync(settings, double, socs_file)
    assert not report.complete and "could not be saved (the disk is full)" in report.message
    assert installed_version(settings) is None
