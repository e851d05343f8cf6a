"""Reading a page aloud: its text in order, and which widget (and word) to highlight as each word is heard."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING, Sequence

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # the speech package loads espeak; the first screen must not wait for it
    from kiosk.access.speech import WordTiming


class PageReading:
    """The parts of a page being read, where each starts in the spoken text, and the part now highlighted."""

    def __init__(self) -> None:
        self._parts: list[tuple[QWidget, str]] = []
        self._starts: list[int] = []
        self._current: QWidget | None = None

    def start(self, parts: Sequence[tuple[QWidget, str]]) -> str:
        """Take the page's parts and return the text to speak (one part a line)."""
        self.clear()
        self._parts, self._starts, offset = list(parts), [], 0
        for _, text in self._parts:
            self._starts.append(offset)
            offset += len(text) + 1
        return "\n".join(text for _, text in self._parts)

    def follow(self, words: Sequence[WordTiming], index: int) -> None:
        """Highlight the word heard: the word and its symbol in picture text, else the label or tile."""
        from kiosk.ui.widgets.kiosk_button import KioskButton
        from kiosk.ui.widgets.plain_label import PlainLabel
        from kiosk.ui.widgets.symbol_text import SymbolText

        previous, self._current = self._current, None
        if 0 <= index < len(words) and self._parts:
            at = words[index].char_start
            part = max(0, bisect_right(self._starts, at) - 1)
            widget = self._current = self._parts[part][0]
            if isinstance(widget, SymbolText):
                widget.set_highlight(widget.token_at(at - self._starts[part]))
            elif isinstance(widget, PlainLabel):
                widget.set_reading(True)
            elif isinstance(widget, KioskButton):
                widget.set_marked(True)
        if previous is not None and previous is not self._current:
            _unmark(previous)

    def clear(self) -> None:
        """Forget the page (it has gone, or speech stopped), taking any highlight off."""
        if self._current is not None:
            _unmark(self._current)
        self._parts, self._starts, self._current = [], [], None


def _unmark(widget: QWidget) -> None:
    from kiosk.ui.widgets.kiosk_button import KioskButton
    from kiosk.ui.widgets.plain_label import PlainLabel
    from kiosk.ui.widgets.symbol_text import SymbolText

    try:
        if isinstance(widget, SymbolText):
            widget.set_highlight(-1)
        elif isinstance(widget, PlainLabel):
            widget.set_reading(False)
        elif isinstance(widget, KioskButton):
            widget.set_marked(False)
    except RuntimeError:
        pass  # the page it was on has gone
