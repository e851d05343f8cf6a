"""The names a careers leader knows for what usage counts: each page kind and each look, never the kiosk's own
words for them ("local", "compare-pick")."""

from __future__ import annotations

# Every page kind a pupil can open, named as the page's title reads (tests check that none is left out).
PAGE_NAMES = {
    "home": "Home",
    "search": "Search",
    "a-z": "Jobs A to Z",
    "occupation": "A job's page",
    "compare": "Compare jobs",
    "compare-pick": "Compare jobs: choosing a job",
    "local": "Jobs in our area",
    "myths": "Myths about jobs",
    "growing": "Growing jobs",
    "sectors": "Kinds of work",
    "sector": "Jobs in one kind of work",
    "interests": "Things I like doing",
    "interest": "Jobs for one thing I like doing",
    "subjects": "School subjects I like",
    "subject": "Jobs for one school subject",
    "route-kinds": "Jobs by route after school",
    "route-kind": "Jobs through one kind of route",
    "routes": "Routes after school",
    "route": "One route after school",
    "route-jobs": "Jobs one route leads to",
    "rqf": "What the levels mean",
    "stories": "People from our school",
    "story": "One former pupil's story",
    "events": "Events coming up",
    "event": "One event",
    "library": "The careers library",
    "resource": "One library resource",
    "my-list": "My list",
    "take-home": "Take it home (QR code)",
    "sheet": "Printed careers sheet",
    "display": "How it looks",
    "change-picture": "Change a picture",
    "credits": "Credits",
    "missing": "Page not found",
}
MODE_NAMES = {"standard": "words", "picture": "words and pictures", "large": "big pictures"}


def page_name(kind: str) -> str:
    """A page kind's name; one not named yet is shown as counted, so nothing is hidden."""
    return PAGE_NAMES.get(kind, kind)


def mode_name(mode: str) -> str:
    """A look's name, as pupils choose it."""
    return MODE_NAMES.get(mode, mode)
