"""Reading a set of release files: each workbook is recognised by its content, read, and its problems kept."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from kiosk.sources.errors import SourceInputError
from kiosk.sources.official.aps import ApsRelease, is_aps_workbook, read_aps
from kiosk.sources.official.ashe import AsheTable, is_ashe_table, read_ashe_table
from kiosk.sources.official.release_files import ReleaseFile
from kiosk.sources.official.skills_imperative import (
    SkillsImperative, is_skills_imperative, read_lsip_lookup, read_skills_imperative,
)
from kiosk.sources.official.soc_volume1 import SocVolume1, is_soc_volume1, read_soc_volume1
from kiosk.sources.official.workbook import Workbook, open_workbook


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
    """Read every recognised workbook; an unrecognised one is noted and skipped. A workbook that is recognised but
    whose layout has changed raises ReleaseLayoutError (a SourceInputError) naming its sheet and what is missing."""
    files = list(files)
    found = Releases([], [], None, [], {}, [], [])
    soc: list[SocVolume1] = []
    for n, release in enumerate(files, 1):
        wb = open_workbook(release.read(), release.name)
        kind = _kind(wb)
        if kind is None:
            found.problems.append(f"{release.name}: not a release the kiosk reads (ASHE Table 14, the APS "
                                  "employment workbook, SOC 2020 Volume 1, Skills Imperative 2035); skipped")
        else:
            _read(kind, wb, found, soc)
            found.files.append(release.name)
        if progress is not None:
            progress(n, len(files), release.name)
    if len(soc) > 1:
        raise SourceInputError(f"two SOC 2020 Volume 1 workbooks were given ({soc[0].file}, {soc[1].file}); "
                               "keep one")
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
