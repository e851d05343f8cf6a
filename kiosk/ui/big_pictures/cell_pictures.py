"""The pictures of one step's cells: the renderer's picture for each, another of its words' when that one is taken."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QPixmap

from kiosk.content.pages.narrowing import Kind
from kiosk.content.pages.page import Choice

if TYPE_CHECKING:
    from kiosk.ui.renderer import PageRenderer

LOOKS = 12  # members of a kind tried for a picture: a few looks, not the whole list, so a step opens quickly


class CellPictures:
    """Hands out pictures for the cells of one step so that no two cells show the same one where it can be helped."""

    def __init__(self, renderer: PageRenderer) -> None:
        self._renderer = renderer
        self._used: set[int] = set()

    def for_text(self, text: str) -> QPixmap | None:
        """The renderer's picture for the words; if another cell shows it, the picture of another key word."""
        first = self._renderer.picture(text)
        if first is None or self._take(first):
            return first
        for other in self._others(text):
            if self._take(other):
                return other
        return first  # every picture of its words is on show already: the same picture beats none

    def for_choice(self, choice: Choice) -> QPixmap | None:
        """A story shows the job it is about (its line under the name); other choices their label's picture."""
        if choice.target.kind == "story" and choice.detail:
            picture = self.for_text(choice.detail)
            if picture is not None:
                return picture
        return self.for_text(choice.label)

    def for_kind(self, kind: Kind) -> QPixmap | None:
        """A kind's own picture ("Video"), else the first of its members' pictures that no other cell shows."""
        own = self._renderer.picture(kind.label)
        if own is not None and self._take(own):
            return own
        first = None
        for choice in kind.choices[:LOOKS]:
            text = choice.detail if choice.target.kind == "story" and choice.detail else choice.label
            picture = self._renderer.picture(text)
            first = first or picture
            if picture is not None and self._take(picture):
                return picture
        return first

    def _take(self, picture: QPixmap) -> bool:
        """Mark a picture as on show; False if a cell shows it already."""
        if picture.cacheKey() in self._used:
            return False
        self._used.add(picture.cacheKey())
        return True

    def _others(self, text: str):
        """The pictures of the words' other key words, in reading order ("shrinking" when "jobs" is taken): each
        word's own first picture only, never another drawing of the same thing made to look different, and never a
        describing word's."""
        r = self._renderer
        if not r.pictures:
            return
        size = r.theme.px(220)  # as the renderer draws a big-pictures tile's picture
        for token in r.symbols.tokens(text):
            # A describing word is no stand-in for the thing named: "Big pictures" is not an elephant.
            if token.symbols and token.pos != "descriptor":
                picture = r.pixmaps.get(token.symbols[0].path, size)
                if picture is not None:
                    yield picture
