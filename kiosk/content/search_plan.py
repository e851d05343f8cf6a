"""What each typed word is searched as: itself, its everyday synonyms, its compound halves, or a spelling fix."""

from __future__ import annotations

import sqlite3
from typing import Callable, NamedTuple

from kiosk.content.search_kinds import in_index
from kiosk.content.search_slips import EVERYDAY, everyday_fix
from kiosk.content.search_synonyms import LONGEST_KEY, NAMES_ONLY, STOPWORDS, SYNONYMS
from kiosk.content.spelling import edit_distance, slip_order

MIN_PART = 3  # the shortest half of a compound word ("zoo", "bin")
MAX_COMPLETIONS = 6  # known words a part-typed last word may be finishing
MAX_SPLIT_SLIP = 20  # longest word tried as a compound with a slip in one half ("zookeper"): one probe per split
NAMES = "{title alt_titles} : "
PERSON = ("woman", "women", "person", "people", "man", "men")  # longest first: "woman" before "man"


class Concept(NamedTuple):
    """One thing the pupil asked for: the words typed, the words and phrases that stand for it (in a job's names
    only, for words like "it" that are everyday English too), and the word used instead when a spelling slip was
    corrected ("" when none), the longer words a part-typed word that is already a whole word may be finishing, and
    whether what is typed so far is only the start of longer words the content holds (the pupil is still typing).
    No alternatives: nothing in the content can match it."""

    typed: str
    alternatives: tuple[str, ...] = ()
    names_only: tuple[str, ...] = ()
    used: str = ""
    completions: tuple[str, ...] = ()
    typing: bool = False

    @property
    def expr(self) -> str:
        """The FTS5 expression that matches any of its alternatives ("" when it has none)."""
        return " OR ".join([*(f"({NAMES}{quoted(a)})" for a in self.names_only),
                            *map(quoted, self.alternatives + self.completions)])

    @property
    def index_expr(self) -> str:
        """The FTS5 expression for ONS's index of job titles: the word as typed, or what stands for it; "" while
        it is only the start of longer words ("carpen" of "carpenter"): a word is looked up once it is whole."""
        if self.typing:
            return ""
        return " OR ".join(map(quoted, _unique([self.typed, *self.names_only, *self.alternatives])))


def quoted(text: str) -> str:
    """An FTS5 string: words in double quotes, so none is read as syntax."""
    return '"' + text.replace('"', '""') + '"'


def groups(words: list[str]) -> list[tuple[str, bool]]:
    """The words as (text, is a synonym key): the longest keys of several words first ("dinner lady")."""
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(words):
        for size in range(min(LONGEST_KEY, len(words) - i), 0, -1):
            key = " ".join(words[i:i + size])
            if key in SYNONYMS:
                out.append((key, True))
                i += size
                break
        else:
            out.append((words[i], False))
            i += 1
    kept = [(w, key) for w, key in out if key or w not in STOPWORDS] or out
    return list(dict.fromkeys(kept))  # a word typed twice is one thing asked for


class Planner:
    """Turns typed words into concepts, asking the content database which words it holds."""

    def __init__(self, conn: sqlite3.Connection, corrections: Callable[[str], list[str]],
                 stems: Callable[[str], str]) -> None:
        self._conn = conn
        self._corrections = corrections
        self._stems = stems

    def plan(self, words: list[str], open_end: bool) -> list[Concept]:
        """A concept per word or synonym key; the last word may be part-typed while the pupil has not ended it."""
        fixed = [self._everyday(w, open_end and i == len(words) - 1) for i, w in enumerate(words)]
        grouped = groups([f or w for f, w in zip(fixed, words)])
        slips = {f for f in fixed if f}
        concepts = []
        for i, (text, is_key) in enumerate(grouped):
            if is_key:
                own = () if text in NAMES_ONLY else (text,)
                concepts.append(Concept(text, _unique([*own, *SYNONYMS[text]]), (text,) if text in NAMES_ONLY else (),
                                        used=text if slips & set(text.split()) else ""))
            else:
                concept = self._word(text, open_end and i == len(grouped) - 1)
                concepts.append(concept._replace(used=text) if text in slips else concept)
        return self._with_joins(concepts)

    def _everyday(self, word: str, part_typed: bool) -> str:
        """The everyday word (a "Things I like", an everyday name) that `word` is a slip of, when the content does
        not hold `word` (or holds only its stem: "makeing" is "making"), it is no compound, and no title word is
        closer; else ""."""
        fix = everyday_fix(word)
        if not fix or word in SYNONYMS:
            return ""
        if self._matches(quoted(word)) and self._stems(word) != self._stems(fix):
            return ""
        if (part_typed and self._completions(word)) or self._person(word) or self._split(word):
            return ""
        title_fixes = self._corrections(word)
        return "" if title_fixes and slip_order(word, title_fixes[0]) < slip_order(word, fix) else fix

    def _with_joins(self, concepts: list[Concept]) -> list[Concept]:
        """Each concept also searched as the one known title word it makes with a neighbour ("zoo keeper" as
        "zookeeper"), after spelling fixes ("zoo keaper")."""
        words = [(c.used or c.typed, c.typed in SYNONYMS) for c in concepts]
        joined = self._joined(words)
        out = []
        for i, c in enumerate(concepts):
            extra = [j for j in (joined.get(i - 1), joined.get(i)) if j]
            out.append(c._replace(alternatives=_unique([*c.alternatives, *extra])) if extra else c)
        return out

    def _word(self, word: str, part_typed: bool) -> Concept:
        # A word still being typed matches the known title words it starts, not its stem's prefix: the stem of
        # "animals" is "anim", and "anim"* would find animators.
        more = tuple(self._completions(word)) if part_typed else ()
        if self._matches(Concept(word, (word,)).expr):
            # A whole word the content holds: its completions may still be meant, but count for less.
            return Concept(word, (word,), completions=more)
        own = _unique([word, *more])
        if more and self._matches(Concept(word, own).expr):
            return Concept(word, own, typing=True)
        # Nothing holds the word itself: try its halves, then spelling.
        split = self._person(word) or self._split(word)
        if split:
            return Concept(word, (split,))
        # An everyday word the content lacks ("gamer"), or a word of a job title in ONS's index ("usher",
        # "blacksmith"), is what the pupil meant, not a slip of a title word ("user", "block smith"): search finds
        # the kind of job it names instead.
        if word in EVERYDAY or in_index(self._conn, word):
            return Concept(word)
        fixes = self._corrections(word)
        if not fixes:
            split = self._split_with_slip(word)
            return Concept(word, (split,), used=split) if split else Concept(word)
        return Concept(word, tuple(fixes), used=fixes[0])

    def _matches(self, expr: str) -> bool:
        return self._conn.execute(
            "SELECT 1 FROM occupation_fts WHERE occupation_fts MATCH ? LIMIT 1", (expr,)).fetchone() is not None

    def _split(self, word: str) -> str:
        """The word as two known title words ("hairstylist" as "hair stylist"), or ""."""
        if len(word) < 2 * MIN_PART or not word.isalpha():
            return ""
        halves = [(word[:n], word[n:]) for n in range(MIN_PART, len(word) - MIN_PART + 1)]
        parts = {p for pair in halves for p in pair}
        known = dict(self._conn.execute(
            f"SELECT term, docs FROM spell_terms WHERE term IN ({','.join('?' * len(parts))})", sorted(parts)))
        found = [(min(known[a], known[b]), f"{a} {b}") for a, b in halves if a in known and b in known]
        return max(found)[1] if found else ""

    def _split_with_slip(self, word: str) -> str:
        """The word as a known title word and a slip of another ("zookeper" as "zoo keeper"), or ""."""
        if not (2 * MIN_PART <= len(word) <= MAX_SPLIT_SLIP) or not word.isalpha():
            return ""
        halves = [(word[:n], word[n:]) for n in range(MIN_PART, len(word) - MIN_PART + 1)]
        known = {t for (t,) in self._conn.execute(
            f"SELECT term FROM spell_terms WHERE term IN ({','.join('?' * (2 * len(halves)))})",
            [p for pair in halves for p in pair])}
        found = []
        for a, b in halves:
            if a in known and b not in known:
                found += [(edit_distance(b, fix), a + " " + fix) for fix in self._corrections(b)[:1]]
            elif b in known and a not in known:
                found += [(edit_distance(a, fix), fix + " " + b) for fix in self._corrections(a)[:1]]
        return min(found)[1] if found else ""

    def _person(self, word: str) -> str:
        """The word a job name ending in "-man", "-woman" or "-person" is built on ("storeman": "store"), when the
        content holds it, or ""."""
        for suffix in PERSON:
            rest = word[:-len(suffix)]
            if word.endswith(suffix) and len(rest) >= MIN_PART and rest.isalpha():
                # "herdsman": try "herds", then "herd"
                tries = [rest, rest[:-1]] if rest.endswith("s") and len(rest) > MIN_PART else [rest]
                known = {t for (t,) in self._conn.execute(
                    f"SELECT term FROM spell_terms WHERE term IN ({','.join('?' * len(tries))})", tries)}
                return next((t for t in tries if t in known), "")
        return ""

    def _joined(self, grouped: list[tuple[str, bool]]) -> dict[int, str]:
        """Neighbouring words that are one known title word when written together ("zoo keeper"), by first index."""
        pairs = {i: a + b for i, ((a, ka), (b, kb)) in enumerate(zip(grouped, grouped[1:]))
                 if not ka and not kb and a.isalpha() and b.isalpha()}
        if not pairs:
            return {}
        known = {t for (t,) in self._conn.execute(
            f"SELECT term FROM spell_terms WHERE term IN ({','.join('?' * len(pairs))})", list(pairs.values()))}
        return {i: term for i, term in pairs.items() if term in known}

    def _completions(self, start: str) -> list[str]:
        """Known title words that start with what has been typed, commonest first (the stemmed index cannot
        tell: "engineeri" is not the start of the stem "engin")."""
        rows = self._conn.execute(
            "SELECT term FROM spell_terms WHERE term > ?1 AND term < ?1 || char(1114111) ORDER BY docs DESC LIMIT ?2",
            (start, MAX_COMPLETIONS)).fetchall()
        return [t for (t,) in rows]


def _unique(alternatives: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(a for a in alternatives if a))
