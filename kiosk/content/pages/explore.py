"""Exploring jobs by the school subjects a pupil likes and by the kind of route after school, in sortable lists."""

from __future__ import annotations

from kiosk.content.model import RouteKind
from kiosk.content.pages import wording as w
from kiosk.content.pages.browse import job_list, missing_page
from kiosk.content.pages.levels import route_kind
from kiosk.content.pages.page import Choice, Page, Target
from kiosk.content.pages.paging import split_page
from kiosk.content.pages.sorting import split_sort
from kiosk.content.reader import ContentReader


def subjects_page(reader: ContentReader) -> Page:
    """School subjects a pupil may like, each leading to the jobs it helps with."""
    return Page(
        Target("subjects"),
        "School subjects I like",
        "Tap a subject you enjoy to see jobs it can help you with.",
        choices=tuple(
            Choice(s.name, Target("subject", s.id), w.job_count(s.occupation_count))
            for s in reader.subjects()
            if s.occupation_count  # a subject no installed job names would lead to an empty list
        ),
        empty_message="The kiosk has no jobs sorted by school subject yet.",
    )


def subject_page(reader: ContentReader, key: str, region: str) -> Page:
    """The jobs one school subject helps with, sorted by name, pay or growth."""
    subject_id, _ = split_sort(split_page(key)[0])
    subject = reader.subject(subject_id)
    if subject is None:
        return missing_page("That school subject is not in the kiosk any more.")
    choices, line = job_list(reader, "subject", key, region, subject=subject_id)
    return Page(
        Target("subject", key),
        f"Jobs for people who like {subject.name}",
        " ".join(t for t in (subject.description, line) if t),
        choices=choices,
        empty_message="There are no jobs for this subject in the kiosk yet.",
    )


def route_kinds_page(reader: ContentReader) -> Page:
    """The kinds of route after school, each leading to the jobs it can lead to."""
    return Page(
        Target("route-kinds"),
        "Jobs by route after school",
        "Tap a way to carry on learning or training to see the jobs it can lead to.",
        choices=tuple(
            Choice(route_kind(k.kind).label, Target("route-kind", k.kind), _reach(k))
            for k in reader.route_kinds()
            if k.jobs
        ),
        empty_message="The kiosk has no routes after school that lead to jobs yet.",
    )


def route_kind_page(reader: ContentReader, key: str, region: str) -> Page:
    """The jobs a kind of route leads to, sorted by name, pay or growth."""
    kind, _ = split_sort(split_page(key)[0])
    found = next((k for k in reader.route_kinds() if k.kind == kind), None)
    if found is None:
        return missing_page("The kiosk has no routes of that kind any more.")
    words = route_kind(kind)
    through, about = words.through, words.about
    choices, line = job_list(reader, "route-kind", key, region, route_kind=kind)
    return Page(
        Target("route-kind", key),
        f"Jobs you can reach through {through}",
        " ".join(t for t in (about, _after_line(found), line) if t),
        choices=choices,
        empty_message="The kiosk has no jobs linked to this kind of route yet.",
    )


def _reach(k: RouteKind) -> str:
    """A route kind's tile line: how many jobs, and, when jobs are reached through the next step, which step:
    "298 jobs, most after an apprenticeship or a degree" (A levels lead on to more than they name themselves)."""
    if not k.after:
        return w.job_count(k.jobs)
    how_many = "most" if k.jobs - k.direct > k.direct else "some"
    return f"{w.job_count(k.jobs)}, {how_many} after {_steps(k)}"


def _after_line(k: RouteKind) -> str:
    """What the list counts, said once on the page: the jobs of the next step are in it too."""
    if not k.after:
        return ""
    return f"The list also has jobs you can do after taking the next step, such as {_steps(k)}."


def _steps(k: RouteKind) -> str:
    return " or ".join(route_kind(after).through for after in k.after)
