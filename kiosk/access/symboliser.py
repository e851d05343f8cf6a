"""Text to symbol-supported tokens: each key word with the picture the school's sets give it."""

from __future__ import annotations

from kiosk.access.lexicon import Lexicon
from kiosk.access.symbol_library import SymbolLibrary
from kiosk.access.tokens import SymbolToken

__all__ = ["Symboliser", "SymbolToken"]

MAX_CACHED_TEXTS = 2_000


class Symboliser:
    """Turns text into tokens with symbols; the same texts come back on every visit, so results are kept."""

    def __init__(self, lexicon: Lexicon, library: SymbolLibrary) -> None:
        self.lexicon = lexicon
        self.library = library
        self._cache: dict[str, tuple[SymbolToken, ...]] = {}

    @property
    def has_symbols(self) -> bool:
        return bool(self.library.sets)

    def tokens(self, text: str) -> tuple[SymbolToken, ...]:
        found = self._cache.get(text)
        if found is None:
            if len(self._cache) >= MAX_CACHED_TEXTS:
                self._cache.clear()  # content changes rarely; starting afresh is simpler than an LRU
            found = self._cache[text] = tuple(self._tokens(text))
        return found

    def _tokens(self, text: str):
        for token in self.lexicon.symbolise(text):
            concept = token.concept
            symbols = self.library.find(concept) if concept is not None else ()
            yield SymbolToken(token.text, token.start, token.end, concept.pos if concept else "", symbols,
                              concept.id if concept else "", token.negated)
