"""Reading a pack source folder (human-readable TOML files) into pack tables."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any, Iterator

from kiosk.content.errors import PackRejected
from kiosk.content.json_lines import decode_line, split_lines
from kiosk.content.manifest import FORMAT_NAME, FORMAT_VERSION, check_version
from kiosk.content import library_rules
from kiosk.content.ncs_profiles import profile_url
from kiosk.content.pack_file import Pack, write_pack
from kiosk.content.schema import TABLES, RowError, check_row
from kiosk.content.source_checks import check_named, check_unique

# file name -> (the TOML array of tables it holds, the pack table it fills)
LIST_FILES = {
    "sectors.toml": ("sector", "sectors"),
    "routes.toml": ("route", "routes"),
    "providers.toml": ("provider", "providers"),
    "resources.toml": ("resource", "resources"),
    "events.toml": ("event", "events"),
    "alumni.toml": ("story", "alumni"),
    "subjects.toml": ("subject", "subjects"),
    "industries.toml": ("industry", "industries"),
    "averages.toml": ("average", "averages"),
    "myths.toml": ("myth", "myths"),
}
# An occupation file's figure tables: [section] -> (pack table, value column, value key in the TOML)
FIGURES = {
    "pay": ("pay", "weekly_pay"),
    "hours": ("hours", "weekly_hours"),
    "outlook": ("outlook", "employment"),
}
MAX_SOURCE_FILE_BYTES = 2 * 1024 * 1024
# tables/<table>.jsonl: rows a program wrote (the official figures), one JSON object a line; larger than a
# hand-written TOML file may be, since one holds every area's figures.
TABLES_FOLDER = "tables"
MAX_TABLE_FILE_BYTES = 16 * 1024 * 1024


def read_toml(path: Path) -> dict[str, Any]:
    if path.stat().st_size > MAX_SOURCE_FILE_BYTES:
        raise PackRejected(f"{path.name}: the file is larger than {MAX_SOURCE_FILE_BYTES:,} bytes")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise PackRejected(f"{path.name}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as e:
        raise PackRejected(f"{path.name}: not valid TOML: {e}") from None


def read_source(folder: str | Path, *, now: dt.datetime | None = None) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    """Read a pack source folder into the pack's identity and its checked tables."""
    folder = Path(folder)
    if not (folder / "pack.toml").is_file():
        raise PackRejected(f"{folder}: not a pack source folder (it has no pack.toml)")
    about = read_toml(folder / "pack.toml")
    identity = _identity(about, now or dt.datetime.now(dt.timezone.utc))
    groups = _library_groups(folder, about.get("rules"))
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    places: dict[str, list[str]] = {name: [] for name in TABLES}  # where each row was written, for messages

    def add(table: str, row: Any, where: str) -> None:
        tables[table].append(_checked(table, row, where))
        places[table].append(where)

    for file_name, (array, table) in LIST_FILES.items():
        path = folder / file_name
        if not path.is_file():
            continue
        data = read_toml(path)
        unknown = sorted(set(data) - {array})
        if unknown:
            raise PackRejected(f"{file_name}: unknown entries {unknown}; expected [[{array}]] tables")
        for n, entry in enumerate(data.get(array, []), 1):
            where = f"{file_name}: {array} {n} ({entry.get('id', 'no id')})" if isinstance(entry, dict) else file_name
            if table == "providers" and isinstance(entry, dict):
                entry = dict(entry)
                for route in entry.pop("routes", []) or []:
                    add("provider_routes", {"provider": entry.get("id"), "route": route}, where)
            if table == "routes" and isinstance(entry, dict):
                entry = dict(entry)
                for after in entry.pop("leads_to", []) or []:
                    add("route_links", {"route": entry.get("id"), "leads_to": after}, where)
            if table == "myths" and isinstance(entry, dict):
                entry = dict(entry)
                entry.pop("review", None)  # why the fact answers the myth: for whoever checks it, not for pupils
            if table == "industries" and isinstance(entry, dict):
                entry = dict(entry)
                for row in _industry_outlook(entry.get("id"), entry.pop("outlook", None), where):
                    add("industry_outlook", row, where)
            add(table, entry, where)
    occupations = folder / "occupations"
    for path in sorted(occupations.glob("*.toml")) if occupations.is_dir() else []:
        where, data = f"occupations/{path.name}", read_toml(path)
        if groups is not None:
            library_rules.check_entry(data, where, groups)
        try:
            rows = list(_occupation_rows(data))
        except PackRejected as e:
            raise PackRejected(f"{where}: {e}") from None
        for table, row in rows:
            add(table, row, where)
    for table, row, where in _table_rows(folder / TABLES_FOLDER):
        add(table, row, where)
    check_unique(tables, places)
    check_named(tables, places)
    return identity, {k: v for k, v in tables.items() if v}


def build_pack(folder: str | Path, out: str | Path, *, now: dt.datetime | None = None) -> Pack:
    """Build a pack file from a pack source folder."""
    identity, tables = read_source(folder, now=now)
    return write_pack(identity, tables, out)


def _library_groups(folder: Path, rules: Any) -> frozenset[str] | None:
    """SOC 2020's unit groups when the pack follows the job library's rules; None when it has no rules."""
    if rules is None:
        return None
    if rules != library_rules.RULES:
        raise PackRejected(f"pack.toml, rules: {rules!r} is not a set of rules the kiosk knows "
                           f"(only {library_rules.RULES!r})")
    return library_rules.unit_groups(folder)


def _identity(data: dict[str, Any], now: dt.datetime) -> dict[str, Any]:
    allowed = {"id", "title", "publisher", "content_version", "layer", "sample", "notice", "source", "rules"}
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise PackRejected(f"pack.toml: unknown entries {unknown}")
    for name in ("id", "title", "publisher", "content_version", "layer"):
        if not data.get(name):
            raise PackRejected(f"pack.toml: {name!r} is missing")
    check_version(data["content_version"])
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "pack_id": data["id"],
        "title": data["title"],
        "publisher": data["publisher"],
        "content_version": data["content_version"],
        "layer": data["layer"],
        "sample": bool(data.get("sample", False)),
        "notice": data.get("notice", ""),
        "created": now.replace(microsecond=0).isoformat(),
        "sources": [
            {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in s.items()}
            for s in data.get("source", [])
        ],
    }


def _table_rows(folder: Path) -> Iterator[tuple[str, Any, str]]:
    """(table, row, where) for every line of tables/<table>.jsonl; a file for no known table is refused."""
    for path in sorted(folder.glob("*.jsonl")) if folder.is_dir() else []:
        table = path.stem
        if table not in TABLES:
            raise PackRejected(f"{TABLES_FOLDER}/{path.name}: there is no table called {table!r}")
        if path.stat().st_size > MAX_TABLE_FILE_BYTES:
            raise PackRejected(f"{TABLES_FOLDER}/{path.name}: the file is larger than {MAX_TABLE_FILE_BYTES:,} bytes")
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise PackRejected(f"{TABLES_FOLDER}/{path.name}: not UTF-8 text") from None
        for n, line in split_lines(text):
            where = f"{TABLES_FOLDER}/{path.name}: line {n}"
            try:
                yield table, decode_line(line), where
            except ValueError as e:
                raise PackRejected(f"{where}: not valid JSON: {e}") from None


def _checked(table: str, row: Any, where: str) -> dict[str, Any]:
    try:
        return check_row(TABLES[table], row)
    except RowError as e:
        raise PackRejected(f"{where}: {e}") from None


def _occupation_rows(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Split one occupation file into its occupation row, figure rows and route links."""
    data = dict(data)
    occ = data.get("id")
    figures = {name: data.pop(name) for name in (*FIGURES, "replacement_demand", "skill_shortage") if name in data}
    routes = data.pop("routes", []) or []
    subjects = data.pop("subjects", []) or []
    if not isinstance(subjects, list):
        raise PackRejected(f"subjects must be a list of subject ids, not {subjects!r}")
    if "ncs_profile" in data:  # the job's own NCS page, named by the profile it was checked against
        if data.get("url"):
            raise PackRejected("give url or ncs_profile, not both")
        data["url"] = profile_url(data.pop("ncs_profile"))
    yield "occupations", data
    for route in routes:
        yield "occupation_routes", {"occupation": occ, "route": route}
    for subject in subjects:
        yield "occupation_subjects", {"occupation": occ, "subject": subject}
    for section, (table, column) in FIGURES.items():
        for region, year, value, source in _series(figures.get(section), section):
            yield table, {"occupation": occ, "region": region, "year": year, column: value, "source": source}
    for region, values, source in _regions(figures.get("replacement_demand"), "replacement_demand"):
        yield "replacement_demand", {
            "occupation": occ, "region": region, "from_year": values.get("from"),
            "to_year": values.get("to"), "openings": values.get("openings"), "source": source,
        }
    for region, values, source in _regions(figures.get("skill_shortage"), "skill_shortage"):
        yield "skill_shortages", {"occupation": occ, "region": region, "source": source, **values}


def _industry_outlook(industry: Any, section: Any, where: str) -> Iterator[dict[str, Any]]:
    """An industry's [industry.outlook] table (source, then region = { year = people }) as industry_outlook rows."""
    try:
        for region, year, value, source in _series(section, "industry.outlook"):
            yield {"industry": industry, "region": region, "year": year, "employment": value, "source": source}
    except PackRejected as e:
        raise PackRejected(f"{where}: {e}") from None


def _regions(section: Any, name: str) -> Iterator[tuple[str, dict[str, Any], Any]]:
    if section is None:
        return
    if not isinstance(section, dict):
        raise PackRejected(f"[{name}] must be a table")
    source = section.get("source")
    for region, values in section.items():
        if region == "source":
            continue
        if not isinstance(values, dict):
            raise PackRejected(f"[{name}] {region}: must be a table of values")
        yield region, values, source


def _series(section: Any, name: str) -> Iterator[tuple[str, int, Any, Any]]:
    for region, values, source in _regions(section, name):
        for year, value in values.items():
            if not year.isdigit():
                raise PackRejected(f"[{name}] {region}: {year!r} is not a year")
            yield region, int(year), value, source
