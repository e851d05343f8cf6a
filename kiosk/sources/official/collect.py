"""Reading a set of release files: each workbook is recognised by its content, read, and its problems kept."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from kiosk.sources.errors import SourceInputError
from kiosk.sources.official.aps import ApsRelease, is_aps_workbook, read_aps
from kiosk.sources.official.ashe import AsheTable, is_ashe_table, read_ashe_table
from kiosk.sources.official.layout_error import place
from kiosk.sources.official.release_files import ReleaseFile
from kiosk.sources.official.skills_imperative import (
    SkillsImperative, in_lookup, is_skills_imperative, read_lsip_lookup, read_skills_imperative,
)
from kiosk.sources.official.soc_volume1 import SocVolume1, is_soc_volume1, read_soc_volume1
from kiosk.sources.official.workbook import Workbook, open_workbook

TABLE_TITLE = re.compile(r"\bTable\s+\d+(?:\.\d+)?[a-z]?\b", re.IGNORECASE)  # "Table 14.5a", "Table 15"
READS = "ASHE Table 14.1, 14.7 or 14.9, the APS employment workbook, SOC 2020 Volume 1, Skills Imperative 2035"


class Releases(NamedTuple):
    """Everything read from one set of release files, and what was skipped (each problem names its file)."""

    ashe: list[AsheTable]
    aps: list[ApsRelease]
    soc: SocVolume1 | None
    projections: list[SkillsImperative]
    lsip_lookup: dict[str, tuple[str, str]]
    files: list[str]
    problems: list[str]


def read_releases(files: Iterable[ReleaseFile], progress: Callable[[int, int, str], None] | None = None) -> Releases:
    """Read every recognised workbook; an unrecognised one is noted and skipped, and so is an LSIP workbook whose
    area DfE's LSIP lookup (when given) does not list. A workbook that is recognised but whose layout has changed
    raises ReleaseLayoutError (a SourceInputError) naming its sheet and what is missing; so does a year of ASHE
    tables without its weekly pay table."""
    files = list(files)
    found = Releases([], [], None, [], {}, [], [])
    soc: list[SocVolume1] = []
    unread: list[str] = []
    lookups: list[str] = []
    for n, release in enumerate(files, 1):
        wb = open_workbook(release.read(), release.name)
        kind = _kind(wb)
        if kind is None:
            unread.append(f"{_what_it_is(wb)}: not a release the kiosk reads ({READS}); skipped")
            found.problems.append(unread[-1])
        else:
            _read(kind, wb, found, soc)
            found.files.append(release.name)
            if kind == "lsip":
                lookups.append(release.name)
        if progress is not None:
            progress(n, len(files), release.name)
    if len(soc) > 1:
        raise SourceInputError(f"two SOC 2020 Volume 1 workbooks were given ({soc[0].file}, {soc[1].file}); "
                               "keep one")
    _check_weekly_pay(found.ashe, unread)
    if lookups:
        _skip_unknown_areas(found, lookups)
    return found._replace(soc=soc[0] if soc else None)


def _kind(wb: Workbook) -> str | None:
    for kind, test in (("ashe", is_ashe_table), ("aps", is_aps_workbook), ("soc", is_soc_volume1),
                       ("projection", is_skills_imperative), ("lsip", _is_lsip_lookup)):
        if test(wb):
            return kind
    return None


def _read(kind: str, wb: Workbook, found: Releases, soc: list[SocVolume1]) -> None:
    result: Any
    if kind == "ashe":
        result = read_ashe_table(wb, ("Full-Time",))
        found.ashe.append(result)
    elif kind == "aps":
        result = read_aps(wb)
        found.aps.append(result)
    elif kind == "soc":
        result = read_soc_volume1(wb)
        soc.append(result)
    elif kind == "projection":
        result = read_skills_imperative(wb)
        found.projections.append(result)
    else:
        found.lsip_lookup.update(read_lsip_lookup(wb))
        return
    found.problems.extend(result.problems)


def _is_lsip_lookup(wb: Workbook) -> bool:
    """DfE's lookup of local authority districts to LSIP areas: one sheet whose header names LAD and LSIP codes."""
    for sheet in wb.sheet_names[:3]:
        head = " ".join(str(v) for row in wb.rows(sheet)[:5] for v in row if v is not None).upper()
        if "LSIP" in head and "LAD" in head:
            return True
    return False


def _what_it_is(wb: Workbook) -> str:
    """Where a workbook the kiosk does not read says what it is: the first cell titling a table (another ASHE
    table, say), else its first text; the file alone when it has none."""
    first = None
    for sheet in wb.sheet_names[:3]:
        for r, row in enumerate(wb.rows(sheet)[:5]):
            for c, value in enumerate(row):
                if not isinstance(value, str) or not value.strip():
                    continue
                shown = f"{place(wb.name, sheet, r, c)} ({' '.join(value.split())[:120]!r})"
                if TABLE_TITLE.search(value):
                    return shown
                first = first or shown
    return first or wb.name


def _check_weekly_pay(tables: list[AsheTable], unread: list[str]) -> None:
    """A year's ASHE figures without Table 14.1a would install a pack with no weekly pay, the figure every job page
    leads with, in place of one that has it: refused, naming the files skipped (the likely stand-in for it)."""
    for year, edition in sorted({(t.year, t.edition) for t in tables if not t.cv}):
        read = sorted(f"{t.table}a" for t in tables if (t.year, t.edition) == (year, edition) and not t.cv)
        if "14.1a" in read:
            continue
        given = f"Tables {' and '.join(read)} were" if len(read) > 1 else f"Table {read[0]} was"
        skipped = f"; not read: {'; '.join(unread)}" if unread else ""
        raise SourceInputError(f"ASHE {year}{f' ({edition})' if edition else ''}: {given} given without Table 14.1a "
                               f"(weekly pay); add it, or leave that year out{skipped}")


def _skip_unknown_areas(found: Releases, lookups: list[str]) -> None:
    """An LSIP workbook for an area DfE's lookup does not list is not a place the kiosk can name: skipped."""
    kept = []
    for p in found.projections:
        if p.area.kind == "LSIP" and not in_lookup(p.area.name, found.lsip_lookup):
            found.problems.append(f'{p.area_cell or p.file}: "{p.area.name}" is not an LSIP area in '
                                  f"{', '.join(lookups)}; this workbook is skipped")
        else:
            kept.append(p)
    found.projections[:] = kept
