"""Small packs built in code for tests: the project's own fixtures, in the real pack shapes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from kiosk.content.manifest import FORMAT_NAME, FORMAT_VERSION
from kiosk.content.pack_file import Pack, write_pack

SOURCE = {"id": "test-lmi", "name": "Test figures", "licence": "CC0 1.0", "retrieved": "2026-11-01", "url": ""}


def identity(pack_id: str = "national", version: str = "1.0", layer: str = "national", **extra: Any) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME, "format_version": FORMAT_VERSION, "pack_id": pack_id,
        "title": f"{pack_id} pack", "publisher": "Test publisher", "content_version": version,
        "layer": layer, "sample": False, "notice": "", "created": "2026-11-24T09:00:00+00:00",
        "sources": [SOURCE], **extra,
    }


def occupation(occ_id: str, title: str, sector: str = "health", **extra: Any) -> dict[str, Any]:
    return {
        "id": occ_id, "title": title, "soc2010": "2231", "soc2020": "2237", "sector": sector,
        "alt_titles": [], "summary": f"{title}s do useful work.", "easy_read": [f"{title}s help."],
        "tasks": ["do the work"], "entry_routes": ["a degree"], "skills": ["patience"],
        "interests": ["helping people"], **extra,
    }


def figures(occ_id: str, pay: float = 600, region: str = "UK") -> dict[str, list[dict[str, Any]]]:
    src = SOURCE["id"]
    return {
        "pay": [{"occupation": occ_id, "region": region, "year": y, "weekly_pay": pay + 10 * i, "source": src}
                for i, y in enumerate((2022, 2023, 2024))],
        "hours": [{"occupation": occ_id, "region": region, "year": 2024, "weekly_hours": 37.5, "source": src}],
        "outlook": [{"occupation": occ_id, "region": region, "year": y, "employment": 1000 + 50 * i, "source": src}
                    for i, y in enumerate(range(2024, 2036))],
    }


def national_tables() -> dict[str, list[dict[str, Any]]]:
    """Five occupations in two sectors, with figures and a route."""
    occs = [
        occupation("nurse", "Nurse", alt_titles=["Staff nurse"], tasks=["care for patients"]),
        occupation("dental-nurse", "Dental nurse"),
        occupation("plumber", "Plumber", sector="trades", soc2010="5314", soc2020="5314",
                   summary="Plumbers fit and mend water pipes, baths and heating.", tasks=["fit pipes"],
                   interests=["fixing things"]),
        occupation("electrician", "Electrician", sector="trades", soc2010="5241", soc2020="5241",
                   interests=["fixing things", "making things"]),
        occupation("veterinarian", "Veterinarian", soc2010="2216", soc2020="2240", alt_titles=["Vet"],
                   summary="Vets treat sick animals in a surgery or on farms."),
    ]
    tables: dict[str, list[dict[str, Any]]] = {
        "sectors": [{"id": "health", "name": "Health"}, {"id": "trades", "name": "Trades"}],
        "occupations": occs,
        "routes": [{"id": "degree", "name": "Degree", "kind": "degree", "rqf_level": 6, "summary": "Study at university."}],
        "occupation_routes": [{"occupation": "nurse", "route": "degree"}],
    }
    for i, occ in enumerate(occs):
        for table, rows in figures(occ["id"], pay=500 + 100 * i).items():
            tables.setdefault(table, []).extend(rows)
    return tables


def make_pack(path: Path, tables: dict[str, list[dict[str, Any]]] | None = None, **ident: Any) -> Pack:
    return write_pack(identity(**ident), national_tables() if tables is None else tables, path)


def today() -> dt.date:
    return dt.date(2026, 11, 24)
