"""Events: upcoming open days, taster days, employer talks and fairs, soonest first, and one event in full."""

from __future__ import annotations

import datetime as dt

from kiosk.content.model import Event
from kiosk.content.pages import wording as w
from kiosk.content.pages.audiences import audience_words
from kiosk.content.pages.page import Choice, Fact, FactList, Note, Page, Paragraph, Section, Target
from kiosk.content.pages.paging import ListPage, page_choices, page_line, page_target

EVENTS = Target("events")
EVENT_KINDS = {
    "open_day": "Open day",
    "taster_day": "Taster day",
    "employer_talk": "Talk by an employer",
    "careers_fair": "Careers fair",
    "other": "Event",
}


def events_page(events: list[Event], today: dt.date, page: ListPage = ListPage(1), total: int | None = None) -> Page:
    """One page of the events not yet over on `today`, soonest first (the reader has already left out past ones);
    `total` is how many there are on every page together."""
    upcoming = sorted((e for e in events if _last_day(e) >= today), key=lambda e: e.starts)
    total = len(events) if total is None else total
    return Page(
        page_target("events", "", page.number),
        "Events coming up",
        " ".join(t for t in ("Open days, taster days, talks and fairs. The soonest is first.",
                             page_line(page, total)) if t),
        choices=page_choices("events", "", page, total)
        + tuple(Choice(e.title, Target("event", e.id), _line(e), key_detail=_day(e)) for e in upcoming),
        empty_message="There are no events coming up in the kiosk. Ask in the careers office.",
    )


def event_page(event: Event) -> Page:
    """One event: what kind, when, where, who it is for and what happens."""
    facts = FactList((
        Fact("What", EVENT_KINDS.get(event.kind, "Event")),
        Fact("When", when(event)),
        Fact("Where", event.place or "Not given", "" if event.place else "Ask in the careers office."),
        Fact("Who it is for", audience_words(event.audience) if event.audience else "Everyone"),
    ))
    about = Paragraph(event.summary) if event.summary else Paragraph("The kiosk has no more about this event.")
    blocks = [about]
    if event.url.lower().startswith(("http://", "https://")):
        blocks.append(Note(f"More online: {event.url}"))  # shown as text only; the kiosk never opens a link
    return Page(
        Target("event", event.id),
        event.title,
        when(event),
        (Section("The facts", (facts,)), Section("What happens", tuple(blocks))),
        (Choice("More events", EVENTS, "Everything coming up"),),
    )


def when(event: Event) -> str:
    """The date and time in words: "Thursday 3 December 2026, 17:30 to 20:00"; text that is no date as it is."""
    start = _parse(event.starts)
    if start is None:
        return event.starts or "Date not known"
    end = _parse(event.ends) if event.ends else None
    text = _moment(start)
    if end is None:
        return text
    if end.date() == start.date():
        return f"{text} to {end:%H:%M}" if _has_time(event.ends) else text
    return f"From {text} to {_moment(end)}"


def _line(event: Event) -> str:
    """The start and place only: a tile has room for a line or two (the event's page gives the end)."""
    return " · ".join(t for t in (_day(event), event.place) if t)


def _day(event: Event) -> str:
    """When it starts: what a pupil picks an event by, so its tile always shows it."""
    start = _parse(event.starts)
    return _moment(start) if start else event.starts or "Date not known"


def _parse(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def _has_time(text: str) -> bool:
    return len(text) > 10


def _moment(moment: dt.datetime) -> str:
    day = f"{moment:%A} {w.day(moment.date().isoformat())}"
    return day if moment.time() == dt.time(0) else f"{day}, {moment:%H:%M}"


def _last_day(event: Event) -> dt.date:
    moment = _parse(event.ends or event.starts)
    return moment.date() if moment else dt.date.max  # an unreadable date is shown, not hidden
