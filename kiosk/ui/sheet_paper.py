"""Writing down A4 pages with QPainter: plain text wrapped to a width, and a new page when the next piece would not
fit, so a long careers sheet flows onto more pages and no line is ever cut."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPagedPaintDevice, QPainter, QPen

DPI = 300
MM = DPI / 25.4


class SheetFailed(Exception):
    """The sheet could not be drawn or printed (the message is for the log, not for the pupil)."""


def font(points: float, bold: bool = False) -> QFont:
    """The sheet's typeface at a size in points."""
    f = QFont()
    f.setFamilies(["Open Sans", "DejaVu Sans", "sans-serif"])
    f.setPointSizeF(points)
    f.setBold(bold)
    return f


def flags(text: str) -> int:
    # Words wrap at spaces; a link has none, so it may break anywhere rather than run off the page.
    return int(Qt.TextFlag.TextWrapAnywhere if text.startswith("Link: ") else Qt.TextFlag.TextWordWrap)


class Paper:
    """The page being written: where the next line goes, and a new page when a piece would not fit."""

    def __init__(self, painter: QPainter, device: QPagedPaintDevice) -> None:
        self.painter = painter
        self.device = device
        self.width = float(device.width())
        self.bottom = float(device.height())
        self.y = 0.0
        self.pages = 1

    @property
    def room(self) -> float:
        """The height left on this page."""
        return self.bottom - self.y

    def keep(self, height: float) -> None:
        """Start a new page unless `height` fits on this one (a piece taller than a page starts at the top)."""
        if self.y > 0 and self.y + height > self.bottom:
            if not self.device.newPage():
                raise SheetFailed("could not start another page")
            self.pages += 1
            self.y = 0.0

    def measure(self, text: str, f: QFont, width: float) -> float:
        """The height `text` takes wrapped to `width`, with a little space under it."""
        if not text:
            return 0.0
        metrics = QFontMetricsF(f, self.device)
        return metrics.boundingRect(QRectF(0, 0, width, 1e6), flags(text), text).height() + 1 * MM

    def text(self, text: str, f: QFont, x: float, width: float, y: float | None = None) -> float:
        """Draw plain text wrapped to `width` at (x, y or the current line); returns its height."""
        height = self.measure(text, f, width)
        self.painter.setFont(f)
        self.painter.drawText(QRectF(x, self.y if y is None else y, width, height), flags(text), text)
        return height

    def line(self, text: str, f: QFont, x: float = 0.0, width: float | None = None) -> None:
        """Write one piece of text on its own line(s), on a new page if it does not fit here."""
        width = self.width - x if width is None else width
        self.keep(self.measure(text, f, width))
        self.y += self.text(text, f, x, width)

    def rules(self, height: float, gap: float) -> None:
        """Ruled lines `gap` apart filling `height`, for the pupil's own notes."""
        pen = QPen(Qt.GlobalColor.gray)
        pen.setWidthF(0.25 * MM)
        self.painter.setPen(pen)
        y = self.y + gap
        while y <= self.y + height:
            self.painter.drawLine(0, round(y), round(self.width), round(y))
            y += gap
        self.painter.setPen(Qt.GlobalColor.black)
        self.y += height
