"""A Page: what a screen says, as plain values that any presentation can lay out, speak or symbolise.

NamedTuples (cheap to define, immutable), like the content model.
"""

from __future__ import annotations

from typing import NamedTuple, Union


class Target(NamedTuple):
    """Where a choice leads: a kind of page and, for pages about one thing, its id."""

    kind: str
    key: str = ""


HOME = Target("home")
SEARCH = Target("search")
# The heading of a page's last section, where job and compare pages name their figures' sources once.
SOURCES_HEADING = "Where do these figures come from?"


class Paragraph(NamedTuple):
    """A paragraph of plain text."""

    text: str


class BulletList(NamedTuple):
    """A short list of plain-text items."""

    items: tuple[str, ...]


class Fact(NamedTuple):
    """A key fact: a label, its value in plain words, a line of detail, and where the figure comes from ("" on
    pages that name their sources once, at the end)."""

    label: str
    value: str
    detail: str = ""
    source: str = ""


class FactList(NamedTuple):
    """Key facts shown together."""

    facts: tuple[Fact, ...]


class Bar(NamedTuple):
    """One bar of a bar chart: a label under it, its value, and the value in words above it."""

    label: str
    value: float
    value_text: str


class BarChart(NamedTuple):
    """A simple bar chart with a one-line headline a 12-year-old can read, and its source ("" when the page names
    its sources once, at the end)."""

    title: str
    headline: str
    trend: str  # "up", "down" or "flat"
    bars: tuple[Bar, ...]
    source: str = ""
    across: bool = False  # one thing against another (this job and all jobs): short bars drawn across, not up


class Note(NamedTuple):
    """Small print, such as where figures come from."""

    text: str


class QrCode(NamedTuple):
    """A QR code for a phone to scan: the link it holds (shown as text too) and what it leads to."""

    data: str
    caption: str


class CompareCell(NamedTuple):
    """One entry of a compare table: lines of plain text, where the figure comes from, and for growth its trend."""

    lines: tuple[str, ...]
    source: str = ""
    trend: str = ""  # "up", "down" or "flat" for a change in jobs (drawn as a small arrow); "" for other entries
    value: float | None = None  # the figure behind the words, for drawing (pay a week, hours, jobs for every 10)


class CompareColumn(NamedTuple):
    """One job (or the average for all jobs) in a compare table: its name and one cell per row."""

    heading: str
    cells: tuple[CompareCell, ...]


class CompareTable(NamedTuple):
    """Jobs side by side: row labels (pay, hours…) and a column per job (the page names the sources under it)."""

    rows: tuple[str, ...]
    columns: tuple[CompareColumn, ...]


Block = Union[Paragraph, BulletList, FactList, BarChart, Note, QrCode, CompareTable]


class Section(NamedTuple):
    """A heading (or "" for none) and the blocks under it."""

    heading: str
    blocks: tuple[Block, ...]


class Choice(NamedTuple):
    """A tile that leads somewhere, with a line of detail under its label."""

    label: str
    target: Target
    detail: str = ""
    picture: str = ""  # the words whose symbol stands for the choice ("" for the label's own)
    current: bool = False  # the way things are now (the sort or the look chosen): the tile shows it
    sort: str = ""  # a way to sort the list it stands in ("title", "pay", "growth"), not a thing in the list
    group: str = ""  # the kind it is in a long list (a job's sector): big pictures narrows by it first
    key_detail: str = ""  # the part of `detail` a pupil chooses by (an event's date, a resource's shelf, a
    # story's job): a tile never drops it, however small the tile or big the text


class Page(NamedTuple):
    """Everything one screen says: a title, sections of blocks, and choices that lead on."""

    target: Target
    title: str
    subtitle: str = ""
    sections: tuple[Section, ...] = ()
    choices: tuple[Choice, ...] = ()
    empty_message: str = ""  # said instead of choices when a list page has none

    def symbol_texts(self) -> list[str]:
        """The text picture mode shows with symbols: everything but small print such as sources."""
        out = [self.title, self.subtitle]
        for section in self.sections:
            out.append(section.heading)
            for block in section.blocks:
                if isinstance(block, (Paragraph, BulletList)):
                    out.extend(_block_text(block))
                elif isinstance(block, FactList):
                    out.extend(t for f in block.facts for t in (f.label, f.value, f.detail))
                elif isinstance(block, BarChart):
                    out.extend((block.title, block.headline))
                elif isinstance(block, QrCode):
                    out.append(block.caption)  # the link itself is small print, never symbolised
                elif isinstance(block, CompareTable):
                    out.extend((*block.rows, *(t for c in block.columns for t in _compare_words(c))))
        out.extend(t for c in self.choices for t in (c.label, c.detail))
        out.append(self.empty_message)
        return [t for t in out if t]

    def text_blocks(self) -> list[str]:
        """Every piece of text on the page, in reading order (for speech, symbols and tests)."""
        out = [self.title, self.subtitle]
        for section in self.sections:
            out.append(section.heading)
            for block in section.blocks:
                out.extend(_block_text(block))
        out.extend(f"{c.label}. {c.detail}" for c in self.choices)
        out.append(self.empty_message)
        return [t for t in out if t]


def _block_text(block: Block) -> list[str]:
    if isinstance(block, (Paragraph, Note)):
        return [block.text]
    if isinstance(block, BulletList):
        return list(block.items)
    if isinstance(block, FactList):
        return [f"{f.label}: {f.value}. {f.detail} {f.source}".strip() for f in block.facts]
    if isinstance(block, QrCode):
        return [block.caption, block.data]
    if isinstance(block, CompareTable):
        return [f"{c.heading}. " + " ".join(
                    f"{row}: {' '.join(cell.lines)}. {cell.source}".strip() for row, cell in zip(block.rows, c.cells))
                for c in block.columns]
    return [block.title, block.headline, block.source]


def _compare_words(column: CompareColumn) -> list[str]:
    """A compare column's words for symbols: its heading and every line, but not its sources (small print)."""
    return [column.heading, *(line for cell in column.cells for line in cell.lines)]
