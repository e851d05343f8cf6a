"""Checking a database file and putting a verified one in place without readers ever seeing a mix.

A new database is copied into the live one with SQLite's backup API, in one transaction: a reader sees
the old content or the new, never a half-built state, and a crash leaves the old content intact. We never
rename a file over the live database: with WAL, new readers could see the old file's WAL pages
(../shared/reference/kiosk-operations.md §7.3).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from kiosk.content import db_schema


class DatabaseFault(Exception):
    """A database file that fails a check; the message says which."""


def open_checked(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """Open a database file read-only, with the defensive settings for untrusted files.

    `immutable`: for a disk that cannot take the -shm file a WAL database needs (read-only or full), where nothing
    can change the file while it is open; SQLite then takes no locks and ignores any -wal.
    """
    conn = sqlite3.connect(f"file:{path}?mode=ro{'&immutable=1' if immutable else ''}", uri=True, isolation_level=None)
    conn.executescript("PRAGMA trusted_schema = OFF; PRAGMA cell_size_check = ON; PRAGMA mmap_size = 0;")
    return conn


def check_database(path: Path, *, full: bool = True, expected_counts: dict[str, int] | None = None,
                   immutable: bool = False) -> None:
    """Raise DatabaseFault unless `path` is an intact content database of this kiosk's schema."""
    if not path.is_file():
        raise DatabaseFault(f"{path.name} does not exist")
    try:
        conn = open_checked(path, immutable=immutable)
        try:
            _check(conn, full, expected_counts)
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        raise DatabaseFault(f"{path.name}: {e}") from None


def _check(conn: sqlite3.Connection, full: bool, expected_counts: dict[str, int] | None) -> None:
    result = conn.execute("PRAGMA integrity_check(20)" if full else "PRAGMA quick_check(20)").fetchall()
    if result != [("ok",)]:
        raise DatabaseFault("integrity check failed: " + "; ".join(r[0] for r in result[:3]))
    if conn.execute("PRAGMA application_id").fetchone()[0] != db_schema.APPLICATION_ID:
        raise DatabaseFault("not a careers kiosk content database (wrong application id)")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version != db_schema.SCHEMA_VERSION:
        raise DatabaseFault(f"schema version {version}, expected {db_schema.SCHEMA_VERSION}")
    if conn.execute("PRAGMA page_size").fetchone()[0] != db_schema.PAGE_SIZE:
        raise DatabaseFault("unexpected page size")
    kinds = dict(conn.execute("SELECT name, type FROM sqlite_schema WHERE type IN ('table', 'view', 'trigger')"))
    if any(kind != "table" for kind in kinds.values()):
        raise DatabaseFault("the database holds views or triggers, which a content database never has")
    missing = db_schema.REQUIRED_TABLES - set(kinds)
    if missing:
        raise DatabaseFault(f"tables missing: {', '.join(sorted(missing))}")
    for table, expected in (expected_counts or {}).items():
        found = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        if found != expected:
            raise DatabaseFault(f"table {table} has {found} rows, expected {expected}")


def database_opens(path: Path, immutable: bool = False) -> bool:
    """Whether a database file opens and its schema can be read."""
    try:
        conn = open_checked(path, immutable=immutable)
        try:
            conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        finally:
            conn.close()
        return True
    except Exception:
        return False


def needs_immutable(path: Path) -> bool:
    """Whether a database opens only as immutable: sound enough to read, but its folder cannot take the -shm file
    a WAL database needs (a full or read-only disk)."""
    return path.is_file() and not database_opens(path) and database_opens(path, immutable=True)


def database_is_sound(path: Path) -> bool:
    """Whether the live database passes its checks, however it has to be opened."""
    try:
        check_database(path, full=False, immutable=needs_immutable(path))
        return True
    except Exception:
        return False


def install_database(candidate: Path, live: Path) -> None:
    """Copy a verified candidate into the live database in one transaction, then delete the candidate."""
    src = sqlite3.connect(f"file:{candidate}?mode=ro", uri=True)
    dst = sqlite3.connect(live, timeout=30, isolation_level=None)
    try:
        dst.execute(f"PRAGMA page_size = {db_schema.PAGE_SIZE}")
        dst.execute("PRAGMA journal_mode = WAL")
        dst.execute("PRAGMA synchronous = FULL")
        src.backup(dst)
        # Fold the WAL back into the file now if no reader holds an old snapshot; never wait for one
        # (a later checkpoint finishes the job), so an install cannot stall behind the screen's reads.
        dst.execute("PRAGMA busy_timeout = 0")
        dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        dst.close()
        src.close()
    candidate.unlink(missing_ok=True)


def set_aside(live: Path) -> Path:
    """Move a damaged live database (with its -wal and -shm) aside, keeping it for inspection."""
    import datetime as dt

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = live.with_name(f"{live.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(str(live) + suffix)
        if part.exists():
            os.replace(part, Path(str(target) + suffix))
    return target
