"""Finding the picture for a concept across the installed sets, in the school's order."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from kiosk.access.lexicon import Concept
from kiosk.access.symbol_sets import SymbolSet

MAX_ALTERNATIVES = 6


class SymbolRef(NamedTuple):
    """One picture for a concept: which set, which symbol, its file and its line-art file."""

    set_id: str
    name: str
    path: Path
    line_art: Path | None


class SymbolLibrary:
    """Looks concepts up in the installed sets: a school's own set by word, the others by candidate name."""

    def __init__(self, sets: list[SymbolSet]) -> None:
        self.sets = sets
        self._cache: dict[str, tuple[SymbolRef, ...]] = {}

    def find(self, concept: Concept) -> tuple[SymbolRef, ...]:
        """Every picture for the concept, best first (at most MAX_ALTERNATIVES)."""
        cached = self._cache.get(concept.id)
        if cached is None:
            found = list(self._search(concept))
            # Line-art versions are alternatives too (some pupils read plain drawings more easily).
            found += [SymbolRef(r.set_id, r.name, r.line_art, None) for r in found if r.line_art is not None]
            cached = self._cache[concept.id] = tuple(found)[:MAX_ALTERNATIVES]
        return cached

    def first(self, concept: Concept | None) -> SymbolRef | None:
        found = self.find(concept) if concept is not None else ()
        return found[0] if found else None

    def _search(self, concept: Concept):
        for s in self.sets:
            if s.kind == "folder":
                names = [concept.keyword.lower(), *concept.phrases]
            else:
                names = [c.split(":", 1)[1] for c in concept.candidates if c.split(":", 1)[0] == s.kind]
            for name in dict.fromkeys(names):
                for symbol in s.symbols.get(name, ()):
                    line_art = s.path(symbol, line_art=True) if symbol.line_art else None
                    yield SymbolRef(s.id, name, s.path(symbol), line_art)
