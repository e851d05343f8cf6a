"""Building a new content database file from the installed packs, layer by layer."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Iterator

from sqlite_utils import Database

from kiosk.content import db_schema
from kiosk.content.db_official import add_group_growth, join_official
from kiosk.content.pack_file import Pack
from kiosk.content.schema import TABLES
from kiosk.content.search_kind_build import build_kind_jobs
from kiosk.content.search_stems import build_stems
from kiosk.content.spelling import MIN_TERM, max_distance, variants, words


def layer_order(packs: Iterable[Pack]) -> list[Pack]:
    """Packs in the order they are laid down: national, then regional, then school; the sample first in its
    layer, so real content replaces it; then by id."""
    return sorted(packs, key=lambda p: (p.manifest.layer_rank, not p.manifest.sample, p.pack_id))


def pack_set(packs: Iterable[Pack]) -> str:
    """A stable description of which pack files a database was built from."""
    return json.dumps(sorted([p.pack_id, p.sha256] for p in packs))


def build_database(packs: Iterable[Pack], path: Path) -> dict[str, int]:
    """Write a complete database for these packs to `path` (replacing it) and return its row counts."""
    packs = layer_order(packs)
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        # The candidate is verified and then copied into the live database with synchronous=FULL, so its
        # own writes need no durability; a rollback journal keeps it a single, WAL-free file.
        conn.executescript(
            f"""
            PRAGMA page_size = {db_schema.PAGE_SIZE};
            PRAGMA journal_mode = DELETE;
            PRAGMA synchronous = OFF;
            PRAGMA application_id = {db_schema.APPLICATION_ID};
            PRAGMA user_version = {db_schema.SCHEMA_VERSION};
            """
        )
        # executescript commits as it goes, which is fine here: nobody reads the candidate until it is verified.
        conn.executescript(db_schema.BOOKKEEPING + db_schema.table_ddl() + db_schema.SEARCH)
        db = Database(conn)
        with db.atomic():
            for pack in packs:
                _insert_pack(db, pack)
        join_official(conn)
        conn.executescript(db_schema.STATS)
        add_group_growth(conn)
        conn.executescript(db_schema.INDEXES)
        with db.atomic():
            _index_search(conn)
            meta = {
                "schema_version": str(db_schema.SCHEMA_VERSION),
                "built": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
                "pack_set": pack_set(packs),
            }
            conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        conn.execute("ANALYZE")
        return table_counts(conn)
    finally:
        conn.close()


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {name: conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in TABLES}


def _insert_pack(db: Database, pack: Pack) -> None:
    m = pack.manifest
    db["packs"].insert(
        {
            "pack_id": m.pack_id, "title": m.title, "publisher": m.publisher,
            "content_version": m.content_version, "layer": m.layer, "created": m.created,
            "sample": int(m.sample), "notice": m.notice, "sha256": pack.sha256,
        }
    )
    db["sources"].insert_all({"pack_id": m.pack_id, **s.__dict__} for s in m.sources)
    for table in pack.table_names():
        # Rows stream from the pack file in batches: no table is ever held whole.
        db[table].insert_all(_rows_replacing_series(db, pack, table), replace=True, batch_size=500)


def _rows_replacing_series(db: Database, pack: Pack, table: str) -> Iterator[dict[str, Any]]:
    """A pack's rows of one table, ready to insert, clearing earlier packs' rows of each series it brings.

    A series is one source's: a later pack's figures for (say) an occupation and region replace the earlier
    pack's whole series there, rather than interleaving years from two sources. Each series is cleared when its
    first row comes, before any of this pack's rows for it are inserted; a later layer's row replaces an
    earlier one with the same key.
    """
    key = TABLES[table].key
    series_columns = key[:-1] if len(key) > 1 and key[-1] in ("year", "from_year") else ()
    match = " AND ".join(f"{c} = ?" for c in series_columns)
    cleared: set[tuple[Any, ...]] = set()
    for row in pack.rows(table):
        if series_columns:
            series = tuple(row[c] for c in series_columns)
            if series not in cleared:
                cleared.add(series)
                db.conn.execute(f"DELETE FROM {table} WHERE {match}", series)
        yield {"pack_id": pack.pack_id, **row}


def _index_search(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        INSERT INTO occupation_fts (rowid, title, alt_titles, summary, tasks)
        SELECT rowid, title, coalesce(alt_titles, ''), coalesce(summary, ''), coalesce(tasks, '') FROM occupations
        """
    )
    build_stems(conn)
    conn.execute("INSERT INTO index_title_fts (rowid, title) SELECT rowid, title FROM soc2010_titles")
    build_kind_jobs(conn)
    docs: Counter[str] = Counter()
    for title, alt_titles in conn.execute("SELECT title, alt_titles FROM occupations"):
        docs.update(set(words(title + " " + " ".join(json.loads(alt_titles or "[]")))))
    terms = [(t, n) for t, n in docs.items() if len(t) >= MIN_TERM]
    conn.executemany("INSERT INTO spell_terms VALUES (?, ?)", terms)
    conn.executemany(
        "INSERT OR IGNORE INTO spell_variants VALUES (?, ?)",
        ((v, t) for t, _ in terms for v in variants(t, max_distance(t))),
    )
