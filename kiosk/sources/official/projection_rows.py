"""Skills Imperative 2035 workbooks to the pack's place, group-projection and industry rows (people, not thousands)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, NamedTuple

from kiosk.sources.official.skills_imperative import SkillsImperative

SOURCE = "dfe-skills-imperative-2035"
START_YEAR = 2020  # DfE projects from 2020; its workbooks also give 2015 and 2019 for context
ENGLAND = "England"
# How a place's kind reads after its name when two kinds share a name (an LSIP and a mayoral area often do).
KIND_WORDS = {"MCA": "mayoral area", "LEP": "LEP area", "LSIP": "skills plan area"}
MAX_THOUSANDS = 50_000.0  # England employs about 28 million: no group or industry is near 50 million
# Published workbooks with a known defect, left out with the reason: (kind, area name) -> why.
WITHHELD = {
    ("LSIP", "Dorset"): "its employment (811,500 in 2020) is about twice the Dorset LEP workbook's (399,700) for the "
                        "same two council areas, more than the people who live there; left out until DfE corrects it",
}


class ProjectionRows(NamedTuple):
    """Rows for the places, the sub-major groups' projections and the industries, and what was left out."""

    tables: dict[str, list[dict[str, Any]]]
    problems: list[str]


def place_names(projections: Iterable[SkillsImperative]) -> dict[str, str]:
    """Each workbook's place as the kiosk names it: England, or the area's name, qualified by its kind when
    another kind of area has the same name (so a region setting always means one place)."""
    projections = list(projections)
    kinds: dict[str, set[str]] = {}
    for p in projections:
        kinds.setdefault(p.area.name.casefold(), set()).add(p.area.kind)
    names = {}
    for p in projections:
        name = ENGLAND if p.area.kind == "England" else p.area.name
        if p.area.kind in ("MCA", "LEP") and len(kinds[p.area.name.casefold()]) > 1:
            name = f"{name} ({KIND_WORDS[p.area.kind]})"
        names[p.file] = name
    return names


def projection_rows(projections: Iterable[SkillsImperative]) -> ProjectionRows:
    """Every workbook's figures under its place; two workbooks for one place: the first kept, the second noted."""
    projections = list(projections)
    out_problems = [f"{p.file}: {WITHHELD[(p.area.kind, p.area.name)]}" for p in projections
                    if (p.area.kind, p.area.name) in WITHHELD]
    projections = [p for p in projections if (p.area.kind, p.area.name) not in WITHHELD]
    names = place_names(projections)
    out = ProjectionRows({t: [] for t in ("areas", "group_outlook", "group_change", "group_gender",
                                          "group_qualifications", "industries", "industry_outlook")}, out_problems)
    seen: dict[str, str] = {}
    industries: dict[str, str] = {}
    for p in projections:
        region = names[p.file]
        if region in seen:
            out.problems.append(f"{p.file}: {region} was already read from {seen[region]}; this copy is skipped")
            continue
        seen[region] = p.file
        kind = "england" if p.area.kind == "England" else p.area.kind.lower()
        out.tables["areas"].append({"name": region, "kind": kind, "code": p.area.number or None})
        _groups(p, region, out)
        for industry in p.industries.values():
            iid = "dfe-" + re.sub(r"[^a-z0-9]+", "-", industry.name.casefold()).strip("-")[:70]
            industries.setdefault(iid, industry.name)
            for year, thousands in sorted(industry.employment.items()):
                if year < START_YEAR:
                    continue  # the projection's years: an industry's change reads from where a job's does
                people = _people(thousands, f"{p.file}: industry {industry.name!r} in {year}", out.problems)
                if people is not None:
                    out.tables["industry_outlook"].append(
                        {"industry": iid, "region": region, "year": year, "employment": people, "source": SOURCE})
    out.tables["industries"] = [{"id": iid, "name": name} for iid, name in sorted(industries.items())]
    return out


def _groups(p: SkillsImperative, region: str, out: ProjectionRows) -> None:
    rows = out.tables
    for code, group in sorted(p.sub_majors.items()):
        where = f"{p.file}: group {code} ({region})"
        for year, thousands in sorted(group.employment.items()):
            people = _people(thousands, f"{where} in {year}", out.problems)
            if people is not None:
                rows["group_outlook"].append({"soc_group": code, "region": region, "year": year,
                                              "employment": people, "source": SOURCE})
        start, end = group.period
        rows["group_change"].append({
            "soc_group": code, "region": region, "from_year": start, "to_year": end,
            "net_change": round(group.net_change * 1000) if group.net_change is not None else None,
            "replacement_demand": _people(group.replacement_demand, f"{where}: replacement demand", out.problems),
            "source": SOURCE})
    for code, gender in sorted(p.gender.items()):
        for year in sorted(set(gender.women) & set(gender.men)):
            women = _people(gender.women[year], f"{p.file}: women in group {code} in {year}", out.problems)
            men = _people(gender.men[year], f"{p.file}: men in group {code} in {year}", out.problems)
            if women is not None and men is not None:
                rows["group_gender"].append({"soc_group": code, "region": region, "year": year, "women": women,
                                             "men": men, "source": SOURCE})
    for code, quals in sorted(p.qualifications.items()):
        for level, by_year in quals.by_level.items():
            for year, thousands in sorted(by_year.items()):
                people = _people(thousands, f"{p.file}: {level} in group {code} in {year}", out.problems)
                if people is not None:
                    rows["group_qualifications"].append({"soc_group": code, "region": region, "year": year,
                                                         "level": level, "employment": people, "source": SOURCE})


def _people(thousands: float | None, where: str, problems: list[str]) -> int | None:
    """Thousands (as published, to two decimals) as a head count; an impossible value is left out and noted."""
    if thousands is None:
        return None
    if not 0 <= thousands <= MAX_THOUSANDS:
        problems.append(f"{where}: {thousands:g} thousand is not a believable figure; skipped")
        return None
    return round(thousands * 1000)
