"""Where a line must not break: a lone letter ("A levels", "Q and A", "A to Z", "a nurse") keeps to a word."""

from __future__ import annotations

import re

NBSP = "\u00a0"
_WORD = re.compile(r"\S+")
_GAP = re.compile(r"[ \t]+")  # spaces only: a line break written into the text is kept
_TRAIL = ".,:;!?)'\"’”"


def _lone_letter(word: str) -> bool:
    core = word.lstrip("(\"'‘“").rstrip(_TRAIL)
    return len(core) == 1 and (core.isupper() or core == "a")  # "a" leads into its word, as "A" does


def no_break_gaps(text: str) -> list[tuple[int, int]]:
    """The spaces (start, end) a line must not break at: after a lone letter that leads into a word ("A levels",
    "A to", "a nurse"), and before one that ends a phrase ("Q and A", "to Z")."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    gaps: set[tuple[int, int]] = set()
    for i, (start, end) in enumerate(words):
        word = text[start:end]
        if not _lone_letter(word):
            continue
        # A letter followed by punctuation ends its phrase ("Q and A,"): it keeps to the word before it.
        forward = i + 1 < len(words) and word[-1] not in _TRAIL
        # The second letter of a pair ("A to Z", "Q and A") also keeps to the first, whatever follows.
        pair = i >= 2 and text[words[i - 1][0]:words[i - 1][1]] in ("to", "and") and _lone_letter(
            text[words[i - 2][0]:words[i - 2][1]])
        for j in {i + 1 if forward else i} | ({i} if pair else set()):
            if 0 < j < len(words) and _GAP.fullmatch(text[words[j - 1][1]:words[j][0]]):
                gaps.add((words[j - 1][1], words[j][0]))
    return sorted(gaps)


def bound(text: str) -> str:
    """The text as painted: a no-break space in each gap a line must not break at (the content is unchanged)."""
    out, last = [], 0
    for start, end in no_break_gaps(text):
        out.append(text[last:start])
        out.append(NBSP)
        last = end
    out.append(text[last:])
    return "".join(out)
