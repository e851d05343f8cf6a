"""Occupation search: FTS5 with title matches first, prefixes as the pupil types, and spelling slips."""

from __future__ import annotations

import re
import sqlite3

from kiosk.content.model import SearchHit
from kiosk.content.spelling import edit_distance, max_distance, variants

TOKEN = re.compile(r"\w+")
SOC = re.compile(r"^\d{4}$")
MAX_TOKENS = 8
# Bounds on what is typed, so no query costs more than an ordinary one. A pupil's search is a few words; a word
# longer than MAX_WORD is longer than any word in a job's title or description, so it cannot match (and its
# spelling variants, about n²/2 of them, would run to hundreds of thousands).
MAX_QUERY = 200
MAX_WORD = 50
MAX_LIMIT = 500
MAX_VARIABLES = 500  # SQLite's own limit was 999 before 3.32; ask in batches well under it
MAX_CORRECTIONS = 4
SHORT_QUERY = 2  # queries this short list titles by their first letters instead of searching text
TIER_NAMES = ("title", "alternative title", "description")
# bm25 weights for title, alternative titles, summary and tasks.
WEIGHTS = "10.0, 4.0, 1.0, 1.0"

# One tier at a time: the best rows of the tier by bm25 (at most CANDIDATES of them), then titles that
# start with what was typed first. Later tiers run only while the page of results is not yet full.
TIER_QUERY = f"""
SELECT o.id, o.title, o.soc2010, o.soc2020, (o.title LIKE :starts ESCAPE '\\') AS starts, m.rank
FROM (
  SELECT rowid, bm25(occupation_fts, {WEIGHTS}) AS rank FROM occupation_fts
  WHERE occupation_fts MATCH :match ORDER BY rank LIMIT :candidates
) AS m JOIN occupations AS o ON o.rowid = m.rowid
ORDER BY starts DESC, m.rank, length(o.title), o.title
"""
TIER_FILTERS = ("{title} : ", "{alt_titles} : ", "")
CANDIDATES = 200


def tokens(query: str) -> list[str]:
    """The words of a query, lower-cased, at most MAX_TOKENS of them."""
    return TOKEN.findall(query.casefold())[:MAX_TOKENS]


def bounded(query: str) -> str:
    """The query cut to MAX_QUERY characters, without lone surrogates (undecodable bytes from a command line),
    which SQLite cannot be given."""
    return query[:MAX_QUERY].encode("utf-8", "ignore").decode("utf-8")


class Searcher:
    """Runs occupation searches against one content database connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Occupations matching what has been typed so far, best first."""
        query, limit = bounded(query), max(0, min(limit, MAX_LIMIT))
        words = tokens(query)
        if not words or any(len(w) > MAX_WORD for w in words):
            return []  # every word must match, and a word this long matches nothing
        if len(words) == 1 and SOC.match(words[0]):
            return self._by_soc(words[0], limit)
        typed = query.strip()
        if len(typed) <= SHORT_QUERY:
            # One or two letters match thousands of words; list the titles that start with them, A to Z.
            return self._titles_starting(typed, limit)
        hits = self._run([[w] for w in words], limit, query)
        if not hits:
            corrected = [[w, *self.corrections(w)] for w in words]
            if any(len(options) > 1 for options in corrected):
                best_guess = " ".join(o[1] if len(o) > 1 else o[0] for o in corrected)
                hits = self._run(corrected, limit, best_guess)
        return hits

    def corrections(self, word: str) -> list[str]:
        """Title words within the allowed spelling distance of `word`, closest and commonest first."""
        distance = max_distance(word)
        if distance == 0 or word.isdigit() or len(word) > MAX_WORD:
            return []
        probes = sorted(variants(word, distance))
        rows: set[tuple[str, int]] = set()
        for start in range(0, len(probes), MAX_VARIABLES):
            batch = probes[start:start + MAX_VARIABLES]
            rows.update(self._conn.execute(
                f"""SELECT DISTINCT t.term, t.docs FROM spell_variants v JOIN spell_terms t ON t.term = v.term
                    WHERE v.variant IN ({",".join("?" * len(batch))})""",
                batch,
            ).fetchall())
        scored = [(edit_distance(word, term), -docs, term) for term, docs in rows]
        return [term for d, _, term in sorted(scored) if 0 < d <= distance][:MAX_CORRECTIONS]

    def _run(self, options: list[list[str]], limit: int, typed: str) -> list[SearchHit]:
        # Each word must match; a word matches itself as a prefix, or any of its spelling corrections.
        expr = " AND ".join(
            "(" + " OR ".join([f'"{o[0]}"*', *(f'"{c}"' for c in o[1:])]) + ")" for o in options
        )
        starts = typed.strip().casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        hits: list[SearchHit] = []
        seen: set[str] = set()
        for tier, column_filter in enumerate(TIER_FILTERS):
            if len(hits) >= limit:
                break
            rows = self._conn.execute(
                TIER_QUERY,
                {"match": f"{column_filter}({expr})", "starts": starts, "candidates": max(CANDIDATES, limit * 2)},
            )
            for occ, title, soc10, soc20, starts_with, rank in rows:
                if occ in seen:
                    continue
                seen.add(occ)
                score = round(100.0 * (3 - tier) + 10.0 * starts_with - rank, 3)
                hits.append(SearchHit(occ, title, soc10, soc20, score, TIER_NAMES[tier]))
                if len(hits) >= limit:
                    break
        return hits

    def _titles_starting(self, typed: str, limit: int) -> list[SearchHit]:
        # A range on the NOCASE title index: fast, unlike LIKE on an untyped column.
        rows = self._conn.execute(
            """SELECT id, title, soc2010, soc2020 FROM occupations
               WHERE title >= ?1 COLLATE NOCASE AND title < ?2 COLLATE NOCASE
               ORDER BY title COLLATE NOCASE LIMIT ?3""",
            (typed, typed + "\U0010ffff", limit),
        ).fetchall()
        return [SearchHit(i, t, a, b, 310.0, "title") for i, t, a, b in rows]

    def _by_soc(self, code: str, limit: int) -> list[SearchHit]:
        rows = self._conn.execute(
            """SELECT id, title, soc2010, soc2020 FROM occupations
               WHERE soc2010 = ?1 OR soc2020 = ?1 ORDER BY title LIMIT ?2""",
            (code, limit),
        ).fetchall()
        return [SearchHit(i, t, a, b, 400.0, "SOC code") for i, t, a, b in rows]
