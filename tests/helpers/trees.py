"""A folder tree's exact state, to show that a write changed nothing outside the folder it was given."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path


def tree_state(root: Path, leave_out: tuple[Path, ...] = ()) -> dict[str, tuple[str, str]]:
    """Every entry under `root` (links not followed) with its kind and its bytes' hash or link target."""
    skip = {os.path.abspath(p) for p in leave_out}
    state: dict[str, tuple[str, str]] = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = [d for d in dirs if os.path.join(folder, d) not in skip]
        for name in dirs + files:
            path = os.path.join(folder, name)
            if path in skip:
                continue
            mode = os.lstat(path).st_mode
            if stat.S_ISLNK(mode):
                state[os.path.relpath(path, root)] = ("link", os.readlink(path))
            elif stat.S_ISDIR(mode):
                state[os.path.relpath(path, root)] = ("folder", "")
            else:
                with open(path, "rb") as f:
                    state[os.path.relpath(path, root)] = ("file", hashlib.file_digest(f, "sha256").hexdigest())
    return state
