"""ASHE Table 14 to the pack's earnings and averages rows: full-time employee jobs, one row per unit group a year."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from kiosk.sources.official.ashe import AsheRow, AsheTable, Gap, quality_band

UK = "UK"
SHEET = "Full-Time"  # pupils compare full-time pay; part-time medians mix very different hours
# What a full-time figure can believably be (a value outside is skipped with its reason): the legal minimum for
# 30 hours is over £300 a week, and no unit group's median is near £10,000 a week.
BOUNDS = {"weekly_pay": (100.0, 10_000.0), "annual_pay": (5_000.0, 500_000.0), "weekly_hours": (10.0, 80.0)}
MEASURES = {"weekly_pay": "weekly_pay", "annual_pay": "annual_pay", "paid_hours": "weekly_hours"}
EDITION_RANK = {"revised": 2, "provisional": 1, "": 0}  # a revised edition replaces the provisional one


class EarningsRows(NamedTuple):
    """The earnings and averages rows, the sources they name, and what was left out."""

    earnings: list[dict[str, Any]]
    averages: list[dict[str, Any]]
    sources: dict[str, dict[str, str]]  # source id -> name (and more, filled in by the pack)
    problems: list[str]


def source_id(year: int, edition: str) -> str:
    return f"ons-ashe-{year}" + (f"-{edition}" if edition else "")


def earnings_rows(tables: Iterable[AsheTable]) -> EarningsRows:
    """One series over the years: each year from its best edition (revised before provisional)."""
    out = EarningsRows([], [], {}, [])
    chosen: dict[int, str] = {}
    tables = list(tables)
    for t in tables:
        if t.year not in chosen or EDITION_RANK.get(t.edition, 0) > EDITION_RANK.get(chosen[t.year], 0):
            chosen[t.year] = t.edition
    for year, edition in sorted(chosen.items()):
        these = [t for t in tables if t.year == year and t.edition == edition]
        values = {t.measure: t for t in these if not t.cv}
        cvs = {t.measure: t for t in these if t.cv}
        if not values:
            continue
        source = source_id(year, edition)
        name = f"ONS, Annual Survey of Hours and Earnings {year}" + (f" ({edition})" if edition else "") + ", Table 14"
        out.sources[source] = {"name": name}
        codes = sorted({code for t in values.values() for code in t.sheets.get(SHEET, {}) if len(code) == 4})
        for code in codes:
            row = {"soc2020": code, "region": UK, "year": year, "source": source}
            for measure, column in MEASURES.items():
                _measure(row, column, values.get(measure), cvs.get(measure), code, out.problems)
            if any(row.get(c) is not None for c in ("weekly_pay", "annual_pay", "weekly_hours")):
                out.earnings.append(row)
        average = _average(values, year, source)
        if average:
            out.averages.append(average)
    return out


def _measure(row: dict[str, Any], column: str, table: AsheTable | None, cv: AsheTable | None, code: str,
             problems: list[str]) -> None:
    if table is None:
        return
    found: AsheRow | None = table.sheets.get(SHEET, {}).get(code)
    if found is None:
        problems.append(f"{table.file}, sheet \"{SHEET}\": unit group {code} is missing; its {column} is not known")
        return
    low_bound, high_bound = BOUNDS[column]
    where = f"{table.file}, sheet \"{SHEET}\", row {found.row + 1} ({code})"
    median = _number(found.median)
    if median is None:
        return  # suppressed or not published: the page says it is not known, never a number
    if not low_bound <= median <= high_bound:
        problems.append(f"{where}: median {column} {median:g} is outside {low_bound:g}-{high_bound:g}; skipped")
        return
    row[column] = median
    low, high = _number(found.percentiles.get(25)), _number(found.percentiles.get(75))
    if column != "weekly_hours" and low is not None and high is not None:
        if low <= median <= high:
            row[f"{column}_low"], row[f"{column}_high"] = low, high
        else:
            problems.append(f"{where}: the 25th-75th percentiles {low:g}-{high:g} do not contain the median; "
                            "the range is left out")
    band = _band(cv, code)
    if band:
        row[f"{column}_quality"] = band
    jobs = _number(found.jobs_thousands)
    if column == "weekly_pay" and jobs is not None and jobs >= 0:
        row["jobs"] = round(jobs * 1000)


def _band(cv: AsheTable | None, code: str) -> str | None:
    """ONS's quality band of a median from its coefficient of variation, as the pack stores it (None: not known)."""
    if cv is None:
        return None
    found = cv.sheets.get(SHEET, {}).get(code)
    if found is None:
        return None
    band = quality_band(found.median)
    return band.replace(" ", "_") if band in ("precise", "reasonably precise", "acceptable") else None


def _average(values: dict[str, AsheTable], year: int, source: str) -> dict[str, Any] | None:
    """The all-employees full-time median, which a job's pay is compared against (same measure, same year)."""
    def median(measure: str) -> float | None:
        table = values.get(measure)
        row = table.sheets.get(SHEET, {}).get("all") if table else None
        return _number(row.median) if row is not None else None

    if median("weekly_pay") is None:
        return None
    return {"region": UK, "year": year, "weekly_pay": median("weekly_pay"), "weekly_hours": median("paid_hours"),
            "annual_pay": median("annual_pay"), "source": source}


def _number(cell: object) -> float | None:
    """A cell's number, or None for a gap (suppressed, disclosive, not applicable, nil or text)."""
    if isinstance(cell, Gap) or isinstance(cell, bool) or not isinstance(cell, (int, float)):
        return None
    return float(cell)
