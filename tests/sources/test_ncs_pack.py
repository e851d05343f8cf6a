"""The NCS pack: built from synced profiles, read back by the kiosk, versioned by the newest update."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from kiosk.content.errors import PackRejected, version_key
from kiosk.content.manifest import check_version
from kiosk.content.pack_file import read_pack
from kiosk.sources.ncs.pack import build_ncs_pack, content_version, ncs_tables
from kiosk.sources.ncs.profile_store import StoredProfile, save_profile
from tests.doubles.ncs_double import NcsDouble
from tests.doubles.ncs_double_jobs import JOBS
from tests.doubles.ncs_double_profiles import generate_profile
from tests.sources.test_ncs_profile_rows import FIXTURES, recorded_profiles
from tests.sources.test_ncs_sync_run import run

NOW = datetime(2026, 11, 24, 10, 30, 15, 123456, tzinfo=timezone.utc)


def build(folder: Path, out: Path, now: datetime = NOW):
    pack, problems = build_ncs_pack(folder, out, now=now)
    return read_pack(out), pack, problems


def test_a_synced_folder_builds_a_pack_the_kiosk_accepts(tmp_path: Path) -> None:
    with NcsDouble(profiles=15) as double:
        run(double.base_url, tmp_path / "profiles")
        newest = max(double.last_updated(name) for name in double.names)
        names = double.names
    read, pack, problems = build(tmp_path / "profiles", tmp_path / "ncs.zip")
    manifest = read.manifest
    assert read.sha256 == pack.sha256 and problems == []
    assert (manifest.pack_id, manifest.title, manifest.publisher, manifest.layer, manifest.sample) == (
        "ncs", "National Careers Service job profiles", "National Careers Service", "national", False)
    [source] = manifest.sources
    assert (source.id, source.name, source.retrieved, source.url) == (
        "ncs", "National Careers Service", "2026-11-24", "https://nationalcareers.service.gov.uk/")
    assert source.licence == "Contains public sector information licensed under the Open Government Licence v3.0"
    moment = datetime.fromisoformat(newest)
    assert manifest.content_version == (f"{moment.year}.{moment.month}.{moment.day}."
                                        f"{moment.hour * 10000 + moment.minute * 100 + moment.second}")
    assert manifest.created == "2026-11-24T10:30:15+00:00"
    occupations = read.tables["occupations"]
    assert sorted(row["id"] for row in occupations) == sorted(n.replace("'", "") for n in names)
    assert {row["sector"] for row in occupations} == {row["id"] for row in read.tables["sectors"]}


def test_the_version_rises_when_a_profile_changes_or_goes_and_not_otherwise(tmp_path: Path) -> None:
    folder = tmp_path / "profiles"
    with NcsDouble(profiles=6) as double:
        run(double.base_url, folder)
        first = build(folder, tmp_path / "1.zip")[0].manifest.content_version
        run(double.base_url, folder)
        same = build(folder, tmp_path / "2.zip")[0].manifest.content_version
        double.touch(double.names[2], datetime(2024, 6, 1, 8, 0, 1, tzinfo=timezone.utc))
        run(double.base_url, folder)
        touched = build(folder, tmp_path / "3.zip")[0].manifest.content_version
        double.remove(double.names[0])
        run(double.base_url, folder)
        removed = build(folder, tmp_path / "4.zip")
    assert same == first and touched == "2024.6.1.80001"
    assert version_key(first) < version_key(touched) < version_key(removed[0].manifest.content_version)
    assert len(removed[0].tables["occupations"]) == 5


@pytest.mark.parametrize("moments, expected", [
    (["2024-03-01T09:00:00Z", "2023-12-31T23:59:59Z"], "2024.3.1.90000"),
    (["2019-12-12T10:40:00.53Z", "2019-12-12T10:39:47.043Z"], "2019.12.12.104000"),
    (["2024-03-01T09:00:00+01:00"], "2024.3.1.80000"),  # as UTC
    (["2024-03-01T09:00:00"], "2024.3.1.90000"),  # naive times are UTC
    (["0001-01-01T00:00:00", "not a date", ""], "2026.11.24.103015"),  # placeholders: now stands in
])
def test_content_version_is_the_newest_moment(moments: list[str], expected: str) -> None:
    assert content_version(moments, NOW) == expected
    check_version(expected)


def test_two_names_that_make_one_id_keep_one_deterministically_and_say_so(tmp_path: Path) -> None:
    body = generate_profile(JOBS[6], 0)  # Barristers' clerk
    for order in (["barrister's-clerk", "barristers-clerk"], ["barristers-clerk", "barrister's-clerk"]):
        folder = tmp_path / "-".join(order).replace("'", "")
        for name in order:
            save_profile(folder, StoredProfile(name, "Barristers' clerk", "2024-01-01T00:00:00Z",
                                               dict(body, Overview=f"From {name}.")))
        tables, problems = ncs_tables(folder)
        [row] = tables["occupations"]
        assert row["id"] == "barristers-clerk" and row["summary"] == "From barristers-clerk."
        assert problems == ["National Careers Service: profiles \"barrister's-clerk\" and 'barristers-clerk' both "
                            "make the id 'barristers-clerk'; kept 'barristers-clerk'"]


def test_a_stored_profile_that_cannot_be_a_row_is_left_out_by_name(tmp_path: Path) -> None:
    good, bad = generate_profile(JOBS[0], 0), generate_profile(JOBS[1], 0)
    bad["Soc"] = "12"
    save_profile(tmp_path, StoredProfile("accountant", "Accountant", "2024-01-01T00:00:00Z", good))
    save_profile(tmp_path, StoredProfile("actor", "Actor", "2024-01-02T00:00:00Z", bad))
    read, _pack, problems = build(tmp_path, tmp_path / "out" / "ncs.zip")
    assert [row["id"] for row in read.tables["occupations"]] == ["accountant"]
    assert problems == ["National Careers Service profile 'actor': field Soc should be a 4-digit SOC code, not '12'; "
                        "left out of the pack"]
    assert read.manifest.content_version == "2024.1.1.0"  # the left-out profile's date does not count


def test_nothing_to_pack_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(PackRejected, match=r"^National Careers Service: no usable job profiles in .*run a sync first"):
        build_ncs_pack(tmp_path / "empty", tmp_path / "ncs.zip", now=NOW)
    assert not (tmp_path / "ncs.zip").exists()


@pytest.mark.contract
def test_the_recordings_sync_into_a_pack_the_kiosk_accepts(tmp_path: Path) -> None:
    recorded = recorded_profiles()
    with NcsDouble(fixtures=FIXTURES, soc2020=True, paragraphs=True, spaced_lists=True, default_dates=True) as d:
        outcome = run(d.base_url, tmp_path / "profiles")
    assert sorted(outcome.fetched) == sorted(recorded) and not outcome.problems
    read, _pack, problems = build(tmp_path / "profiles", tmp_path / "ncs.zip")
    newest = max(datetime.fromisoformat(body["LastUpdatedDate"]) for body in recorded.values())
    assert problems == [] and read.manifest.content_version == content_version([newest.isoformat()], NOW)
    assert read.manifest.content_version.startswith("2019.12.12.")  # the summary's dates, not the 0001 variant
    rows = {row["id"]: row for row in read.tables["occupations"]}
    assert set(rows) == set(recorded) and rows["plumber"]["soc2020"] == "5314"
    assert not rows["plumber"]["summary"].startswith("<p>")  # the <p> variant is stripped
    assert any(route.startswith("College: You could do a Level 2") for route in rows["plumber"]["entry_routes"])
