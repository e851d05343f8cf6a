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
    assert m.sample and "illustrative" in m.notice
    t = pack.tables
    assert len(t["occupations"]) >= 40
    assert set(Counter(o["soc2010"][0] for o in t["occupations"])) == set("123456789")
    assert len(t["routes"]) >= 15
    assert len(t["resources"]) >= 25
    assert len(t["events"]) >= 8
    assert len(t["alumni"]) >= 10
    for occ in t["occupations"]:
        oid = occ["id"]
        assert occ["summary"] and occ["easy_read"] and occ["tasks"] and occ["skills"], oid
        assert all(len(s.split()) <= 15 for s in occ["easy_read"]), oid
        for table in ("pay", "hours"):
            assert {r["region"] for r in t[table] if r["occupation"] == oid} >= {"UK", "London"}, (oid, table)
        for region in ("UK", "London"):
            years = {r["year"] for r in t["outlook"] if r["occupation"] == oid and r["region"] == region}
            assert max(years) == 2035, (oid, region)
        assert any(r["occupation"] == oid for r in t["occupation_routes"]), oid
    assert read_pack(tmp_path / "sample.zip").sha256 == pack.sha256


def test_alumni_give_first_names_only() -> None:
    import tomllib

    stories = tomllib.loads((ASSETS_DIR / "sample" / "alumni.toml").read_text())["story"]
    assert all(" " not in s["first_name"] for s in stories)
