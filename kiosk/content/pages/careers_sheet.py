"""What the printed careers sheet says about each kept item: plain lines, and where a job's figures come from."""

from __future__ import annotations

from typing import NamedTuple, Sequence

from kiosk.content.pages.occupation import occupation_page
from kiosk.content.pages.page import SOURCES_HEADING, BarChart, FactList, Note, Target
from kiosk.content.pages.take_home import KIND_WORDS, item_link
from kiosk.content.reader import ContentReader

SHEET_TITLE = "My careers sheet"
# While the sample is installed: what on the kiosk is made up, and what is real.
SAMPLE_NOTICE = ("Sample school content: the events, stories from former students, careers library and local providers "
                 "are made up. Job figures are real, from ONS and DfE.")


class SheetEntry(NamedTuple):
    """One kept item on the sheet: its title, what kind of thing it is, its key facts, and its link."""

    title: str
    kind: str
    lines: tuple[str, ...]
    link: str  # "" when there is no http(s) link (then `link_note` says why)
    link_note: str


def sheet_entries(targets: Sequence[Target], reader: ContentReader, region: str = "UK") -> list[SheetEntry]:
    """The entries for the kept items that are still in the kiosk, in the order they were kept."""
    entries = []
    for target in targets:
        item = reader.list_item(target.kind, target.key)
        if item is None:
            continue
        lines = [f"{label}: {value.replace('_', ' ')}" for label, value in item.details]
        if item.kind == "occupation":
            lines = _occupation_facts(target.key, reader, region)
        link, note = item_link(item)
        entries.append(SheetEntry(item.title, KIND_WORDS.get(item.kind, ""), tuple(lines), link, note))
    return entries


def _occupation_facts(occupation_id: str, reader: ContentReader, region: str) -> list[str]:
    occ = reader.occupation(occupation_id)
    if occ is None:
        return []
    lines, sources = [], []
    for section in occupation_page(occ, region).sections:  # the same facts, in the same words, as on screen
        for block in section.blocks:
            if isinstance(block, FactList):  # a figure's detail only where it says why the figure is not known
                lines += [f"{f.label}: {f.value}." if f.value != "Not known" else f"{f.label}: {f.value}. {f.detail}"
                          for f in block.facts]
            elif isinstance(block, BarChart):
                lines.append(block.headline)
            elif isinstance(block, Note) and section.heading == SOURCES_HEADING:
                sources.append(block.text)
    if sources:  # the page names its sources once, at its end; so does the sheet, for each job
        lines.append("Where these figures come from: " + " ".join(sources))
    return lines
