"""A set of release files read together: a workbook the kiosk does not read is named by the cell that says what it
is, a year of ASHE without its weekly pay is refused, and an LSIP workbook for an area DfE's lookup does not list is
skipped (small workbooks in the published shapes)."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.sources.errors import SourceInputError
from kiosk.sources.official.collect import read_releases
from kiosk.sources.official.release_files import ReleaseFile
from kiosk.sources.official.skills_imperative import in_lookup
from tests.sources.test_official_ashe import TITLE, table_rows
from tests.sources.test_official_skills_imperative import LOOKUP, published
from tests.helpers.workbooks import xlsx_bytes

READS = ("not a release the kiosk reads (ASHE Table 14.1, 14.7 or 14.9, the APS employment workbook, SOC 2020 "
         "Volume 1, Skills Imperative 2035); skipped")


def xlsx(name: str, sheets: dict[str, list[list[Any]]]) -> ReleaseFile:
    """A release file of an .xlsx built in memory."""
    data = xlsx_bytes(sheets)
    return ReleaseFile(name, lambda: data)


def ashe(name: str, title: str) -> ReleaseFile:
    """An ASHE workbook in the published shape whose sheets carry `title` (with "{}" for all or full-time)."""
    return xlsx(name, {"Notes": [["Guide to results from the Annual Survey of Hours and Earnings (ASHE)"]],
                       "All": table_rows(title.format("all")), "Full-Time": table_rows(title.format("full-time"))})


HOURLY = TITLE.replace("14.1a   Weekly pay - Gross", "14.5a   Hourly pay - Excluding overtime")
ANNUAL = TITLE.replace("14.1a   Weekly pay", "14.7a   Annual pay")


def test_a_workbook_the_kiosk_does_not_read_is_named_by_its_title_cell() -> None:
    found = read_releases([ashe("hourly 2024 provisional.xlsx", HOURLY), ashe("weekly 2024 provisional.xlsx", TITLE)])
    assert found.problems == ["hourly 2024 provisional.xlsx, sheet \"All\", row 1, column A ('Table 14.5a Hourly pay "
                              "- Excluding overtime (£) - For all employee jobsa: United Kingdom, 2024'): " + READS]
    assert found.files == ["weekly 2024 provisional.xlsx"] and [t.table for t in found.ashe] == ["14.1"]


def test_without_a_title_its_first_words_are_named_and_without_words_the_file() -> None:
    found = read_releases([xlsx("minutes.xlsx", {"Sheet1": [[], [None, "Minutes of the careers meeting"]]}),
                           xlsx("empty.xlsx", {"Sheet1": []})])
    assert found.problems == [f"minutes.xlsx, sheet \"Sheet1\", row 2, column B ('Minutes of the careers meeting'): "
                              f"{READS}", f"empty.xlsx: {READS}"]


def test_a_year_of_ashe_without_its_weekly_pay_table_is_refused_naming_what_was_not_read() -> None:
    with pytest.raises(SourceInputError) as e:
        read_releases([ashe("annual 2024 provisional.xlsx", ANNUAL), ashe("hourly 2024 provisional.xlsx", HOURLY)])
    assert str(e.value).startswith("ASHE 2024 (provisional): Table 14.7a was given without Table 14.1a (weekly pay); "
                                   "add it, or leave that year out; not read: hourly 2024 provisional.xlsx, "
                                   'sheet "All"')
    found = read_releases([ashe("annual 2024 provisional.xlsx", ANNUAL), ashe("weekly 2024 provisional.xlsx", TITLE)])
    assert sorted(t.measure for t in found.ashe) == ["annual_pay", "weekly_pay"] and found.problems == []


def area(name: str, kind: str = "LSIP") -> ReleaseFile:
    """A Skills Imperative workbook whose Info sheet names `name`, an area of `kind`."""
    sheets = published()
    sheets["Info"] = [[kind, f"39. {name}"], ["Scenario", ".Main"], [f"{kind} name", name]]
    return xlsx(f"{name}.xlsm", sheets)


def test_an_lsip_workbook_for_an_area_the_lookup_does_not_list_is_skipped() -> None:
    lookup = xlsx("LSIP_lookup.xlsx", {"LA Districts to LSIPs": LOOKUP})
    found = read_releases([area("Greater London"), area("Atlantis"), area("Atlantis", "MCA"), lookup])
    assert [(p.area.name, p.area.kind) for p in found.projections] == [("Greater London", "LSIP"), ("Atlantis", "MCA")]
    assert found.problems == ['Atlantis.xlsm, sheet "Info", row 3, column B: "Atlantis" is not an LSIP area in '
                              "LSIP_lookup.xlsx; this workbook is skipped"]
    assert found.files == ["Greater London.xlsm", "Atlantis.xlsm", "Atlantis.xlsm", "LSIP_lookup.xlsx"]


def test_without_the_lookup_every_lsip_workbook_is_read() -> None:
    found = read_releases([area("Atlantis")])
    assert [p.area.name for p in found.projections] == ["Atlantis"] and found.problems == []


@pytest.mark.parametrize(("workbook", "lookup", "known"), [
    ("Greater London", " Greater London ", True),
    ("Essex Southend-on-Sea and Thurrock", "Essex, Southend-on-Sea and Thurrock", True),
    ("South East Midlands", "South-East Midlands", True),
    ("Brighton and Hove East Sussex West Sussex", "Brighton and Hove, East Sussex, West Sussex", True),
    # the lookup keeps two areas' older names, those of the local enterprise partnerships they grew from
    ("Gloucestershire", "G First (Gloucestershire)", True),
    ("Norfolk and Suffolk", "New Anglia", True),
    ("Greater London", "Greater Manchester", False),
    ("Suffolk", "New Anglia", False),
    ("Atlantis", "Greater London", False),
])
def test_an_area_is_in_the_lookup_however_each_punctuates_it(workbook: str, lookup: str, known: bool) -> None:
    assert in_lookup(workbook, {"E06000001": ("A district", lookup.strip())}) is known
