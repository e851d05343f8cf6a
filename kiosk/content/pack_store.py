"""The packs installed in a data directory, and keeping the content database in step with them.

Layout of the data directory:
    packs/installed.json        which file is each pack's current and previous (last-known-good) version
    packs/<id>/<version>-<sha>.zip
    kiosk.db                    the content database, derived from the current packs
    content.log                 what was installed, removed or restored, and when
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import fcntl
import json
import os
import sqlite3
import time
from pathlib import Path
from typing import Iterator

from typing import TYPE_CHECKING, NamedTuple

from kiosk.content import builtin_packs
from kiosk.content.db_install import DatabaseFault, check_database, install_database, open_checked, set_aside
from kiosk.content.errors import PackRejected, version_key
from kiosk.content.file_replace import replace_bytes, sync_folder

if TYPE_CHECKING:
    from kiosk.content.pack_file import Pack
    from kiosk.content.signing_keys import PublicKey
    from kiosk.content.trust import TrustPolicy

# Reading pack files and building databases (zipfile, sqlite-utils) is imported only when a pack changes
# or the database needs a rebuild: an ordinary start only checks the database, and must be quick.

INDEX_FORMAT = 1


class InstalledPack(NamedTuple):
    """One installed pack: its current file and the previous version kept as last-known-good."""

    pack_id: str
    content_version: str
    sha256: str
    current: str
    previous: str | None
    previous_version: str | None
    installed: str


class InstallReport(NamedTuple):
    """What an install did: the pack now current and the version it replaced, if any."""

    pack: Pack
    replaced_version: str | None
    counts: dict[str, int]


class PackStore:
    """Installs and removes packs in one data directory and rebuilds the database from them.

    `trust` decides which imported packs are accepted; without one, unsigned packs are accepted (a pack whose
    signature does not verify never is).
    """

    def __init__(self, data_dir: Path, trust: TrustPolicy | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.trust = trust
        self.packs_dir = self.data_dir / "packs"
        self.index_path = self.packs_dir / "installed.json"
        self.db_path = self.data_dir / "kiosk.db"
        self.log_path = self.data_dir / "content.log"

    # -- reading -----------------------------------------------------------------------------------------

    def entries(self) -> dict[str, InstalledPack]:
        if not self.index_path.is_file():
            return {}
        data = json.loads(self.index_path.read_text(encoding="utf-8"))
        return {k: InstalledPack(**v) for k, v in data.get("packs", {}).items()}

    def log_lines(self, last: int = 10) -> list[str]:
        if not self.log_path.is_file():
            return []
        return self.log_path.read_text(encoding="utf-8").splitlines()[-last:]

    # -- changing ----------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the data directory's lock: one process changes packs or the database at a time."""
        self.packs_dir.mkdir(parents=True, exist_ok=True)
        with open(self.data_dir / ".lock", "a+b") as f:
            fcntl.flock(f, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(f, fcntl.LOCK_UN)

    def install(self, path: str | os.PathLike[str]) -> InstallReport:
        """Verify a pack file and install it; a refusal or failure leaves everything as it was."""
        with self.locked():
            staged = self._stage(Path(path))
            try:
                return self._install(staged)
            finally:
                staged.unlink(missing_ok=True)

    def remove(self, pack_id: str) -> InstalledPack:
        """Remove an installed pack (and its last-known-good) and rebuild the database without it."""
        with self.locked():
            entries = self.entries()
            if pack_id not in entries:
                raise PackRejected(f"no pack with id {pack_id!r} is installed")
            if len(entries) == 1:
                raise PackRejected(
                    f"{pack_id!r} is the only installed pack; the kiosk would have no content. "
                    "Import another pack first."
                )
            removed = entries.pop(pack_id)
            notes: list[str] = []
            packs, entries = self._load(entries, notes)
            self._commit(entries, packs)
            for note in [*notes, f"removed {pack_id} {removed.content_version}"]:
                self._log(note)
            return removed

    def start(self, sample_folder: Path | None, builtins: tuple[Path, ...] = ()) -> list[str]:
        """Make the content ready at start-up: install the sample on first run, the other built-in packs (the
        official figures) when new or newer, and repair the database.

        Returns what was done, in words, for the log and for staff.
        """
        notes: list[str] = []
        with self.locked():
            # Files staged by an import that was killed part-way; under the lock none can be in use.
            for stale in (self.data_dir / "incoming").glob("*.zip"):
                stale.unlink(missing_ok=True)
            entries = self.entries()
            folders = [(sample_folder, True)] if sample_folder is not None else []
            folders += [(folder, False) for folder in builtins if folder.is_dir()]
            for folder, first_run_only in folders:
                if builtin_packs.due(entries, folder, self.packs_dir, first_run_only=first_run_only):
                    notes.append(self._install_builtin(folder))
            entries = self.entries()
            fault = self.database_fault(entries)
            if fault:
                packs, entries = self._load(entries, notes)
                if self.db_path.exists() and not _opens(self.db_path):
                    notes.append(f"the damaged database was kept as {set_aside(self.db_path).name}")
                if packs or not folders:
                    self._commit(entries, packs)
                    notes.append(f"content restored: {fault}")
                else:  # nothing installed could be read: start again from the built-in packs
                    notes += [self._install_builtin(folder) for folder, _ in folders]
            for note in notes:
                self._log(note)
        return notes

    def database_fault(self, entries: dict[str, InstalledPack] | None = None) -> str | None:
        """Why the live database cannot be shown as it is, or None when it is sound and up to date."""
        entries = self.entries() if entries is None else entries
        try:
            check_database(self.db_path, full=False)
            conn = open_checked(self.db_path)
            try:
                built_from = conn.execute("SELECT value FROM meta WHERE key = 'pack_set'").fetchone()[0]
            finally:
                conn.close()
        except DatabaseFault as e:
            return str(e)
        except Exception as e:  # a damaged file can fail in many ways; every one means "rebuild"
            return f"the database cannot be read: {e}"
        expected = json.dumps(sorted([e.pack_id, e.sha256] for e in entries.values()))
        if built_from != expected:
            return "the database was not built from the installed packs"
        return None

    # -- internals ---------------------------------------------------------------------------------------

    def _stage(self, origin: Path) -> Path:
        """Copy a pack file into the data directory, where it cannot change (or vanish) while it is checked."""
        import uuid

        from kiosk.content.pack_file import MAX_PACK_BYTES
        from kiosk.content.pack_limits import copy_regular

        try:
            size = origin.stat().st_size
            if size > MAX_PACK_BYTES:
                raise PackRejected(f"the pack is {size:,} bytes; the limit is {MAX_PACK_BYTES:,}")
            incoming = self.data_dir / "incoming"
            incoming.mkdir(parents=True, exist_ok=True)
            staged = incoming / f"{uuid.uuid4().hex}.zip"
        except OSError as e:
            raise PackRejected(f"cannot read {origin}: {e.strerror or e}") from None
        try:
            copy_regular(origin, staged, MAX_PACK_BYTES)  # refuses a pipe or device at once
        except PackRejected:
            staged.unlink(missing_ok=True)
            raise
        except OSError as e:
            staged.unlink(missing_ok=True)
            if e.errno in _NO_ROOM:
                raise PackRejected(f"no room to copy the pack into {self.data_dir} ({_write_problem(e)}); "
                                   "nothing was changed") from None
            raise PackRejected(f"cannot read {origin}: {e.strerror or e}") from None
        return staged

    def _install(self, staged: Path, *, built_here: bool = False) -> InstallReport:
        """Verify a staged pack file and make it the current version of its pack.

        `built_here`: the kiosk built the pack itself from its own assets, so the trust policy (which is
        about packs from outside) does not apply.
        """
        from kiosk.content.pack_file import read_pack

        pack = read_pack(staged)
        trusted = None if built_here or self.trust is None else self.trust.check(pack)
        entries = self.entries()
        old = entries.get(pack.pack_id)
        new_version = pack.manifest.content_version
        if old and version_key(new_version) <= version_key(old.content_version):
            raise PackRejected(
                f"pack {pack.pack_id!r} version {new_version} is not newer than the installed "
                f"version {old.content_version}; nothing was changed"
            )
        folder = self.packs_dir / pack.pack_id
        folder.mkdir(parents=True, exist_ok=True)
        file_name = f"{pack.pack_id}/{new_version}-{pack.sha256[:12]}.zip"
        target = self.packs_dir / file_name
        with open(staged, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(staged, target)  # the same file system: an atomic move of a complete, synced file
        pack = dataclasses.replace(pack, path=target)  # its rows are read from here when the database is built
        sync_folder(folder)
        notes: list[str] = []
        others, entries = self._load({k: v for k, v in entries.items() if k != pack.pack_id}, notes)
        entries[pack.pack_id] = InstalledPack(
            pack_id=pack.pack_id,
            content_version=new_version,
            sha256=pack.sha256,
            current=file_name,
            previous=old.current if old else None,
            previous_version=old.content_version if old else None,
            installed=_now(),
        )
        try:
            counts = self._commit(entries, [*others, pack])
        except Exception:
            if not old or old.current != file_name:
                target.unlink(missing_ok=True)
                with contextlib.suppress(OSError):
                    folder.rmdir()  # only if empty: a first install leaves no trace
            raise
        notes.append(f"installed {pack.pack_id} {new_version}" + (f" (replacing {old.content_version})" if old else "")
                     + _signed_by(pack, trusted))
        for note in notes:
            self._log(note)
        return InstallReport(pack=pack, replaced_version=old.content_version if old else None, counts=counts)

    def _load(
        self, entries: dict[str, InstalledPack], notes: list[str] | None = None
    ) -> tuple[list[Pack], dict[str, InstalledPack]]:
        """Read and verify every current pack, falling back to its last-known-good version if damaged."""
        from kiosk.content.pack_file import read_pack

        packs, kept = [], {}
        for pack_id, entry in entries.items():
            try:
                packs.append(read_pack(self.packs_dir / entry.current))
                kept[pack_id] = entry
                continue
            except PackRejected as e:
                problem = f"pack {pack_id} {entry.content_version} is damaged ({e})"
            if entry.previous:
                try:
                    previous = read_pack(self.packs_dir / entry.previous)
                except PackRejected:
                    previous = None
                if previous is not None:
                    packs.append(previous)
                    kept[pack_id] = InstalledPack(
                        pack_id, previous.manifest.content_version, previous.sha256, entry.previous,
                        None, None, _now(),
                    )
                    problem += f"; went back to version {previous.manifest.content_version}"
            if notes is not None:
                notes.append(problem)
        return packs, kept

    def _commit(self, entries: dict[str, InstalledPack], packs: list[Pack]) -> dict[str, int]:
        """Build and verify a new database, record the new pack set, then put the database in place."""
        from kiosk.content.db_build import build_database, pack_set

        candidate = self.data_dir / "kiosk.db.new"
        try:
            counts = build_database(packs, candidate)
            check_database(candidate, expected_counts=counts)
        except (OSError, sqlite3.Error) as e:
            candidate.unlink(missing_ok=True)
            raise PackRejected(f"the new content could not be written ({_write_problem(e)}); "
                               "the kiosk keeps its current content") from None
        except Exception:
            candidate.unlink(missing_ok=True)
            raise
        assert pack_set(packs) == json.dumps(sorted([e.pack_id, e.sha256] for e in entries.values()))
        index = {"format": INDEX_FORMAT, "packs": {k: v._asdict() for k, v in sorted(entries.items())}}
        replace_bytes(self.index_path, json.dumps(index, indent=1).encode())
        # A crash from here on leaves a database whose pack set no longer matches: start-up rebuilds it.
        install_database(candidate, self.db_path)
        self._remove_unused_files(entries)
        return counts

    def _remove_unused_files(self, entries: dict[str, InstalledPack]) -> None:
        used = {f for e in entries.values() for f in (e.current, e.previous) if f}
        for path in self.packs_dir.glob("*/*.zip*"):
            if path.relative_to(self.packs_dir).as_posix() not in used:
                path.unlink(missing_ok=True)
        for folder in self.packs_dir.iterdir():
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()

    def _install_builtin(self, folder: Path) -> str:
        from kiosk.content.pack_source import build_pack

        incoming = self.data_dir / "incoming"
        incoming.mkdir(parents=True, exist_ok=True)
        path = incoming / f"builtin-{folder.name}.zip"
        try:
            build_pack(folder, path)
            # Built here from the kiosk's own assets, which are as trusted as its code: no publisher signs
            # them, and a kiosk that requires signed packs must still start on first run.
            report = self._install(path, built_here=True)
        finally:
            path.unlink(missing_ok=True)
        builtin_packs.remember(self.packs_dir, report.pack.pack_id)
        m = report.pack.manifest
        return f"installed {'the sample content' if m.sample else f'the built-in {m.pack_id} pack'} {m.content_version}"

    def _log(self, line: str) -> None:
        with open(self.log_path, "a", encoding="utf-8") as f:
            f.write(f"{_now()} {line}\n")


def _signed_by(pack: Pack, trusted: PublicKey | None) -> str:
    """For the log: who signed a pack, by the trusted key's own name where the kiosk trusts it."""
    if pack.signer is None:
        return ""
    who = repr(trusted.publisher) if trusted else f"{pack.signer.publisher!r}, a key this kiosk does not trust"
    return f", signed by {who} (key {pack.signer.key_id})"


# A full disk, a full quota, or a file larger than the system allows.
_NO_ROOM = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


def _write_problem(e: BaseException) -> str:
    """A failed write in words: most often a full disk, which SQLite reports as "disk I/O error" or "full"."""
    if isinstance(e, OSError) and e.errno in _NO_ROOM:
        return "the disk is full"
    return f"{e.strerror if isinstance(e, OSError) and e.strerror else e}; is the disk full?"


def _now() -> str:
    import datetime as dt

    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def _opens(path: Path) -> bool:
    try:
        conn = open_checked(path)
        try:
            conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        finally:
            conn.close()
        return True
    except Exception:
        return False
