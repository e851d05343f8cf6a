"""Take it home: "my list", the QR code page for any page, and the choices that lead to them.

How a page builder offers "my list" (routes, events, resources, occupations): put `keep_choice(page_target)`
among its choices. The kiosk swaps it for "On my list ✓ — remove" while the item is kept (`in_session`), and
adds it (with "Take this home") to any page of those kinds that does not offer it, so nothing is left out.
The list itself lives only in the UI session (kiosk/ui/my_list.py); these builders are given what it holds.
"""

from __future__ import annotations

import re
from typing import Collection, Sequence
from urllib.parse import urlsplit

from kiosk.content.model import ListItem
from kiosk.content.pages import wording as w
from kiosk.content.pages.page import Choice, Note, Page, Paragraph, QrCode, Section, Target
from kiosk.content.reader import ContentReader

NCS_SITE = "https://nationalcareers.service.gov.uk/"
KEEPABLE = ("occupation", "route", "event", "resource")  # what a pupil can put on "my list"
MY_LIST = Target("my-list")
KEEP, UNKEEP, TAKE_HOME, PRINT_SHEET, SHEET_DONE = "keep", "unkeep", "take-home", "print-sheet", "sheet"
# What a pupil is told once the sheet is printed or saved for staff: where to get it, never a file or a printer.
SHEET_READY = "Your sheet is ready — ask at the careers desk."
KIND_WORDS = {"occupation": "Job", "route": "Route after school", "event": "Event", "resource": "Careers library"}
_KEEP_LABELS = ("Add to my list", "On my list ✓ — remove")
# The largest QR code holds 2,331 bytes at the medium error correction the kiosk uses; a longer link gets none.
LONGEST_LINK_BYTES = 2000
_HTTP = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


def target_key(target: Target) -> str:
    """A target as one key ("occupation:nurse"), for choices that act on another page."""
    return f"{target.kind}:{target.key}"


def parse_target_key(key: str) -> Target:
    """The target a key names (its kind is "" when the key is not one of target_key's)."""
    kind, sep, rest = key.partition(":")
    return Target(kind, rest) if sep else Target("", key)


def keep_choice(target: Target, kept: bool = False) -> Choice:
    """The "my list" choice for a page about one occupation, route, event or resource."""
    if kept:
        return Choice(_KEEP_LABELS[1], Target(UNKEEP, target_key(target)), "Tap to take it off your list")
    return Choice(_KEEP_LABELS[0], Target(KEEP, target_key(target)), "Keep it to take home at the end")


def take_home_choice(target: Target) -> Choice:
    """"Take this home": a QR code for this page, to open on a phone later."""
    return Choice("Take this home", Target(TAKE_HOME, target_key(target)), "A QR code to scan with a phone")


def print_choice(target: Target | None = None) -> Choice:
    """"Print my careers sheet": my list on paper (with this page's item added, when there is one)."""
    return Choice("Print my sheet", Target(PRINT_SHEET, target_key(target) if target else ""),
                  "Your jobs on paper to take home")


def is_http(url: str) -> bool:
    """True for an http(s) address a phone can open; anything else gets no QR code."""
    return bool(_HTTP.match(url.strip()))


def site_name(url: str) -> str:
    """The site a link is on ("example.org"), for a pupil to type when the whole link is too long to give."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        host = ""
    return host.removeprefix("www.") or "the web"


def _too_long(url: str) -> bool:
    return len(url.strip().encode("utf-8")) > LONGEST_LINK_BYTES


def in_session(page: Page, kept: Collection[Target]) -> Page:
    """The page as this visit shows it: its "my list" choice says whether the item is kept, and pages that
    should offer "Add to my list", "Take this home" or "Print my careers sheet" do."""
    kinds = {c.target.kind for c in page.choices}
    choices = [
        keep_choice(parse_target_key(c.target.key), parse_target_key(c.target.key) in kept)
        if c.target.kind in (KEEP, UNKEEP) and c.label in _KEEP_LABELS else c  # not my list's "Remove …"
        for c in page.choices
    ]
    target = page.target  # "My list" itself is in the top bar on every page, so home never grows a tile for it
    if target.kind in KEEPABLE and not kinds & {KEEP, UNKEEP}:
        choices.append(keep_choice(target, target in kept))
    # Only a page about one thing has a page of its own to take home (a list of jobs would only get a site's
    # home page).
    if target.kind in KEEPABLE and TAKE_HOME not in kinds:
        choices.append(take_home_choice(target))
    if target.kind == "occupation" and PRINT_SHEET not in kinds:
        choices.append(print_choice(target))
    return page._replace(choices=tuple(choices))


def link_for(target: Target, reader: ContentReader) -> tuple[str, str, str]:
    """(title, link, what to look for) for a page's QR code; the link is "" when there is none to give."""
    item = reader.list_item(target.kind, target.key) if target.kind in KEEPABLE else None
    if item is None:  # never a service's home page: a code that leads nowhere in particular helps no one
        return "", "", "This page has no web page of its own to take home."
    return item.title, *item_link(item)


def item_link(item: ListItem) -> tuple[str, str]:
    """(link, what it leads to) for a kept item: its own public page; "" (and what to search for) when the
    content names none, since a code for a site's home page would leave the pupil to find the job again."""
    link = item.url.strip() if is_http(item.url) and not _too_long(item.url) else ""
    if item.kind in ("occupation", "route"):
        if link:
            if site_name(link) == site_name(NCS_SITE):
                return link, f"The National Careers Service page about {item.title}."
            return link, f"More about {item.title}."
        if item.kind == "route":
            return "", f"On the National Careers Service website, look up “{item.title}” under courses and training."
        return "", f"On the National Careers Service website, search for “{item.title}”."
    if is_http(item.url) and _too_long(item.url):
        return "", (f"Its link is too long to show as a code. Search for “{item.title}” on "
                    f"{site_name(item.url)}.")
    if link:
        return link, f"More about {item.title}."
    if item.url:
        return "", "Its link is not a web address a phone can open, so there is no QR code for it."
    return "", "There is no web link for this. Ask a member of staff, or write down its name."


def take_home_page(target: Target, reader: ContentReader) -> Page:
    """The QR code for a page, large enough to scan, with the link as text and what it leads to."""
    title, link, caption = link_for(target, reader)
    heading = f"Take “{title}” home" if title else "Take this home"
    if not link:  # what to look for instead, so the subtitle does not promise a code
        blocks = (Paragraph(f"Sorry, there is no QR code for this. {caption}"),)
        subtitle = "Write down its name to look it up later."
    else:
        blocks = (QrCode(link, caption), Paragraph("Point a phone camera at the code. Nothing is saved on the kiosk."))
        subtitle = "Scan it with a phone to open it later."
    # No tiles and no section heading: the whole height for the code, so it shows whole even in big pictures on a
    # small screen (the title and subtitle already say what it is; Back leads on).
    return Page(Target(TAKE_HOME, target_key(target)), heading, subtitle, (Section("", blocks),))


def my_list_page(items: Sequence[ListItem], missing: int = 0) -> Page:
    """What the pupil kept this visit, with ways back to each, a QR code for each with a link, and Remove."""
    sections, choices = [], []
    for item in items:
        target = Target(item.kind, item.id)
        link, caption = item_link(item)
        lines = [Paragraph(KIND_WORDS.get(item.kind, "Kept"))]
        lines += [Paragraph(f"{label}: {detail(label, value)}") for label, value in item.details]
        lines.append(Note(f"Link: {link}") if link else Note(caption))
        sections.append(Section(item.title, tuple(lines)))
        choices.append(Choice(f"Open {item.title}", target, KIND_WORDS.get(item.kind, "")))
        if link:
            choices.append(Choice(f"QR code: {item.title}", Target(TAKE_HOME, target_key(target)), "Scan with a phone"))
        choices.append(Choice(f"Remove {item.title}", Target(UNKEEP, target_key(target)), "Take it off your list"))
    if missing:
        gone = "1 thing you kept is" if missing == 1 else f"{missing} things you kept are"
        sections.append(Section("Not in the kiosk any more", (Paragraph(f"{gone} not in the kiosk any more."),)))
    if items:
        choices.insert(0, print_choice())
    return Page(
        MY_LIST, "My list", "What you kept on this visit. It is wiped when you walk away.", tuple(sections),
        tuple(choices),
        empty_message="Your list is empty. On a job, route, event or library page, tap “Add to my list”.",
    )


def sheet_done_page(where: str) -> Page:
    """What happens next with the careers sheet (SHEET_READY), or why there is none: never a file or printer."""
    return Page(Target(SHEET_DONE, where), "Your careers sheet", where,
                choices=(Choice("My list", MY_LIST, "Everything you kept"),))


def detail(label: str, value: str) -> str:
    """A kept item's detail as a pupil reads it: a date in words, "careers_fair" as "careers fair"."""
    return w.day(value) if label in ("Starts", "Ends") else value.replace("_", " ")
