"""Routes, alumni stories, events and the careers library say the right things, and cope with thin content."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiosk.content.model import AlumniStory, Event, Resource
from kiosk.content.pack_store import PackStore
from kiosk.content.pages import build_page
from kiosk.content.pages.alumni import story_page
from kiosk.content.pages.events import event_page, when
from kiosk.content.pages.library import resource_page
from kiosk.content.pages.page import BulletList, FactList, Page, Target
from kiosk.content.reader import ContentReader, open_reader
from tests.helpers.packs import make_pack, national_tables

TODAY = dt.date(2027, 1, 20)


def facts(page: Page) -> dict[str, str]:
    return {f.label: f.value for s in page.sections for b in s.blocks if isinstance(b, FactList) for f in b.facts}


def section(page: Page, heading: str) -> list[str]:
    found = [s for s in page.sections if s.heading == heading]
    assert found, f"no section {heading!r} among {[s.heading for s in page.sections]}"
    return [t for b in found[0].blocks for t in (b.items if isinstance(b, BulletList) else (getattr(b, "text", ""),))]


def labels(page: Page) -> list[str]:
    return [c.label for c in page.choices]


def thin_tables() -> dict[str, list[dict]]:
    """The national test pack plus school content with gaps: a route nobody offers, an event with no end,
    past events, a story with no route or job, a resource with no shelf, text in other scripts."""
    tables = national_tables()
    tables["routes"].append({"id": "t-levels", "name": "T levels", "kind": "t_levels", "rqf_level": 3,
                             "summary": "Two-year technical courses.", "easy_read": ["You learn one kind of work."],
                             "duration": "2 years", "entry": "Five GCSEs."})
    tables["routes"].append({"id": "odd", "name": "Ein Weg · 一条路", "kind": "other", "rqf_level": 0,
                             "summary": "x" * 4000})
    tables["occupation_routes"].append({"occupation": "electrician", "route": "t-levels"})
    tables["providers"] = [
        {"id": "college", "name": "Town College", "kind": "college", "town": "Riverside"},
        {"id": "firm", "name": "Sparks Ltd", "kind": "employer"},
    ]
    tables["provider_routes"] = [{"provider": "college", "route": "t-levels"}, {"provider": "firm", "route": "t-levels"}]
    tables["alumni"] = [
        {"id": "chloe", "first_name": "Chloe", "year_left": 2020, "route": "t-levels", "occupation": "electrician",
         "destination": "Electrician", "quote": "I love it."},
        {"id": "sam", "first_name": "Sam", "year_left": 2023, "destination": "Travelling", "quote": "Still deciding."},
        {"id": "ana", "first_name": "Ana", "year_left": 2019, "route": "degree", "occupation": "nurse",
         "destination": "Nurse", "quote": "Busy."},
    ]
    tables["events"] = [
        {"id": "fair", "title": "Careers fair", "kind": "careers_fair", "starts": "2027-03-18T16:00",
         "ends": "2027-03-18T19:30", "place": "Town Hall", "audience": ["ks4", "parents"]},
        {"id": "skills-day", "title": "Skills day", "kind": "other", "starts": "2027-02-08"},
        {"id": "talk-today", "title": "Talk today", "kind": "employer_talk", "starts": "2027-01-20T13:00"},
        {"id": "old-talk", "title": "Old talk", "kind": "employer_talk", "starts": "2027-01-19T13:00"},
        {"id": "old-week", "title": "Old week", "kind": "taster_day", "starts": "2027-01-10T09:00",
         "ends": "2027-01-14T15:00"},
        {"id": "this-week", "title": "This week", "kind": "taster_day", "starts": "2027-01-18T09:00",
         "ends": "2027-01-22T15:00"},
    ]
    tables["resources"] = [
        {"id": "booklet", "title": "Apprenticeships explained", "kind": "printed", "audience": ["ks4", "parents"],
         "summary": "What they are.", "shelf": "Shelf A1"},
        {"id": "quiz", "title": "Skills quiz", "kind": "online", "audience": ["ks3"],
         "url": "https://example.org/quiz"},
        {"id": "leaflet", "title": "A leaflet", "kind": "printed", "audience": ["send"]},
    ]
    return tables


@pytest.fixture
def thin(tmp_path: Path):
    make_pack(tmp_path / "p.zip", thin_tables())
    PackStore(tmp_path / "d").install(tmp_path / "p.zip")
    r = open_reader(tmp_path / "d" / "kiosk.db")
    yield r
    r.close()


def page(target: Target, reader: ContentReader, **kw) -> Page:
    return build_page(target, reader, today=TODAY, **kw)


# -- routes ------------------------------------------------------------------------------------------------


def test_the_routes_list_runs_from_entry_level_up_with_kind_and_level_in_words(thin) -> None:
    p = page(Target("routes"), thin)
    assert labels(p) == ["What the levels mean", "Ein Weg · 一条路", "T levels", "Degree"]
    details = [c.detail for c in p.choices]
    assert details[1] == "Entry level, the first steps, before GCSE level · Course or training"
    assert details[2] == "Level 3, like A levels · T levels"
    assert details[3] == "Level 6, like a university degree · Degree or higher study"


def test_a_route_page_gives_facts_providers_jobs_and_people_who_went_this_way(thin) -> None:
    p = page(Target("route", "t-levels"), thin)
    assert p.title == "T levels" and p.subtitle == "Level 3, like A levels"
    assert facts(p) == {"Type": "T levels", "Level 3": "Like A levels", "How long": "2 years",
                        "What you need to start": "Five GCSEs"}
    assert section(p, "Where you can do it near here") == ["Town College (college, Riverside)",
                                                          "Sparks Ltd (employer, town not known)"]
    assert section(p, "People from our school who went this way") == ["Chloe, left in 2020: Electrician"]
    assert section(p, "What it is") == ["Two-year technical courses."]
    assert labels(p) == ["Jobs it can lead to", "Chloe's story", "What the levels mean"]
    assert p.choices[0].detail == "1 job"
    jobs = page(p.choices[0].target, thin)
    assert jobs.title == "Jobs you can reach through: T levels"
    assert [(c.label, c.target) for c in jobs.choices] == [("Electrician", Target("occupation", "electrician"))]
    easy = page(Target("route", "t-levels"), thin, easy=True)
    assert section(easy, "What it is") == ["You learn one kind of work."]


def test_a_route_with_nothing_but_a_summary_says_plainly_what_is_not_known(thin) -> None:
    p = page(Target("route", "odd"), thin)
    assert facts(p)["How long"] == "Not known" and facts(p)["What you need to start"] == "Not known"
    assert section(p, "Where you can do it near here") == [
        "The kiosk does not know of a local place that offers this yet. Ask in the careers office."]
    assert section(p, "Jobs it can lead to") == ["The kiosk has no jobs linked to this route yet."]
    assert section(p, "People from our school who went this way") == [
        "The kiosk has no stories from former pupils about this yet."]
    assert labels(p) == ["What the levels mean"]
    assert page(Target("route-jobs", "odd"), thin).empty_message == "The kiosk has no jobs linked to this route yet."
    assert page(Target("route-jobs", "gone"), thin).target == Target("missing")
    assert facts(p)["Entry level"] == "The first steps, before GCSE level"


def test_a_missing_route_says_so(thin) -> None:
    p = page(Target("route", "gone"), thin)
    assert p.target == Target("missing") and "route" in p.subtitle


def test_the_levels_page_explains_every_level_from_entry_to_8() -> None:
    from kiosk.content.pages.routes import rqf_page

    headings = [s.heading for s in rqf_page().sections]
    assert headings[0] == "What levels are"
    assert [h.split(":")[0] for h in headings[1:]] == ["Entry level", *(f"Level {n}" for n in range(1, 9))]
    text = " ".join(rqf_page().text_blocks())
    for words in ("A levels, T levels", "GCSEs at grades 9 to 4", "Bachelor's degrees", "Doctorates"):
        assert words in text


def test_every_sample_route_has_a_page_with_its_level_and_someone_offers_most(sample_reader) -> None:
    routes = sample_reader.routes()
    assert len(routes) >= 15
    offered = 0
    for route in routes:
        p = page(Target("route", route.id), sample_reader, easy=True)
        assert p.target == Target("route", route.id) and p.subtitle.startswith(("Level", "Entry level"))
        offered += not section(p, "Where you can do it near here")[0].startswith("The kiosk does not know")
    assert offered >= len(routes) - 2


# -- alumni ------------------------------------------------------------------------------------------------


def test_stories_are_listed_most_recent_leavers_first(thin) -> None:
    p = page(Target("stories"), thin)
    assert labels(p) == ["Sam, left in 2023", "Chloe, left in 2020", "Ana, left in 2019"]
    assert p.choices[1].detail == "Electrician" and p.choices[1].target == Target("story", "chloe")


def test_a_story_links_to_its_route_and_job(thin) -> None:
    p = page(Target("story", "chloe"), thin)
    assert (p.title, p.subtitle) == ("Chloe's story", "Left our school in 2020")
    assert section(p, "In Chloe's words") == ["“I love it.”"]
    assert [c.target for c in p.choices] == [Target("route", "t-levels"), Target("occupation", "electrician"),
                                             Target("stories")]


def test_a_story_with_no_links_says_so_plainly(thin) -> None:
    p = page(Target("story", "sam"), thin)
    assert section(p, "The way they went") == ["The kiosk does not know which route Sam took after school.",
                                               "The kiosk has no page about Sam's job."]
    assert [c.target for c in p.choices] == [Target("stories")]


def test_a_story_whose_route_and_job_are_not_installed_does_not_link_to_them() -> None:
    story = AlumniStory("x", "Li", 2020, "Pilot", "Up high.", route="gone", occupation="gone-too")
    p = story_page(story)
    assert [c.target for c in p.choices] == [Target("stories")]


def test_the_occupation_page_names_people_from_our_school_who_did_the_job(thin) -> None:
    p = page(Target("occupation", "electrician"), thin)
    assert section(p, "People from our school who did this job") == ["Chloe, left in 2020: Electrician"]
    assert Target("story", "chloe") in [c.target for c in p.choices]
    plumber = page(Target("occupation", "plumber"), thin)
    assert "People from our school who did this job" not in [s.heading for s in plumber.sections]


# -- events ------------------------------------------------------------------------------------------------


def test_events_show_soonest_first_and_hide_past_ones(thin) -> None:
    p = page(Target("events"), thin)
    assert labels(p) == ["This week", "Talk today", "Skills day", "Careers fair"]
    assert p.choices[3].detail == "Thursday 18 March 2027, 16:00 · Town Hall"
    assert p.choices[2].detail == "Monday 8 February 2027"
    later = build_page(Target("events"), thin, today=dt.date(2027, 3, 19))
    assert later.choices == () and "no events coming up" in later.empty_message


def test_an_event_without_an_end_place_or_audience_still_reads_well(thin) -> None:
    p = page(Target("event", "talk-today"), thin)
    assert p.subtitle == "Wednesday 20 January 2027, 13:00"
    assert facts(p) == {"What": "Talk by an employer", "When": "Wednesday 20 January 2027, 13:00",
                        "Where": "Not given", "Who it is for": "Everyone"}
    assert section(p, "What happens") == ["The kiosk has no more about this event."]
    fair = page(Target("event", "fair"), thin)
    assert facts(fair)["Who it is for"] == "Key Stage 4 and Parents and carers"


def test_event_times_in_words() -> None:
    def ev(starts: str, ends: str = "") -> Event:
        return Event("e", "E", "other", starts, ends)

    assert when(ev("2027-01-18T09:00", "2027-01-22T15:00")) == \
        "From Monday 18 January 2027, 09:00 to Friday 22 January 2027, 15:00"
    assert when(ev("2027-01-18", "2027-01-18")) == "Monday 18 January 2027"
    assert when(ev("soon")) == "soon"
    assert when(ev("")) == "Date not known"


def test_a_link_that_is_not_http_is_never_shown() -> None:
    bad = Event("e", "E", "other", "2027-01-18", url="javascript:alert(1)")
    assert not any("javascript" in t for t in event_page(bad).text_blocks())
    good = Event("e", "E", "other", "2027-01-18", url="https://example.org/e")
    assert "More online: https://example.org/e" in event_page(good).text_blocks()
    res = Resource("r", "R", "online", url="file:///etc/passwd")
    assert not any("file:" in t for t in resource_page(res).text_blocks())


# -- the careers library -----------------------------------------------------------------------------------


def test_the_library_offers_each_audience_with_how_many_things_it_has(thin) -> None:
    p = page(Target("library"), thin)
    assert labels(p) == ["Key Stage 3", "Key Stage 4", "After 16", "Parents and carers", "SEND", "Everything"]
    counts = [c.detail.rsplit("· ", 1)[1] for c in p.choices]
    assert counts == ["1 thing", "1 thing", "0 things", "1 thing", "1 thing", "3 things"]


def test_an_audience_lists_its_resources_with_kind_and_shelf(thin) -> None:
    p = page(Target("library", "ks4"), thin)
    assert p.title == "For Key Stage 4"
    assert [(c.label, c.detail) for c in p.choices] == [("Apprenticeships explained", "Printed · Shelf A1")]
    assert labels(page(Target("library", "all"), thin)) == ["A leaflet", "Apprenticeships explained", "Skills quiz"]
    empty = page(Target("library", "post16"), thin)
    assert empty.choices == () and "nothing in the library" in empty.empty_message


def test_a_resource_says_what_kind_it_is_and_where_to_find_it(thin) -> None:
    booklet = page(Target("resource", "booklet"), thin)
    assert facts(booklet) == {"What kind": "Printed: a booklet, leaflet or poster", "Where to find it": "Shelf A1",
                              "Who it is for": "Key Stage 4 and Parents and carers"}
    leaflet = page(Target("resource", "leaflet"), thin)
    assert facts(leaflet)["Where to find it"] == "Ask in the careers office"
    assert section(leaflet, "What it is") == ["The kiosk has no description of this yet."]
    quiz = page(Target("resource", "quiz"), thin)
    assert "Online at: https://example.org/quiz" in quiz.text_blocks()


def test_an_empty_kiosk_says_so_on_every_school_page(reader) -> None:
    for kind in ("stories", "events", "library"):
        p = page(Target(kind), reader)
        assert p.choices == () and "Ask in the careers office" in p.empty_message, kind
    for kind in ("story", "event", "resource"):
        assert page(Target(kind, "nothing"), reader).target == Target("missing"), kind
