"""The packs the kiosk builds from its own assets (the sample, the official figures): when each is due."""

from __future__ import annotations

import json
import time
import tomllib
from pathlib import Path
from typing import Any, Iterable, Mapping

from kiosk.content.errors import version_key
from kiosk.content.file_replace import replace_bytes

SEEN_FILE = "builtins.json"  # in packs/: the built-in packs this kiosk has installed at least once


def due(entries: Mapping[str, Any], folder: Path, packs_dir: Path, *, first_run_only: bool) -> bool:
    """Whether to (re)install the built-in pack in `folder`: on first run, when it was never installed here (unless
    `first_run_only`), or when the assets hold a newer version than the installed one.

    A built-in pack staff removed stays removed: it was installed once, so absence is their choice.
    """
    if not entries:
        return True
    source = folder / "pack.toml"
    try:
        changed = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(source.stat().st_mtime))
        # A built-in pack's folder is named by its id. When it has been here before and the assets are older than
        # every install (same ISO UTC form: text order is time order), nothing in them can be new: no parse.
        known = folder.name in entries or folder.name in seen(packs_dir)
        if known and all(e.installed > changed for e in entries.values()):
            return False
        info = tomllib.loads(source.read_text(encoding="utf-8"))
        installed = entries.get(info["id"])
        if installed is None:
            return not first_run_only and info["id"] not in seen(packs_dir)
        return version_key(info["content_version"]) > version_key(installed.content_version)
    except (OSError, KeyError, ValueError):  # broken assets must not stop the kiosk starting
        return False


def seen(packs_dir: Path) -> frozenset[str]:
    """The built-in packs installed here at least once; an unreadable record counts as none."""
    return _read_seen(packs_dir)[0]


def seen_problem(packs_dir: Path) -> str | None:
    """What is wrong with the record of built-in packs installed here, naming it (None when sound or absent)."""
    return _read_seen(packs_dir)[1]


def repair_seen(packs_dir: Path, installed: Iterable[str]) -> str | None:
    """Write a damaged record afresh from the built-in packs installed now; a note for the log, or None if sound."""
    problem = seen_problem(packs_dir)
    if problem is None:
        return None
    ids = sorted(set(installed))
    try:
        replace_bytes(packs_dir / SEEN_FILE, json.dumps(ids).encode())
    except OSError as e:
        return f"{problem}; it could not be written afresh ({e.strerror or e})"
    return (f"{problem}; it was written afresh naming {', '.join(ids) or 'none'} "
            "(a built-in pack removed before may return)")


def _read_seen(packs_dir: Path) -> tuple[frozenset[str], str | None]:
    path = packs_dir / SEEN_FILE
    if not (path.exists() or path.is_symlink()):
        return frozenset(), None
    try:
        ids = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        why = e.strerror if isinstance(e, OSError) else "it is not valid JSON text"
        return frozenset(), f"the record of built-in packs {path} cannot be read ({why})"
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        return frozenset(), f"the record of built-in packs {path} is not a list of pack ids"
    return frozenset(ids), None


def remember(packs_dir: Path, pack_id: str) -> None:
    """Record that a built-in pack was installed here."""
    ids = seen(packs_dir)
    if pack_id not in ids:
        replace_bytes(packs_dir / SEEN_FILE, json.dumps(sorted(ids | {pack_id})).encode())
