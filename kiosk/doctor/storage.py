"""`kiosk doctor`'s checks of the data directory itself: a read-only or full disk, and the pack index's state."""

from __future__ import annotations

import json
import os

from kiosk.content.db_install import needs_immutable
from kiosk.content.disk_state import READ_ONLY, read_only_problem
from kiosk.content.leftovers import damaged_copies
from kiosk.content.pack_store import PackStore
from kiosk.doctor.check import Check


def storage_checks(store: PackStore) -> list[Check]:
    """The disk, the pack index, and any damaged database copy kept."""
    return [_disk(store), _index(store), *_damaged(store)]


def _disk(store: PackStore) -> Check:
    if read_only_problem(store.data_dir) == READ_ONLY:
        return Check("disk", "fault", READ_ONLY)
    try:
        free = os.statvfs(store.data_dir)
        free_bytes = free.f_bavail * free.f_frsize
    except OSError:
        return Check("disk", "ok", f"{store.data_dir} does not exist yet")
    if needs_immutable(store.db_path):
        return Check("disk", "fault", "the content database can be opened only as unchanging: the disk cannot take "
                     f"its working files ({free_bytes:,} bytes free); the kiosk shows its content but nothing can "
                     "change")
    if free_bytes < 1 << 20:
        return Check("disk", "fault", f"the disk is full ({free_bytes:,} bytes free): no pack, setting or usage count "
                     "can be saved")
    return Check("disk", "ok", f"writable, {free_bytes / 2**20:,.0f} MiB free")


def _index(store: PackStore) -> Check:
    state = store.index_state()
    if state.problem is not None:
        found = ", ".join(f"{e.pack_id} {e.content_version}" for e in state.entries.values()) or "none usable"
        return Check("pack index", "fault", f"{store.index_path} {state.problem}; the kiosk rebuilds it from the pack "
                     f"files at its next start (pack files found: {found})")
    rebuilt = _rebuilt(store)
    if rebuilt:
        return Check("pack index", "warning", f"{store.index_path} was rebuilt from the pack files at {rebuilt}")
    return Check("pack index", "ok", f"{store.index_path} names every pack file")


def _rebuilt(store: PackStore) -> str | None:
    try:
        data = json.loads(store.index_path.read_text(encoding="utf-8"))
        note = data["rebuilt"]
        return f"{note['when']}: {note['why']}"
    except Exception:  # no record, or one damaged: the index check above says what matters
        return None


def _damaged(store: PackStore) -> list[Check]:
    copies = damaged_copies(store.data_dir)
    if not copies:
        return []
    return [Check("damaged database", "warning", f"a damaged database was set aside as {store.data_dir / copies[-1]} "
                  "(kept for inspection; the kiosk rebuilt its content from the packs)")]
