"""The pack tables for official statistics: figures keyed by SOC 2020 code, so they can never attach to a job
through a SOC 2010 code (the two editions reuse codes for different jobs)."""

from __future__ import annotations

import re
from typing import Any, Callable

from kiosk.content.value_checks import REGION, YEAR, RowError, number, one_of, short_text, slug, soc_code

SOC_GROUP = re.compile(r"^[1-9][0-9]{0,3}$")
QUALITY = one_of("precise", "reasonably_precise", "acceptable")  # ONS's bands by coefficient of variation
PAY = number(1, 100_000)
ANNUAL_PAY = number(52, 5_000_000)
HOURS = number(1, 100)
PEOPLE = number(0, 100_000_000)
CHANGE = number(-100_000_000, 100_000_000)
# The qualification levels DfE's projections use, highest first: RQF 8 (doctorate) down to RQF 1, then none.
QUALIFICATION_LEVELS = ("rqf8", "rqf7", "rqf6", "rqf5", "rqf4", "rqf3", "rqf2", "rqf1", "none")
AREA_KINDS = ("uk", "england", "lsip", "mca", "lep")


def soc_group(value: Any) -> str:
    """A SOC major, sub-major, minor or unit group code: 1 to 4 digits."""
    value = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(value, str) or not SOC_GROUP.match(value):
        raise RowError(f"must be a SOC group code of 1 to 4 digits, not {value!r}")
    return value


def flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise RowError(f"must be true or false, not {value!r}")
    return value


def official_tables(column: Callable[..., Any], table: Callable[..., Any]) -> tuple[Any, ...]:
    """The official tables, built with schema.py's Column and Table (passed in to keep the import one-way)."""
    src = column("source", slug, source=True)
    return (
        table("soc_groups", (  # SOC 2020's groups at every level: their codes and ONS's titles
            column("code", soc_group), column("title", short_text),
            column("level", one_of("major", "sub-major", "minor", "unit")),
        ), key=("code",)),
        table("areas", (  # the places the figures describe: the UK, England and DfE's local skills areas
            column("name", REGION), column("kind", one_of(*AREA_KINDS)), column("code", short_text, required=False),
        ), key=("name",)),
        table("earnings", (  # ASHE Table 14, full-time employee jobs: one row per unit group, place and year
            column("soc2020", soc_code), column("region", REGION), column("year", YEAR),
            column("weekly_pay", PAY, required=False), column("weekly_pay_low", PAY, required=False),
            column("weekly_pay_high", PAY, required=False), column("weekly_pay_quality", QUALITY, required=False),
            column("annual_pay", ANNUAL_PAY, required=False), column("annual_pay_low", ANNUAL_PAY, required=False),
            column("annual_pay_high", ANNUAL_PAY, required=False),
            column("annual_pay_quality", QUALITY, required=False),
            column("weekly_hours", HOURS, required=False), column("weekly_hours_quality", QUALITY, required=False),
            column("jobs", PEOPLE, required=False),  # ASHE's indicative count of employee jobs
            src,
        ), key=("soc2020", "region", "year")),
        table("employment", (  # APS: people employed in a unit group; a lower bound when cells were suppressed
            column("soc2020", soc_code), column("region", REGION), column("year", YEAR),
            column("people", PEOPLE), column("lower_bound", flag), src,
        ), key=("soc2020", "region", "year")),
        table("group_outlook", (  # projected employment of a SOC 2020 sub-major group, by place and year
            column("soc_group", soc_group), column("region", REGION), column("year", YEAR),
            column("employment", PEOPLE), src,
        ), key=("soc_group", "region", "year")),
        table("group_change", (  # over a projection: net change and the openings from people leaving
            column("soc_group", soc_group), column("region", REGION), column("from_year", YEAR),
            column("to_year", YEAR), column("net_change", CHANGE, required=False),
            column("replacement_demand", PEOPLE, required=False), src,
        ), key=("soc_group", "region", "from_year")),
        table("group_gender", (
            column("soc_group", soc_group), column("region", REGION), column("year", YEAR),
            column("women", PEOPLE), column("men", PEOPLE), src,
        ), key=("soc_group", "region", "year")),
        table("group_qualifications", (  # people in a group by their highest qualification
            column("soc_group", soc_group), column("region", REGION), column("year", YEAR),
            column("level", one_of(*QUALIFICATION_LEVELS)), column("employment", PEOPLE), src,
        ), key=("soc_group", "region", "year", "level")),
    )
