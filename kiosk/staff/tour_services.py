"""The staff services as `kiosk tour` pictures them at work: the real ones on the tour's content, with a sync, a
USB stick and its packs played out in memory. Nothing here fetches, reads a stick or changes the kiosk's data."""

from __future__ import annotations

import threading
from pathlib import Path

from kiosk.staff.api import Cancelled, PackStatus, Progress, SyncResult, UsbPack, UsbScan
from kiosk.staff.ncs_key import NcsKeyFile
from kiosk.staff.services import StaffServices

STICK = Path("/media/staff/CAREERS")
SYNC_TOTAL = 369  # the SOC 2010 unit groups a full LMI for All sync asks about
SYNC_SHOWN = (120, "SOC 2231")  # where the picture of a running sync stops it
SYNC_VERSION = "2026.11.24.104512"
SYNC_MESSAGE = (f"LMI for All: installed figures for 367 job groups (2214 pay, 4428 outlook figures; 311 jobs "
                f"described by LMI for All alone) as version {SYNC_VERSION}")
SYNC_PROBLEMS = [
    "LMI for All pay for 3545 (London, 2023): 98765.0 is not a believable figure; skipped",
    "LMI for All occupation 9279: no title or description; its figures are left out",
]
# As the LMI for All pack names itself (kiosk.sources.lmiforall.pack.identity).
SYNCED_PACK = PackStatus("lmiforall", "Labour market figures for 367 job groups",
                         "LMI for All (Department for Education)", SYNC_VERSION, "2026-11-24T10:45:12+00:00",
                         "2026-11-24T10:45:13+00:00", (("LMI for All", "2026-11-24"),), False, None)
_FOLDER = STICK / "careers-kiosk-packs"
STICK_PACKS = [
    UsbPack(_FOLDER / "north-east-hub-2026.11.zip", "north-east-hub", "2026.11", "North East Careers Hub",
            "signed by a trusted key: North East Careers Hub (key 3f9a1c7e5b2d4a60)", None, True),
    UsbPack(_FOLDER / "school-2026.11.20.zip", "school", "2026.11.20", "Hillside Academy", None, None),
    UsbPack(STICK / "lmiforall-old.zip", None, None, None, None,
            "the pack is truncated or damaged: its zip directory cannot be read"),
]


class TourStaff(StaffServices):
    """The real services, with a pretend stick (plugged in by `stick_in`) and a sync that stops part-way until
    `finish_sync` is set; the PIN, usage counts and NCS key live in the tour's scratch folder."""

    def __init__(self, *args, scratch: Path, **kwargs) -> None:
        # The tour's own key file, apart from the kiosk's and from this machine's environment.
        super().__init__(*args, ncs_key=NcsKeyFile(scratch, environ={}), **kwargs)
        self.stick_in = False
        self.finish_sync = threading.Event()
        self._synced = False

    def pack_status(self) -> list[PackStatus]:
        """The installed packs, and the one the pictured sync installed once it has finished."""
        return [*super().pack_status(), *([SYNCED_PACK] if self._synced else [])]

    def usb_roots(self) -> list[Path]:
        """The pretend stick, while it is plugged in (whatever this machine has mounted)."""
        return [STICK] if self.stick_in else []

    def usb_packs(self) -> UsbScan:
        """A signed pack, an unsigned one and a damaged one on the pretend stick."""
        return UsbScan(list(STICK_PACKS) if self.stick_in else [])

    def import_pack(self, path: Path) -> str:
        """Pictured only: nothing is installed."""
        return f"{Path(path).name} was not imported: the tour only pictures an import"

    def remove_pack(self, pack_id: str) -> str:
        """Pictured only: nothing is removed."""
        return f"{pack_id} was not removed: the tour only pictures a removal"

    def export_packs(self, folder: Path) -> list[Path]:
        """Pictured only: the files an export would write, none written."""
        return [Path(folder) / f"{p.pack_id}-{p.version}.zip" for p in self.pack_status()]

    def sync(self, source: str, progress: Progress, cancelled: Cancelled) -> SyncResult:
        """Report the item pictured, wait for `finish_sync` (or a cancel), then report a finished sync."""
        done, item = SYNC_SHOWN
        progress(done, SYNC_TOTAL, item)
        while not self.finish_sync.wait(0.05):
            if cancelled():
                return SyncResult("LMI for All: stopped; the kiosk keeps its current figures", [])
        progress(SYNC_TOTAL, SYNC_TOTAL, "SOC 9279")
        self._synced = True
        return SyncResult(SYNC_MESSAGE, list(SYNC_PROBLEMS), f"lmiforall {SYNC_VERSION}")
