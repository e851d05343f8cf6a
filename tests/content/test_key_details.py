"""What a pupil chooses by is marked on each choice (issue 15, part 3): an event's date, a resource's shelf (or its
kind when it has none), a story's job; the tile keeps it whole, and the detail line still says it first or last."""

from __future__ import annotations

import datetime as dt

from kiosk.content.model import AlumniStory, Event, Resource
from kiosk.content.pages.alumni import stories_page, story_choices
from kiosk.content.pages.events import events_page
from kiosk.content.pages.library import audience_page

TODAY = dt.date(2026, 12, 7)


def test_an_event_tile_is_chosen_by_its_date() -> None:
    events = [Event("fair", "Riverside careers fair", "careers_fair", "2027-03-18T16:00", place="Riverside Town Hall"),
              Event("odd", "Taster day", "taster_day", "in the spring")]
    choices = {c.target.key: c for c in events_page(events, TODAY).choices if c.target.kind == "event"}
    assert choices["fair"].key_detail == "Thursday 18 March 2027, 16:00"
    assert choices["fair"].detail == "Thursday 18 March 2027, 16:00 · Riverside Town Hall"
    assert choices["odd"].key_detail == choices["odd"].detail == "in the spring"  # no date the kiosk can read


def test_a_resource_tile_is_chosen_by_where_it_is() -> None:
    resources = [Resource("cv", "Write your first CV", "printed", ("all",), shelf="Shelf A3"),
                 Resource("kit", "Interview kit", "in_house", ("all",), shelf="Careers office, drawer 2"),
                 Resource("web", "Moving on", "online", ("all",), url="https://example.org"),
                 Resource("loose", "A leaflet", "printed", ("all",))]
    choices = {c.target.key: c for c in audience_page("all", resources).choices if c.target.kind == "resource"}
    assert choices["cv"].key_detail == "Shelf A3" and choices["cv"].detail.endswith("Shelf A3")
    assert choices["kit"].key_detail == "Careers office, drawer 2"
    assert choices["web"].key_detail == choices["web"].detail == "Online"  # online: its kind says where it is
    assert choices["loose"].key_detail == choices["loose"].detail  # no shelf known: the kind stays


def test_a_story_tile_is_chosen_by_the_job_where_the_jobs_differ() -> None:
    story = AlumniStory("chloe-2020", "Chloe", 2020, "Qualified electrician fitting solar panels", "",
                        "advanced-apprenticeship", "Advanced apprenticeship", "electrician", "Electrician")
    listed = [c for c in stories_page([story]).choices if c.target.kind == "story"]
    assert listed[0].key_detail == story.destination
    assert story_choices([story], about="job")[0].key_detail == story.destination  # a route's page: jobs differ
    assert story_choices([story], about="route")[0].key_detail == ""  # a job's page: all of one job
