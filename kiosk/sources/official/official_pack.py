"""The `official` pack: every SOC 2020 unit group with ONS pay, hours and employment and DfE's projections."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, NamedTuple

from kiosk.content.manifest import FORMAT_NAME, FORMAT_VERSION
from kiosk.content.pack_file import Pack, write_pack
from kiosk.content.schema import MAX_LONG_TEXT, MAX_SHORT_TEXT
from kiosk.sources.official.collect import Releases
from kiosk.sources.official.earnings_rows import earnings_rows
from kiosk.sources.official.projection_rows import SOURCE as DFE_SOURCE, projection_rows
from kiosk.sources.soc2020_sectors import sector_for_soc2020
from kiosk.sources.soc_sectors import sector_rows
from kiosk.sources.text_fit import fit

PACK_ID = "official"
LICENCE = "Open Government Licence v3.0"
ONS = "https://www.ons.gov.uk"
SOURCE_PAGES = {  # where each release is published, for staff and for a QR code
    "ashe": f"{ONS}/employmentandlabourmarket/peopleinwork/earningsandworkinghours/datasets/"
            "occupation4digitsoc2010ashetable14",
    "aps": f"{ONS}/employmentandlabourmarket/peopleinwork/employmentandemployeetypes/adhocs/"
           "3136employmentbyoccupationandindustrysectionasuk2021to2024",
    "soc": f"{ONS}/methodology/classificationsandstandards/standardoccupationalclassificationsoc/soc2020/"
           "soc2020volume1structureanddescriptionsofunitgroups",
    "dfe": "https://www.gov.uk/government/publications/labour-market-and-skills-projections-2020-to-2035",
}
UK = "UK"
MAX_ALT_TITLES = 40


class OfficialTables(NamedTuple):
    """The pack's rows, its manifest sources, and what was left out (each naming file, sheet, row and column)."""

    tables: dict[str, list[dict[str, Any]]]
    sources: list[dict[str, str]]
    problems: list[str]


def official_tables(releases: Releases, *, retrieved: dt.date, with_text: bool) -> OfficialTables:
    """Every figure the releases hold, keyed by SOC 2020 code; ONS's own sentences only when `with_text`
    (a kiosk's sync may carry them; the project's shipped files carry figures and names alone)."""
    problems = list(releases.problems)
    tables: dict[str, list[dict[str, Any]]] = {}
    sources: list[dict[str, str]] = []

    def source(sid: str, name: str, page: str) -> None:
        sources.append({"id": sid, "name": name, "licence": LICENCE, "retrieved": retrieved.isoformat(), "url": page})

    pay = earnings_rows(releases.ashe)
    problems += pay.problems
    tables["earnings"], tables["averages"] = pay.earnings, pay.averages
    for sid, info in sorted(pay.sources.items()):
        source(sid, info["name"], SOURCE_PAGES["ashe"])
    tables["employment"] = _employment(releases, source)
    projected = projection_rows(releases.projections)
    problems += projected.problems
    tables.update(projected.tables)
    if releases.projections:
        source(DFE_SOURCE, "DfE, The Skills Imperative 2035: employment projections 2020 to 2035", SOURCE_PAGES["dfe"])
    tables["areas"] = [{"name": UK, "kind": "uk", "code": None}, *tables["areas"]]
    if releases.soc is not None:
        source("ons-soc2020", "ONS, SOC 2020 Volume 1: structure and descriptions of unit groups", SOURCE_PAGES["soc"])
        tables["soc_groups"] = [{"code": g.code, "title": g.title.strip(), "level": g.level}
                                for g in sorted(releases.soc.groups.values(), key=lambda g: g.code)]
        tables["soc_groups"] += [{"code": u.code, "title": u.title.strip(), "level": "unit"}
                                 for u in sorted(releases.soc.units.values(), key=lambda u: u.code)]
    tables["occupations"] = _stand_ins(releases, tables, with_text)
    tables["sectors"] = sector_rows() if tables["occupations"] else []
    return OfficialTables({k: v for k, v in tables.items() if v}, sources, problems)


def identity(sources: list[dict[str, str]], now: dt.datetime, version: str) -> dict[str, Any]:
    """The official pack's manifest identity."""
    return {
        "format": FORMAT_NAME, "format_version": FORMAT_VERSION, "pack_id": PACK_ID,
        "title": "Official labour market figures (ONS and DfE)",
        "publisher": "Office for National Statistics and Department for Education (compiled by the kiosk)",
        "content_version": version, "layer": "national", "sample": False, "notice": "",
        "created": now.astimezone(dt.timezone.utc).replace(microsecond=0).isoformat(), "sources": sources,
    }


def sync_version(now: dt.datetime) -> str:
    """A version that rises with every build, above the shipped figures' date-only version of the same day."""
    now = now.astimezone(dt.timezone.utc)
    return f"{now.year}.{now.month}.{now.day}.{now.hour * 10000 + now.minute * 100 + now.second}"


def build_official_pack(releases: Releases, out: Path, *, now: dt.datetime) -> tuple[Pack, list[str]]:
    """Write the official pack file (with ONS's text) from what was read; the pack and the problems."""
    built = official_tables(releases, retrieved=now.date(), with_text=True)
    return write_pack(identity(built.sources, now, sync_version(now)), built.tables, out), built.problems


def _employment(releases: Releases, source: Any) -> list[dict[str, Any]]:
    """APS employment by unit group and year; a later release's year replaces an earlier one's."""
    rows: dict[tuple[str, int], dict[str, Any]] = {}
    for release in sorted(releases.aps, key=lambda r: max(r.years, default=0)):
        if not release.years:
            continue
        first, last = min(release.years), max(release.years)
        sid = f"ons-aps-{first}-{last}"
        source(sid, f"ONS, Annual Population Survey: employment by occupation (SOC 2020), {first} to {last}",
               SOURCE_PAGES["aps"])
        for year, groups in release.years.items():
            for code, found in groups.items():
                if found.people <= 0:
                    continue  # every cell suppressed or nil: "more than 0 people" would tell a pupil nothing
                rows[(code, year)] = {"soc2020": code, "region": UK, "year": year, "people": found.people,
                                      "lower_bound": found.suppressed_cells > 0, "source": sid}
    return [rows[k] for k in sorted(rows)]


def _stand_ins(releases: Releases, tables: dict[str, list[dict[str, Any]]], with_text: bool) -> list[dict[str, Any]]:
    """An occupation for every unit group, standing in until a pack describes it in words: its title and the
    job titles ONS files under it (names, which the project may ship), and with `with_text` ONS's description."""
    units = dict(releases.soc.units) if releases.soc is not None else {}
    titles = {u: units[u].title for u in units}
    for row in tables.get("earnings", []):
        titles.setdefault(row["soc2020"], "")
    found = []
    for code in sorted(titles):
        unit = units.get(code)
        official = (unit.title if unit else "").strip()
        if not official:
            continue  # a group ASHE names but Volume 1 does not: its figures wait for a job that names it
        title = plain_title(official)
        alt = [official] if title != official else []
        alt += [t.strip() for t in (unit.related_titles if unit else ()) if t.strip()]
        row: dict[str, Any] = {
            "id": f"soc2020-{code}", "title": fit(title, MAX_SHORT_TEXT), "soc2020": code,
            "sector": sector_for_soc2020(code), "stand_in": True,
            "alt_titles": list(dict.fromkeys(fit(t, MAX_SHORT_TEXT) for t in alt))[:MAX_ALT_TITLES] or None,
        }
        if with_text and unit is not None:
            row["summary"] = fit(unit.description, MAX_LONG_TEXT) or None
            row["tasks"] = [fit(t[:1].upper() + t[1:].rstrip(";."), MAX_SHORT_TEXT) for t in unit.tasks][:12] or None
            row["entry_routes"] = [fit(unit.entry_routes, MAX_LONG_TEXT)] if unit.entry_routes else None
        found.append(row)
    return found


def plain_title(official: str) -> str:
    """An ONS title without its coding jargon: "n.e.c." (not elsewhere classified) becomes "(other)"."""
    title = re.sub(r"\s+", " ", official).strip()
    if re.search(r"\bn\.?e\.?c\.?$", title, re.IGNORECASE):
        title = re.sub(r"\s*\bn\.?e\.?c\.?$", "", title, flags=re.IGNORECASE).strip()
        if not title.lower().startswith("other"):
            title += " (other)"
    return title[:1].upper() + title[1:]

