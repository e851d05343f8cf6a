"""The kind of job a title names, from ONS's SOC 2010 coding index: the index titles that best match the typed
words give their SOC 2010 unit groups, and each group leads to the jobs whose names hold its title's words
("Priest": "Clergy": the faith leader).

Only words cross from SOC 2010 to the jobs: a SOC 2010 code is never matched to a job's SOC 2020 code, since the two
editions reuse codes for different jobs.
"""

from __future__ import annotations

import re
import sqlite3

from kiosk.content.model import SearchHit

KINDS = 2  # unit groups whose jobs are shown
MATCHES = 5  # the best-matching index titles, whose unit groups are taken in order
KIND_JOBS = 2  # jobs kept for each unit group
WORD = re.compile(r"\w+")
# Words of ONS's group titles that say how the classification is built, not what the job is
# ("Elementary security occupations n.e.c." is "security"; n.e.c. is "not elsewhere classified").
JARGON = frozenset({"occupations", "occupation", "other", "elementary", "related", "associate", "professionals",
                    "and", "in", "of", "the", "n", "e", "c"})
MATCH_QUERY = """SELECT t.soc2010 FROM index_title_fts JOIN soc2010_titles t ON t.rowid = index_title_fts.rowid
WHERE index_title_fts MATCH ? ORDER BY rank LIMIT ?"""


def kind_words(group_title: str) -> str:
    """A SOC 2010 group title as words to search for, without the classification's own words."""
    return " ".join(w for w in WORD.findall(group_title.casefold()) if w not in JARGON)


def kind_codes(conn: sqlite3.Connection, expr: str) -> list[str]:
    """The SOC 2010 unit groups of the index titles that best match the FTS5 expression, best first."""
    codes = dict.fromkeys(code for (code,) in conn.execute(MATCH_QUERY, (expr, MATCHES)))
    return list(codes)[:KINDS]


def kind_hits(conn: sqlite3.Connection, codes: list[str]) -> list[SearchHit]:
    """The jobs kept for each unit group, a group at a time."""
    hits = []
    for code in codes:
        rows = conn.execute(
            """SELECT o.id, o.title, o.soc2010, o.soc2020 FROM kind_jobs k JOIN occupations o ON o.id = k.occupation
               WHERE k.soc2010 = ? ORDER BY k.place""", (code,)).fetchall()
        hits += [SearchHit(i, t, a, b, 0.0, "kind") for i, t, a, b in rows]
    return hits


def in_index(conn: sqlite3.Connection, word: str) -> bool:
    """Whether an index title holds the word (a job word, such as "usher", even when no job's text holds it)."""
    quoted = '"' + word.replace('"', '""') + '"'
    return conn.execute("SELECT 1 FROM index_title_fts WHERE index_title_fts MATCH ? LIMIT 1",
                        (quoted,)).fetchone() is not None
