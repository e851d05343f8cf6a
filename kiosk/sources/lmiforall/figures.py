"""Turn one SOC group's synced record into the pack's figure rows, skipping absurd values by name."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

from kiosk.content.schema import RowError, short_text

UK = "UK"


class Figures(NamedTuple):
    """Rows for the pack's figure tables, and why any value was left out."""

    tables: dict[str, list[dict[str, Any]]]
    problems: list[str]


def figure_rows(record: Mapping[str, Any], occupation: str, source: str, *, this_year: int) -> Figures:
    """Pay, hours, outlook, replacement demand and skill shortages for one occupation, UK-wide and by region."""
    soc = record["soc"]
    names = region_names(record.get("outlook_by_region"))
    out = Figures({"pay": [], "hours": [], "outlook": [], "replacement_demand": [], "skill_shortages": []}, [])

    def keep(table: str, what: str, region: str, when: Any, value: Any, low: float, high: float,
             latest: int, **row: Any) -> None:
        where = f"LMI for All {what} for {soc} ({region}, {_shown(when, str)})"
        if not isinstance(when, int) or isinstance(when, bool) or not 1970 <= when <= latest:
            out.problems.append(f"{where}: year outside 1970-{latest}; skipped")
        elif not isinstance(value, (int, float)) or isinstance(value, bool) or not low <= value <= high:
            out.problems.append(f"{where}: {_shown(value)} is not a believable figure; skipped")
        elif any(r["region"] == region and r.get("year", r.get("from_year")) == when for r in out.tables[table]):
            out.problems.append(f"{where}: given twice; the first kept")
        else:
            out.tables[table].append({"occupation": occupation, "region": region, **row, "source": source})

    for table, part, column, low, high in (("pay", "pay", "estpay", 1, 100_000),
                                           ("hours", "hours", "hours", 1, 100)):
        schema_column = "weekly_pay" if table == "pay" else "weekly_hours"
        body = record.get(part)
        if isinstance(body, Mapping) and _get(body, "soc") not in (soc, None):
            # coarse figures are for the 2-digit group: never show them as this job's own (lmiforall-api.md §5.2)
            out.problems.append(f"LMI for All {part} for {soc}: answer is for group {_shown(_get(body, 'soc'), str)}; "
                                "skipped")
            body = None
        for item in _items(body, "series"):
            year, value = _get(item, "year"), _get(item, column)
            keep(table, part, UK, year, value, low, high, this_year, year=year, **{schema_column: value})
        for year, code, cell in _breakdown(record.get(f"{part}_by_region"), "series"):
            region = names.get(code)
            if region is None:
                out.problems.append(f"LMI for All {part} for {soc}: region code {code!r} has no name; skipped")
                continue
            value = _get(cell, column)
            keep(table, part, region, year, value, low, high, this_year, year=year, **{schema_column: value})

    for item in _items(record.get("outlook"), "predictedEmployment"):
        year, value = _get(item, "year"), _get(item, "employment")
        keep("outlook", "outlook", UK, year, value, 0, 100_000_000, this_year + 30, year=year, employment=value)
    for year, code, cell in _breakdown(record.get("outlook_by_region"), "predictedEmployment"):
        region = names.get(code)
        if region is None:  # a bare code or a garbled name means nothing to a pupil
            out.problems.append(f"LMI for All outlook for {soc}: region code {code!r} has no name; skipped")
            continue
        value = _get(cell, "employment")
        keep("outlook", "outlook", region, year, value, 0, 100_000_000, this_year + 30, year=year, employment=value)

    demand = record.get("replacement_demand")
    if isinstance(demand, Mapping):
        start, end, rate = _get(demand, "start_year"), _get(demand, "end_year"), _get(demand, "rate")
        if isinstance(start, int) and isinstance(end, int) and end < start:
            out.problems.append(f"LMI for All replacement demand for {soc}: ends ({end}) before it starts; skipped")
        elif not isinstance(end, int) or isinstance(end, bool) or not 1970 <= end <= this_year + 30:
            out.problems.append(f"LMI for All replacement demand for {soc}: end year {_shown(end, str)} is outside "
                                f"1970-{this_year + 30}; skipped")
        else:
            keep("replacement_demand", "replacement demand", UK, start, rate, 0, 100_000_000, this_year + 30,
                 from_year=start, to_year=end, openings=rate)

    for part in ("shortages", "shortages_in_region"):
        shortage = record.get(part)
        if not isinstance(shortage, Mapping):
            continue
        region = UK
        if part == "shortages_in_region":
            # The regional call names its region; a name the service does not give cannot be shown.
            place = _get(shortage, "region")
            region = _region_name(_get(place, "name")) if isinstance(place, Mapping) else None
            region = names.get(_code(_get(place, "code")), region) if isinstance(place, Mapping) else region
            if region is None:
                out.problems.append(f"LMI for All skill shortages for {soc}: regional answer names no region; skipped")
                continue
        year, also = _get(shortage, "year"), _get(shortage, "percentSSV")
        if also is not None and (isinstance(also, bool) or not isinstance(also, (int, float)) or not 0 <= also <= 100):
            # the two percentages come from one survey answer: one absurd figure discredits the other
            out.problems.append(f"LMI for All skill shortages for {soc} ({region}, {_shown(year, str)}): "
                                f"skill shortage {_shown(also)} is not a believable figure; skipped")
            continue
        keep("skill_shortages", "skill shortages", region, year, _get(shortage, "percentHTF"), 0, 100,
             this_year, year=year, hard_to_fill_percent=_get(shortage, "percentHTF"),
             skill_shortage_percent=_get(shortage, "percentSSV"))
    return out


def region_names(by_region: Any) -> dict[Any, str]:
    """Region code to name, as Working Futures returns them: the service's own labels, never hard-coded."""
    names: dict[Any, str] = {}
    for _year, code, cell in _breakdown(by_region, "predictedEmployment"):
        name = _region_name(_get(cell, "name"))
        if name is not None and code is not None:
            names.setdefault(code, name)
    return names


def _region_name(value: Any) -> str | None:
    """A region's name as a pack can hold it, or None for a blank, overlong or garbled one."""
    try:
        return short_text(value) or None
    except RowError:
        return None


def _code(value: Any) -> str | int | float | None:
    """A region code, or None for one that is not a plain value (a list or object cannot name a region)."""
    return value if isinstance(value, (str, int, float)) and not isinstance(value, bool) else None


def _shown(value: Any, show: Any = repr) -> str:
    """A value for a message: a plain value as itself, anything else by its kind (a nested one prints badly)."""
    return show(value) if value is None or isinstance(value, (str, int, float)) else f"a {type(value).__name__}"


def _get(item: Any, key: str) -> Any:
    """item[key], matching the key without regard to case (the casing is unconfirmed, lmiforall-api.md §5.3)."""
    if not isinstance(item, Mapping):
        return None
    if key in item:
        return item[key]
    folded = key.casefold()
    return next((value for name, value in item.items() if str(name).casefold() == folded), None)


def _items(body: Any, key: str) -> Iterator[Mapping[str, Any]]:
    """The mapping items of body[key], skipping anything of the wrong shape."""
    listed = _get(body, key)
    if isinstance(listed, list):
        yield from (item for item in listed if isinstance(item, Mapping))


def _breakdown(body: Any, key: str) -> Iterator[tuple[Any, Any, Mapping[str, Any]]]:
    """(year, region code, cell) for each cell of a region breakdown (the code is under `code` or `region`)."""
    for item in _items(body, key):
        for cell in _items(item, "breakdown"):
            code = _get(cell, "code")
            yield _get(item, "year"), _code(_get(cell, "region") if code is None else code), cell
