"""Search finds the kind of job a title names through ONS's SOC 2010 coding index, by words and never by code."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.pack_store import PackStore
from kiosk.content.pages import build_page
from kiosk.content.pages.page import Target
from kiosk.content.reader import ContentReader, open_reader
from kiosk.content.search_kinds import kind_words
from tests.helpers.packs import SOURCE, make_pack, national_tables


def titles(reader: ContentReader, typed: str, n: int = 3) -> list[str]:
    return [h.title for h in reader.search(typed)[:n]]


@pytest.mark.parametrize(("typed", "expected"), [
    ("usherette", "Theme park and leisure attendant"), ("rabbi", "Faith leader"), ("imam", "Faith leader"),
    ("sommelier", "Waiter or waitress"), ("blacksmith", "Smith and metal worker"),
    ("milliner", "Tailor and dressmaker"),
])
def test_a_title_no_job_holds_finds_the_kind_of_job_onss_index_puts_it_in(
        sample_reader: ContentReader, typed: str, expected: str) -> None:
    found = sample_reader.find(typed)
    assert found.corrected == ""  # a job word ONS's index holds is never "corrected" ("blacksmith" to "block smith")
    assert expected in [h.title for h in found.hits[:3]], titles(sample_reader, typed, 8)
    assert next(h for h in found.hits if h.title == expected).matched == "kind"


def test_the_page_says_a_job_of_the_kind_is_the_same_kind_of_job(sample_reader: ContentReader) -> None:
    page = build_page(Target("search", "rabbi"), sample_reader)
    faith = next(c for c in page.choices if c.label == "Faith leader")
    assert faith.detail == "The same kind of job"


def test_a_search_whose_words_a_job_is_named_by_adds_no_other_kinds(sample_reader: ContentReader) -> None:
    for typed in ("nurse", "plumber", "software developer"):
        assert {h.matched for h in sample_reader.search(typed)} <= {"title", "alternative title", "description"}


def test_a_word_still_being_typed_is_not_looked_up(sample_reader: ContentReader) -> None:
    # "carpen" is the start of "carpenter": no kind of job is guessed from it until it is whole.
    plan = sample_reader._searcher._planner.plan
    assert plan(["plumbing", "carpen"], open_end=True)[-1].index_expr == ""
    assert '"carpen"' in plan(["plumbing", "carpen"], open_end=False)[-1].index_expr


def test_kind_words_leave_out_the_classifications_own_words() -> None:
    assert kind_words("Elementary security occupations n.e.c.") == "security"
    assert kind_words("Smiths and forge workers") == "smiths forge workers"


def test_only_words_cross_from_soc_2010_never_a_code(tmp_path: Path) -> None:
    # SOC 2010 and SOC 2020 reuse codes for different jobs. Here the index puts "Sluice warden" in SOC 2010 group
    # 5314, whose title says nurses, while 5314 in SOC 2020 is the plumber: search offers the nurses.
    tables = national_tables()
    tables["soc2010_titles"] = [{"title": "Sluice warden", "soc2010": "5314", "source": SOURCE["id"]}]
    tables["soc2010_groups"] = [{"code": "5314", "title": "Nurses", "source": SOURCE["id"]}]
    make_pack(tmp_path / "national.zip", tables)
    PackStore(tmp_path / "data").install(tmp_path / "national.zip")
    reader = open_reader(tmp_path / "data" / "kiosk.db")
    try:
        found = reader.search("sluice warden")
        assert [h.title for h in found] == ["Nurse", "Dental nurse"]
        assert {h.soc2020 for h in found} == {"2237"}  # never the SOC 2020 group 5314
    finally:
        reader.close()


def test_the_job_library_carries_onss_soc_2010_index_with_its_source(sample_reader: ContentReader) -> None:
    conn = sample_reader._conn
    assert conn.execute("SELECT count(*) FROM soc2010_titles").fetchone()[0] > 28_000
    assert conn.execute("SELECT count(*) FROM soc2010_groups").fetchone()[0] == 369
    licence = conn.execute("SELECT licence FROM sources WHERE id = 'ons-soc2010-index'").fetchone()
    assert licence == ("Open Government Licence v3.0",)
    assert conn.execute("SELECT title FROM soc2010_titles WHERE title = 'Court usher'").fetchone()
