"""Each job's words as SQLite FTS5's porter tokenizer stems them, so search can tell which words a job holds where."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from functools import lru_cache

from kiosk.content.db_schema import TOKENIZE

COLUMNS = ("title", "alt_titles", "body")  # body: the summary and tasks together


def build_stems(conn: sqlite3.Connection) -> None:
    """Fill search_stems from occupation_fts: every token of every job, in order, as the index holds it."""
    conn.execute("CREATE VIRTUAL TABLE temp.fts_tokens USING fts5vocab(main, occupation_fts, 'instance')")
    tokens: dict[int, dict[str, list[tuple[int, str]]]] = defaultdict(lambda: defaultdict(list))
    for doc, col, offset, term in conn.execute("SELECT doc, col, offset, term FROM temp.fts_tokens"):
        column = col if col in ("title", "alt_titles") else "body"
        # Summary and tasks share "body": tasks follow the summary, with a gap so no phrase spans the two.
        tokens[doc][column].append((offset + (1_000_000 if col == "tasks" else 0), term))
    conn.execute("DROP TABLE temp.fts_tokens")
    conn.executemany(
        "INSERT INTO search_stems (rowid, title, alt_titles, body) VALUES (?, ?, ?, ?)",
        ((doc, *(_joined(cols[c]) for c in COLUMNS)) for doc, cols in tokens.items()),
    )


def _joined(tokens: list[tuple[int, str]]) -> str:
    # Tokens are joined with one space; a gap in the offsets (a new alternative title, or the tasks) is marked
    # with " | " so that a phrase never matches across it.
    out: list[str] = []
    last = None
    for offset, term in sorted(tokens):
        if last is not None and offset != last + 1:
            out.append("|")
        out.append(term)
        last = offset
    return " " + " ".join(out) + " "


class QueryStemmer:
    """Stems typed words with the same FTS5 tokenizer as the index, in a small in-memory database of its own."""

    def __init__(self) -> None:
        self._conn = sqlite3.connect(":memory:", check_same_thread=False)
        self._conn.execute(f"CREATE VIRTUAL TABLE words USING fts5(text, tokenize = '{TOKENIZE}')")
        self._conn.execute("CREATE VIRTUAL TABLE tokens USING fts5vocab(words, 'instance')")
        self.stems = lru_cache(maxsize=4096)(self._stems)

    def close(self) -> None:
        """Close its database at once, not when the garbage collector finds it: a kiosk reopens its reader after
        every install, all day."""
        self.stems.cache_clear()
        self._conn.close()

    def _stems(self, text: str) -> str:
        """A phrase's stems, space-separated with a space either side (" nurs "), "" when it has no words."""
        with self._conn:
            self._conn.execute("INSERT INTO words (rowid, text) VALUES (1, ?)", (text,))
            rows = self._conn.execute("SELECT term FROM tokens ORDER BY offset").fetchall()
            self._conn.execute("DELETE FROM words")
        return " " + " ".join(t for (t,) in rows) + " " if rows else ""
