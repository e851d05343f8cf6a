"""What the staff screen asks of the kiosk, in one place: the StaffApi protocol and the plain values it returns.

The real StaffServices and the tests' fake both follow it (a test compares their signatures), so they cannot drift.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Callable, Mapping, NamedTuple, Protocol

from kiosk.config import Settings
from kiosk.sources.sync_pipeline import SOURCES
from kiosk.staff.pin import PinStore
from kiosk.staff.usage import UsageLog

# The online sources the staff screen can sync, with the names staff see (as they read mid-sentence).
SYNC_SOURCES = {source.name: source.title for source in SOURCES}

Progress = Callable[[int, int, str], None]  # (done, total, the item now)
Cancelled = Callable[[], bool]


class PackStatus(NamedTuple):
    """One installed pack as staff see it: what, whose, which version, how fresh, and what it falls back to."""

    pack_id: str
    title: str
    publisher: str
    version: str
    created: str
    installed: str
    sources: tuple[tuple[str, str], ...]  # (source name, date retrieved)
    sample: bool
    last_known_good: str | None  # the previous version kept, if any


class UsbPack(NamedTuple):
    """A pack file found on a USB stick: who made it and which version, or why it cannot be imported."""

    path: Path
    pack_id: str | None
    content_version: str | None
    publisher: str | None
    signer: str | None  # who signed it, in words that say whether this kiosk trusts the key
    problem: str | None
    trusted: bool = False  # signed with a key this kiosk trusts


class UsbScan(NamedTuple):
    """The pack files found on the USB sticks, and why some may be missing when the search stopped early."""

    packs: list[UsbPack]
    unfinished: str = ""  # "" when every file near the stick's top was looked at


class SyncResult(NamedTuple):
    """What a sync did, in words, the problems it met (each naming its item), and the pack installed if any."""

    message: str
    problems: list[str]
    installed: str | None = None


class StaffApi(Protocol):
    """The staff services: blocking calls (the staff screen runs the slow ones on a worker thread)."""

    pins: PinStore
    usage: UsageLog
    settings: Settings

    def disk_problem(self) -> str | None:
        """Why nothing can be changed now (a read-only or full disk), in words for staff; None when all is well."""
        ...

    def pack_status(self) -> list[PackStatus]:
        """Every installed pack, by id."""

    def import_pack(self, path: Path) -> str:
        """Verify and install a pack file; says what was installed, or why it was refused."""

    def remove_pack(self, pack_id: str) -> str:
        """Remove an installed pack and rebuild the content without it; says what was removed, or why it was not."""

    def export_packs(self, folder: Path) -> list[Path]:
        """Write every installed pack into `folder` (a USB stick); the files written."""

    def usb_roots(self) -> list[Path]:
        """The removable drives mounted now (cheap: polled while the staff screen is open)."""

    def usb_packs(self) -> UsbScan:
        """The pack files on the removable drives, each checked."""

    def sync(self, source: str, progress: Progress, cancelled: Cancelled) -> SyncResult:
        """Fetch from an online source (a key of SYNC_SOURCES) and install what changed."""

    def sync_official_from_usb(self, progress: Progress, cancelled: Cancelled) -> SyncResult:
        """Build the official figures from the release files in a folder on a USB stick, and install them."""

    def save_settings(self, changes: Mapping[str, Any]) -> Settings:
        """Save settings (SettingsError names a setting it refuses); returns the settings now in force."""

    def ncs_key_source(self) -> str:
        """Where a sync finds the NCS API key: "environment", "file", or "" when there is none (never the key)."""

    def save_ncs_key(self, key: str) -> None:
        """Keep the NCS API key in the data directory's key file (NcsKeyError says why a key is refused)."""

    def remove_ncs_key(self) -> bool:
        """Delete the NCS API key file; whether there was one."""

    def voices(self) -> list[tuple[str, str]]:
        """The speech voices to offer, as (id, name); empty when speech is off here."""

    def speech_problem(self) -> str | None:
        """Why speech cannot work on this machine and how to fix it, in words for staff; None when it works."""

    def today(self) -> dt.date:
        """Today's date by the kiosk's clock (how old content is, which school term it is)."""

    def export_usage(self, folder: Path) -> list[Path]:
        """Write this term's usage as evidence for Gatsby Benchmark 2, and every week's counts, as CSV files into
        `folder`; the files written, the evidence first."""
