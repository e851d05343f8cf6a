"""The folder of saved careers sheets: how many pupils' taps may write, and removing old sheets staff never took."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from kiosk.content.file_replace import replace_file

log = logging.getLogger(__name__)
PREFIX = "careers-sheet-"
_SHEET = re.compile(r"^careers-sheet-\d{8}-\d{6}(-\d+)?\.pdf$")
_PART = re.compile(r"^\.careers-sheet-.*\.part$")  # left behind only by a crash or a pulled plug while writing


@dataclass(frozen=True)
class SheetLimits:
    """What pupils' "Print my sheet" taps may do: a tap-happy visit is stopped, and the folder never grows past
    a few sheets' worth of the disk."""

    per_visit: int = 3  # a visit ends at the idle reset
    per_minute: int = 4  # across visits: a queue of pupils each printing once is fine, a tap-storm is not
    most_sheets: int = 100  # staff print or collect them; beyond this the oldest go first
    most_bytes: int = 20 * 1024 * 1024
    keep_days: int = 14  # a sheet nobody collected in two weeks (half-term included) is not coming back


class PrintAllowance:
    """Counts sheets made this visit and in the last minute (on the kiosk's clock), and says when to stop."""

    def __init__(self, limits: SheetLimits, clock: Callable[[], float]) -> None:
        self.limits = limits
        self._clock = clock
        self._recent: deque[float] = deque()
        self.this_visit = 0

    def refusal(self) -> str:
        """What to tell the pupil when another sheet now would be one too many; "" when it may go ahead."""
        now = self._clock()
        while self._recent and now - self._recent[0] >= 60:
            self._recent.popleft()
        if self.this_visit >= self.limits.per_visit:
            # Words picture mode draws rightly: "made" would get a hammer (making things), "saved" a floppy disk.
            return (f"You already have {_sheets(self.this_visit)} from this visit, the most the kiosk gives one "
                    "person. If you need another, ask a member of staff.")
        if len(self._recent) >= self.limits.per_minute:
            return ("Many careers sheets were asked for in the last minute. Wait a minute and try again, "
                    "or ask a member of staff.")
        return ""

    def counted(self) -> None:
        """One more sheet made (printed or saved)."""
        self._recent.append(self._clock())
        self.this_visit += 1

    def new_visit(self) -> None:
        """The idle reset: the next pupil starts with none made (the per-minute count carries on)."""
        self.this_visit = 0


class SheetFolder:
    """Saved sheets in one folder: written whole or not at all, the oldest removed to stay within the limits."""

    def __init__(self, folder: Path, limits: SheetLimits = SheetLimits(),
                 now: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        self.folder = folder
        self.limits = limits
        self._now = now

    def sheets(self) -> list[Path]:
        """The saved sheets, oldest first."""
        if not self.folder.is_dir():
            return []
        found = [p for p in self.folder.iterdir() if _SHEET.match(p.name) and p.is_file()]
        return sorted(found, key=lambda p: (p.stat().st_mtime, p.name))

    def leftovers(self) -> list[Path]:
        """Half-written sheets a crash left behind."""
        if not self.folder.is_dir():
            return []
        return sorted(p for p in self.folder.iterdir() if _PART.match(p.name))

    def save(self, data: bytes, made: dt.datetime) -> Path:
        """Put one finished sheet in the folder under a new name, after removing what must go to make room."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self.tidy(room_for=len(data))
        path = self.folder / f"{PREFIX}{made:%Y%m%d-%H%M%S}.pdf"
        n = 1
        while path.exists():  # two sheets in the same second each keep their own file
            n += 1
            path = self.folder / f"{PREFIX}{made:%Y%m%d-%H%M%S}-{n}.pdf"
        replace_file(path, lambda f: f.write(data), _check_pdf)
        return path

    def tidy(self, room_for: int = 0) -> list[Path]:
        """Remove leftovers, sheets older than the keeping time, then the oldest until one more of `room_for`
        bytes fits within the limits. Returns what was removed."""
        removed = self.leftovers()
        cutoff = (self._now() - dt.timedelta(days=self.limits.keep_days)).timestamp()
        sheets = self.sheets()
        removed += [p for p in sheets if p.stat().st_mtime < cutoff]
        kept = [p for p in sheets if p not in removed]
        total = sum(p.stat().st_size for p in kept)
        while kept and (len(kept) + 1 > self.limits.most_sheets or total + room_for > self.limits.most_bytes):
            oldest = kept.pop(0)
            total -= oldest.stat().st_size
            removed.append(oldest)
        for path in removed:
            path.unlink(missing_ok=True)
        if removed:
            log.info("removed %d old or half-written careers sheets from %s", len(removed), self.folder)
        return removed

    def problems(self) -> list[str]:
        """What is wrong with the folder, in words for staff (for `kiosk doctor`); [] when all is well."""
        out = []
        leftovers = self.leftovers()
        if leftovers:
            out.append(f"{len(leftovers)} half-written careers sheets in {self.folder} (removed at the next print)")
        sheets = self.sheets()
        size = sum(p.stat().st_size for p in sheets)
        if len(sheets) > self.limits.most_sheets or size > self.limits.most_bytes:
            out.append(f"{self.folder} holds {len(sheets)} careers sheets ({size / 1e6:.1f} MB), more than the "
                       f"{self.limits.most_sheets} sheets or {self.limits.most_bytes / 1e6:.0f} MB it keeps: the "
                       "oldest are removed at the next print")
        return out


def _check_pdf(part: Path) -> None:
    with open(part, "rb") as f:
        if f.read(5) != b"%PDF-":
            raise OSError(f"{part.name} is not a whole PDF")


def _sheets(n: int) -> str:
    return "1 careers sheet" if n == 1 else f"{n} careers sheets"
