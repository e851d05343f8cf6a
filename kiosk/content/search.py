"""Occupation search: FTS5 with title matches first, prefixes as the pupil types, and spelling slips."""

from __future__ import annotations

import re
import sqlite3

from kiosk.content.model import SearchHit
from kiosk.content.spelling import edit_distance, max_distance, variants

TOKEN = re.compile(r"\w+")
SOC = re.compile(r"^\d{4}$")
MAX_TOKENS = 8
MAX_CORRECTIONS = 4
TIER_NAMES = ("title", "alternative title", "description")
# bm25 weights for title, alternative titles, summary and tasks.
WEIGHTS = "10.0, 4.0, 1.0, 1.0"

QUERY = f"""
SELECT o.id, o.title, o.soc2010, o.soc2020, m.tier,
       (o.title LIKE :starts ESCAPE '\\') AS starts, m.rank
FROM (
  SELECT rowid, min(tier) AS tier, rank FROM (
    SELECT rowid, 0 AS tier, bm25(occupation_fts, {WEIGHTS}) AS rank
      FROM occupation_fts WHERE occupation_fts MATCH :title
    UNION ALL
    SELECT rowid, 1, bm25(occupation_fts, {WEIGHTS})
      FROM occupation_fts WHERE occupation_fts MATCH :alt
    UNION ALL
    SELECT rowid, 2, bm25(occupation_fts, {WEIGHTS})
      FROM occupation_fts WHERE occupation_fts MATCH :any
  ) GROUP BY rowid
) AS m JOIN occupations AS o ON o.rowid = m.rowid
ORDER BY m.tier, starts DESC, m.rank, length(o.title), o.title
LIMIT :limit
"""


def tokens(query: str) -> list[str]:
    """The words of a query, lower-cased, at most MAX_TOKENS of them."""
    return TOKEN.findall(query.casefold())[:MAX_TOKENS]


class Searcher:
    """Runs occupation searches against one content database connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Occupations matching what has been typed so far, best first."""
        words = tokens(query)
        if not words:
            return []
        if len(words) == 1 and SOC.match(words[0]):
            return self._by_soc(words[0], limit)
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
        if distance == 0 or word.isdigit():
            return []
        probes = sorted(variants(word, distance))
        placeholders = ",".join("?" * len(probes))
        rows = self._conn.execute(
            f"""SELECT DISTINCT t.term, t.docs FROM spell_variants v JOIN spell_terms t ON t.term = v.term
                WHERE v.variant IN ({placeholders})""",
            probes,
        ).fetchall()
        scored = [(edit_distance(word, term), -docs, term) for term, docs in rows]
        return [term for d, _, term in sorted(scored) if 0 < d <= distance][:MAX_CORRECTIONS]

    def _run(self, options: list[list[str]], limit: int, typed: str) -> list[SearchHit]:
        # Each word must match; a word matches itself as a prefix, or any of its spelling corrections.
        expr = " AND ".join(
            "(" + " OR ".join([f'"{o[0]}"*', *(f'"{c}"' for c in o[1:])]) + ")" for o in options
        )
        starts = typed.strip().casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self._conn.execute(
            QUERY,
            {
                "title": f"{{title}} : ({expr})",
                "alt": f"{{alt_titles}} : ({expr})",
                "any": expr,
                "starts": starts,
                "limit": limit,
            },
        ).fetchall()
        hits = [
            SearchHit(
                id=occ, title=title, soc2010=soc10, soc2020=soc20,
                score=round(100.0 * (3 - tier) + 10.0 * starts_with - rank, 3),
                matched=TIER_NAMES[tier],
            )
            for occ, title, soc10, soc20, tier, starts_with, rank in rows
        ]
        return hits

    def _by_soc(self, code: str, limit: int) -> list[SearchHit]:
        rows = self._conn.execute(
            """SELECT id, title, soc2010, soc2020 FROM occupations
               WHERE soc2010 = ?1 OR soc2020 = ?1 ORDER BY title LIMIT ?2""",
            (code, limit),
        ).fetchall()
        return [SearchHit(i, t, a, b, 400.0, "SOC code") for i, t, a, b in rows]
