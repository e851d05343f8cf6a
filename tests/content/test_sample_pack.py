"""The embedded sample pack is complete: what the foundation issue promises, checked from the built pack."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from kiosk.config import ASSETS_DIR
from kiosk.content.pack_file import read_pack
from kiosk.content.pack_source import build_pack


def test_the_sample_pack_is_complete(tmp_path: Path) -> None:
    pack = build_pack(ASSETS_DIR / "sample", tmp_path / "sample.zip")
    m = pack.manifest
    assert m.sample and "made up" in m.notice and "Job figures are real" in m.notice
    t = pack.tables
    assert len(t["occupations"]) >= 40
    assert set(Counter(o["soc2010"][0] for o in t["occupations"])) == set("123456789")
    assert len(t["resources"]) >= 25
    assert len(t["events"]) >= 8
    assert len(t["alumni"]) >= 10
    for occ in t["occupations"]:
        oid = occ["id"]
        assert occ["summary"] and occ["easy_read"] and occ["tasks"] and occ["skills"], oid
        assert all(len(s.split()) <= 15 for s in occ["easy_read"]), oid
        assert occ["soc2020"], oid  # the official figures find the job by its SOC 2020 code
        assert any(r["occupation"] == oid for r in t["occupation_routes"]), oid
    assert not any(t.get(table) for table in ("pay", "hours", "outlook", "averages"))  # no made-up figures
    assert read_pack(tmp_path / "sample.zip").sha256 == pack.sha256


def test_every_route_subject_and_sector_the_sample_names_is_in_the_library(tmp_path: Path) -> None:
    """The routes, subjects and sectors live in the built-in job library, which stays when a school replaces the
    sample: every one the sample's jobs, providers and stories name must be there."""
    sample = build_pack(ASSETS_DIR / "sample", tmp_path / "sample.zip").tables
    library = build_pack(ASSETS_DIR / "library", tmp_path / "library.zip").tables
    routes = {r["id"] for r in library["routes"]}
    assert len(routes) >= 15
    named_routes = {r["route"] for r in sample["occupation_routes"] + sample["provider_routes"]}
    named_routes |= {s["route"] for s in sample["alumni"] if s.get("route")}
    assert named_routes and named_routes <= routes
    assert {r["subject"] for r in sample["occupation_subjects"]} <= {s["id"] for s in library["subjects"]}
    assert {o["sector"] for o in sample["occupations"]} <= {s["id"] for s in library["sectors"]}


def test_alumni_give_first_names_only() -> None:
    import tomllib

    stories = tomllib.loads((ASSETS_DIR / "sample" / "alumni.toml").read_text())["story"]
    assert all(" " not in s["first_name"] for s in stories)


def test_a_fresh_kiosk_shows_real_figures_for_every_sample_job(sample_reader) -> None:
    """The first run installs the official figures with the sample: every job finds its unit group's ONS pay
    (or says plainly that ONS publishes none) and its group's DfE outlook for England."""
    import tomllib

    sample_ids = {tomllib.loads(p.read_text())["id"] for p in (ASSETS_DIR / "sample" / "occupations").glob("*.toml")}
    for job_id in sorted(sample_ids):
        occ = sample_reader.occupation(job_id)
        latest = [e for e in occ.earnings if e.year == 2024]
        assert latest and latest[0].source.name.startswith("ONS, Annual Survey of Hours and Earnings 2024"), occ.id
        assert occ.group_outlook["England"].source.name.startswith("DfE, The Skills Imperative 2035"), occ.id
        assert occ.unit_group.group is not None, occ.id  # the job library's page for its whole unit group


def test_a_fresh_kiosk_describes_every_unit_group_in_words(sample_reader) -> None:
    """The job library describes all 412 SOC 2020 unit groups, so no stand-in (a group named only by the
    official figures) is left, and every group's page has plain words and an easy-read version."""
    occupations = sample_reader.catalogue()  # every occupation, with those lists show through an everyday job
    assert not [o.id for o in occupations if o.id.startswith("soc2020-")]
    library = [sample_reader.occupation(o.id) for o in occupations]
    groups = {o.soc2020 for o in library if o.unit_group.group is None and o.soc2020}
    assert len(groups) == 412
    assert all(o.summary and o.easy_read for o in library)
    # Real figures beside the words: ONS counts the people in every group (pay where ONS publishes it).
    groups_pages = [o for o in library if o.unit_group.group is None and o.soc2020]
    assert all(o.employment and o.employment[-1].source.name.startswith("ONS") for o in groups_pages)
    assert sum(1 for o in groups_pages if any(e.weekly_pay for e in o.earnings)) >= 400
