"""A symbolised token: the plain value the screens draw (kept apart so drawing text loads nothing else)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from kiosk.access.symbol_library import SymbolRef


class SymbolToken(NamedTuple):
    """A word or phrase with where it stands in its text, its part of speech, its pictures (best first), and whether
    a "not" or "without" before it turns it around (its picture is drawn crossed out)."""

    text: str
    start: int
    end: int
    pos: str  # the concept's part of speech, "" for words without one
    symbols: tuple["SymbolRef", ...]
    concept_id: str = ""
    negated: bool = False

    @property
    def symbol(self) -> Path | None:
        return self.symbols[0].path if self.symbols else None
