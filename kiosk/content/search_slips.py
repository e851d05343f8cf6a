"""Spelling slips of the everyday words search knows beyond job titles: "Things I like", everyday names, and jobs
the kiosk has no page for ("outdors" is "outdoors", not "authors")."""

from __future__ import annotations

from kiosk.content.search_phrases import FILLER, INTEREST_WORDS, NEAREST, WORD
from kiosk.content.search_synonyms import STOPWORDS, SYNONYMS
from kiosk.content.spelling import max_distance, slip_order, variants

MAX_SLIP = 2  # the most max_distance allows any word


def _everyday_words() -> frozenset[str]:
    """Every word of an interest, a synonym key or a job the kiosk lacks, that is long enough to carry a slip."""
    phrases = [*SYNONYMS, *NEAREST, *INTEREST_WORDS, *(v for vs in INTEREST_WORDS.values() for v in vs)]
    found = {w for p in phrases for w in WORD.findall(p)}
    return frozenset(w for w in found if w.isalpha() and max_distance(w) and w not in FILLER | STOPWORDS)


EVERYDAY = _everyday_words()
# Deletion variants (the SymSpell idea, as for title words): a typed word's own variants meet these in a lookup,
# so a slip is found without measuring the distance to every everyday word.
_BY_VARIANT: dict[str, set[str]] = {}
for _word in EVERYDAY:
    for _variant in variants(_word, max_distance(_word)):
        _BY_VARIANT.setdefault(_variant, set()).add(_word)


def everyday_fix(word: str) -> str:
    """The everyday word `word` is a slip of, likeliest first and then A to Z, or "" (the word itself is none)."""
    distance = min(max_distance(word), MAX_SLIP)
    if distance == 0 or word in EVERYDAY:
        return ""
    near = {c for v in variants(word, distance) for c in _BY_VARIANT.get(v, ())}
    scored = sorted((*slip_order(word, c), c) for c in near)
    # A candidate's own allowance counts too: "vett" may be "vet"'s slip only if "vet" could carry one.
    return next((c for d, _, c in scored if 0 < d <= min(distance, max_distance(c))), "")
