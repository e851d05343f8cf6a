"""Jobs meet their SOC 2020 unit group's library entry by code alone: figures' group, everyday jobs, plain words."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.pack_store import PackStore
from kiosk.content.pages.occupation import occupation_page
from kiosk.content.pages.page import Choice, Note, Page, Paragraph
from kiosk.content.reader import open_reader
from tests.content.test_db_official import DFE, ONS, official_tables
from tests.helpers.packs import make_pack, occupation

ONS_TEXT = {"id": "ons-soc2020", "name": "ONS, SOC 2020 Volume 1", "licence": "Open Government Licence v3.0",
            "retrieved": "2026-12-06", "url": ""}
LIBRARY_WORDS = "Plumbers fit pipes, taps and boilers in homes."


def library_tables() -> dict:
    return {"sectors": [{"id": "trades", "name": "Trades"}], "occupations": [
        occupation("plumber-or-heating-engineer", "Plumber or heating engineer", sector="trades", soc2010=None,
                   soc2020="5314", summary=LIBRARY_WORDS, easy_read=["Plumbers fix pipes.", "They fit taps."]),
        occupation("civil-service-officer", "Civil service officer", sector="trades", soc2010=None, soc2020="4111",
                   interests=["organising"]),
    ]}


def outside_tables() -> dict:
    """A synced job with adult text only (as a National Careers Service profile with a SOC 2020 code arrives)."""
    return {"sectors": [{"id": "trades", "name": "Trades"}], "occupations": [
        occupation("ncs-heating-engineer", "Heating engineer", sector="trades", soc2010="5314", soc2020="5314",
                   summary="Heating engineers install and commission domestic heating systems.", easy_read=[]),
        occupation("ncs-midwife", "Midwife", sector="trades", soc2010="2231", soc2020="2231",
                   summary="Midwives support women through pregnancy.", easy_read=[]),
    ]}


@pytest.fixture
def reader(tmp_path: Path):
    tables = official_tables()
    tables["occupations"][0]["summary"] = "ONS's own description of plumbers and heating engineers."
    tables["soc_groups"].append({"code": "5314", "title": "Plumbers and heating and ventilating engineers",
                                 "level": "unit"})
    make_pack(tmp_path / "national.zip")
    make_pack(tmp_path / "official.zip", tables, pack_id="official", sources=[ONS, DFE, ONS_TEXT])
    make_pack(tmp_path / "library.zip", library_tables(), pack_id="library")
    make_pack(tmp_path / "outside.zip", outside_tables(), pack_id="ncs")
    store = PackStore(tmp_path / "data")
    for name in ("national", "official", "library", "outside"):
        store.install(tmp_path / f"{name}.zip")
    r = open_reader(store.db_path)
    yield r
    r.close()


def texts(page: Page) -> list[str]:
    return [b.text for s in page.sections for b in s.blocks if isinstance(b, (Paragraph, Note))]


def test_an_everyday_job_says_whose_figures_and_opens_its_group(reader) -> None:
    occ = reader.occupation("plumber")  # the national pack's everyday job, in unit group 5314
    assert occ.unit_group.group.id == "plumber-or-heating-engineer"
    page = occupation_page(occ, "UK")
    assert "Figures are for all plumbers and heating and ventilating engineers." in texts(page)
    assert Choice("Plumber or heating engineer", page.choices[0].target, "All the jobs in this group") in page.choices
    assert occ.unit_group.plain is None  # it has easy-read words of its own


def test_the_group_page_lists_the_everyday_jobs_inside_it(reader) -> None:
    occ = reader.occupation("plumber-or-heating-engineer")
    assert [j.id for j in occ.unit_group.everyday] == ["ncs-heating-engineer", "plumber"]
    labels = [c.label for c in occupation_page(occ, "UK").choices]
    assert labels[:2] == ["Heating engineer", "Plumber"]
    assert occ.earnings and occ.earnings[0].weekly_pay == 700.0  # the group's own figures, by SOC 2020 code


def test_the_stand_in_gives_way_and_leaves_ons_text_for_the_group_page(reader) -> None:
    assert reader.occupation("soc2020-5314") is None
    occ = reader.occupation("plumber-or-heating-engineer")
    assert occ.unit_group.official.summary == "ONS's own description of plumbers and heating engineers."
    words = occupation_page(occ, "UK")
    headings = [s.heading for s in words.sections]
    assert headings.index("What the job is") < headings.index("How ONS describes this group")
    assert any(t.startswith("Source: ONS, SOC 2020 Volume 1") for t in texts(words))
    easy = occupation_page(occ, "UK", easy=True)
    assert "How ONS describes this group" not in [s.heading for s in easy.sections]  # adult text: words mode only


def test_a_job_with_adult_text_shows_the_library_words_beside_its_own(reader) -> None:
    occ = reader.occupation("ncs-heating-engineer")
    assert occ.unit_group.plain.summary == LIBRARY_WORDS
    words = occupation_page(occ, "UK")
    sections = {s.heading: s for s in words.sections}
    assert sections["What the job is"].blocks[0].text.startswith("Heating engineers install")
    assert sections["In plain words"].blocks[0].text == LIBRARY_WORDS
    easy = occupation_page(occ, "UK", easy=True)
    assert [b.text for b in easy.sections[0].blocks] == ["Plumbers fix pipes.", "They fit taps."]


def test_no_library_words_across_classifications(reader) -> None:
    """The midwife's SOC 2010 code 2231 is nurses' and its SOC 2020 code 2231 midwives': no library entry for
    2231 exists here, and nothing is borrowed from another code."""
    occ = reader.occupation("ncs-midwife")
    assert occ.unit_group.plain is None and occ.unit_group.group is None
    assert "In plain words" not in [s.heading for s in occupation_page(occ, "UK").sections]


def test_lists_show_an_everyday_job_instead_of_its_groups_page(reader) -> None:
    """Browsing never meets the same job twice: the plumber stands for its group's page in every list (which it
    opens), while a group with no everyday job is listed itself. Search still finds both."""
    listed = {o.id for o in reader.occupations()}
    assert {"plumber", "civil-service-officer"} <= listed and "plumber-or-heating-engineer" not in listed
    trades = {o.id for o in reader.occupations(sector="trades")}
    assert "plumber-or-heating-engineer" not in trades
    assert reader.sector("trades").occupation_count == len(trades)
    assert "plumber-or-heating-engineer" not in {o.id for o in reader.occupations(interest="helping people")}
    assert dict(reader.interests())["organising"] == 1  # the civil service officer; nothing hidden is counted
    assert "plumber-or-heating-engineer" in {hit.id for hit in reader.search("heating engineer")}
