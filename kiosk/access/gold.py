"""Symbol precision on the gold list: words in context from real pages, each with the concept a pupil should see.

`symbols/gold.csv` holds a sentence, the words in it, and the right concept: a concept id, `none` when no symbol is
right, or `+name` when a right symbol exists but the vocabulary has no concept for it yet (a miss, never a hit).
Precision is the share of symbols shown that carry the intended sense; coverage the share of words that should
have a symbol and got the right one. Each entry's `part` says how it was used: "tuning" entries were looked at while
the sense rules were written; "held-out" entries were labelled afterwards, to check the rules on words they were not
written for.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from kiosk.access.lexicon import Lexicon
from kiosk.access.symbol_library import SymbolLibrary
from kiosk.access.vocabulary_csv import checked_rows

NO_SYMBOL = "none"
PARTS = ("tuning", "held-out")
COLUMNS = ["text", "words", "concept", "part"]
MAX_GOLD_BYTES = 2 * 1024 * 1024


class GoldError(ValueError):
    """A gold list that cannot be used; the message names the file, line and problem."""


class GoldWord(NamedTuple):
    """One entry: the sentence, where the words start in it, the words, the right concept, and its part."""

    text: str
    start: int
    words: str
    concept: str
    part: str
    line: int


class Miss(NamedTuple):
    """An entry the kiosk got wrong: what it showed ("" for no symbol) and what was right."""

    entry: GoldWord
    shown: str


class GoldScore(NamedTuple):
    """Counts on the gold list, and the entries the kiosk got wrong."""

    entries: int
    shown: int  # entries where a symbol is shown
    right: int  # ... and it is the right concept
    wanted: int  # entries where a symbol is right (the concept is not "none")
    misses: tuple[Miss, ...]

    @property
    def precision(self) -> float:
        return self.right / self.shown if self.shown else 1.0

    @property
    def coverage(self) -> float:
        return self.right / self.wanted if self.wanted else 1.0


def read_gold(path: Path, concept_ids: set[str]) -> list[GoldWord]:
    """Read and check the gold list, or raise GoldError naming the line."""
    entries = []
    for line, row in checked_rows(path, COLUMNS, MAX_GOLD_BYTES, GoldError):
        text, words, concept, part = (row[c] for c in COLUMNS)
        if part not in PARTS:
            raise GoldError(f"{path.name} line {line}: part {part!r} must be one of {', '.join(PARTS)}")
        found = re.search(rf"(?<![^\W_]){re.escape(words)}(?![^\W_])", text) if words else None
        if found is None:
            raise GoldError(f"{path.name} line {line}: the words {words!r} are not in the text")
        if concept != NO_SYMBOL and not concept.startswith("+") and concept not in concept_ids:
            raise GoldError(f"{path.name} line {line}: concept {concept!r} is not in concepts.csv")
        entries.append(GoldWord(text, found.start(), words, concept, part, line))
    return entries


def score(entries: list[GoldWord], lexicon: Lexicon, library: SymbolLibrary) -> GoldScore:
    """How the vocabulary and the installed symbol sets do on the gold list."""
    shown = right = wanted = 0
    misses = []
    for entry in entries:
        token = next((t for t in lexicon.symbolise(entry.text) if t.start <= entry.start < t.end), None)
        concept = token.concept if token is not None else None
        got = concept.id if concept is not None and library.first(concept) is not None else ""
        wanted += entry.concept != NO_SYMBOL
        shown += bool(got)
        if got and got == entry.concept:
            right += 1
        elif got or entry.concept != NO_SYMBOL:
            misses.append(Miss(entry, got))
    return GoldScore(len(entries), shown, right, wanted, tuple(misses))
