"""The synced NCS profiles as a content pack: occupations and their sectors, versioned by the newest update."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from kiosk.content.errors import PackRejected
from kiosk.content.manifest import FORMAT_NAME, FORMAT_VERSION
from kiosk.content.pack_file import Pack, write_pack
from kiosk.content.schema import TABLES, RowError, check_row
from kiosk.sources.ncs.client import SOURCE
from kiosk.sources.ncs.profile_rows import ProfileSkipped, occupation_row
from kiosk.sources.ncs.profile_store import StoredProfile, last_removal, load_profiles
from kiosk.sources.soc_sectors import sector_rows

PACK_ID = "ncs"
LICENCE = "Contains public sector information licensed under the Open Government Licence v3.0"
PUBLIC_SITE = "https://nationalcareers.service.gov.uk/"
Tables = dict[str, list[dict[str, Any]]]


def ncs_tables(folder: Path) -> tuple[Tables, list[str]]:
    """The occupations and sectors rows from the stored profiles, and a problem for each profile left out."""
    tables, problems, _used = _tables(folder)
    return tables, problems


def build_ncs_pack(folder: Path, out: Path, *, now: datetime) -> tuple[Pack, list[str]]:
    """Write the stored profiles as the "ncs" pack; the problems name each profile left out and why."""
    tables, problems, used = _tables(folder)
    if not tables["occupations"]:
        raise PackRejected(f"{SOURCE}: no usable job profiles in {folder}; run a sync first")
    moments = [item.last_updated for item in used] + [last_removal(folder) or ""]
    identity = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "pack_id": PACK_ID,
        "title": "National Careers Service job profiles",
        "publisher": SOURCE,
        "content_version": content_version(moments, now),
        "layer": "national",
        "sample": False,
        "notice": "",
        "created": now.replace(microsecond=0).isoformat(),
        "sources": [{"id": PACK_ID, "name": SOURCE, "licence": LICENCE, "retrieved": now.date().isoformat(),
                     "url": PUBLIC_SITE}],
    }
    return write_pack(identity, tables, out), problems


def content_version(moments: list[str], now: datetime) -> str:
    """The newest of the moments (ISO text, naive ones UTC) as year.month.day.hhmmss, e.g. "2024.3.1.90000".

    NCS stamps a profile when it is published, so a new or changed profile makes a newer newest moment; a sync
    that deletes profiles adds its own time. With no readable moment at all, `now` stands in.
    """
    # A placeholder such as 0001-01-01T00:00:00 (the 2024 server's unmapped date) is no moment at all.
    real = [moment for moment in map(_utc, moments) if moment is not None and moment.year >= 2000]
    newest = max(real, default=None) or _utc(now.isoformat()) or datetime.now(timezone.utc)
    clock = newest.hour * 10_000 + newest.minute * 100 + newest.second
    return f"{newest.year}.{newest.month}.{newest.day}.{clock}"


def _tables(folder: Path) -> tuple[Tables, list[str], list[StoredProfile]]:
    stored, problems = load_profiles(Path(folder))
    chosen: dict[str, tuple[StoredProfile, dict[str, Any]]] = {}
    for item in stored:
        try:
            row = check_row(TABLES["occupations"], occupation_row(item.profile, item.name))
        except ProfileSkipped as exc:
            problems.append(f"{exc}; left out of the pack")
            continue
        except RowError as exc:
            problems.append(f"{SOURCE} profile {item.name!r}: {exc}; left out of the pack")
            continue
        kept = chosen.get(row["id"])
        if kept is not None:
            winner = _preferred(row["id"], kept[0].name, item.name)
            problems.append(f"{SOURCE}: profiles {kept[0].name!r} and {item.name!r} both make the id {row['id']!r}; "
                            f"kept {winner!r}")
            if winner == kept[0].name:
                continue
        chosen[row["id"]] = (item, row)
    occupations = [row for _item, row in (chosen[key] for key in sorted(chosen))]
    in_use = {row["sector"] for row in occupations}
    sectors = [row for row in sector_rows() if row["id"] in in_use]
    return {"sectors": sectors, "occupations": occupations}, problems, [item for item, _row in chosen.values()]


def _preferred(row_id: str, first: str, second: str) -> str:
    """Of two names that make one id, the one that is the id itself, else the one that sorts first."""
    return min(first, second, key=lambda name: (name != row_id, name))


def _utc(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment.astimezone(timezone.utc) if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
