"""The careers sheet on A4: drawn with QPainter as plain text and QR codes, to the staff's printer or a PDF.

Each kept job gets what it is, pay, hours, its future and how to start, beside its QR code; the school's contact
and next steps follow, then room for the pupil's questions, and the sources once at the foot. A long list flows
onto more pages. In the picture modes the sheet is drawn with symbols instead (kiosk/ui/symbol_sheet.py).
The PDF is drawn in memory and saved whole (kiosk/staff/sheet_folder.py), so a failure leaves no partial file.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Sequence

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPagedPaintDevice, QPainter, QPdfWriter

from kiosk.content.pages.careers_sheet import (
    CONTACT_HEADING, NEXT_STEPS_HEADING, SAMPLE_NOTICE, SHEET_TITLE, SOURCES_HEADING, SheetEntry, SheetFooter,
    sheet_sources,
)
from kiosk.content.pages.take_home import SHEET_READY, site_name
from kiosk.content.pages.wording import day
from kiosk.staff.sheet_folder import SheetFolder
from kiosk.ui.sheet_paper import DPI, MM, Paper, SheetFailed, font
from kiosk.ui.widgets.qr_code import paint_qr, qr_modules_or_none

if TYPE_CHECKING:  # the words sheet needs no symbols
    from kiosk.ui.symbol_sheet import SheetPictures

log = logging.getLogger(__name__)
__all__ = ["DPI", "SheetFailed", "print_sheet", "render_pdf", "print_on"]
NOTES_HEADING = "My questions for the careers adviser"
NOTES_LEAST_MM = 45  # less room than this for notes is not worth a heading


class Sizes(NamedTuple):
    """Type and code sizes: one job gets bigger ones, so its page is full and easy to read."""

    title: float
    body: float
    qr_mm: float


ONE_JOB, SEVERAL = Sizes(18, 12, 40), Sizes(14, 10, 28)  # 28 mm: big enough for a phone to read off paper


def print_sheet(
    entries: Sequence[SheetEntry], kiosk_title: str, sample: bool, printer: str, folder: SheetFolder,
    now: dt.datetime | None = None, *, footer: SheetFooter = SheetFooter(),
    pictures: SheetPictures | None = None,
) -> tuple[str, Path | None]:
    """Print the sheet on `printer` when it is set and working, else save it as a PDF in `folder`.

    `pictures` (a SheetPictures) draws the symbol sheet instead of the words one. Returns what to tell the pupil
    (never a file's name, folder or printer), and the PDF's path (None when it went to a printer). Raises
    SheetFailed or OSError when neither worked; nothing half-written is left behind.
    """
    now = now or dt.datetime.now()
    started = time.perf_counter()
    if printer:
        from PySide6.QtPrintSupport import QPrinter, QPrinterInfo  # only on kiosks that print

        info = QPrinterInfo.printerInfo(printer)
        if info.isNull():
            log.warning("careers sheet: the printer %r is not there, so it is saved instead", printer)
        else:
            try:
                print_on(QPrinter(info, QPrinter.PrinterMode.HighResolution), entries, kiosk_title, sample, now,
                         footer=footer, pictures=pictures)
            except SheetFailed as e:
                log.error("careers sheet: the printer %r failed (%s), so it is saved instead", printer, e)
            else:
                log.info("careers sheet printed on %s in %.0f ms", printer, 1000 * (time.perf_counter() - started))
                return SHEET_READY, None
    path = folder.save(render_pdf(entries, kiosk_title, sample, now, footer=footer, pictures=pictures), now)
    log.info("careers sheet saved as %s in %.0f ms", path, 1000 * (time.perf_counter() - started))
    return SHEET_READY, path


def render_pdf(entries: Sequence[SheetEntry], kiosk_title: str, sample: bool, now: dt.datetime, *,
               footer: SheetFooter = SheetFooter(), pictures: SheetPictures | None = None) -> bytes:
    """The sheet as a whole PDF in memory: it reaches the disk only once it is complete."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(SHEET_TITLE)
    writer.setCreator(kiosk_title)
    _setup(writer)
    _draw(writer, entries, kiosk_title, sample, now, footer, pictures)
    del writer  # the PDF is finished when its writer goes
    data = bytes(buffer.data())
    buffer.close()
    if not data.startswith(b"%PDF-"):
        raise SheetFailed("the PDF writer produced no PDF")
    return data


def print_on(device: QPagedPaintDevice, entries: Sequence[SheetEntry], kiosk_title: str, sample: bool,
             now: dt.datetime, *, footer: SheetFooter = SheetFooter(),
             pictures: SheetPictures | None = None) -> None:
    """Send the sheet to a printer; SheetFailed when the printer refuses it or reports an error."""
    _setup(device)
    _draw(device, entries, kiosk_title, sample, now, footer, pictures)
    from PySide6.QtPrintSupport import QPrinter

    if isinstance(device, QPrinter) and device.printerState() == QPrinter.PrinterState.Error:
        raise SheetFailed("the printer reported an error")


def _setup(device: QPagedPaintDevice) -> None:
    device.setResolution(DPI)
    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))


def _draw(device: QPagedPaintDevice, entries: Sequence[SheetEntry], kiosk_title: str, sample: bool,
          now: dt.datetime, footer: SheetFooter, pictures: SheetPictures | None) -> None:
    painter = QPainter()
    if not painter.begin(device):
        raise SheetFailed("could not start drawing on the page")
    done = False
    try:
        paper = Paper(painter, device)
        paper.line(f"{kiosk_title}: {SHEET_TITLE}", font(20, bold=True))
        paper.line(f"Made on {day(now.date().isoformat())}. Nothing about you is kept on the kiosk.", font(10))
        if sample:
            paper.line(SAMPLE_NOTICE, font(11, bold=True))
        paper.y += 4 * MM
        if pictures is not None:
            from kiosk.ui.symbol_sheet import draw_symbol_sheet

            draw_symbol_sheet(paper, entries, footer, pictures)
        else:
            sizes = ONE_JOB if len(entries) == 1 else SEVERAL
            for entry in entries:
                _entry(paper, entry, sizes)
            _footer(paper, footer, sizes)
        _sources(paper, sheet_sources(entries))
        done = True
    finally:
        ended = painter.end()
    if done and not ended:
        raise SheetFailed("the page could not be finished")


def link_line(entry: SheetEntry, code: list[list[bool]] | None) -> str:
    """The link as text beside its code; a link too long for a code gets its site's name instead, which a pupil
    can type (a page of characters could not be)."""
    if not entry.link:
        return entry.link_note
    if code is None:
        return f"The link is too long to print as a code. Search for “{entry.title}” on {site_name(entry.link)}."
    return f"Link: {entry.link}"


def _entry(paper: Paper, entry: SheetEntry, sizes: Sizes) -> None:
    """One kept item: its title and kind, its facts in a column beside their headings, its link and QR code."""
    code = qr_modules_or_none(entry.link) if entry.link else None
    qr_side = sizes.qr_mm * MM
    text_width = paper.width - (qr_side + 6 * MM if code else 0)
    label_width = 38 * MM if sizes is SEVERAL else 46 * MM  # "Jobs in the future" on one line
    body, label = font(sizes.body), font(sizes.body, bold=True)
    rows = [(heading, words) for heading, words in entry.facts] + [("", line) for line in entry.lines]
    link = link_line(entry, code)

    def row_height(heading: str, words: str) -> float:
        if not heading:
            return paper.measure(words, body, text_width)
        return max(paper.measure(heading, label, label_width - 2 * MM),
                   paper.measure(words, body, text_width - label_width))

    top_height = paper.measure(entry.title, font(sizes.title, bold=True), text_width) + paper.measure(
        entry.kind, font(sizes.body - 1), text_width)
    whole = top_height + sum(row_height(*r) for r in rows) + paper.measure(link, font(sizes.body - 1), text_width)
    # A short item is kept whole on one page; a long one starts here with at least its title and first fact
    # (moving it whole would leave most of a page blank).
    paper.keep(max(whole, qr_side if code else 0) if whole <= paper.bottom / 2 else
               top_height + (row_height(*rows[0]) if rows else 0))
    top, page = paper.y, paper.pages
    paper.y += paper.text(entry.title, font(sizes.title, bold=True), 0, text_width)
    paper.y += paper.text(entry.kind, font(sizes.body - 1), 0, text_width)
    if code:
        paint_qr(paper.painter, code, paper.width - qr_side, top, qr_side)
    for heading, words in rows:
        paper.keep(row_height(heading, words))
        if heading:
            paper.text(heading, label, 0, label_width - 2 * MM)
            paper.y += max(paper.measure(heading, label, label_width - 2 * MM),
                           paper.text(words, body, label_width, text_width - label_width))
        else:
            paper.y += paper.text(words, body, 0, text_width)
    paper.line(link, font(sizes.body - 1), 0, text_width)
    if code and paper.pages == page:  # the next item starts below the code, not beside it
        paper.y = max(paper.y, top + qr_side)
    paper.y += 6 * MM


def _footer(paper: Paper, footer: SheetFooter, sizes: Sizes) -> None:
    """The school's next steps and careers contact, kept together."""
    heading, body = font(sizes.title - 2, bold=True), font(sizes.body)
    parts = [(NEXT_STEPS_HEADING, footer.next_steps), (CONTACT_HEADING, footer.contact)]
    paper.keep(sum(paper.measure(h, heading, paper.width) + paper.measure(t, body, paper.width) for h, t in parts))
    for title, words in parts:
        paper.line(title, heading)
        paper.line(words, body)
        paper.y += 2 * MM


def _sources(paper: Paper, sources: Sequence[str]) -> None:
    """Room for the pupil's questions when the page has it, then where the figures come from, at the foot."""
    small, bold = font(8), font(8, bold=True)
    lines = [SOURCES_HEADING, *sources] if sources else []
    height = sum(paper.measure(line, bold if i == 0 else small, paper.width) for i, line in enumerate(lines))
    free = paper.room - height - 4 * MM
    if free >= NOTES_LEAST_MM * MM:
        paper.y += 4 * MM
        paper.line(NOTES_HEADING, font(12, bold=True))
        paper.rules(paper.room - height - 6 * MM, 10 * MM)
    if not lines:
        return
    paper.keep(height)
    paper.y = max(paper.y, paper.bottom - height)  # at the foot of the last page
    for i, line in enumerate(lines):
        paper.line(line, bold if i == 0 else small)
