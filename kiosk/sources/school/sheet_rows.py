"""Turning one sheet's cells into checked pack rows, noting every problem by sheet, row and column."""

from __future__ import annotations

import datetime as dt
from typing import Any

from openpyxl.utils import get_column_letter

from kiosk.content.schema import TABLES, RowError, check_row
from kiosk.sources.school import cells
from kiosk.sources.school.layout import EXAMPLE_MARK, Field, Sheet
from kiosk.sources.school.problems import Problems, at
from kiosk.sources.school.sheet_files import RawSheet


def sheet_tables(sheet: Sheet, raw: RawSheet, problems: Problems) -> dict[str, list[dict[str, Any]]]:
    """The pack rows a sheet holds (Providers also fills provider_routes); problems are noted, not raised."""
    tables: dict[str, list[dict[str, Any]]] = {sheet.table: []}
    if not raw.rows:
        return tables
    (heading_row, headings), data = raw.rows[0], raw.rows[1:]
    columns = _columns(sheet, raw, heading_row, headings, data, problems)
    if columns is None:
        return tables
    ids: dict[str, int] = {}
    for number, values in data:
        cells_by_field = {f.column: (h, values[i] if i < len(values) else None) for i, (h, f) in columns.items()}
        row = _row(sheet, raw.label, number, cells_by_field, ids, problems)
        if row is None:
            continue
        routes = row.pop("routes", None) or []
        tables[sheet.table].append(row)
        for route in routes:
            tables.setdefault("provider_routes", []).append({"provider": row["id"], "route": route})
    return tables


def _columns(sheet: Sheet, raw: RawSheet, heading_row: int, headings: tuple[Any, ...],
             data: list[tuple[int, tuple[Any, ...]]], problems: Problems) -> dict[int, tuple[str, Field]] | None:
    """Which field each column fills, from the heading row; None when the headings are wrong."""
    found_before = problems.count
    columns: dict[int, tuple[str, Field]] = {}
    seen: dict[str, str] = {}
    width = max(len(values) for _, values in raw.rows)  # a CSV row may run past its heading row
    for i in range(width):
        heading = cells.text(headings[i] if i < len(headings) else None)
        if heading is None:
            used = next((n for n, values in data if i < len(values) and not cells.is_blank(values[i])), None)
            if used is not None:
                problems.add(at(raw.label, heading_row), f"column {get_column_letter(i + 1)} has no heading, "
                             f"but row {used} has something in it")
            continue
        field = sheet.field(heading)
        if field is None:
            problems.add(at(raw.label, heading_row, heading), "is not a column of this sheet; its columns are "
                         + ", ".join(f.heading for f in sheet.fields))
        elif field.column in seen:
            problems.add(at(raw.label, heading_row, heading), f'is there twice (as "{seen[field.column]}" too)')
        else:
            seen[field.column] = heading
            columns[i] = (heading, field)
    for field in sheet.fields:
        if field.required and field.column not in seen:
            problems.add(at(raw.label, heading_row), f'the column "{field.heading}" is missing from the headings')
    return None if problems.count > found_before else columns


def _row(sheet: Sheet, label: str, number: int, given: dict[str, tuple[str, Any]], ids: dict[str, int],
         problems: Problems) -> dict[str, Any] | None:
    """One checked pack row, or None when the row has a problem (noted)."""
    heading_of = {f.column: given.get(f.column, (f.heading, None))[0] for f in sheet.fields}
    name = cells.text(given.get(sheet.name_column, ("", None))[1])
    if name and name.casefold().startswith(EXAMPLE_MARK.casefold()):
        problems.add(at(label, number), f"this is one of the template's example rows ({name!r}); delete it, "
                     "or replace it with your own, before building")
        return None
    table = TABLES[sheet.table]
    spec = {c.name: c for c in table.columns}
    row: dict[str, Any] = {}
    failed: set[str] = set()

    def fail(column: str, message: str) -> None:
        failed.add(column)
        problems.add(at(label, number, heading_of[column]), message)

    for field in sheet.fields:
        _, value = given.get(field.column, (field.heading, None))
        try:
            row[field.column] = _read(field, value)
        except cells.CellError as e:
            row[field.column] = None
            fail(field.column, str(e))
    if sheet.table == "events":
        _event_times(row, failed, fail)
    made = not row.get("id")
    if made and not failed and row.get(sheet.name_column):
        row["id"] = _made_id(sheet, row) or None
        if row["id"] is None:
            fail(sheet.name_column, "cannot be made into an id (it has no letters or digits); write an Id")
    for column, value in row.items():
        if column in failed or column not in spec:
            continue
        if value is None or value == []:
            # An id left blank is made from the name column, which is required: its own problem says it all.
            if spec[column].required and column != "id":
                fail(column, f"is empty; every {sheet.noun} needs one")
            continue
        try:
            row[column] = spec[column].check(value)
        except RowError as e:
            fail(column, str(e))
    route_spec = {c.name: c for c in TABLES["provider_routes"].columns}["route"]
    for route in row.get("routes") or []:
        try:
            route_spec.check(route)
        except RowError:
            fail("routes", f"{route!r} is not a route id; use lower-case letters, digits and dashes, "
                 "with commas between ids")
    if not failed and row["id"] in ids:
        if made:
            fail(sheet.name_column, f"makes the id {row['id']!r}, which row {ids[row['id']]} has too; "
                 "write a different Id in one of them")
        else:
            fail("id", f"{row['id']!r} is already the id of row {ids[row['id']]}; each {sheet.noun} needs its own")
    if failed:
        return None
    ids[row["id"]] = number
    try:  # the schema's own checks across columns, so the pack writer cannot refuse what passed here
        check_row(table, {k: v for k, v in row.items() if k != "routes"})
    except RowError as e:
        problems.add(at(label, number), str(e))
        return None
    return row


def _read(field: Field, value: Any) -> Any:
    if field.kind == "choice":
        return cells.choice(value, field.choices or {})
    if field.kind == "audience":
        return cells.audiences(value)
    if field.kind == "when":
        return cells.when(value)
    if field.kind == "year":
        return cells.year(value)
    if field.kind == "id":
        return cells.identifier(value)
    if field.kind == "ids":
        return cells.identifiers(value)
    return cells.text(value)


def _event_times(row: dict[str, Any], failed: set[str], fail: Any) -> None:
    """Starts and Ends as the pack's ISO text; Ends may be a time alone, on the day the event starts."""
    starts, ends = row.get("starts"), row.get("ends")
    if isinstance(starts, dt.time):
        fail("starts", f"needs a date as well as a time, not {starts:%H:%M} alone")
        starts = None
    if isinstance(ends, dt.time):
        if starts is None:
            if "starts" not in failed:
                fail("ends", f"is a time alone ({ends:%H:%M}), so it needs a date in Starts")
            ends = None
        else:
            day = starts.date() if isinstance(starts, dt.datetime) else starts
            ends = dt.datetime.combine(day, ends)
    row["starts"], row["ends"] = _iso(starts), _iso(ends)
    if row["starts"] and row["ends"] and row["ends"] < row["starts"]:
        fail("ends", f"{row['ends'].replace('T', ' ')} is before the event starts ({row['starts'].replace('T', ' ')})")


def _iso(value: dt.date | None) -> str | None:
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    return value.isoformat() if value is not None else None


def _made_id(sheet: Sheet, row: dict[str, Any]) -> str:
    """A stable id from the row's name (events add the day they start, alumni the year they left)."""
    if sheet.table == "events":
        return cells.slug_from(row.get("title"), (row.get("starts") or "")[:10])
    if sheet.table == "alumni":
        return cells.slug_from(row.get("first_name"), row.get("year_left"))
    return cells.slug_from(row.get(sheet.name_column))
