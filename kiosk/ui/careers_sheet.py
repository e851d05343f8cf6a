"""The one-page careers sheet: drawn with QPainter as plain text and QR codes, to the staff's printer or a PDF.

The PDF is drawn in memory and saved whole (kiosk/staff/sheet_folder.py), so a failure leaves no partial file.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from pathlib import Path
from typing import Sequence

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPageLayout, QPageSize, QPagedPaintDevice, QPainter, QPdfWriter

from kiosk.content.pages.careers_sheet import SAMPLE_NOTICE, SHEET_TITLE, SheetEntry
from kiosk.content.pages.take_home import site_name
from kiosk.content.pages.wording import day
from kiosk.staff.sheet_folder import SheetFolder
from kiosk.ui.widgets.qr_code import paint_qr, qr_modules_or_none

log = logging.getLogger(__name__)
DPI = 300
MM = DPI / 25.4
QR_MM = 28  # big enough for a phone to read off paper


class SheetFailed(Exception):
    """The sheet could not be drawn or printed (the message is for the log, not for the pupil)."""


def print_sheet(
    entries: Sequence[SheetEntry], kiosk_title: str, sample: bool, printer: str, folder: SheetFolder,
    now: dt.datetime | None = None,
) -> tuple[str, Path | None]:
    """Print the sheet on `printer` when it is set and working, else save it as a PDF in `folder`.

    Returns what to tell the pupil (never a file's name or folder), and the PDF's path (None when it went to a
    printer). Raises SheetFailed or OSError when neither worked; nothing half-written is left behind.
    """
    now = now or dt.datetime.now()
    started = time.perf_counter()
    note = ""
    if printer:
        from PySide6.QtPrintSupport import QPrinter, QPrinterInfo  # only on kiosks that print

        info = QPrinterInfo.printerInfo(printer)
        if info.isNull():
            log.warning("careers sheet: the printer %r is not there, so it is saved instead", printer)
            note = f"The printer “{printer}” is not there, so "
        else:
            try:
                print_on(QPrinter(info, QPrinter.PrinterMode.HighResolution), entries, kiosk_title, sample, now)
            except SheetFailed as e:
                log.error("careers sheet: the printer %r failed (%s), so it is saved instead", printer, e)
                note = "The printer did not take it, so "
            else:
                log.info("careers sheet printed on %s in %.0f ms", printer, 1000 * (time.perf_counter() - started))
                return f"Your careers sheet is printing on {printer}. Collect it from the printer.", None
    path = folder.save(render_pdf(entries, kiosk_title, sample, now), now)
    log.info("careers sheet saved as %s in %.0f ms", path, 1000 * (time.perf_counter() - started))
    # No "saved" or "made" for a pupil: picture mode would draw a floppy disk and a hammer.
    saved = f"your careers sheet is ready for staff to print. Ask a member of staff for the sheet from {now:%H:%M}."
    return (note + saved) if note else saved[:1].upper() + saved[1:], path


def render_pdf(entries: Sequence[SheetEntry], kiosk_title: str, sample: bool, now: dt.datetime) -> bytes:
    """The sheet as a whole PDF in memory: it reaches the disk only once it is complete."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(SHEET_TITLE)
    writer.setCreator(kiosk_title)
    _setup(writer)
    _draw(writer, entries, kiosk_title, sample, now)
    del writer  # the PDF is finished when its writer goes
    data = bytes(buffer.data())
    buffer.close()
    if not data.startswith(b"%PDF-"):
        raise SheetFailed("the PDF writer produced no PDF")
    return data


def print_on(device: QPagedPaintDevice, entries: Sequence[SheetEntry], kiosk_title: str, sample: bool,
             now: dt.datetime) -> None:
    """Send the sheet to a printer; SheetFailed when the printer refuses it or reports an error."""
    _setup(device)
    _draw(device, entries, kiosk_title, sample, now)
    from PySide6.QtPrintSupport import QPrinter

    if isinstance(device, QPrinter) and device.printerState() == QPrinter.PrinterState.Error:
        raise SheetFailed("the printer reported an error")


def _setup(device: QPagedPaintDevice) -> None:
    device.setResolution(DPI)
    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(["Open Sans", "DejaVu Sans", "sans-serif"])
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _draw(device: QPagedPaintDevice, entries: Sequence[SheetEntry], kiosk_title: str, sample: bool,
          now: dt.datetime) -> None:
    painter = QPainter()
    if not painter.begin(device):
        raise SheetFailed("could not start drawing on the page")
    done = False
    try:
        width = device.width()
        bottom = device.height()
        y = 0.0
        y = _text(painter, f"{kiosk_title}: {SHEET_TITLE}", _font(18, bold=True), 0, y, width)
        y = _text(painter, f"Made on {day(now.date().isoformat())}. Nothing about you is kept on the kiosk.",
                  _font(10), 0, y, width)
        if sample:
            y = _text(painter, SAMPLE_NOTICE, _font(11, bold=True), 0, y, width)
        y += 4 * MM
        qr_side = QR_MM * MM
        text_width = width - qr_side - 6 * MM
        codes = [qr_modules_or_none(entry.link) if entry.link else None for entry in entries]
        for index, entry in enumerate(entries):
            needed = _entry_height(painter, entry, codes[index], text_width, qr_side)
            if y + needed > bottom:  # one page only: say what did not fit rather than start a second
                left = len(entries) - index
                _text(painter, f"And {left} more on your list: scan their QR codes on the kiosk.", _font(10), 0, y, width)
                break
            top = y
            y = _text(painter, entry.title, _font(13, bold=True), 0, y, text_width)
            if entry.kind:
                y = _text(painter, entry.kind, _font(9), 0, y, text_width)
            for line in entry.lines:
                y = _text(painter, line, _font(9), 0, y, text_width)
            y = _text(painter, _link_line(entry, codes[index]), _font(9), 0, y, text_width)
            if codes[index]:
                paint_qr(painter, codes[index], width - qr_side, top, qr_side)
                y = max(y, top + qr_side)
            y += 5 * MM
        done = True
    finally:
        ended = painter.end()
    if done and not ended:
        raise SheetFailed("the page could not be finished")


def _link_line(entry: SheetEntry, code: list[list[bool]] | None) -> str:
    """The link as text beside its code; a link too long for a code gets its site's name instead, which a pupil
    can type (a page of characters could not be)."""
    if not entry.link:
        return entry.link_note
    if code is None:
        return f"The link is too long to print as a code. Search for “{entry.title}” on {site_name(entry.link)}."
    return f"Link: {entry.link}"


def _entry_height(painter: QPainter, entry: SheetEntry, code: list[list[bool]] | None, width: float,
                  qr_side: float) -> float:
    lines = [(entry.title, _font(13, bold=True)), (entry.kind, _font(9)), (_link_line(entry, code), _font(9))]
    lines += [(line, _font(9)) for line in entry.lines]
    height = sum(_measure(painter, text, font, width) for text, font in lines if text)
    return max(height, qr_side if code else 0) + 5 * MM


def _flags(text: str) -> int:
    # Words wrap at spaces; a link has none, so it may break anywhere rather than run off the page.
    return int(Qt.TextFlag.TextWrapAnywhere if text.startswith("Link: ") else Qt.TextFlag.TextWordWrap)


def _measure(painter: QPainter, text: str, font: QFont, width: float) -> float:
    metrics = QFontMetricsF(font, painter.device())
    flags = _flags(text)
    return metrics.boundingRect(QRectF(0, 0, width, 1e6), flags, text).height() + 1 * MM


def _text(painter: QPainter, text: str, font: QFont, x: float, y: float, width: float) -> float:
    """Draw plain text wrapped to `width` at (x, y); returns the y under it."""
    painter.setFont(font)
    flags = _flags(text)
    height = _measure(painter, text, font, width)
    painter.drawText(QRectF(x, y, width, height), flags, text)
    return y + height
