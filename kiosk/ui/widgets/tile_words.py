"""Fitting a tile's words into the room it has: wrap them, then drop the detail line, then smaller type, then cut.

A key line (what a pupil chooses by: an event's date, a resource's shelf, a story's job) is never dropped or cut:
the label gives way to it."""

from __future__ import annotations

import re
from typing import NamedTuple

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

WRAP = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignHCenter)
WRAP_ANYWHERE = int(Qt.TextFlag.TextWrapAnywhere | Qt.AlignmentFlag.AlignHCenter)
TYPE_STEPS = (1.0, 0.9, 0.8, 0.7)  # no smaller than 70%: the type must stay readable at arm's length
KEY_STEPS = (*TYPE_STEPS, 0.6, 0.5)  # only a key line in a tiny tile goes below 70%, rather than be cut
_SPACES = re.compile(r"[ \t\n]+")  # where a line may break (a no-break space binds "A levels")


class TileWords(NamedTuple):
    """A tile's words as painted: the label's font, text and wrap flags, and the heights of label and detail."""

    font: QFont
    label: str
    flags: int
    label_height: float
    detail_height: float  # 0 when the detail line is left out (with the gap above it otherwise)
    detail: str = ""  # the detail line as painted: all of it, its key line alone, or nothing
    detail_font: QFont | None = None  # the detail's font (a key line's type steps down only in a tiny tile)


def wrapped_height(font: QFont, text: str, width: float, flags: int = WRAP) -> float:
    """How tall text stands when wrapped to a width."""
    return QFontMetricsF(font).boundingRect(QRectF(0, 0, width, 1e6), flags, text).height()


def longest_word(font: QFont, text: str) -> float:
    """The width of the widest word: a line can be no narrower without breaking a word."""
    metrics = QFontMetricsF(font)
    return max((metrics.horizontalAdvance(word) for word in _SPACES.split(text)), default=0.0)


def flags_for(font: QFont, text: str, width: float) -> int:
    """Wrap at spaces, or anywhere when one word is wider than the room (so nothing runs off the tile)."""
    return WRAP if longest_word(font, text) <= width else WRAP_ANYWHERE


def fit_label(font: QFont, label: str, width: float, height: float) -> tuple[QFont, str, int]:
    """The font, words and wrap flags that fit the label in the room: smaller type first, then words cut with "…"."""
    fitted = QFont(font)
    size = font.pixelSize()

    def fits(words: str) -> tuple[bool, int]:
        flags = flags_for(fitted, words, width)
        return wrapped_height(fitted, words, width, flags) <= height + 0.5, flags

    for step in TYPE_STEPS:
        fitted.setPixelSize(max(1, round(size * step)))
        ok, flags = fits(label)
        if ok:
            return fitted, label, flags
    words = [w for w in _SPACES.split(label) if w] or [""]
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


def lay_out(label: tuple[QFont, str], detail: tuple[QFont, str], room: QRectF, gap: float,
            key: str = "") -> TileWords:
    """The label and its detail line in the room: the detail line goes first if both do not fit, but a key line
    (`key`, the part of the detail a pupil chooses by) stays whole and the label shrinks or is cut instead."""
    (label_font, label_text), (detail_font, detail_text) = label, detail
    width, height = room.width(), room.height()
    lines = [detail_text] if detail_text else []
    if key and key != detail_text:
        lines.append(key)  # the rest of the detail goes before the key line does
    for line in lines:
        line_h = wrapped_height(detail_font, line, width, flags_for(detail_font, line, width)) + gap
        if wrapped_height(label_font, label_text, width) + line_h <= height:
            return _words(label_font, label_text, width, height - line_h, (detail_font, line, line_h))
    if not key:
        return _words(label_font, label_text, width, height, (detail_font, "", 0.0))  # the label matters more
    # Only in a tiny tile is the key line itself too tall to leave a line of label: then its type steps down too,
    # and where not even that leaves a line, the key line stands alone (the tile's spoken name keeps the label).
    floor = QFont(label_font)
    floor.setPixelSize(max(1, round(label_font.pixelSize() * TYPE_STEPS[-1])))
    one_line = QFontMetricsF(floor).height()
    for room_for_label in (one_line, 0.0):
        for step in KEY_STEPS:
            key_font = QFont(detail_font)
            key_font.setPixelSize(max(1, round(detail_font.pixelSize() * step)))
            key_h = wrapped_height(key_font, key, width, flags_for(key_font, key, width)) + gap
            if key_h + room_for_label <= height:
                break
        else:
            continue
        break
    if height - key_h < one_line:
        return TileWords(label_font, "", WRAP, 0.0, key_h, key, key_font)
    return _words(label_font, label_text, width, height - key_h, (key_font, key, key_h))


def _words(font: QFont, label: str, width: float, height: float, line: tuple[QFont, str, float]) -> TileWords:
    """The label fitted to the room left above the detail line chosen."""
    fitted, text, flags = fit_label(font, label, width, height)
    return TileWords(fitted, text, flags, wrapped_height(fitted, text, width, flags), line[2], line[1], line[0])
