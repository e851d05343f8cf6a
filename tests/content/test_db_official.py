"""Official figures meet occupations in the database by SOC 2020 code alone; stand-ins give way to described jobs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.content.pack_store import PackStore
from kiosk.content.reader import open_reader
from tests.helpers.packs import make_pack

ONS = {"id": "ons-ashe-2024-provisional", "name": "ONS ASHE 2024", "licence": "Open Government Licence v3.0",
       "retrieved": "2026-12-06", "url": ""}
DFE = {"id": "dfe", "name": "DfE Skills Imperative 2035", "licence": "Open Government Licence v3.0",
       "retrieved": "2026-12-06", "url": ""}


def earnings(soc: str, weekly: float | None, **more: Any) -> dict[str, Any]:
    return {"soc2020": soc, "region": "UK", "year": 2024, "weekly_pay": weekly, "source": ONS["id"], **more}


def official_tables() -> dict[str, list[dict[str, Any]]]:
    stand_in = {"sector": "trades", "stand_in": True}
    return {
        "sectors": [{"id": "trades", "name": "Trades"}],
        "occupations": [
            {"id": "soc2020-5314", "title": "Plumbers and heating engineers", "soc2020": "5314", **stand_in},
            {"id": "soc2020-4111", "title": "National government administrative occupations", "soc2020": "4111",
             "alt_titles": ["Civil servant"], **stand_in},
        ],
        "soc_groups": [{"code": "41", "title": "Administrative occupations", "level": "sub-major"},
                       {"code": "22", "title": "Health professionals", "level": "sub-major"}],
        "earnings": [
            earnings("2237", 780.0, weekly_pay_low=650.0, weekly_pay_high=900.0, weekly_hours=37.5,
                     weekly_pay_quality="precise"),
            earnings("2231", 999.0),  # SOC 2020 midwifery nurses: the nurse's SOC 2010 code, never its figure
            earnings("5314", 700.0, weekly_hours=39.0),
            earnings("4111", None, weekly_hours=37.0),  # pay suppressed, hours published
        ],
        "group_outlook": [{"soc_group": "41", "region": "England", "year": y, "employment": n, "source": DFE["id"]}
                          for y, n in ((2020, 1000), (2035, 800))],
        "group_change": [{"soc_group": "41", "region": "England", "from_year": 2020, "to_year": 2035,
                          "net_change": -200, "replacement_demand": 500, "source": DFE["id"]}],
    }


@pytest.fixture
def reader(tmp_path: Path):
    make_pack(tmp_path / "national.zip")
    make_pack(tmp_path / "official.zip", official_tables(), pack_id="official", sources=[ONS, DFE])
    store = PackStore(tmp_path / "data")
    store.install(tmp_path / "national.zip")
    store.install(tmp_path / "official.zip")
    r = open_reader(store.db_path)
    yield r
    r.close()


def test_a_stand_in_gives_way_to_a_described_job_in_its_unit_group(reader) -> None:
    ids = {o.id for o in reader.occupations()}
    assert "plumber" in ids and "soc2020-5314" not in ids  # the national pack describes 5314
    assert "soc2020-4111" in ids  # nobody describes 4111: its stand-in shows


def test_official_pay_replaces_other_pay_by_soc2020_and_never_by_soc2010(reader) -> None:
    nurse = reader.occupation("nurse")
    assert nurse.soc2010 == "2231" and nurse.soc2020 == "2237"
    assert [f.value for f in nurse.pay["UK"]] == [780.0]  # the test pack's own pay series has gone
    assert [e.weekly_pay for e in nurse.earnings] == [780.0]
    assert nurse.earnings[0].weekly_pay_quality == "precise" and nurse.earnings[0].source.name == "ONS ASHE 2024"
    assert all(e.soc2020 == "2237" for e in nurse.earnings)
    assert 999.0 not in {f.value for series in nurse.pay.values() for f in series}


def test_a_suppressed_pay_figure_leaves_pay_unknown_but_keeps_hours(reader) -> None:
    group = reader.occupation("soc2020-4111")
    assert group.pay == {} and [f.value for f in group.hours["UK"]] == [37.0]
    assert group.earnings[0].weekly_pay is None and group.summary == ""


def test_a_job_without_its_own_outlook_uses_its_groups_projection(reader) -> None:
    group = reader.occupation("soc2020-4111")
    outlook = group.group_outlook["England"]
    assert (outlook.title, outlook.from_year, outlook.to_year, outlook.employment) == (
        "Administrative occupations", 2020, 2035, ((2020, 1000), (2035, 800)))
    [summary] = [o for o in reader.occupations(region="England") if o.id == "soc2020-4111"]
    assert summary.growth_percent == pytest.approx(-20.0) and summary.growth_to_year == 2035
    assert "England" in reader.regions()


def test_a_uk_kiosk_lists_growth_from_englands_projection(reader) -> None:
    [summary] = [o for o in reader.occupations() if o.id == "soc2020-4111"]
    assert summary.growth_percent == pytest.approx(-20.0)
