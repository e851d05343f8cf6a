"""The national test pack with what "take it home" needs: a public job page, events and resources."""

from __future__ import annotations

from tests.helpers.packs import national_tables


def take_home_tables() -> dict:
    """The national test tables, with a public page for the nurse, an event, and resources with and without links."""
    tables = national_tables()
    tables["occupations"][0]["url"] = "https://nationalcareers.service.gov.uk/job-profiles/nurse"
    tables["events"] = [
        {"id": "jobs-fair", "title": "Jobs fair", "kind": "careers_fair", "starts": "2026-12-03T18:00",
         "place": "Main hall", "url": "https://example.org/fair"},
        {"id": "taster", "title": "Taster day", "kind": "taster_day", "starts": "2027-01-10T09:00"},
    ]
    tables["resources"] = [
        {"id": "leaflet", "title": "Apprenticeships leaflet", "kind": "printed", "shelf": "Shelf B"},
        {"id": "video", "title": "Day in the life", "kind": "video", "url": "https://example.org/video"},
    ]
    return tables
