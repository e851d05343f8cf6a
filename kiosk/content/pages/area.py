"""Which place the kiosk's local figures describe, named the way a title or tile says it: "Jobs in England"."""

from __future__ import annotations

from kiosk.content.pages import wording as w
from kiosk.content.reader import ContentReader


def local_place(reader: ContentReader, region: str) -> str:
    """The place "Jobs in …" and the growing jobs describe for a kiosk set to `region`: the region when it has
    figures, else the UK, else England (DfE projects England and its areas, not the UK); the region itself when
    nothing has figures. Job lists take growth from the same places in the same order (job_list_reads)."""
    found = reader.group_changes(region, limit=1) or reader.job_changes(region, limit=1)  # the second only if need be
    return found[0].region if found else region


def jobs_in(place: str) -> str:
    return f"Jobs in {w.in_place(place)}"


def growing_in(place: str) -> str:
    return f"Growing jobs in {w.in_place(place)}"
