"""Finding content packs on USB sticks: where sticks are mounted, and which .zip files near their top are packs.

Cheap and free of Qt; still, reading packs off a slow stick takes time, so a screen runs `find_packs` on a
worker thread. Nothing found here is installed: an import copies the file off the stick and checks it again.
"""

from __future__ import annotations

import os
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Sequence

from kiosk.content.errors import PackRejected
from kiosk.content.pack_file import read_pack
from kiosk.content.pack_signature import Signer

# Debian's udisks2 mounts a stick at /media/<user>/<label>; others use /run/media/<user>/<label>; a fixed
# systemd automount or a hand mount sits at /mnt or /mnt/<name>, and usbmount uses /media/usb<n>.
MOUNT_BASES = (Path("/media"), Path("/run/media"), Path("/mnt"))
MAX_ENTRIES = 5000  # folder entries looked at in one search, so a stick holding a huge tree is not walked
TOP_FOLDER = "Put the packs in the stick's top folder."


@dataclass(frozen=True)
class FoundPack:
    """A .zip file found on a stick: the pack it holds and who signed it, or the problem that makes it unusable."""

    path: Path
    pack_id: str | None
    content_version: str | None
    publisher: str | None
    signer: Signer | None
    problem: str | None

    @property
    def ok(self) -> bool:
        return self.problem is None


def removable_roots(
    bases: Sequence[Path] = MOUNT_BASES, is_mount: Callable[[Path], bool] = os.path.ismount
) -> list[Path]:
    """The mount points of removable media under `bases` (each base and two folder levels below it)."""
    roots: list[Path] = []
    for base in bases:
        _collect_mounts(Path(base), 2, is_mount, roots)
    return list(dict.fromkeys(roots))


def _collect_mounts(folder: Path, depth: int, is_mount: Callable[[Path], bool], roots: list[Path]) -> None:
    if is_mount(folder):
        roots.append(folder)
        return
    if depth > 0:
        for child in _subfolders(folder):
            _collect_mounts(child, depth - 1, is_mount, roots)


def _subfolders(folder: Path) -> list[Path]:
    try:
        with os.scandir(folder) as it:
            return sorted(Path(e.path) for e in it if not e.name.startswith(".") and _is_real_dir(e))
    except OSError:  # absent, or another user's folder: nothing to find there
        return []


def _is_real_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


@dataclass(frozen=True)
class Scan:
    """What a search of the sticks found, and, when it had to stop early, why packs may be missing ("" if not)."""

    packs: list[FoundPack]
    unfinished: str = ""


def find_packs(roots: Sequence[Path], max_depth: int = 2, limit: int = 50) -> list[FoundPack]:
    """The pack files `scan_packs` finds."""
    return scan_packs(roots, max_depth, limit).packs


def scan_packs(roots: Sequence[Path], max_depth: int = 2, limit: int = 50) -> Scan:
    """Check every .zip file within `max_depth` folders of each root (nearest first, at most `limit` of them).

    Never raises for a bad file: each one found is reported as a pack or with the reason it is not one.
    Hidden files and folders are skipped and symbolic links are not followed, so a loop cannot trap it. When
    the entry budget or the limit stops the search, the scan says so: packs further down were never seen.
    """
    found: list[FoundPack] = []
    budget = [MAX_ENTRIES]
    seen: set[tuple[int, int]] = set()
    for root in roots:
        for path in _zip_files(Path(root), max_depth, budget, seen):
            if len(found) >= limit:
                return Scan(found, f"There are more than {limit} pack files on the stick; only the first {limit} "
                                   f"were checked. {TOP_FOLDER}")
            found.append(examine(path))
    if budget[0] < 0:
        return Scan(found, f"The stick has more than {MAX_ENTRIES:,} files and folders; only the first "
                           f"{MAX_ENTRIES:,} were looked at, so packs further down may be missing. {TOP_FOLDER}")
    return Scan(found)


def examine(path: Path) -> FoundPack:
    """Check one file as a pack and say what it is, or why it cannot be used."""
    try:
        pack = read_pack(path)
    except PackRejected as e:
        return FoundPack(path, None, None, None, None, str(e))
    except OSError as e:  # the stick was pulled out, or the file cannot be read
        return FoundPack(path, None, None, None, None, f"cannot read {path}: {e.strerror or e}")
    m = pack.manifest
    return FoundPack(path, m.pack_id, m.content_version, m.publisher, pack.signer, None)


def _zip_files(root: Path, max_depth: int, budget: list[int], seen: set[tuple[int, int]]) -> Iterator[Path]:
    """The .zip files under `root`, level by level, within the depth and the shared entry budget."""
    queue = deque([(root, 0)])
    while queue:
        folder, depth = queue.popleft()
        try:
            st = folder.stat()
            if (st.st_dev, st.st_ino) in seen:  # the same folder reached twice (a bind mount): walk it once
                continue
            seen.add((st.st_dev, st.st_ino))
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if budget[0] <= 0:
                budget[0] = -1  # entries were left unlooked at
                return
            budget[0] -= 1
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_symlink():
                    continue
                if entry.is_dir(follow_symlinks=False):
                    if depth < max_depth:
                        queue.append((Path(entry.path), depth + 1))
                elif entry.name.lower().endswith(".zip") and entry.is_file(follow_symlinks=False):
                    yield Path(entry.path)
            except OSError:
                continue
