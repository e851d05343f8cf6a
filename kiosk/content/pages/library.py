"""The careers library: choose who it is for, then the school's resources for them, each with where to find it."""

from __future__ import annotations

from typing import Sequence

from kiosk.content.model import Resource
from kiosk.content.pages.audiences import AUDIENCES, audience_name, audience_words
from kiosk.content.pages.page import Choice, Fact, FactList, Note, Page, Paragraph, Section, Target
from kiosk.content.pages.paging import ListPage, page_choices, page_line, page_target

LIBRARY = Target("library")
EVERYTHING = "all"
KINDS = {  # kind -> (in words, where to find it when the content does not say)
    "printed": ("Printed: a booklet, leaflet or poster", "Ask in the careers office"),
    "online": ("Online: a website", "Look it up at home, or ask staff for the link"),
    "video": ("Video", "Watch it at home, or ask staff to show you"),
    "in_house": ("Made by our school", "Ask in the careers office"),
}


def library_page(counts: dict[str, int], total: int) -> Page:
    """Choices by audience, each with how many resources it has; `counts` maps audience id to a number."""
    choices = [Choice(name, Target("library", key), f"{detail} · {_things(counts.get(key, 0))}")
               for key, (name, detail) in AUDIENCES.items()]
    choices.append(Choice("Everything", Target("library", EVERYTHING), f"The whole library · {_things(total)}"))
    return Page(
        LIBRARY,
        "The careers library",
        "Booklets, websites and videos about jobs and choices. Who is it for?",
        choices=tuple(choices) if total else (),
        empty_message="The careers library in the kiosk is empty. Ask in the careers office.",
    )


def audience_page(audience: str, resources: Sequence[Resource], page: ListPage = ListPage(1),
                  total: int | None = None) -> Page:
    """One page of the resources for one audience (or all of them), A to Z, each saying what kind it is and
    where it is; `total` is how many there are on every page together."""
    title = "Everything in the careers library" if audience == EVERYTHING else f"For {audience_name(audience)}"
    total = len(resources) if total is None else total
    return Page(
        page_target("library", audience, page.number),
        title,
        " ".join(t for t in ("Tap one to see what it is and where to find it.", page_line(page, total)) if t),
        choices=page_choices("library", audience, page, total)
        + tuple(Choice(r.title, Target("resource", r.id), _line(r), key_detail=_where(r)) for r in resources),
        empty_message="There is nothing in the library for this yet. Ask in the careers office.",
    )


def resource_page(resource: Resource) -> Page:
    """One resource: what it is, its kind in words, who it is for and where to find it."""
    kind, ask = KINDS.get(resource.kind, ("Other", "Ask in the careers office"))
    where = resource.shelf or ask
    facts = FactList((
        Fact("What kind", kind),
        Fact("Where to find it", where),
        Fact("Who it is for", audience_words(resource.audience) if resource.audience else "Everyone"),
    ))
    about = [Paragraph(resource.summary or "The kiosk has no description of this yet.")]
    if resource.url.lower().startswith(("http://", "https://")):
        about.append(Note(f"Online at: {resource.url}"))  # shown as text only; the kiosk never opens a link
    return Page(
        Target("resource", resource.id),
        resource.title,
        kind,
        (Section("What it is", tuple(about)), Section("The facts", (facts,))),
        (Choice("The careers library", LIBRARY, "Choose who it is for"),),
    )


def _things(n: int) -> str:
    return "1 thing" if n == 1 else f"{n} things"


def _line(resource: Resource) -> str:
    kind = KINDS.get(resource.kind, ("Other", ""))[0].split(":")[0]
    return f"{kind} · {resource.shelf}" if _shelved(resource) else kind


def _where(resource: Resource) -> str:
    """Where to find it (its shelf, or its kind when it has none: online, a video): its tile always shows it."""
    return resource.shelf if _shelved(resource) else _line(resource)


def _shelved(resource: Resource) -> bool:
    return bool(resource.shelf) and resource.kind in ("printed", "in_house")
