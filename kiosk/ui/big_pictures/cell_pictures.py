"""The pictures of one step's cells: each cell's best symbol not already on show, another key word's, or none."""

from __future__ import annotations

from typing import TYPE_CHECKING, Hashable, Iterator

from kiosk.content.pages.narrowing import Kind
from kiosk.content.pages.page import Choice
from kiosk.ui.widgets.tile_pictures import TilePicture, unused_picture

if TYPE_CHECKING:
    from kiosk.ui.renderer import PageRenderer

LOOKS = 12  # members of a kind tried for a picture: a few looks, not the whole list, so a step opens quickly


class CellPictures:
    """Hands out symbols for the cells of one step so that no two cells show the same one: a cell whose every
    right symbol is on show already gets none (two cells alike cannot be told apart by a pupil who reads pictures)."""

    def __init__(self, renderer: PageRenderer) -> None:
        self._renderer = renderer
        self._used: set[Hashable] = set()

    def for_text(self, text: str) -> TilePicture | None:
        """The symbol of the words' first key word with one; if every one of its symbols is on show, another key
        word's (never a describing word's: "Big pictures" is not an elephant); else none."""
        concept, symbols = self._renderer.picture_options(text)
        if not symbols:
            return None
        # A doing word is the cell's meaning: "Remove Accountant" shown as the accountant would say "Accountant".
        if self._leads_with_doing_word(text):
            return self._take(concept, symbols)
        return self._take(concept, symbols) or next(
            (pick for concept, symbols in self._others(text) if (pick := self._take(concept, symbols))), None)

    def for_choice(self, choice: Choice) -> TilePicture | None:
        """A story shows the job it is about (its line under the name); a choice that names its picture's words
        shows those; others their label's picture."""
        if choice.target.kind == "story" and choice.detail:
            picture = self.for_text(choice.detail)
            if picture is not None:
                return picture
        return self.for_text(choice.picture or choice.label)

    def for_kind(self, kind: Kind) -> TilePicture | None:
        """A kind's own picture ("Video"), else the first of its members' pictures that no other cell shows."""
        concept, symbols = self._renderer.picture_options(kind.label)
        own = self._take(concept, symbols)
        if own is not None:
            return own
        for choice in kind.choices[:LOOKS]:
            text = choice.detail if choice.target.kind == "story" and choice.detail else choice.picture or choice.label
            pick = self._take(*self._renderer.picture_options(text))
            if pick is not None:
                return pick
        return None

    def _take(self, concept: str, symbols) -> TilePicture | None:
        """The concept's best symbol not on show yet, marked as on show; None if there is none."""
        return unused_picture(concept, symbols, self._used)

    def _leads_with_doing_word(self, text: str) -> bool:
        """Whether the words' pictured key word is a verb ("Remove", "Add")."""
        pictured = [t for t in self._renderer.symbols.tokens(text) if t.symbols and t.pos != "descriptor"]
        return bool(pictured) and pictured[0].pos == "verb"

    def _others(self, text: str) -> Iterator[tuple[str, tuple]]:
        """The words' other key words with symbols, in reading order ("shrinking" when "jobs" is taken)."""
        r = self._renderer
        if not r.pictures:
            return
        for token in r.symbols.tokens(text):
            if token.symbols and token.pos != "descriptor":
                yield token.concept_id, tuple(token.symbols)
