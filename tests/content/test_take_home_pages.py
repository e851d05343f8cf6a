"""Take it home: the my-list choice, my list, QR code pages and the careers sheet's entries, without Qt."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.model import ListItem
from kiosk.content.pack_store import PackStore
from kiosk.content.pages import build_page
from kiosk.content.pages.careers_sheet import sheet_entries
from kiosk.content.pages.page import Choice, Page, QrCode, Target
from kiosk.content.pages.take_home import (
    NCS_SITE, in_session, is_http, item_link, keep_choice, my_list_page, parse_target_key,
    target_key,
)
from kiosk.content.reader import open_reader
from tests.helpers.packs import make_pack
from tests.helpers.take_home import take_home_tables

NURSE, PLUMBER = Target("occupation", "nurse"), Target("occupation", "plumber")
FAIR, LEAFLET = Target("event", "jobs-fair"), Target("resource", "leaflet")


@pytest.fixture
def take_home_reader(tmp_path: Path):
    make_pack(tmp_path / "pack.zip", take_home_tables())
    PackStore(tmp_path / "data").install(tmp_path / "pack.zip")
    r = open_reader(tmp_path / "data" / "kiosk.db")
    yield r
    r.close()


def test_target_keys_round_trip_and_odd_keys_name_no_page() -> None:
    for target in (NURSE, Target("event", "a:b"), Target("my-list")):
        assert parse_target_key(target_key(target)) == target
    assert parse_target_key("no colon").kind == ""


def test_keep_choice_says_whether_the_item_is_kept() -> None:
    assert keep_choice(NURSE) == Choice("Add to my list", Target("keep", "occupation:nurse"),
                                        "Keep it to take home at the end")
    assert keep_choice(NURSE, kept=True).label == "On my list ✓ — remove"
    assert keep_choice(NURSE, kept=True).target == Target("unkeep", "occupation:nurse")


def test_in_session_swaps_a_builders_keep_choice_and_adds_what_a_page_lacks() -> None:
    route = Page(Target("route", "degree"), "Degree", choices=(keep_choice(Target("route", "degree")),
                                                               Choice("Nurse", NURSE)))
    kept = in_session(route, [Target("route", "degree")])
    assert [c.label for c in kept.choices] == ["On my list ✓ — remove", "Nurse", "Take this home"]
    assert [c.label for c in in_session(route, []).choices] == ["Add to my list", "Nurse", "Take this home"]
    job = in_session(Page(NURSE, "Nurse"), [])
    assert [c.label for c in job.choices] == ["Add to my list", "Take this home", "Print my sheet"]
    assert job.choices[2].target == Target("print-sheet", "occupation:nurse")
    # A list of things has no page of its own to take home: its QR code could only be a site's home page.
    sectors = in_session(Page(Target("sectors"), "Sectors", choices=(Choice("Health", Target("sector", "health")),)), [])
    assert [c.label for c in sectors.choices] == ["Health"]
    for kind in ("home", "display", "missing", "my-list", "take-home", "sector", "explore"):
        assert in_session(Page(Target(kind), "x"), []).choices == (), kind


def test_take_home_gives_an_occupations_public_page(take_home_reader) -> None:
    page = build_page(Target("take-home", "occupation:nurse"), take_home_reader)
    qr = [b for s in page.sections for b in s.blocks if isinstance(b, QrCode)]
    assert qr == [QrCode("https://nationalcareers.service.gov.uk/job-profiles/nurse",
                         "The National Careers Service page about Nurse.")]
    assert page.title == "Take “Nurse” home"


def test_take_home_without_a_public_page_says_what_to_search_for_and_gives_no_home_page(take_home_reader) -> None:
    page = build_page(Target("take-home", "occupation:plumber"), take_home_reader)
    assert not [b for s in page.sections for b in s.blocks if isinstance(b, QrCode)]
    assert "On the National Careers Service website, search for “Plumber”." in " ".join(page.text_blocks())
    assert page.subtitle == "Write down its name to look it up later."  # no promise of a code to scan
    route = build_page(Target("take-home", "route:degree"), take_home_reader)
    assert "look up “Degree” under courses and training" in " ".join(route.text_blocks())
    for other in ("sector:health", "occupation:astronaut", "route:degree"):
        shown = build_page(Target("take-home", other), take_home_reader)
        assert not [b for s in shown.sections for b in s.blocks if isinstance(b, QrCode)], other
        assert NCS_SITE not in " ".join(shown.text_blocks()), other


def test_a_job_page_the_content_names_off_the_ncs_site_is_its_qr_code() -> None:
    link, caption = item_link(ListItem("occupation", "baker", "Baker", "https://example.org/jobs/baker"))
    assert (link, caption) == ("https://example.org/jobs/baker", "More about Baker.")
    link, caption = item_link(ListItem("occupation", "baker", "Baker", "https://example.org/" + "x" * 2100))
    assert link == "" and "search for “Baker”" in caption


def test_events_and_resources_get_their_own_link_or_no_qr_code(take_home_reader) -> None:
    fair = build_page(Target("take-home", "event:jobs-fair"), take_home_reader)
    assert [b.data for s in fair.sections for b in s.blocks if isinstance(b, QrCode)] == ["https://example.org/fair"]
    leaflet = build_page(Target("take-home", "resource:leaflet"), take_home_reader)
    assert not [b for s in leaflet.sections for b in s.blocks if isinstance(b, QrCode)]
    assert "no QR code" in " ".join(leaflet.text_blocks())


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/x", "file:///etc/passwd",
                                 "https://", "http://exa mple.org", "  "])
def test_a_link_that_is_not_http_gets_no_qr_code_and_says_why(url) -> None:
    assert not is_http(url)
    page = my_list_page([ListItem("resource", "r", "Odd link", url)])
    assert not any(c.label.startswith("QR code") for c in page.choices)
    if url.strip():
        assert "not a web address a phone can open" in " ".join(page.text_blocks())


def test_my_list_page_lists_each_item_with_ways_back_qr_and_remove(take_home_reader) -> None:
    kept = [NURSE, FAIR, LEAFLET, Target("occupation", "astronaut")]
    page = build_page(Target("my-list"), take_home_reader, kept=kept)
    assert [s.heading for s in page.sections] == ["Nurse", "Jobs fair", "Apprenticeships leaflet",
                                                   "Not in the kiosk any more"]
    assert [c.label for c in page.choices] == [
        "Print my sheet",
        "Open Nurse", "QR code: Nurse", "Remove Nurse",
        "Open Jobs fair", "QR code: Jobs fair", "Remove Jobs fair",
        "Open Apprenticeships leaflet", "Remove Apprenticeships leaflet",
    ]
    assert page.choices[1].target == NURSE and page.choices[3].target == Target("unkeep", "occupation:nurse")
    text = " ".join(page.text_blocks())
    assert "Starts: 3 December 2026" in text and "Where: Main hall" in text and "Shelf: Shelf B" in text


def test_an_empty_list_says_how_to_add_to_it(take_home_reader) -> None:
    page = build_page(Target("my-list"), take_home_reader, kept=[])
    assert page.choices == () and "Add to my list" in page.empty_message


def test_sheet_entries_give_a_jobs_facts_its_sources_and_its_own_link(take_home_reader) -> None:
    entries = sheet_entries([NURSE, PLUMBER, FAIR, LEAFLET, Target("event", "gone")], take_home_reader)
    assert [e.title for e in entries] == ["Nurse", "Plumber", "Jobs fair", "Apprenticeships leaflet"]
    nurse = entries[0]
    assert nurse.link == "https://nationalcareers.service.gov.uk/job-profiles/nurse"
    facts = dict(nurse.facts)
    assert list(facts) == ["What it is", "Pay", "Hours", "Jobs in the future", "How to start"]
    assert facts["What it is"] == take_home_reader.occupation("nurse").summary
    assert facts["Pay"] == "About £27,000 a year for full-time work (UK, 2024)."  # £520 a week, as on screen
    assert facts["Hours"] == "About 37.5 hours a week for full-time work (UK, 2024)."
    assert facts["Jobs in the future"].startswith("For every 10 jobs in ")
    assert "• Degree" in facts["How to start"]
    assert nurse.sources and all(c.source.name == "Test figures" and c.place == "UK" for c in nurse.sources)
    assert not any("Source" in words for words in facts.values())  # sources once, at the sheet's foot
    assert entries[1].link == "" and "search for “Plumber”" in entries[1].link_note
    assert entries[3].link == "" and "no web link" in entries[3].link_note
    assert entries[2].lines == ("Starts: 3 December 2026", "Where: Main hall")


def test_take_home_pages_read_any_text(take_home_reader) -> None:
    title = "قناة " * 200
    page = my_list_page([ListItem("event", "e", title, "", (("Starts", "not a date"),))])
    assert page.sections[0].heading == title and "Starts: not a date" in " ".join(page.text_blocks())
