"""Text made fit to speak (no tags, entities or control characters, single spaces), mapped back to the original."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable

from kiosk.access.speech.timings import WordTiming

_TAG = re.compile(r"<!--.*?-->|</?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>", re.S)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Inline formatting sits inside a sentence ("<b>Nurses</b> care"); any other tag (<br>, <p>, <li>) separates words.
_INLINE_TAGS = frozenset("a abbr b cite code em font i mark q s small span strong sub sup u".split())
_ZERO_WIDTH_JOINER = "\u200d"  # holds emoji sequences together, so it is kept


@dataclass(frozen=True)
class CleanText:
    """The text to speak, and for each of its characters the span of the original text it came from."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def to_original(self, start: int, length: int) -> tuple[int, int]:
        """The original (start, length) of `length` characters of the clean text from `start`."""
        if length <= 0 or start < 0 or start + length > len(self.text):
            raise ValueError(f"span {start}+{length} is outside the clean text ({len(self.text)} characters)")
        begin = self.starts[start]
        return begin, self.ends[start + length - 1] - begin

    def remap(self, words: Iterable[WordTiming]) -> tuple[WordTiming, ...]:
        """Word timings for the clean text, pointing at the original text instead."""
        return tuple(WordTiming(*self.to_original(w.char_start, w.char_len), w.start_ms) for w in words)


class _Builder:
    def __init__(self) -> None:
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.space_at: int | None = None  # where the current run of whitespace began, if in one

    def space(self, at: int) -> None:
        if self.space_at is None:
            self.space_at = at

    def char(self, ch: str, start: int, end: int) -> None:
        if ch.isspace():
            self.space(start)
            return
        if unicodedata.category(ch) == "Cc" or (unicodedata.category(ch) == "Cf" and ch != _ZERO_WIDTH_JOINER):
            return
        if self.space_at is not None and self.chars:  # leading whitespace is dropped, inner runs become one space
            self._add(" ", self.space_at, self.space_at + 1)
        self.space_at = None
        self._add(ch, start, end)

    def _add(self, ch: str, start: int, end: int) -> None:
        self.chars.append(ch)
        self.starts.append(start)
        self.ends.append(end)


def clean_for_speech(original: str) -> CleanText:
    """Strip tags, decode entities, drop control characters and collapse whitespace, keeping a map to `original`."""
    out = _Builder()
    i = 0
    while i < len(original):
        ch = original[i]
        if ch == "<" and (tag := _TAG.match(original, i)):
            if (tag.group(1) or "").lower() not in _INLINE_TAGS:
                out.space(i)
            i = tag.end()
            continue
        if ch == "&" and (entity := _ENTITY.match(original, i)):
            decoded = html.unescape(entity.group())
            if decoded != entity.group():
                for d in decoded:
                    out.char(d, i, entity.end())
                i = entity.end()
                continue
        out.char(ch, i, i + 1)
        i += 1
    return CleanText(original, "".join(out.chars), tuple(out.starts), tuple(out.ends))
