"""`kiosk sync ncs` end to end against the double: install, nothing changed, a changed profile, a wrong key."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.config import Settings, load_settings
from kiosk.content.pack_store import PackStore
from kiosk.content.reader import open_reader
from kiosk.sources.errors import SourceInputError
from kiosk.sources.fetch_policy import FetchPolicy
from kiosk.sources.sync_pipeline import SyncOptions, SyncReport, run_sync
from tests.doubles.ncs_double import NcsDouble

POLICY = FetchPolicy(timeout_s=5.0, backoff_s=0.0, max_rps=None, concurrency=4, breaker_failures=1000)
NOW = dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def settings(sample_data_dir: Path, tmp_path: Path) -> Settings:
    shutil.copytree(sample_data_dir, tmp_path / "data")
    return load_settings(tmp_path / "data", environ={})


def sync(settings: Settings, double: NcsDouble, *, api_key: str | None = None, full: bool = False) -> SyncReport:
    options = SyncOptions(base_url=double.base_url, policy=POLICY, api_key=api_key or double.api_key, full=full)
    return run_sync(settings, "ncs", options, now=NOW)


def ncs_version(settings: Settings) -> str | None:
    entry = PackStore(settings.data_dir).entries().get("ncs")
    return entry.content_version if entry else None


def test_a_sync_installs_the_profiles_as_occupations(settings) -> None:
    with NcsDouble(profiles=12) as double:
        report = sync(settings, double)
        name = double.names[0]
    assert report.complete and report.installed and "installed 12 job profiles" in report.message
    reader = open_reader(settings.data_dir / "kiosk.db")
    try:
        job = reader.occupation(name.replace("'", "").replace("(", "").replace(")", ""))
        assert job is not None and job.summary and job.sector is not None and job.soc2010
    finally:
        reader.close()


def test_profiles_for_adults_show_the_job_librarys_plain_words_for_their_unit_group(settings) -> None:
    """A later server's profiles carry their SOC 2020 group: each then has the library's plain summary in words
    mode and its easy-read version in picture mode, beside the profile's own text."""
    from kiosk.content.pages.occupation import occupation_page

    with NcsDouble(profiles=12, soc2020=True) as double:
        assert sync(settings, double).installed
    reader = open_reader(settings.data_dir / "kiosk.db")
    try:
        ids = [i for (i,) in reader._conn.execute("SELECT id FROM occupations WHERE pack_id = 'ncs' ORDER BY id")]
        jobs = [reader.occupation(i) for i in ids]
        assert len(jobs) == 12 and all(job.soc2020 and not job.easy_read for job in jobs)
        for job in jobs:
            plain = job.unit_group.plain
            assert plain is not None and plain.easy_read, job.id  # the library describes every unit group
            library = reader.occupation(plain.entry.id)
            assert library.soc2020 == job.soc2020 and plain.summary == library.summary
            words = {s.heading: s for s in occupation_page(job, "UK").sections}
            assert words["What the job is"].blocks[0].text == job.summary  # the profile's own words first
            assert words["In plain words"].blocks[0].text == library.summary
            easy = occupation_page(job, "UK", easy=True).sections[0]
            assert [b.text for b in easy.blocks] == list(library.easy_read)
    finally:
        reader.close()


def test_nothing_changed_installs_nothing_and_a_changed_profile_is_fetched_alone(settings) -> None:
    with NcsDouble(profiles=12) as double:
        first = sync(settings, double)
        version = ncs_version(settings)
        again = sync(settings, double)
        assert again.installed is None and "no profile has changed" in again.message
        assert ncs_version(settings) == version
        name = double.names[3]
        double.touch(name, dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.timezone.utc))
        double.clear_requests()
        changed = sync(settings, double)
        fetched = [path for path, *_ in double.requests if not path.endswith("/summary")]
    assert first.installed and changed.installed and ncs_version(settings) != version
    assert len(fetched) == 1 and fetched[0].endswith(name), fetched


def test_a_withdrawn_profile_leaves_the_kiosk(settings) -> None:
    with NcsDouble(profiles=12) as double:
        sync(settings, double)
        gone = double.names[0]
        double.remove(gone)
        report = sync(settings, double)
    assert report.installed and "1 withdrawn" in report.message
    conn = sqlite3.connect(settings.data_dir / "kiosk.db")
    try:
        ncs_ids = {row[0] for row in conn.execute("SELECT id FROM occupations WHERE pack_id = 'ncs'")}
    finally:
        conn.close()
    assert len(ncs_ids) == 11 and gone not in ncs_ids


def test_a_wrong_key_stops_with_a_message_naming_the_key_and_changes_nothing(settings) -> None:
    with NcsDouble(profiles=12) as double:
        with pytest.raises(SourceInputError, match="key was refused"):
            sync(settings, double, api_key="not-the-key")
    assert ncs_version(settings) is None


def test_an_unreachable_service_changes_nothing(settings) -> None:
    with NcsDouble(profiles=12) as double:
        sync(settings, double)
        version = ncs_version(settings)
        double.html = True  # a captive portal answers instead
        report = sync(settings, double)
    assert not report.complete and "could not be reached" in report.message
    assert ncs_version(settings) == version


def test_the_command_needs_a_key_and_names_where_to_put_it(settings, capsys, monkeypatch) -> None:
    monkeypatch.delenv("KIOSK_NCS_API_KEY", raising=False)
    assert main(["sync", "ncs", "--base-url", "http://127.0.0.1:9/", "--data-dir", str(settings.data_dir)]) == 1
    err = capsys.readouterr().err
    assert "an API key is needed; give --api-key KEY, set KIOSK_NCS_API_KEY, or put it in" in err
    (settings.data_dir / "ncs-api-key").write_text("test-key\n")
    with NcsDouble(profiles=5) as double:
        assert main(["sync", "ncs", "--base-url", double.base_url, "--data-dir", str(settings.data_dir)]) == 0
    assert "installed 5 job profiles" in capsys.readouterr().out
