"""Compare screenshots: the mean colour difference of two frames seen at a coarse grid."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

GRID = (128, 72)  # coarse enough that a clock's minute or font hinting barely counts, fine enough to see layout


def load(png: bytes | str) -> QImage:
    """A frame from PNG bytes or a PNG file."""
    image = QImage.fromData(png) if isinstance(png, bytes) else QImage(png)
    assert not image.isNull(), "not a readable PNG"
    return image.convertToFormat(QImage.Format.Format_RGB888)


def coarse(image: QImage) -> bytes:
    """The frame shrunk to the grid (averaging), as RGB bytes."""
    small = image.scaled(*GRID, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    small = small.convertToFormat(QImage.Format.Format_RGB888)
    width, height = GRID
    row = small.bytesPerLine()
    data = bytes(small.constBits())
    return b"".join(data[y * row:y * row + width * 3] for y in range(height))


def difference(a: QImage, b: QImage) -> float:
    """Mean absolute difference per colour channel (0 the same, 255 opposite) between two frames on the grid."""
    pa, pb = coarse(a), coarse(b)
    return sum(abs(x - y) for x, y in zip(pa, pb)) / len(pa)


def lit(image: QImage) -> float:
    """The share of grid cells that are not black: 0.0 for the black frame of issue 16."""
    cells = coarse(image)
    return sum(1 for i in range(0, len(cells), 3) if max(cells[i:i + 3]) > 16) / (len(cells) // 3)
