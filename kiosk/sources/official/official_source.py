"""Writing the official figures as the project's own pack source (assets/official): figures and names only."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

from kiosk.content.file_replace import replace_bytes
from kiosk.content.json_lines import encode_line
from kiosk.content.pack_source import TABLES_FOLDER, read_source
from kiosk.content.schema import TABLES
from kiosk.sources.official.collect import Releases
from kiosk.sources.official.official_pack import PACK_ID, official_tables

HEADER = """\
# The official labour market figures the kiosk ships as its default: ONS (ASHE Table 14, the Annual Population
# Survey, SOC 2020 Volume 1) and DfE (The Skills Imperative 2035), derived by the kiosk's own importer from the
# releases exactly as published. Figures and names only: the publishers' sentences reach a kiosk only through
# `kiosk sync official`. Contains public sector information licensed under the Open Government Licence v3.0.
#
# Do not edit by hand. Regenerate with:
#   kiosk official regenerate --from ../shared/fixtures
"""


def write_official_source(releases: Releases, folder: Path, *, retrieved: dt.date) -> tuple[dict[str, int], list[str]]:
    """Replace `folder` with the pack source for these releases; its row counts and the problems met.

    The folder is written beside the old one and checked by reading it back as a pack source before it
    replaces the old one, so a failed run leaves the shipped figures as they were.
    """
    built = official_tables(releases, retrieved=retrieved, with_text=False)
    staging = folder.with_name(f".{folder.name}.new")
    _clear(staging)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging.mkdir()  # made new: whatever was at its name (a link planted there, say) is gone, not followed
    (staging / TABLES_FOLDER).mkdir()
    try:
        replace_bytes(staging / "pack.toml", _pack_toml(built.sources, retrieved).encode())
        for table, rows in sorted(built.tables.items()):
            key = TABLES[table].key
            lines = [encode_line({k: v for k, v in row.items() if v is not None})
                     for row in sorted(rows, key=lambda r: tuple(str(r[c]) for c in key))]
            replace_bytes(staging / TABLES_FOLDER / f"{table}.jsonl", "".join(lines).encode())
        read_source(staging)  # refuses anything a kiosk would refuse, before the old folder goes
        old = folder.with_name(f".{folder.name}.old")
        _clear(old)
        if folder.exists():
            folder.rename(old)
        staging.rename(folder)
        _clear(old)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return {t: len(r) for t, r in sorted(built.tables.items())}, built.problems


def _clear(path: Path) -> None:
    """Remove what is at `path`: a link or a file as a name (never what it points at), a folder with its files."""
    if path.is_symlink() or path.is_file():
        path.unlink()
    else:
        shutil.rmtree(path, ignore_errors=True)


def _pack_toml(sources: list[dict[str, Any]], retrieved: dt.date) -> str:
    lines = [HEADER, f'id = "{PACK_ID}"', 'title = "Official labour market figures (ONS and DfE)"',
             'publisher = "Office for National Statistics and Department for Education (compiled by the kiosk)"',
             f'content_version = "{retrieved.year}.{retrieved.month}.{retrieved.day}"', 'layer = "national"',
             "sample = false", ""]
    for s in sources:
        lines += ["[[source]]", *(f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in s.items()), ""]
    return "\n".join(lines)
