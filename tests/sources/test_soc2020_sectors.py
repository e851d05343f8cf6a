"""Every SOC 2020 unit group has a sector pupils browse by; the SOC 2010 map is never used for SOC 2020 codes."""

from __future__ import annotations

import json

import pytest

from kiosk.config import ASSETS_DIR
from kiosk.sources.soc2020_sectors import sector_for_soc2020
from kiosk.sources.soc_sectors import SECTORS


def test_every_shipped_unit_group_has_one_of_the_kiosks_sectors() -> None:
    text = (ASSETS_DIR / "official" / "tables" / "occupations.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines()]
    assert len(rows) == 412
    known = {s.id for s in SECTORS}
    assert all(sector_for_soc2020(r["soc2020"]) == r["sector"] in known for r in rows)


def test_codes_that_differ_between_the_editions_go_where_soc_2020_puts_them() -> None:
    assert sector_for_soc2020("2231") == "health-care"  # midwifery nurses in SOC 2020
    assert sector_for_soc2020("2134") == "digital"  # programmers in SOC 2020 (2136 in SOC 2010)
    assert sector_for_soc2020("3240") == "land-animals"  # veterinary nurses in SOC 2020
    assert sector_for_soc2020("1112") == "public-services-law"
    with pytest.raises(ValueError, match="not a SOC 2020 unit group"):
        sector_for_soc2020("0999")
