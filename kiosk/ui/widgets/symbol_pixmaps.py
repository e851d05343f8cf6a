"""Symbol pictures drawn once at each size and kept: SVG rendering is too slow to repeat on every paint."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

MAX_PIXMAPS = 600


class SymbolPixmaps:
    """A small least-recently-used cache of symbol pixmaps by (file, size); a broken file gives None."""

    def __init__(self) -> None:
        self._cache: OrderedDict[tuple[Path, int], QPixmap | None] = OrderedDict()

    def get(self, path: Path, size: int) -> QPixmap | None:
        key = (path, size)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        pixmap = self._render(path, size)
        self._cache[key] = pixmap
        if len(self._cache) > MAX_PIXMAPS:
            self._cache.popitem(last=False)
        return pixmap

    @staticmethod
    def _render(path: Path, size: int) -> QPixmap | None:
        if path.suffix.lower() == ".png":
            image = QImage(str(path))
            if image.isNull():
                return None
            return QPixmap.fromImage(image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                                                  Qt.TransformationMode.SmoothTransformation))
        renderer = QSvgRenderer(str(path))
        if not renderer.isValid():
            return None  # a word with a broken picture shows as a word, never as a broken image
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        return QPixmap.fromImage(image)
