"""Clearing what a killed import or rebuild leaves in the data directory, at start-up, under the data lock.

Only files that are known leftovers go: a staged import, a half-written record or candidate database, a pack file an
unfinished change named as its own (never one the index merely forgot), and all but the newest damaged database copy.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.content.pack_index import LEFTOVERS_NAME

DAMAGED_GLOB = "kiosk.db.damaged-*"


def clean_leftovers(data_dir: Path, packs_dir: Path, orphans: frozenset[str], named: set[str]) -> list[str]:
    """Remove the leftovers; return a line for the log naming each one removed.

    `orphans` are the pack files an unfinished change named; those the index (`named`) uses are kept.
    """
    notes: list[str] = []
    for stale in sorted((data_dir / "incoming").glob("*.zip")):
        _remove(stale, f"removed {stale.name}, a pack an import that did not finish had copied in", notes)
    candidate = data_dir / "kiosk.db.new"
    _remove(candidate, "removed kiosk.db.new, a database a rebuild that did not finish had started", notes)
    for part in sorted(packs_dir.glob(".*.part")):
        _remove(part, f"removed {part.name}, a record a change that did not finish had half-written", notes)
    for name in sorted(orphans - named):
        _remove(packs_dir / name, f"removed the pack file {name}, which an import that did not finish had copied in",
                notes)
        folder = (packs_dir / name).parent
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    (packs_dir / LEFTOVERS_NAME).unlink(missing_ok=True)
    copies = sorted(data_dir.glob(DAMAGED_GLOB), key=_stamp)
    bases = sorted({_base(p) for p in copies}, key=lambda b: _stamp(data_dir / b))
    for base in bases[:-1]:  # the newest copy is kept for inspection; older ones only fill the disk
        for suffix in ("", "-wal", "-shm"):
            _remove(data_dir / f"{base}{suffix}", f"removed {base}{suffix}, an older copy of a damaged database", notes)
    return notes


def damaged_copies(data_dir: Path) -> list[str]:
    """The damaged database copies kept in the data directory (without their -wal and -shm), oldest first."""
    return sorted({_base(p) for p in data_dir.glob(DAMAGED_GLOB)}, key=lambda b: _stamp(data_dir / b))


def _base(path: Path) -> str:
    name = path.name
    for suffix in ("-wal", "-shm"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _stamp(path: Path) -> tuple[str, float]:
    # The name carries the time it was set aside (YYYYmmdd-HHMMSS); the file time breaks ties.
    try:
        mtime = path.stat().st_mtime
    except OSError:
        mtime = 0.0
    return _base(path).removeprefix("kiosk.db.damaged-"), mtime


def _remove(path: Path, note: str, notes: list[str]) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        return
    notes.append(note)
