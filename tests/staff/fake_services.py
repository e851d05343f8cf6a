"""A fake of the staff services (StaffApi) for the staff screen's tests: real PIN store, usage log and NCS key
file on disk; packs, USB sticks and sync played by the test, step by step."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any, Mapping

from argon2 import PasswordHasher

from kiosk.config import Settings
from kiosk.staff.api import Cancelled, PackStatus, Progress, SyncResult, UsbPack, UsbScan
from kiosk.staff.machine_words import SpeechOff, speech_fix
from kiosk.staff.ncs_key import NcsKeyFile
from kiosk.staff.pin import PinStore
from kiosk.staff.settings_file import save_settings
from kiosk.staff.usage import UsageLog

# The real hash, with parameters small enough for tests (the kiosk's own are deliberately slow).
QUICK_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
PACK = PackStatus("national", "National careers figures", "Test publisher", "1.0", "2026-11-24T09:00:00+00:00",
                  "2026-11-24T10:00:00+00:00", (("Test figures", "2026-11-01"),), False, None)
SAMPLE = PackStatus("sample", "Sample careers content", "Careers kiosk project", "2026.11.2",
                    "2026-11-02T09:00:00+00:00", "2026-11-24T08:00:00+00:00", (("Sample figures", "2026-11-02"),),
                    True, None)


class FakeStaff:
    """Follows StaffApi; records what the screen asked for. `sync` waits for `step` between items."""

    def __init__(self, settings: Settings, pin_clock, usage_clock) -> None:
        self.settings = settings
        self.pins = PinStore(settings.data_dir / "staff-pin.json", clock=pin_clock, hasher=QUICK_HASHER)
        self.usage = UsageLog(settings.data_dir / "usage.db", clock=usage_clock)
        self.packs = [PACK]
        self.disk: str | None = None  # a test sets why the disk takes no changes
        self.roots: list[Path] = []
        self.found: list[UsbPack] = []
        self.unfinished = ""  # what the scan says when it stopped early
        self.imported: list[Path] = []
        self.removed: list[str] = []
        self.exported: list[Path] = []
        self.usage_exports: list[Path] = []
        self.synced: list[str] = []
        self.sync_items = 5
        self.step = threading.Semaphore(0)  # the test releases one item of a sync at a time
        self.free_run = False
        self.ncs_environ: dict[str, str] = {}  # the environment the key file looks at: the test's, not the machine's
        self.ncs_key = NcsKeyFile(settings.data_dir, environ=self.ncs_environ)
        self.speech_off: SpeechOff | None = None  # a test says why speech did not start
        self.voice_list = [("gmw/en", "English (Great Britain)"), ("gmw/en-US", "English (America)")]
        self._usage_clock = usage_clock

    def disk_problem(self) -> str | None:
        return self.disk

    def pack_status(self) -> list[PackStatus]:
        return list(self.packs)

    def import_pack(self, path: Path) -> str:
        self.imported.append(path)
        return f"Imported {path.name}."

    def remove_pack(self, pack_id: str) -> str:
        self.removed.append(pack_id)
        if len(self.packs) == 1:  # as the real store refuses: the kiosk would have no content
            return f"{pack_id} was not removed: it is the only installed pack"
        self.packs = [p for p in self.packs if p.pack_id != pack_id]
        return f"Removed {pack_id}."

    def export_packs(self, folder: Path) -> list[Path]:
        self.exported.append(folder)
        return [folder / f"{p.pack_id}-{p.version}.zip" for p in self.packs]

    def usb_roots(self) -> list[Path]:
        return list(self.roots)

    def usb_packs(self) -> UsbScan:
        return UsbScan(list(self.found), self.unfinished)

    def sync(self, source: str, progress: Progress, cancelled: Cancelled) -> SyncResult:
        self.synced.append(source)
        for done in range(1, self.sync_items + 1):
            progress(done, self.sync_items, f"SOC {1000 + done}")
            if not self.free_run:
                assert self.step.acquire(timeout=10), "the test never let the fake sync go on"
            if cancelled():
                return SyncResult(f"Sync stopped after {done} of {self.sync_items} items.", [])
        return SyncResult(f"Synced {self.sync_items} items from {source}.", ["SOC 1003: no pay figures; skipped"],
                          installed=f"{source} 2.0")

    def sync_official_from_usb(self, progress: Progress, cancelled: Cancelled) -> SyncResult:
        if not self.roots:
            return SyncResult("No official release files were found on a USB stick.", [])
        return self.sync(f"official from {self.roots[0]}", progress, cancelled)

    def save_settings(self, changes: Mapping[str, Any]) -> Settings:
        self.settings = save_settings(self.settings.data_dir, changes, environ={},
                                      replace_unusable=bool(self.settings.settings_problems))
        return self.settings

    def ncs_key_source(self) -> str:
        return self.ncs_key.source()

    def save_ncs_key(self, key: str) -> None:
        self.ncs_key.save(key)

    def remove_ncs_key(self) -> bool:
        return self.ncs_key.remove()

    def voices(self) -> list[tuple[str, str]]:
        return list(self.voice_list)

    def speech_problem(self) -> str | None:
        return speech_fix(self.speech_off, self.voices())

    def today(self) -> dt.date:
        return dt.date.fromtimestamp(self._usage_clock())

    def export_usage(self, folder: Path) -> list[Path]:
        from kiosk.staff.usage_term import school_term, term_report, write_evidence_csv

        evidence, weekly = folder / "evidence.csv", folder / "usage.csv"
        write_evidence_csv(term_report(self.usage.counts(), school_term(self.today())), evidence)
        self.usage.export_csv(weekly)
        self.usage_exports.append(evidence)
        return [evidence, weekly]
