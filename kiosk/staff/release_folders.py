"""Finding the folder of official release files (ASHE, APS, SOC 2020, Skills Imperative 2035) that staff carried on
a USB stick, by the names the publishers give the files; nothing is opened here (the sync reads and checks them)."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Sequence
from pathlib import Path

from kiosk.sources.official.catalogue import is_release_name

MAX_DEPTH = 3  # folders below a stick's top: where staff put a download folder
MAX_ENTRIES = 5000  # folder entries looked at on one stick, so a stick holding a huge tree is not walked
NO_RELEASES = ("No official release files were found on a USB stick. Save the ONS files (ASHE Table 14, the APS "
               "employment workbook, SOC 2020 Volume 1) and DfE's Skills Imperative 2035 workbooks, as downloaded, "
               "in a folder on the stick, plug it in and try again.")


def find_release_folder(roots: Sequence[Path]) -> Path | None:
    """The folder holding the most release files on the sticks: the nearest folder above all of one stick's
    release files (so files kept in two subfolders, ons/ and dfe/, are read together), or None."""
    best: tuple[int, Path] | None = None
    for root in roots:
        found = _release_files(Path(root))
        if found and (best is None or len(found) > best[0]):
            best = (len(found), Path(os.path.commonpath([path.parent for path in found])))
    return best[1] if best else None


def _release_files(root: Path) -> list[Path]:
    """The release files under `root`, level by level, never through a link or into a hidden folder."""
    found: list[Path] = []
    queue = deque([(root, 0)])
    budget = MAX_ENTRIES
    while queue and budget > 0:
        folder, depth = queue.popleft()
        try:
            with os.scandir(folder) as entries:
                listed = sorted(entries, key=lambda e: e.name)
        except OSError:  # pulled out, or unreadable: nothing to find there
            continue
        for entry in listed[:budget]:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False) and depth < MAX_DEPTH:
                    queue.append((Path(entry.path), depth + 1))
                elif entry.is_file(follow_symlinks=False) and is_release_name(entry.name):
                    found.append(Path(entry.path))
            except OSError:
                continue
        budget -= len(listed)
    return found
