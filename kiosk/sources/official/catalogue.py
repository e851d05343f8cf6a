"""The official release files `kiosk sync official` downloads: where each publisher keeps them, and the names they
are saved under (always these names: a file's name never comes from the server)."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import NamedTuple

from kiosk.sources.official.release_files import MAX_WORKBOOK_BYTES, MAX_ZIP_BYTES

ONS, DFE = "ons", "dfe"  # the publishers, each with its own base URL (settings official_ons/dfe_base_url)
ASHE_FIRST_YEAR = 2021  # the first ASHE Table 14 coded to SOC 2020; earlier tables use SOC 2010
PROVISIONAL, REVISED = "provisional", "revised"
_ASHE = ("/file?uri=/employmentandlabourmarket/peopleinwork/earningsandworkinghours/datasets/"
         "occupation4digitsoc2010ashetable14/{year}{edition}/ashetable14{year}{edition}.zip")
_APS = ("/file?uri=/employmentandlabourmarket/peopleinwork/employmentandemployeetypes/adhocs/"
        "3136employmentbyoccupationandindustrysectionasuk2021to2024/"
        "employmentby4digitsoc1digitindustryatosuk20212024final.xlsx")
_SOC = ("/file?uri=/methodology/classificationsandstandards/standardoccupationalclassificationsoc/soc2020/"
        "soc2020volume1structureanddescriptionsofunitgroups/soc2020volume1structureanddescriptionofunitgroups.xlsx")
_DFE_FOLDER = "/Data/2-13_skillsImperative2035/"
# DfE keeps its lookup of council areas to LSIP areas in a folder of its own in the same repository.
_LSIP_LOOKUP = "/Data/1-1_LSIP_lookup/LSIP_lookup.xlsx"
# The Skills Imperative 2035 main tables: England, each LSIP and mayoral combined authority area, two older LEPs.
DFE_WORKBOOKS = tuple(f"{code}_MainTables.Main.xlsm" for code in (
    "EN", "BH_LSIP", "BU_LSIP", "CH_LSIP", "CI_LSIP", "CP_LSIP", "CP_MCA", "DN_LSIP", "DO_LEP", "DO_LSIP", "ES_LSIP",
    "GC_LSIP", "GL_LSIP", "GM_LSIP", "GM_MCA", "HE_LSIP", "HU_LSIP", "KM_LSIP", "LA_LSIP", "LV_LSIP", "LV_MCA",
    "MA_LSIP", "NE_MCA", "NO_LEP", "NS_LSIP", "NT_MCA", "OX_LSIP", "SM_LSIP", "SN_LSIP", "ST_LSIP", "SY_LSIP",
    "SY_MCA", "TB_LSIP", "TV_LSIP", "TV_MCA", "WE_MCA", "WM_MCA", "WO_LSIP", "WS_LSIP", "WY_LSIP", "WY_MCA",
    "YY_LSIP",
))
CUMBRIA = "CU_LSIP_MainTables.Main.xlsm"  # published for a while only: its absence is noted, never a failure
_SAFE_NAME = re.compile(r"^(ons|dfe)/[A-Za-z0-9][A-Za-z0-9._-]*$")


class CatalogueFile(NamedTuple):
    """One release file: its name in the download folder, its publisher, its path (and query) under the
    publisher's base URL, and the most bytes it may have."""

    name: str
    publisher: str
    path: str
    max_bytes: int
    required: bool = True  # False: "not published" (404) is noted and the sync goes on without it
    what: str = ""  # how staff are told about it
    year: int = 0  # ASHE Table 14 only: its year and edition
    edition: str = ""

    def url(self, bases: dict[str, str]) -> str:
        """Its address under the publisher's base URL (a mirror keeps the same paths)."""
        return bases[self.publisher].rstrip("/") + self.path


def _file(publisher: str, path: str, *, required: bool = True, what: str = "", year: int = 0,
          edition: str = "") -> CatalogueFile:
    name = f"{publisher}/{PurePosixPath(path).name}"
    if not _SAFE_NAME.match(name) or ".." in name:
        raise ValueError(f"the catalogue names an unsafe file {name!r}")  # a programming error, caught by tests
    limit = MAX_ZIP_BYTES if name.endswith(".zip") else MAX_WORKBOOK_BYTES
    return CatalogueFile(name, publisher, path, limit, required, what or PurePosixPath(path).name, year, edition)


def ashe(year: int, edition: str) -> CatalogueFile:
    """ASHE Table 14 for one year and edition ("provisional" or "revised"); a 404 means not published (yet)."""
    if edition not in (PROVISIONAL, REVISED):
        raise ValueError(f"an ASHE edition is provisional or revised, not {edition!r}")
    return _file(ONS, _ASHE.format(year=year, edition=edition), required=False,
                 what=f"ASHE Table 14, {year} {edition}", year=year, edition=edition)


def ashe_years(this_year: int) -> range:
    """The years whose ASHE tables may exist, newest first."""
    return range(this_year, ASHE_FIRST_YEAR - 1, -1)


def fixed_files() -> list[CatalogueFile]:
    """Every release file other than ASHE's (whose years are found by asking): APS, SOC 2020 Volume 1, DfE's."""
    return [
        _file(ONS, _SOC, what="SOC 2020 Volume 1"),
        _file(ONS, _APS, what="the Annual Population Survey employment workbook"),
        _file(DFE, _LSIP_LOOKUP, what="DfE's lookup of council areas to LSIP areas"),
        *(_file(DFE, _DFE_FOLDER + name) for name in DFE_WORKBOOKS),
        _file(DFE, _DFE_FOLDER + CUMBRIA, required=False, what="Cumbria's Skills Imperative 2035 workbook"),
    ]


def is_release_name(filename: str) -> bool:
    """Whether a file's name is one a release the catalogue lists is published under (for finding a folder of
    releases on a stick, where staff saved them as downloaded)."""
    name = filename.lower()
    known = {PurePosixPath(f.name).name.lower() for f in fixed_files()}
    return name in known or bool(re.match(r"^ashetable14\d{4}(provisional|revised)\.(zip|xlsx?)$", name))
