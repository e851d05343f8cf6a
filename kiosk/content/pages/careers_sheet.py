"""What the printed careers sheet says: each kept item in plain words, the school's careers contact and next
steps, and where the figures come from (once, at the foot)."""

from __future__ import annotations

from typing import NamedTuple, Sequence

from kiosk.content.pages.figure_sources import Citations, Cited
from kiosk.content.pages.page import Target
from kiosk.content.pages.sheet_facts import job_facts
from kiosk.content.pages.take_home import KIND_WORDS, detail, item_link
from kiosk.content.reader import ContentReader

SHEET_TITLE = "My careers sheet"
# While the sample is installed: what on the kiosk is made up, and what is real.
SAMPLE_NOTICE = ("Sample school content: the events, stories from former students, careers library and local providers "
                 "are made up. Job figures are real, from ONS and DfE.")
# What a sheet says when staff have not given the school's own words (Settings: careers contact, next steps).
DEFAULT_CONTACT = "Ask at the careers desk."
# No "code" or "scan": picture mode would draw computer code and a barcode.
DEFAULT_NEXT_STEPS = ("At home, point a phone camera at the square beside a job to read more about it. Talk about "
                      "these jobs with your family and your careers adviser.")
CONTACT_HEADING, NEXT_STEPS_HEADING = "Who to ask at school", "What to do next"
SOURCES_HEADING = "Where these figures come from"


class SheetEntry(NamedTuple):
    """One kept item on the sheet: its title, what kind of thing it is, its details, and its link."""

    title: str
    kind: str
    lines: tuple[str, ...]  # plain details of an event, resource or route
    link: str  # "" when there is no http(s) link (then `link_note` says why)
    link_note: str
    facts: tuple[tuple[str, str], ...] = ()  # a job's (heading, words): what it is, pay, hours, future, how to start
    easy: tuple[str, ...] = ()  # short sentences for the symbol sheet (picture and big-pictures modes)
    sources: tuple[Cited, ...] = ()  # where its figures come from, gathered at the sheet's foot


class SheetFooter(NamedTuple):
    """The school's own words at the end of every sheet (staff settings), never empty."""

    contact: str = DEFAULT_CONTACT
    next_steps: str = DEFAULT_NEXT_STEPS


def sheet_footer(contact: str = "", next_steps: str = "") -> SheetFooter:
    """The footer from the staff's settings, with the kiosk's own words where a setting is empty."""
    return SheetFooter(contact.strip() or DEFAULT_CONTACT, next_steps.strip() or DEFAULT_NEXT_STEPS)


def sheet_entries(targets: Sequence[Target], reader: ContentReader, region: str = "UK") -> list[SheetEntry]:
    """The entries for the kept items that are still in the kiosk, in the order they were kept."""
    entries = []
    for target in targets:
        item = reader.list_item(target.kind, target.key)
        if item is None:
            continue
        link, note = item_link(item)
        lines = tuple(f"{label}: {detail(label, value)}" for label, value in item.details)
        entry = SheetEntry(item.title, KIND_WORDS.get(item.kind, ""), lines, link, note,
                           easy=(KIND_WORDS.get(item.kind, ""), *lines))
        occ = reader.occupation(target.key) if item.kind == "occupation" else None
        if occ is not None:
            facts = job_facts(occ, region)
            entry = entry._replace(facts=facts.facts, easy=facts.easy, sources=facts.sources)
        entries.append(entry)
    return entries


def sheet_sources(entries: Sequence[SheetEntry]) -> tuple[str, ...]:
    """Every source the sheet's figures come from, each once (with all its years and places, publisher, date and
    licence, as a job's page names them), in the order first met."""
    cite = Citations()
    for entry in entries:
        for use in entry.sources:
            cite.add(*use)
    return cite.lines()
