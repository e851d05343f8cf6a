"""Filling kind_jobs when the database is built: each SOC 2010 unit group's jobs, found by searching for the words
of its title as a pupil's search would (search_kinds.py reads them)."""

from __future__ import annotations

import sqlite3

from kiosk.content.search import Searcher, matched_words
from kiosk.content.search_kinds import KIND_JOBS, kind_words

SPARE = 4  # more hits than kept: a group's page that an everyday job stands for is left out, as lists do


def build_kind_jobs(conn: sqlite3.Connection) -> None:
    """Search once for every group's words (doing it as a pupil types would be slow), keeping the best jobs that
    match most of the words."""
    searcher = Searcher(conn)
    grouped = {i for (i,) in conn.execute("SELECT occupation FROM grouped_entries")}
    try:
        for code, title in conn.execute("SELECT code, title FROM soc2010_groups").fetchall():
            words = kind_words(title)
            hits = [h for h in searcher.ranked(words, KIND_JOBS + SPARE) if h.id not in grouped] if words else []
            # Only jobs that hold as many of the words as the best: "Smiths and forge workers" is the smith, not
            # every job with "worker" in its title.
            ids = [h.id for h in hits if matched_words(h) == matched_words(hits[0])][:KIND_JOBS]
            conn.executemany("INSERT INTO kind_jobs VALUES (?, ?, ?)", [(code, n, i) for n, i in enumerate(ids)])
    finally:
        searcher.close()
