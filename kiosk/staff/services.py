"""The real staff services, built by the app: packs, USB sticks, online sync, settings, voices and usage."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any, Callable, Mapping

from kiosk.config import Settings
from kiosk.content.folder_write import open_folder
from kiosk.content.pack_store import PackStore
from kiosk.content.reader import open_reader
from kiosk.staff.api import Cancelled, PackStatus, Progress, SyncResult, UsbPack, UsbScan
from kiosk.staff.child_command import run_kiosk
from kiosk.staff.machine_words import SpeechOff, speech_fix
from kiosk.staff.ncs_key import NcsKeyFile
from kiosk.staff.pin import PinStore
from kiosk.staff.settings_file import save_settings
from kiosk.staff.usage import UsageLog, iso_week
from kiosk.staff.usage_term import school_term, term_report, write_evidence_csv


class StaffServices:
    """Implements StaffApi over a data directory's pack store, PIN store, usage log and settings.

    What changes content (import, remove, export, sync, checking a stick's packs) runs as a `kiosk` command in a
    child process (kiosk.staff.child_command): the pupil's screen keeps the interpreter to itself.
    """

    def __init__(self, settings: Settings, store: PackStore, pins: PinStore, usage: UsageLog,
                 voices: Callable[[], list[tuple[str, str]]] = list, clock: Callable[[], float] = time.time,
                 ncs_key: NcsKeyFile | None = None, speech_off: SpeechOff | None = None) -> None:
        self.settings = settings
        self.store = store
        self.pins = pins
        self.usage = usage
        self._voices = voices
        self._clock = clock
        self._ncs_key = ncs_key or NcsKeyFile(settings.data_dir)
        self._speech_off = speech_off  # why speech did not start with the kiosk, if it did not

    def disk_problem(self) -> str | None:
        """Why nothing can be changed now (a read-only or full disk), in words for staff; None when all is well."""
        from kiosk.content.disk_state import read_only_problem

        return self.store.cannot_write or read_only_problem(self.settings.data_dir)

    def pack_status(self) -> list[PackStatus]:
        """Every installed pack: the index says what is installed, the database what each pack is."""
        entries = self.store.entries()
        # Its own connection: callable from any thread.
        reader = open_reader(self.store.db_path, immutable=self.store.db_immutable)
        try:
            infos = {p.pack_id: p for p in reader.packs()}
        finally:
            reader.close()
        out = []
        for pack_id, entry in sorted(entries.items()):
            info = infos.get(pack_id)
            out.append(PackStatus(
                pack_id=pack_id,
                title=info.title if info else pack_id,
                publisher=info.publisher if info else "",
                version=entry.content_version,
                created=info.created if info else "",
                installed=entry.installed,
                sources=tuple((s.name, s.retrieved) for s in info.sources) if info else (),
                sample=bool(info and info.sample),
                last_known_good=entry.previous_version,
            ))
        return out

    def import_pack(self, path: Path) -> str:
        """Verify and install one pack file (in a child process); the message names the pack and version, or the
        refusal."""
        if problem := self.disk_problem():
            return f"{Path(path).name} was not imported: {problem}"
        result = run_kiosk(["pack", "import", str(path), "--json"], self.settings.data_dir)
        if result.code != 0 or result.answer is None:
            return f"{Path(path).name} was not imported: {result.error or 'the import did not finish'}"
        a = result.answer
        kept = f", replacing {a['replaced_version']} (kept as last-known-good)" if a.get("replaced_version") else ""
        return f"Imported {a.get('title') or a['pack_id']} ({a['pack_id']}) version {a['version']}{kept}."

    def remove_pack(self, pack_id: str) -> str:
        """Remove one installed pack (in a child process); the message names the pack and version, or the refusal
        (the only pack, say)."""
        status = next((p for p in self.pack_status() if p.pack_id == pack_id), None)
        name = f"{status.title} ({pack_id})" if status else pack_id
        if problem := self.disk_problem():
            return f"{name} was not removed: {problem}"
        result = run_kiosk(["pack", "remove", pack_id, "--json"], self.settings.data_dir)
        if result.code != 0 or result.answer is None:
            return f"{name} was not removed: {result.error or 'the removal did not finish'}"
        gone = " Pupils now see only the real content." if status and status.sample else ""
        return f"Removed {name} version {result.answer['version']}.{gone}"

    def export_packs(self, folder: Path) -> list[Path]:
        """Write every installed pack into `folder` on a stick (made if missing; in a child process, since each
        copy is read back and checked); the files written."""
        folder = Path(folder)
        # A folder of its own on the stick (the stick itself must be there), made or opened without following a
        # link planted at its name: the export command then writes only inside it.
        with open_folder(folder.parent, create=False) as stick, stick.subfolder(folder.name):
            pass
        result = run_kiosk(["pack", "export", str(folder), "--json"], self.settings.data_dir)
        if result.code != 0 or result.answer is None:
            raise OSError(result.error or "the packs could not be written to the stick")
        return [Path(p) for p in result.answer.get("written", [])]

    def usb_roots(self) -> list[Path]:
        """The removable drives mounted now."""
        from kiosk.content.usb_packs import removable_roots

        return list(removable_roots())

    def usb_packs(self) -> UsbScan:
        """The pack files on the removable drives, each checked completely (in a child process: checking a
        national pack means reading every row), as plain values."""
        roots = self.usb_roots()
        if not roots:
            return UsbScan([])
        result = run_kiosk(["pack", "scan", "--json", *map(str, roots)], self.settings.data_dir)
        if result.answer is None:
            raise OSError(result.error or "the USB sticks could not be looked at")
        return UsbScan([UsbPack(Path(p["path"]), p["pack_id"], p["content_version"], p["publisher"], p["signer"],
                                p["problem"], p.get("trusted") is True) for p in result.answer.get("packs", [])],
                       str(result.answer.get("unfinished") or ""))

    def sync(self, source: str, progress: Progress, cancelled: Cancelled) -> SyncResult:
        """Run one source's sync to the end (blocking, in a child process), installing what changed."""
        return self._sync(["sync", source, "--json"], progress, cancelled)

    def sync_official_from_usb(self, progress: Progress, cancelled: Cancelled) -> SyncResult:
        """Find the folder of official release files on the USB sticks and build the official figures from it (in a
        child process, as `kiosk sync official --from DIR`)."""
        from kiosk.staff.release_folders import NO_RELEASES, find_release_folder

        folder = find_release_folder(self.usb_roots())
        if folder is None:
            return SyncResult(NO_RELEASES, [])
        result = self._sync(["sync", "official", "--from", str(folder), "--json"], progress, cancelled)
        return result._replace(message=f"From {folder}: {result.message}")

    def _sync(self, args: list[str], progress: Progress, cancelled: Cancelled) -> SyncResult:
        if problem := self.disk_problem():
            return SyncResult(f"The sync did not start: {problem}", [])
        result = run_kiosk(args, self.settings.data_dir, progress=progress, cancelled=cancelled)
        a = result.answer
        if a is None and cancelled():
            return SyncResult("The sync was cancelled before it fetched anything; nothing has changed.", [])
        if a is None:
            return SyncResult(f"The sync did not finish: {result.error or 'it stopped unexpectedly'}", [])
        return SyncResult(str(a.get("message", "")), [str(p) for p in a.get("problems", [])], a.get("installed"))

    def save_settings(self, changes: Mapping[str, Any]) -> Settings:
        """Save settings to settings.toml; the settings now in force (SettingsError if refused)."""
        if problem := self.disk_problem():
            from kiosk.config import SettingsError

            raise SettingsError(problem)
        # Values the kiosk could not use at start-up (staff were shown them) are left out of the new file.
        saved = save_settings(self.settings.data_dir, changes,
                              replace_unusable=bool(self.settings.settings_problems))
        # What only the command line or the environment sets stays as the kiosk was started.
        self.settings = saved._replace(windowed=self.settings.windowed)
        return self.settings

    def ncs_key_source(self) -> str:
        """Where a sync finds the NCS API key: "environment", "file", or ""."""
        return self._ncs_key.source()

    def save_ncs_key(self, key: str) -> None:
        """Write the NCS API key file atomically, mode 0600."""
        if problem := self.disk_problem():
            from kiosk.staff.ncs_key import NcsKeyError

            raise NcsKeyError(problem)
        self._ncs_key.save(key)

    def remove_ncs_key(self) -> bool:
        """Delete the NCS API key file; whether there was one."""
        return self._ncs_key.remove()

    def voices(self) -> list[tuple[str, str]]:
        """The speech voices to offer, as (id, name)."""
        return list(self._voices())

    def speech_problem(self) -> str | None:
        """Why speech cannot work here and how to fix it (from the checks made as the kiosk started)."""
        return speech_fix(self._speech_off, self.voices())

    def today(self) -> dt.date:
        """Today by the services' clock."""
        return dt.date.fromtimestamp(self._clock())

    def export_usage(self, folder: Path) -> list[Path]:
        """Write this term's evidence CSV (named by the term) and every week's counts (named by this week) into
        `folder`."""
        term = school_term(self.today())
        evidence = Path(folder) / f"careers-kiosk-gatsby-2-{term.name.lower().replace(' ', '-')}.csv"
        write_evidence_csv(term_report(self.usage.counts(), term), evidence)
        weekly = Path(folder) / f"careers-kiosk-usage-{iso_week(self._clock())}.csv"
        self.usage.export_csv(weekly)
        return [evidence, weekly]


def signer_text(signer: object) -> str | None:
    """Who signed a pack, in words: the publisher and key id where the signer names them."""
    if signer is None or isinstance(signer, str):
        return signer
    publisher, key_id = getattr(signer, "publisher", None), getattr(signer, "key_id", None)
    if publisher and key_id:
        return f"{publisher} (key {key_id})"
    return str(publisher or key_id or signer)
