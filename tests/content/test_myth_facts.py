"""Myth-busters that are right (issue 15): every figure in a fact is the shipped official table's value, rounded as
written, and every myth says why its fact answers it."""

from __future__ import annotations

import json
import re
import tomllib
from functools import cache
from typing import Callable

import pytest

from kiosk.config import ASSETS_DIR
from kiosk.content.pack_source import read_source

MYTHS = tomllib.loads((ASSETS_DIR / "sample" / "myths.toml").read_text(encoding="utf-8"))["myth"]
MAKING = ("dfe-food-drink-and-tobacco", "dfe-engineering", "dfe-rest-of-manufacturing")  # DfE's manufacturing


@cache
def rows(table: str) -> tuple[dict, ...]:
    path = ASSETS_DIR / "official" / "tables" / f"{table}.jsonl"
    return tuple(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def one(table: str, **where: object) -> dict:
    found = [r for r in rows(table) if all(r.get(k) == v for k, v in where.items())]
    assert len(found) == 1, (table, where, len(found))
    return found[0]


def pay(soc: str) -> float:
    return one("earnings", soc2020=soc, region="UK", year=2024)["weekly_pay"]


def industry(region: str, *ids: str, year: int = 2020) -> float:
    return sum(one("industry_outlook", industry=i, region=region, year=year)["employment"] for i in ids)


def group(code: str, year: int) -> float:
    return one("group_outlook", soc_group=code, region="England", year=year)["employment"]


# Each myth's figures as written, and where in the shipped tables each comes from.
FIGURES: dict[str, dict[str, Callable[[], float]]] = {
    "need-a-degree-to-earn-well": {
        "£1,305": lambda: pay("8231"),  # train and tram drivers
        "£1,024": lambda: pay("8234"),  # railway signallers
        "£815": lambda: pay("3313"),  # fire service officers
        "£728": lambda: one("averages", region="UK", year=2024)["weekly_pay"],
    },
    "apprenticeships-are-second-best": {},
    "no-jobs-making-things": {
        "2.2 million": lambda: industry("England", *MAKING),
        "1 million": lambda: industry("England", "dfe-finance-and-insurance"),
    },
    "care-has-no-future": {
        "12": lambda: 10 * group("61", 2035) / group("61", 2020),  # "for every 10 … about 12"
        "1.3 million": lambda: one("group_change", soc_group="61", region="England")["replacement_demand"],
    },
    "london-jobs-are-all-banking": {
        "778,000": lambda: industry("Greater London", "dfe-professional-services"),
        "404,000": lambda: industry("Greater London", "dfe-finance-and-insurance"),
    },
    "no-making-jobs-in-greater-manchester": {
        "105,000": lambda: industry("Greater Manchester", *MAKING),
        "43,000": lambda: industry("Greater Manchester", "dfe-finance-and-insurance"),
    },
}

# A figure: pounds, a count with commas, or millions; a year (19xx, 20xx) and "for every 10" are not figures.
NUMBER = re.compile(r"£?\b\d+(?:,\d{3})*(?:\.\d+)?\b(?: million)?")


def figures_in(fact: str) -> set[str]:
    text = fact.replace("for every 10 ", "")
    return {n for n in NUMBER.findall(text) if not re.fullmatch(r"(19|20)\d\d", n)}


def written_value(text: str) -> tuple[float, float]:
    """A figure as written and the unit it was rounded to: "£1,305" → (1305, 1), "778,000" → (778000, 1000),
    "2.2 million" → (2200000, 100000)."""
    number = text.removeprefix("£").removesuffix(" million").replace(",", "")
    if text.endswith(" million"):
        decimals = len(number.partition(".")[2])
        return float(number) * 1_000_000, 10 ** (6 - decimals)
    zeros = len(number) - len(number.rstrip("0"))
    return float(number), 10 ** min(zeros, 3)


def test_the_rounding_reads_each_figure_as_written() -> None:
    assert written_value("£1,305") == (1305, 1)
    assert written_value("778,000") == (778_000, 1000)
    assert written_value("2.2 million") == (2_200_000, 100_000)
    assert written_value("1 million") == (1_000_000, 1_000_000)
    assert figures_in("In 2020, for every 10 jobs about 12 in 2035, £728 and 1.3 million.") == \
        {"12", "£728", "1.3 million"}


def test_every_myth_has_its_figures_checked_and_a_review() -> None:
    assert {m["id"] for m in MYTHS} == set(FIGURES)  # a new myth needs its figures listed here
    for m in MYTHS:
        assert len(m.get("review", "").split()) >= 10, f"{m['id']}: say why the fact answers the myth"
        assert figures_in(m["fact"]) == set(FIGURES[m["id"]]), m["id"]  # no figure left unchecked


@pytest.mark.parametrize("myth_id", sorted(FIGURES))
def test_each_figure_is_the_official_tables_value_rounded_as_written(myth_id: str) -> None:
    for text, value in FIGURES[myth_id].items():
        written, unit = written_value(text)
        assert round(value() / unit) * unit == written, (myth_id, text, value())


def test_a_comparison_in_words_matches_the_figures() -> None:
    """ "nearly twice" and "more than twice" are checked too: a fact is only as right as its weakest word."""
    assert 2 < industry("England", *MAKING) / industry("England", "dfe-finance-and-insurance")
    assert 2 < industry("Greater Manchester", *MAKING) / industry("Greater Manchester", "dfe-finance-and-insurance")
    assert 1.8 <= industry("Greater London", "dfe-professional-services") / \
        industry("Greater London", "dfe-finance-and-insurance") < 2
    assert all(pay(soc) > one("averages", region="UK", year=2024)["weekly_pay"] * 1.1 for soc in ("8231", "8234", "3313"))


def test_the_jobs_named_without_a_degree_have_no_degree_route_in_the_library() -> None:
    degree_routes = {"degree", "foundation-degree", "masters-degree", "degree-apprenticeship"}
    for soc in ("8231", "8234", "3313"):
        entry = next((ASSETS_DIR / "library" / "occupations").glob(f"{soc}-*.toml"))
        routes = set(tomllib.loads(entry.read_text(encoding="utf-8"))["routes"])
        assert routes and not routes & degree_routes, soc


def test_a_review_stays_in_the_source_file_and_never_reaches_a_pack() -> None:
    _, tables = read_source(ASSETS_DIR / "sample")
    assert len(tables["myths"]) == len(MYTHS) and not any("review" in row for row in tables["myths"])
