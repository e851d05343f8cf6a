"""Fitting a tile's words into the room it has: wrap them, then drop the detail line, then smaller type, then cut."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

WRAP = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignHCenter)
WRAP_ANYWHERE = int(Qt.TextFlag.TextWrapAnywhere | Qt.AlignmentFlag.AlignHCenter)
TYPE_STEPS = (1.0, 0.9, 0.8, 0.7)  # no smaller than 70%: the type must stay readable at arm's length


class TileWords(NamedTuple):
    """A tile's words as painted: the label's font, text and wrap flags, and the heights of label and detail."""

    font: QFont
    label: str
    flags: int
    label_height: float
    detail_height: float  # 0 when the detail line is left out (with the gap above it otherwise)


def wrapped_height(font: QFont, text: str, width: float, flags: int = WRAP) -> float:
    """How tall text stands when wrapped to a width."""
    return QFontMetricsF(font).boundingRect(QRectF(0, 0, width, 1e6), flags, text).height()


def longest_word(font: QFont, text: str) -> float:
    """The width of the widest word: a line can be no narrower without breaking a word."""
    metrics = QFontMetricsF(font)
    return max((metrics.horizontalAdvance(word) for word in text.split()), default=0.0)


def fit_label(font: QFont, label: str, width: float, height: float) -> tuple[QFont, str, int]:
    """The font, words and wrap flags that fit the label in the room: smaller type first, then words cut with "…"."""
    fitted = QFont(font)
    size = font.pixelSize()

    def fits(words: str) -> tuple[bool, int]:
        flags = WRAP if longest_word(fitted, words) <= width else WRAP_ANYWHERE  # an over-long word breaks anywhere
        return wrapped_height(fitted, words, width, flags) <= height + 0.5, flags

    for step in TYPE_STEPS:
        fitted.setPixelSize(max(1, round(size * step)))
        ok, flags = fits(label)
        if ok:
            return fitted, label, flags
    words = label.split() or [""]
    while len(words) > 1:
        words.pop()
        ok, flags = fits(" ".join(words) + "…")
        if ok:
            return fitted, " ".join(words) + "…", flags
    lo, hi = 0, len(words[0])  # one word too long for the tile, even broken: as many letters as fit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        lo, hi = (mid, hi) if fits(words[0][:mid] + "…")[0] else (lo, mid - 1)
    return fitted, words[0][:lo] + "…", fits(words[0][:lo] + "…")[1]


def lay_out(label: tuple[QFont, str], detail: tuple[QFont, str], room: QRectF, gap: float) -> TileWords:
    """The label and its detail line in the room: the detail line goes first if both do not fit."""
    (label_font, label_text), (detail_font, detail_text) = label, detail
    detail_h = 0.0
    if detail_text:
        detail_h = wrapped_height(detail_font, detail_text, room.width()) + gap
        if wrapped_height(label_font, label_text, room.width()) + detail_h > room.height():
            detail_h = 0.0  # the label matters more than its detail line
    font, text, flags = fit_label(label_font, label_text, room.width(), room.height() - detail_h)
    return TileWords(font, text, flags, wrapped_height(font, text, room.width(), flags), detail_h)
