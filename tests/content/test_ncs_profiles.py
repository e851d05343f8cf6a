"""A job's own National Careers Service page: named by its profile in a pack source, checked, and never invented."""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import pytest

from kiosk.config import ASSETS_DIR
from kiosk.content.errors import PackRejected
from kiosk.content.ncs_profiles import PROFILE_PAGES, profile_url
from kiosk.content.pack_source import read_source
from tests.conftest import SHARED

RECORDED = SHARED / "fixtures" / "ncs-job-profiles"


def test_a_profile_name_gives_its_public_page() -> None:
    assert profile_url("care-worker") == "https://nationalcareers.service.gov.uk/job-profiles/care-worker"
    assert profile_url("barrister's-clerk") == PROFILE_PAGES + "barrister%27s-clerk"
    assert profile_url("special-educational-needs-(sen)-teacher") == (
        PROFILE_PAGES + "special-educational-needs-%28sen%29-teacher")


@pytest.mark.parametrize("name", ["Nurse", "adult nurse", "../admin", "https://example.org/nurse", "", "-nurse",
                                  "nurse-", "nurse--adult", 7])
def test_a_name_that_is_not_a_profiles_is_refused(name) -> None:
    with pytest.raises(PackRejected, match="ncs_profile: .* is not a National Careers Service profile name"):
        profile_url(name)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    shutil.copytree(ASSETS_DIR / "sample", folder)
    return folder


def _occupation(source: Path, job: str) -> dict:
    return next(r for r in read_source(source)[1]["occupations"] if r["id"] == job)


def test_an_occupation_naming_its_profile_gets_that_page_as_its_link(source: Path) -> None:
    assert _occupation(source, "nurse")["url"] == PROFILE_PAGES + "nurse"
    assert not _occupation(source, "receptionist").get("url")  # no profile checked for it: no link, not a guess
    assert "ncs_profile" not in _occupation(source, "nurse")


def test_an_occupation_giving_both_a_link_and_a_profile_is_refused(source: Path) -> None:
    path = source / "occupations" / "nurse.toml"
    path.write_text(path.read_text().replace('ncs_profile = "nurse"\n',
                                             'ncs_profile = "nurse"\nurl = "https://example.org/nurse"\n'))
    with pytest.raises(PackRejected, match="occupations/nurse.toml: give url or ncs_profile, not both"):
        read_source(source)


def test_every_profile_the_kiosks_jobs_name_was_seen_in_the_recorded_ncs_responses() -> None:
    """A QR code must open a page that exists: each name is a recorded profile or one of their related careers."""
    if not RECORDED.is_dir():
        pytest.skip(f"{RECORDED} is absent: the recorded NCS profiles live beside the project in ../shared")
    seen = set()
    for path in RECORDED.glob("*.json"):
        profile = json.loads(path.read_text(encoding="utf-8"))
        seen |= {link["Url"].rsplit("/", 1)[1] for link in [profile, *profile.get("RelatedCareers", [])]}
    named = {}
    for pack in ("library", "sample"):
        for path in (ASSETS_DIR / pack / "occupations").glob("*.toml"):
            entry = tomllib.loads(path.read_text(encoding="utf-8"))
            if "ncs_profile" in entry:
                named[f"{pack}/{path.name}"] = entry["ncs_profile"]
    assert len(named) >= 30
    assert {where: name for where, name in named.items() if name not in seen} == {}
