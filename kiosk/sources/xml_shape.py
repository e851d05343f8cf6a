"""Watching a workbook's XML as it is read, so XML shaped to exhaust memory is refused before a parser holds it."""

from __future__ import annotations

import re
from typing import NamedTuple

from kiosk.content.zip_checks import ArchiveRefused

# A tag's name is within this many bytes of its "<": holding back a chunk's last few bytes is enough to see it whole.
TAG_LOOKAHEAD = 64
DOCTYPE = b"<!DOCTYPE"  # Excel never writes one; an entity defined in it could expand to any number of elements


class Shape(NamedTuple):
    """How much markup one kind of workbook part may hold.

    openpyxl streams a sheet a row at a time but holds a whole row (and a whole shared string) before it moves on,
    and holds every other part whole: so the markup of each row, each string and each other part is bounded.
    Markup is counted as "<" characters: every tag has one, and text cannot (XML escapes it as &lt;)."""

    what: str  # how messages call an item: "row", "shared text"
    item: bytes | None  # the item's tag name (row, si); None for a part read whole
    max_items: int
    max_marks: int  # "<" in one item (with what follows it up to the next), or in a whole part without items
    # openpyxl looks for a sheet's size record (<dimension>) before its rows and, missing it, parses the whole
    # sheet at once. Excel, LibreOffice and openpyxl always write one; a part that reaches `held_from` without
    # `streams_if` is held whole, and bounded as a whole.
    streams_if: bytes | None = None
    held_from: bytes | None = None
    max_held_marks: int = 0


class ShapeWatch:
    """Fed each chunk of a part as it is read (CappedStream's watch); raises ArchiveRefused at the first excess.

    A byte scan, not a parse: watching a parser's every element cost more than openpyxl's own reading."""

    def __init__(self, where: str, shape: Shape) -> None:
        self.where, self.shape = where, shape  # `where` starts each message ("" when the caller names the sheet)
        self._item = self._tag(shape.item) if shape.item else None
        self._number = re.compile(rb'\sr="(\d{1,9})"')
        self._streams = self._held = None
        if shape.streams_if and shape.held_from:
            self._streams, self._held = self._tag(shape.streams_if), self._tag(shape.held_from)
        self._whole: bool | None = None if self._streams else False  # None until known
        self._total = 0
        self._pending = b""
        self._items = 0
        self._marks = 0
        self._label = "the start"
        self._last_start = 0

    def __call__(self, data: bytes) -> None:
        buf = self._pending + data
        cut = buf.rfind(b"<", max(0, len(buf) - TAG_LOOKAHEAD))
        if cut < 0:
            cut = len(buf)
        self._pending = buf[cut:]
        self._scan(buf[:cut])

    @staticmethod
    def _tag(name: bytes) -> re.Pattern[bytes]:
        return re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?" + re.escape(name) + rb"(?=[\s/>])")

    def _scan(self, segment: bytes) -> None:
        if DOCTYPE in segment or DOCTYPE in self._pending:
            raise ArchiveRefused(f"{self.where}it holds a document type definition, which a workbook never has")
        if self._whole is None:
            streams, held = self._streams.search(segment), self._held.search(segment)
            if streams and (not held or streams.start() < held.start()):
                self._whole = False
            elif held:
                self._whole = True
        if self._whole:
            self._total += segment.count(b"<")
            if self._total > self.shape.max_held_marks:
                raise ArchiveRefused(f"{self.where}it has no size record (which Excel always writes), so it is read "
                                     f"whole, and it holds more than {self.shape.max_held_marks:,} XML tags")
        if self._item is None:
            self._add(segment.count(b"<"))
            return
        marks = segment.count(b"<")
        if self._marks + marks <= self.shape.max_marks:
            # No item here can pass the limit: count them, and carry on from the last one, without a Python loop
            # over each (two million shared strings took seconds that way).
            found = len(self._item.findall(segment))
            if found:
                self._start_item(segment, self._last_item(segment), found)
                self._marks = segment.count(b"<", self._last_start)
            else:
                self._marks += marks
            return
        start = 0
        for match in self._item.finditer(segment):
            self._add(segment.count(b"<", start, match.start()))
            start = match.start()
            self._start_item(segment, match, 1)
            self._marks = 0
        self._add(segment.count(b"<", start))

    def _last_item(self, segment: bytes) -> re.Match[bytes]:
        """The last item tag in a segment that has one."""
        window = 4096
        while True:
            start = max(0, len(segment) - window)
            found = None
            for found in self._item.finditer(segment, start):
                pass
            if found is not None or start == 0:
                assert found is not None, "called only for a segment with an item"
                return found
            window *= 4

    def _start_item(self, segment: bytes, match: re.Match[bytes], count: int) -> None:
        self._items += count
        if self._items > self.shape.max_items:
            raise ArchiveRefused(f"{self.where}it has more than {self.shape.max_items:,} {self.shape.what}s")
        self._last_start = match.start()
        end = segment.find(b">", match.end())
        number = self._number.search(segment, match.end(), end if end >= 0 else len(segment))
        self._label = f"{self.shape.what} {int(number.group(1)) if number else self._items:,}"

    def _add(self, marks: int) -> None:
        self._marks += marks
        if self._marks > self.shape.max_marks:
            if self._item is None:
                raise ArchiveRefused(f"{self.where}it holds more than {self.shape.max_marks:,} XML tags")
            raise ArchiveRefused(f"{self.where}{self._label} holds more than {self.shape.max_marks:,} XML tags")
