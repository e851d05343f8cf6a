"""The one-page careers sheet: drawn with QPainter as plain text and QR codes, to the staff's printer or a PDF."""

from __future__ import annotations

import datetime as dt
import logging
import time
from pathlib import Path
from typing import Sequence

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPageLayout, QPageSize, QPagedPaintDevice, QPainter, QPdfWriter

from kiosk.content.pages.careers_sheet import SAMPLE_NOTICE, SHEET_TITLE, SheetEntry
from kiosk.content.pages.wording import day
from kiosk.ui.widgets.qr_code import paint_qr, qr_modules

log = logging.getLogger(__name__)
DPI = 300
MM = DPI / 25.4
QR_MM = 28  # big enough for a phone to read off paper


def print_sheet(
    entries: Sequence[SheetEntry], kiosk_title: str, sample: bool, printer: str, sheets_dir: Path,
    now: dt.datetime | None = None,
) -> tuple[str, Path | None]:
    """Print the sheet on `printer` when it is set and there, else save it as a PDF in `sheets_dir`.

    Returns what to tell the pupil, and the PDF's path (None when it went to a printer).
    """
    now = now or dt.datetime.now()
    started = time.perf_counter()
    note = ""
    if printer:
        from PySide6.QtPrintSupport import QPrinter, QPrinterInfo  # only on kiosks that print

        info = QPrinterInfo.printerInfo(printer)
        if not info.isNull():
            device = QPrinter(info, QPrinter.PrinterMode.HighResolution)
            _setup(device)
            _draw(device, entries, kiosk_title, sample, now)
            log.info("careers sheet printed on %s in %.0f ms", printer, 1000 * (time.perf_counter() - started))
            return f"Your careers sheet is printing on {printer}. Collect it from the printer.", None
        note = f"The printer {printer!r} is not there, so "
    sheets_dir.mkdir(parents=True, exist_ok=True)
    path = sheets_dir / f"careers-sheet-{now:%Y%m%d-%H%M%S}.pdf"
    n = 1
    while path.exists():  # two sheets in the same second each keep their own file
        n += 1
        path = sheets_dir / f"careers-sheet-{now:%Y%m%d-%H%M%S}-{n}.pdf"
    writer = QPdfWriter(str(path))
    writer.setTitle(SHEET_TITLE)
    writer.setCreator(kiosk_title)
    _setup(writer)
    _draw(writer, entries, kiosk_title, sample, now)
    log.info("careers sheet saved as %s in %.0f ms", path, 1000 * (time.perf_counter() - started))
    saved = f"your careers sheet is saved as {path.name} in {path.parent}. Ask a member of staff for it."
    return (note + saved) if note else saved[:1].upper() + saved[1:], path


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
    painter = QPainter(device)
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
        for index, entry in enumerate(entries):
            needed = _entry_height(painter, entry, text_width, qr_side)
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
            y = _text(painter, f"Link: {entry.link}" if entry.link else entry.link_note, _font(9), 0, y, text_width)
            if entry.link:
                paint_qr(painter, qr_modules(entry.link), width - qr_side, top, qr_side)
                y = max(y, top + qr_side)
            y += 5 * MM
    finally:
        painter.end()


def _entry_height(painter: QPainter, entry: SheetEntry, width: float, qr_side: float) -> float:
    lines = [(entry.title, _font(13, bold=True)), (entry.kind, _font(9)), (f"Link: {entry.link}" if entry.link else entry.link_note, _font(9))]
    lines += [(line, _font(9)) for line in entry.lines]
    height = sum(_measure(painter, text, font, width) for text, font in lines if text)
    return max(height, qr_side if entry.link else 0) + 5 * MM


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
