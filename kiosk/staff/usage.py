"""Anonymous usage counts by ISO week: visits, page kinds, occupations and presentation modes; nothing personal.

Counting happens on the GUI thread, so it only adds to a dictionary; `flush` writes the counts to
`usage.db` (its own file, apart from the content database) in one transaction, at an idle reset, every few
minutes and on exit. No time finer than the week is kept, and never what a pupil typed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import sqlite3
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Callable, NamedTuple

from kiosk.content.folder_write import open_folder
from kiosk.staff.usage_file import is_damage, set_aside

USAGE_FILE = "usage.db"
KINDS = ("visit", "page", "occupation", "mode")  # what is counted, in the order a summary lists them
SCHEMA = """
CREATE TABLE IF NOT EXISTS counts (
    week TEXT NOT NULL,            -- the ISO week, such as 2026-W48
    kind TEXT NOT NULL,            -- visit, page, occupation or mode
    item TEXT NOT NULL,            -- the page kind, occupation id or mode ('' for visits)
    title TEXT NOT NULL DEFAULT '',
    count INTEGER NOT NULL,
    PRIMARY KEY (week, kind, item)
)
"""


class UsageCount(NamedTuple):
    """One count for one week: what kind of thing, which one, its title (occupations) and how many."""

    week: str
    kind: str
    item: str
    title: str
    count: int


def iso_week(timestamp: float) -> str:
    """The ISO week of a moment, in local time, as "2026-W48"."""
    year, week, _ = dt.date.fromtimestamp(timestamp).isocalendar()
    return f"{year}-W{week:02d}"


class UsageLog:
    """Counts in memory, written to the usage database in batches."""

    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self._clock = clock
        self._lock = threading.Lock()  # the CSV export reads on a worker thread
        self._pending: Counter[tuple[str, str, str]] = Counter()
        self._titles: dict[str, str] = {}
        self._visit_modes: set[str] = set()
        self._in_visit = False

    # -- counting (cheap: the GUI thread calls these on every page) --------------------------------------

    def page_viewed(self, kind: str, mode: str) -> None:
        """A pupil opened a page of this kind in this presentation mode."""
        self._in_visit = True
        self._visit_modes.add(mode)
        self._add("page", kind)

    def occupation_viewed(self, occupation_id: str, title: str) -> None:
        """A pupil opened this occupation's page."""
        self._titles[occupation_id] = title
        self._add("occupation", occupation_id)

    def end_visit(self) -> None:
        """The visit is over (an idle reset, or the kiosk stopping): count it, and each mode it used once."""
        if self._in_visit:
            self._add("visit", "")
            for mode in self._visit_modes:
                self._add("mode", mode)
        self._in_visit = False
        self._visit_modes = set()

    def _add(self, kind: str, item: str) -> None:
        with self._lock:
            self._pending[(iso_week(self._clock()), kind, item)] += 1

    # -- storing -----------------------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        """The usage database; a damaged one is set aside (and logged) and a fresh one started in its place."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return self._open()
        except sqlite3.Error as e:
            if not is_damage(self.path, e):
                raise  # a full, read-only or busy disk: the counts wait in memory for the next flush
            kept = set_aside(self.path)
            logging.getLogger(__name__).warning(
                "the usage counts in %s could not be read (%s): the file was kept as %s and counting starts afresh; "
                "the counts it held are not shown", self.path, e, kept.name)
            return self._open()

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=5)
        try:
            conn.execute(SCHEMA)
            conn.execute("SELECT count(*) FROM counts").fetchone()  # reads the table's pages: finds most damage
        except BaseException:
            conn.close()
            raise
        return conn

    def flush(self) -> int:
        """Write the counts so far in one transaction; returns how many rows changed. Kept in memory on failure."""
        with self._lock:
            pending, titles = self._pending, dict(self._titles)
            self._pending = Counter()
        if not pending:
            return 0
        rows = [(week, kind, item, titles.get(item, "") if kind == "occupation" else "", n)
                for (week, kind, item), n in pending.items()]
        try:
            conn = self._connect()
            try:
                with conn:
                    conn.executemany(
                        """INSERT INTO counts (week, kind, item, title, count) VALUES (?, ?, ?, ?, ?)
                           ON CONFLICT (week, kind, item) DO UPDATE
                           SET count = count + excluded.count,
                               title = CASE WHEN excluded.title != '' THEN excluded.title ELSE title END""",
                        rows,
                    )
            finally:
                conn.close()
        except sqlite3.Error:
            with self._lock:  # put them back, so a full disk loses nothing the next flush can write
                self._pending.update(pending)
            raise
        return len(rows)

    # -- reading -----------------------------------------------------------------------------------------

    def weeks(self) -> list[str]:
        """The weeks with counts, latest first."""
        self.flush()
        conn = self._connect()
        try:
            return [w for (w,) in conn.execute("SELECT DISTINCT week FROM counts ORDER BY week DESC")]
        finally:
            conn.close()

    def counts(self) -> list[UsageCount]:
        """Every week's counts, latest week first."""
        return self._rows()

    def today(self) -> dt.date:
        """Today by the log's clock (the one its weeks are counted by)."""
        return dt.date.fromtimestamp(self._clock())

    def summary(self, week: str) -> list[UsageCount]:
        """One week's counts: visits, then page kinds, occupations and modes, each most-counted first."""
        return self._rows(week)

    def _rows(self, week: str | None = None) -> list[UsageCount]:
        self.flush()
        order = " ".join(f"WHEN '{k}' THEN {i}" for i, k in enumerate(KINDS))
        conn = self._connect()
        try:
            rows = conn.execute(
                f"""SELECT week, kind, item, title, count FROM counts WHERE ? IS NULL OR week = ?
                    ORDER BY week DESC, CASE kind {order} ELSE 9 END, count DESC, item""",
                (week, week),
            ).fetchall()
        finally:
            conn.close()
        return [UsageCount(*row) for row in rows]

    def export_csv(self, path: Path) -> int:
        """Write every week's counts as CSV (week, kind, item, title, count) into a folder staff chose (a stick);
        returns the number of rows. Written whole under a hidden name first, never through a link planted there."""
        rows = self._rows()
        text = io.StringIO(newline="")
        writer = csv.writer(text)
        writer.writerow(UsageCount._fields)
        writer.writerows([_cell(v) for v in row] for row in rows)
        path = Path(path)
        with open_folder(path.parent, create=False) as folder:
            folder.write_bytes(path.name, text.getvalue().encode("utf-8"))
        return len(rows)


def _cell(value: object) -> object:
    """A CSV cell that a spreadsheet will not run as a formula (titles come from content, which is untrusted)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
