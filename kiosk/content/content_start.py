"""Readying the content at start-up: clear what a killed change left, rebuild a damaged pack index from the pack
files, install the built-in packs when due, and repair the database; or, on a read-only disk, only check what is there.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.content import builtin_packs, pack_index
from kiosk.content.db_install import database_is_sound, set_aside
from kiosk.content.disk_state import FULL, READ_ONLY
from kiosk.content.errors import PackRejected
from kiosk.content.leftovers import clean_leftovers
from kiosk.content.pack_index import IndexState

if TYPE_CHECKING:
    from kiosk.content.pack_store import PackStore


def start_writable(store: PackStore, sample_folder: Path | None, builtins: tuple[Path, ...]) -> list[str]:
    """Ready the content under the data lock on a disk that takes writes (PackStore.start's usual path)."""
    notes: list[str] = []
    state = store.index_state()
    named = {f for e in state.entries.values() for f in (e.current, e.previous) if f}
    # A change's own files are leftovers only beside an index that can be trusted; after a rebuild the files
    # are the index, and none of them goes.
    orphans = pack_index.read_leftovers(store.packs_dir) if state.problem is None else frozenset()
    notes += clean_leftovers(store.data_dir, store.packs_dir, orphans, named)
    if state.problem is not None:
        notes += state.notes + [_rebuilt_note(state)]
        if state.entries:
            try:
                store._write_index(state.entries, rebuilt=state.problem)
            except OSError as e:  # the rebuilt index serves this run from memory; the next start tries again
                notes.append(f"the rebuilt pack index could not be saved ({e.strerror or e})")
    entries = state.entries
    installed: list[str] = []  # each install writes its own line to content.log: not written twice
    folders = [(sample_folder, True)] if sample_folder is not None else []
    folders += [(folder, False) for folder in builtins if folder.is_dir()]
    for folder, first_run_only in folders:
        if builtin_packs.due(entries, folder, store.packs_dir, first_run_only=first_run_only):
            try:
                installed.append(store._install_builtin(folder))
                notes.append(installed[-1])
            except (PackRejected, OSError) as e:
                if not entries:
                    raise
                # The kiosk has content to show: a pack of its own that cannot go in now waits for a later start.
                notes.append(f"the built-in {folder.name} pack could not be installed ({e})")
    entries = store.entries()
    repaired = builtin_packs.repair_seen(store.packs_dir, (f.name for f, _ in folders if f.name in entries))
    notes += [repaired] if repaired else []
    fault = store.database_fault(entries)
    if fault:
        packs, entries = store._load(entries, notes)
        sound = database_is_sound(store.db_path)
        if store.db_path.exists() and not sound:
            notes.append(f"the damaged database was kept as {set_aside(store.db_path).name}")
        if packs or not folders:
            try:
                store._commit(entries, packs)
                notes.append(f"content restored: {fault}")
            except PackRejected as e:
                if not sound:
                    raise
                # Never discard a database that passes its checks: show it as it is until the disk takes writes.
                store.cannot_write = store.cannot_write or FULL
                notes.append(f"the content could not be brought up to date ({fault}; {e}); "
                             "the kiosk shows the content it has")
        else:  # nothing installed could be read: start again from the built-in packs
            installed += [store._install_builtin(folder) for folder, _ in folders]
            notes += installed[-len(folders):]
    if store.db_immutable:
        store.cannot_write = store.cannot_write or FULL
    for note in notes:
        if note not in installed:
            store._log(note)
    return notes


def start_read_only(store: PackStore) -> list[str]:
    """Ready the content on a disk that takes no writes; raise PackRejected only if there is nothing to show."""
    store.cannot_write = READ_ONLY
    notes = [READ_ONLY]
    state = store.index_state()
    if state.problem is not None:
        notes.append(f"the pack index (packs/installed.json) {state.problem}; it cannot be rebuilt on a read-only "
                     "disk, so the kiosk uses the pack files it found")
    fault = store.database_fault(state.entries)
    if fault is not None:
        if not database_is_sound(store.db_path):
            raise PackRejected(f"{READ_ONLY} The content database cannot be shown ({fault}), and it cannot be "
                               "rebuilt until the disk takes writes again.")
        notes.append(f"the content is not up to date ({fault}); it cannot be rebuilt while the disk is read-only")
    return notes


def _rebuilt_note(state: IndexState) -> str:
    kept = ", ".join(f"{e.pack_id} {e.content_version}" for e in state.entries.values())
    return (f"the pack index (packs/installed.json) {state.problem}: rebuilt it from the pack files, "
            + (f"keeping {kept}" if kept else "but none could be used"))
