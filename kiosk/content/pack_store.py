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
import fcntl
import json
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, NamedTuple

from kiosk.content import builtin_packs, pack_index
from kiosk.content.db_install import (
    DatabaseFault, check_database, install_database, needs_immutable, open_checked,
)
from kiosk.content.content_start import start_read_only, start_writable
from kiosk.content.disk_state import READ_ONLY, is_read_only_error, read_only_problem
from kiosk.content.errors import PackRejected, version_key
from kiosk.content.file_replace import sync_folder
from kiosk.content.lock_file import open_lock
from kiosk.content.pack_staging import stage_pack, write_problem
from kiosk.content.path_ids import check_path_id

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
    owner: str = ""  # who holds the id (kiosk.content.pack_owner); "" until worked out for an older index


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
        # Why nothing can be changed in this run (a read-only or full disk), set by start(); None when all is well.
        self.cannot_write: str | None = None
        # The live database opens only as immutable: its folder cannot take the -shm file a WAL database needs.
        self.db_immutable = False

    # -- reading -----------------------------------------------------------------------------------------

    def entries(self) -> dict[str, InstalledPack]:
        """The installed packs; from the pack files themselves when the index is damaged or missing."""
        from kiosk.content.pack_owner import fill_owners

        return fill_owners(self.index_state().entries, self.packs_dir, self._keys)  # an older index has none

    def index_state(self) -> pack_index.IndexState:
        """The index as read and checked against the pack files, rebuilt (in memory) if it cannot be used."""
        return pack_index.read_index(self.packs_dir, InstalledPack, leftovers=pack_index.read_leftovers(self.packs_dir))

    def log_lines(self, last: int = 10) -> list[str]:
        """The log's last lines (bytes that are not text shown as \ufffd; a log that cannot be read has none)."""
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-last:]
        except OSError:  # none yet, or a folder in its place: `kiosk doctor` names that
            return []

    # -- changing ----------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the data directory's lock: one process changes packs or the database at a time."""
        try:
            self.packs_dir.mkdir(parents=True, exist_ok=True)
            lock, note = open_lock(self.data_dir)
        except OSError as e:
            if is_read_only_error(e):
                raise PackRejected(READ_ONLY) from None
            raise
        if note:
            import logging

            logging.getLogger(__name__).warning("%s", note)
            self._log(note)
        with lock as f:
            fcntl.flock(f, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(f, fcntl.LOCK_UN)

    def install(self, path: str | os.PathLike[str], *, made_here: bool = False) -> InstallReport:
        """Verify a pack file and install it; a refusal or failure leaves everything as it was.

        `made_here`: the kiosk built the pack itself just now (a sync), so it takes its id whoever held it.
        """
        self._refuse_if_unwritable()
        with self.locked():
            staged = stage_pack(Path(path), self.data_dir)
            try:
                return self._install(staged, built_here=made_here)
            finally:
                staged.unlink(missing_ok=True)

    def remove(self, pack_id: str) -> InstalledPack:
        """Remove an installed pack (and its last-known-good) and rebuild the database without it."""
        self._refuse_if_unwritable()
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
        """Make the content ready at start-up: clear what a killed change left, rebuild a damaged pack index from the
        pack files, install the sample on first run and the other built-in packs (the official figures) when new or
        newer, and repair the database. On a read-only disk, only check what there is.

        Returns what was done, in words, for the log and for staff.
        """
        problem = read_only_problem(self.data_dir)
        if problem is None:
            try:
                with self.locked():
                    return start_writable(self, sample_folder, builtins)
            except PackRejected as e:
                if str(e) != READ_ONLY:
                    raise
            except OSError as e:
                if not is_read_only_error(e):
                    raise
        return start_read_only(self)

    def database_fault(self, entries: dict[str, InstalledPack] | None = None) -> str | None:
        """Why the live database cannot be shown as it is, or None when it is sound and up to date."""
        entries = self.entries() if entries is None else entries
        self.db_immutable = needs_immutable(self.db_path)
        try:
            check_database(self.db_path, full=False, immutable=self.db_immutable)
            conn = open_checked(self.db_path, immutable=self.db_immutable)
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

    def _install(self, staged: Path, *, built_here: bool = False) -> InstallReport:
        """Verify a staged pack file and make it the current version of its pack.

        `built_here`: the kiosk built the pack itself (from its own assets, or a sync), so the trust policy (which
        is about packs from outside) does not apply, and the pack takes its id from whoever held it.
        """
        from kiosk.content.pack_file import read_pack
        from kiosk.content.pack_owner import check_replace, owner_of
        from kiosk.content.signer_words import trusted_key

        pack = read_pack(staged)
        trusted = None if built_here or self.trust is None else self.trust.check(pack)
        entries = self.entries()
        old = entries.get(pack.pack_id)
        keys = self._keys()
        owner = owner_of(pack, keys, made_here=built_here)
        if old and not built_here:
            check_replace(pack, old.owner, owner, keys)
        new_version = pack.manifest.content_version
        # Versions order one owner's packs: the kiosk's own pack replaces a pack file's whatever its version.
        same_owner = old is not None and old.owner == owner
        if old and (same_owner or not built_here) and version_key(new_version) <= version_key(old.content_version):
            raise PackRejected(
                f"pack {pack.pack_id!r} version {new_version} is not newer than the installed "
                f"version {old.content_version}; nothing was changed"
            )
        folder = self.packs_dir / check_path_id(pack.pack_id, "pack id")  # the manifest's rule is stricter
        folder.mkdir(parents=True, exist_ok=True)
        file_name = f"{pack.pack_id}/{new_version}-{pack.sha256[:12]}.zip"
        target = self.packs_dir / file_name
        with open(staged, "rb+") as f:
            os.fsync(f.fileno())
        # Until the index names it, a kill leaves the file for start-up to clear.
        pack_index.mark_leftovers(self.packs_dir, {file_name})
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
            previous=old.current if old and same_owner else None,  # last-known-good: the same owner's only
            previous_version=old.content_version if old and same_owner else None,
            installed=_now(),
            owner=owner,
        )
        try:
            counts = self._commit(entries, [*others, pack])
        except Exception:
            if not old or old.current != file_name:
                target.unlink(missing_ok=True)
                with contextlib.suppress(OSError):
                    folder.rmdir()  # only if empty: a first install leaves no trace
            with contextlib.suppress(OSError):
                (self.packs_dir / pack_index.LEFTOVERS_NAME).unlink(missing_ok=True)
            raise
        notes.append(f"installed {pack.pack_id} {new_version}" + (f" (replacing {old.content_version})" if old else "")
                     + _signed_by(pack, trusted or trusted_key(pack.signer, keys))
                     + (f"; its id passed from owner {old.owner} to {owner}" if old and not same_owner else ""))
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
                pack = read_pack(self.packs_dir / entry.current)
                if pack.pack_id != pack_id:
                    raise PackRejected(f"the file holds pack {pack.pack_id!r}")
                packs.append(pack)
                # The file is the truth: an index that disagrees about its version or hash is corrected.
                kept[pack_id] = entry._replace(content_version=pack.manifest.content_version, sha256=pack.sha256)
                continue
            except PackRejected as e:
                problem = f"pack {pack_id} {entry.content_version} is damaged ({e})"
            if entry.previous:
                try:
                    previous = read_pack(self.packs_dir / entry.previous)
                except PackRejected:
                    previous = None
                if previous is not None and previous.pack_id == pack_id:
                    packs.append(previous)
                    kept[pack_id] = InstalledPack(
                        pack_id, previous.manifest.content_version, previous.sha256, entry.previous,
                        None, None, _now(), entry.owner,
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
            raise PackRejected(f"the new content could not be written ({write_problem(e)}); "
                               "the kiosk keeps its current content") from None
        except Exception:
            candidate.unlink(missing_ok=True)
            raise
        assert pack_set(packs) == json.dumps(sorted([e.pack_id, e.sha256] for e in entries.values()))
        used = {f for e in entries.values() for f in (e.current, e.previous) if f}
        # The files this change drops, named before the index stops naming them: a kill leaves them to start-up.
        pack_index.mark_leftovers(self.packs_dir, set(pack_index.pack_files(self.packs_dir)) - used)
        self._write_index(entries)
        # A crash from here on leaves a database whose pack set no longer matches: start-up rebuilds it.
        install_database(candidate, self.db_path)
        self._remove_unused_files(used)
        return counts

    def _write_index(self, entries: dict[str, InstalledPack], rebuilt: str | None = None) -> None:
        pack_index.write_index(self.packs_dir, INDEX_FORMAT, entries, rebuilt, _now())

    def _remove_unused_files(self, used: set[str]) -> None:
        for path in self.packs_dir.glob("*/*.zip*"):
            name = path.relative_to(self.packs_dir).as_posix()
            if name not in used:
                path.unlink(missing_ok=True)
                self._log(f"removed the pack file {name}, which no installed pack uses now")
        (self.packs_dir / pack_index.LEFTOVERS_NAME).unlink(missing_ok=True)
        for folder in self.packs_dir.iterdir():
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()

    def _refuse_if_unwritable(self) -> None:
        problem = self.cannot_write or read_only_problem(self.data_dir)
        if problem:
            raise PackRejected(problem)

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

    def _keys(self) -> dict[str, PublicKey]:
        """The keys this kiosk trusts now (an unreadable key file trusts nobody)."""
        from kiosk.content.trust import trusted_keys, trusted_keys_dir

        return trusted_keys(self.trust.keys_dir if self.trust else trusted_keys_dir(self.data_dir))[0]

    def _log(self, line: str) -> None:
        try:
            with open(self.log_path, "a", encoding="utf-8") as f:
                f.write(f"{_now()} {line}\n")
        except OSError:
            pass  # a full or read-only disk: the caller logs its notes to the journal as well


def _signed_by(pack: Pack, trusted: PublicKey | None) -> str:
    """For the log: who signed a pack, by the trusted key's own name where the kiosk trusts it."""
    if pack.signer is None:
        return ""
    who = repr(trusted.publisher) if trusted else f"{pack.signer.publisher!r}, a key this kiosk does not trust"
    return f", signed by {who} (key {pack.signer.key_id})"


def _now() -> str:
    import datetime as dt

    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
