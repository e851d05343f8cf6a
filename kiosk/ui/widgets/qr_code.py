"""A QR code drawn crisp: whole pixels per module, black on white with a quiet zone, in every colour scheme."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks


def qr_modules(data: str) -> list[list[bool]]:
    """The code's dark (True) and light modules, row by row, including the quiet zone."""
    import segno  # loaded on the first QR code, not at start-up

    # Medium error correction: still readable from a slightly scuffed or glare-marked screen.
    code = segno.make(data, error="m", micro=False)
    return [[bool(cell) for cell in row] for row in code.matrix_iter(scale=1, border=QUIET_ZONE)]


def qr_modules_or_none(data: str) -> list[list[bool]] | None:
    """The code's modules, or None when the data is too long for any QR code."""
    import segno

    try:
        return qr_modules(data)
    except segno.DataOverflowError:
        return None


def paint_qr(painter: QPainter, modules: list[list[bool]], x: float, y: float, size: float) -> float:
    """Paint the code with its top left at (x, y), at most `size` across; returns the size painted.

    On screen a module is a whole number of pixels, so the edges stay sharp; on a printer the page is fine enough.
    """
    count = len(modules)
    module = size / count
    if painter.device() is not None and painter.device().logicalDpiX() <= 150:
        module = max(1, int(module))
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillRect(QRectF(x, y, module * count, module * count), QColor("white"))
    painter.setBrush(QColor("black"))
    for r, row in enumerate(modules):
        c = 0
        while c < count:  # one rectangle per run of dark modules: fewer, seamless rectangles
            if row[c]:
                start = c
                while c < count and row[c]:
                    c += 1
                painter.drawRect(QRectF(x + start * module, y + r * module, (c - start) * module, module))
            else:
                c += 1
    painter.restore()
    return module * count


class QrWidget(QWidget):
    """Shows one QR code at a fixed size, always black on white (high contrast or not)."""

    def __init__(self, data: str, size_px: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.modules = qr_modules(data)
        count = len(self.modules)
        self._side = max(count, size_px // count * count)  # a whole number of pixels per module
        self.setFixedSize(QSize(self._side, self._side))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_qr(painter, self.modules, 0, 0, self._side)
        painter.end()
