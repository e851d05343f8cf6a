"""Word senses from context: a word with several meanings takes the concept its neighbours point to, or none.

`symbols/senses.csv` lists, for a word or phrase exactly as written, the concept it means when one of its cue
words stands near it in the same sentence (no cue: always; ">2" only the very next word, "<the" the one before),
`none` for no symbol, or `shorter` when the phrase is not meant and its words are matched on their own. Rules for
one word are tried in file order; when none applies, the vocabulary's usual match stands.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from kiosk.access.vocabulary_csv import checked_rows

NONE = "none"  # a rule's concept when every picture would mislead: the word gets no symbol
SHORTER = "shorter"  # a rule's concept when the words are not the phrase here ("a Level 2 course" is not A level)
WINDOW = 6  # cue words count within this many words either side, inside the sentence
MAX_SENSES_BYTES = 1024 * 1024
COLUMNS = ["words", "concept", "when", "review"]


class SenseError(ValueError):
    """A senses file that cannot be used; the message names the file, line and problem."""


class Sense(NamedTuple):
    """One rule: the words it is for, the concept they mean (or NONE), the cue words that must be near (none: always),
    and the line it came from."""

    words: tuple[str, ...]
    concept: str
    cues: frozenset[str]
    line: int


class Senses:
    """The rules by the words they are for."""

    def __init__(self, senses: list[Sense]) -> None:
        self._by_words: dict[tuple[str, ...], list[Sense]] = {}
        for sense in senses:
            self._by_words.setdefault(sense.words, []).append(sense)
        self.longest = max((len(w) for w in self._by_words), default=0)

    def __contains__(self, words: tuple[str, ...]) -> bool:
        return words in self._by_words

    def pick(self, words: tuple[str, ...], near: set[str], before: str = "", after: str = "") -> str | None:
        """The concept id (or NONE or SHORTER) the first applicable rule gives these words, with `near` the
        lower-case words around them and `before` and `after` their neighbours; None when no rule applies."""
        for sense in self._by_words.get(words, ()):
            if not sense.cues or sense.cues & (near | {f"<{before}", f">{after}"}):
                return sense.concept
        return None


def read_senses(path: Path, concept_ids: set[str]) -> Senses:
    """Read and check senses.csv, or raise SenseError naming the line; an absent file has no rules."""
    if not path.exists():
        return Senses([])
    senses = []
    for line, row in checked_rows(path, COLUMNS, MAX_SENSES_BYTES, SenseError):
        concept = row["concept"].strip()
        if concept not in (NONE, SHORTER) and concept not in concept_ids:
            raise SenseError(f"{path.name} line {line}: concept {concept!r} is not in concepts.csv")
        if not row["review"].strip():
            raise SenseError(f"{path.name} line {line}: say in the review column why the rule is there")
        cues = frozenset(c.strip().lower() for c in row["when"].split("|") if c.strip())
        for phrase in row["words"].split("|"):
            words = tuple(phrase.lower().split())
            if not words or any(not re.fullmatch(r"[^\W_]+(?:'[^\W_]+)*", w) for w in words):
                raise SenseError(f"{path.name} line {line}: words must be words separated by |, not {phrase!r}")
            senses.append(Sense(words, concept, cues, line))
    return Senses(senses)
