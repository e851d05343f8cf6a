"""Checks over a pack source's rows once all are read, naming the file and field where each problem is."""

from __future__ import annotations

from typing import Any

from kiosk.content.errors import PackRejected
from kiosk.content.schema import TABLES

# Link rows an occupation or provider file writes as a list: the field the file holds them in.
LIST_FIELDS = {("occupation_routes", "route"): "routes", ("occupation_subjects", "subject"): "subjects",
               ("provider_routes", "route"): "routes", ("route_links", "leads_to"): "leads_to"}


def check_unique(tables: dict[str, list[dict[str, Any]]], places: dict[str, list[str]]) -> None:
    """No two rows of a table share a key: the second is refused, naming where the first is."""
    for table, rows in tables.items():
        first: dict[tuple[Any, ...], str] = {}
        for row, place in zip(rows, places.get(table, ())):
            key = tuple(row[c] for c in TABLES[table].key)
            if key in first:
                what = ", ".join(f"{c} {row[c]!r}" for c in TABLES[table].key)
                raise PackRejected(f"{place}: {what} is already used by {first[key]}")
            first[key] = place


def check_named(tables: dict[str, list[dict[str, Any]]], places: dict[str, list[str]]) -> None:
    """Every id a row names is in the pack, where the table it names travels in the same pack (figures excepted)."""
    ids = {name: {row["id"] for row in rows} for name, rows in tables.items()
           if rows and TABLES[name].key == ("id",)}
    for table, rows in tables.items():
        for column in TABLES[table].columns:
            target = column.refers_to
            if target is None or column.across_packs or target not in ids:
                continue
            field = LIST_FIELDS.get((table, column.name), column.name)
            for row, place in zip(rows, places.get(table, ())):
                value = row.get(column.name)
                if value is not None and value not in ids[target]:
                    raise PackRejected(f"{place}, {field}: {column.name} {value!r} is not in {target}")
