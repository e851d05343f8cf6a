"""Spelling tolerance for search: deletion variants (the SymSpell idea) and edit distance."""

from __future__ import annotations

import re

WORD = re.compile(r"[^\W\d_]+")
MIN_TERM = 3


def words(text: str) -> list[str]:
    """The lower-case words of a text, letters only."""
    return WORD.findall(text.casefold())


def max_distance(word: str) -> int:
    """How many slips a word of this length may carry: short words get one, long words two."""
    if len(word) < 4:
        return 0
    return 1 if len(word) < 7 else 2


def variants(word: str, distance: int) -> set[str]:
    """The word and every string made by deleting up to `distance` letters from it."""
    found = {word}
    edge = {word}
    for _ in range(distance):
        edge = {w[:i] + w[i + 1 :] for w in edge for i in range(len(w)) if len(w) > 1}
        found |= edge
    return found


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions and swapped neighbours."""
    if a == b:
        return 0
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def slip_order(typed: str, word: str) -> tuple[int, bool]:
    """How likely `word` is what was meant by `typed`, for sorting: fewer edits first, then a word with a letter the
    pupil left out ("suport" is "support" before "sport"), the commonest slip."""
    return edit_distance(typed, word), len(word) <= len(typed)
