"""Reading packs/installed.json without trusting it, and rebuilding it from the pack files when it cannot be used.

The pack files are the truth; the index only says which file is each pack's current and last-known-good version.
An index that is missing, unreadable, of the wrong shape, or that does not name a valid pack file on disk is
rebuilt from the files: every file is verified, and per pack id the newest content version becomes current and
the next newest its last-known-good.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, NamedTuple

from kiosk.content.errors import PackRejected, version_key
from kiosk.content.file_replace import replace_bytes

INDEX_NAME = "installed.json"
# Files a change is about to add or drop: if the index does not name one at start-up, the change never finished
# (a kill -9 or a power cut) and the file is a leftover the kiosk may remove.
LEFTOVERS_NAME = ".uncommitted.json"
# Where a pack file lives under packs/: <pack id>/<name>.zip, nothing hidden, nothing deeper.
PACK_FILE = re.compile(r"[a-z0-9][a-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._+-]*\.zip")
_REQUIRED_TEXT = ("pack_id", "content_version", "sha256", "current", "installed")
_OPTIONAL_TEXT = ("previous", "previous_version")


class IndexState(NamedTuple):
    """The installed packs (as `entry_type` values), and why the index file could not be used as it is, if so."""

    entries: dict[str, Any]
    problem: str | None
    notes: list[str]


def read_index(packs_dir: Path, entry_type: type, *, leftovers: frozenset[str] = frozenset()) -> IndexState:
    """The index, checked against the pack files; rebuilt from the files (in memory) when it cannot be used.

    `leftovers` are files an unfinished change left, which the index need not name.
    """
    path = packs_dir / INDEX_NAME
    files = pack_files(packs_dir)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if not files:
            return IndexState({}, None, [])  # a first run: nothing installed yet
        return _rebuilt(packs_dir, entry_type, files, "is missing")
    except OSError as e:
        return _rebuilt(packs_dir, entry_type, files, f"cannot be read ({e.strerror or e})")
    entries, problem = parse_index(raw, entry_type)
    if problem is None:
        named = {f for e in entries.values() for f in (e.current, e.previous) if f}
        lost = sorted(set(files) - named - leftovers)
        if lost:
            problem = f"does not name the pack file {lost[0]}" + (f" and {len(lost) - 1} more" if len(lost) > 1 else "")
    if problem is not None:
        return _rebuilt(packs_dir, entry_type, files, problem)
    return IndexState(entries, None, [])


def parse_index(raw: bytes, entry_type: type) -> tuple[dict[str, Any], str | None]:
    """The entries in an index file's bytes, or ({}, the problem in words). Unknown fields are ignored."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return {}, "is not valid JSON" if raw.strip() else "is empty"
    packs = data.get("packs") if isinstance(data, dict) else None
    if not isinstance(packs, dict):
        return {}, "is not a list of installed packs"
    entries = {}
    for key, value in packs.items():
        entry = _entry(key, value, entry_type)
        if entry is None:
            return {}, f"has a damaged entry for {str(key)[:40]!r}"
        entries[key] = entry
    return entries, None


def _entry(key: str, value: object, entry_type: type) -> Any | None:
    """One entry, if every field the kiosk relies on is there with the right type and names a pack file safely."""
    if not isinstance(value, dict):
        return None
    fields: dict[str, Any] = {}
    for name in entry_type._fields:
        if name in value:
            fields[name] = value[name]
        elif name not in entry_type._field_defaults and name not in _OPTIONAL_TEXT:
            return None
        else:
            fields[name] = entry_type._field_defaults.get(name)
    if not all(isinstance(fields[n], str) and fields[n] for n in _REQUIRED_TEXT if n in fields):
        return None
    if not all(fields[n] is None or isinstance(fields[n], str) for n in _OPTIONAL_TEXT if n in fields):
        return None
    if fields["pack_id"] != key or not re.fullmatch(r"[0-9a-f]{64}", fields["sha256"]):
        return None
    for name in ("current", "previous"):
        name_ok = fields[name] is None or PACK_FILE.fullmatch(fields[name])
        if not name_ok or (fields[name] and fields[name].split("/")[0] != key):
            return None
    return entry_type(**fields)


def pack_files(packs_dir: Path) -> list[str]:
    """The pack files under packs/, as <pack id>/<name>.zip."""
    try:
        found = [p.relative_to(packs_dir).as_posix() for p in packs_dir.glob("*/*.zip") if p.is_file()]
    except OSError:
        return []
    return sorted(f for f in found if PACK_FILE.fullmatch(f))


def read_leftovers(packs_dir: Path) -> frozenset[str]:
    """The files an unfinished change named as its own; an unreadable record names none."""
    try:
        names = json.loads((packs_dir / LEFTOVERS_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return frozenset()
    if not isinstance(names, list):
        return frozenset()
    return frozenset(n for n in names if isinstance(n, str) and PACK_FILE.fullmatch(n))


def write_index(packs_dir: Path, index_format: int, entries: dict[str, Any], rebuilt: str | None, now: str) -> None:
    """Put the index in place whole; `rebuilt` says why it was rebuilt from the files (for `kiosk doctor`, until the
    next change writes it afresh)."""
    index: dict[str, object] = {"format": index_format, "packs": {k: v._asdict() for k, v in sorted(entries.items())}}
    if rebuilt is not None:
        index["rebuilt"] = {"when": now, "why": f"the index {rebuilt}"}
    replace_bytes(packs_dir / INDEX_NAME, json.dumps(index, indent=1).encode())


def mark_leftovers(packs_dir: Path, names: set[str]) -> None:
    """Name files a change is about to add or drop, before the index says so (with any already named)."""
    names = names | read_leftovers(packs_dir)
    replace_bytes(packs_dir / LEFTOVERS_NAME, json.dumps(sorted(names)).encode())


def _rebuilt(packs_dir: Path, entry_type: type, files: list[str], problem: str) -> IndexState:
    entries, notes = rebuild_entries(packs_dir, entry_type, files)
    return IndexState(entries, problem, notes)


def rebuild_entries(packs_dir: Path, entry_type: type, files: list[str]) -> tuple[dict[str, Any], list[str]]:
    """Entries made from the pack files alone: each verified, the newest two versions of each pack kept."""
    from kiosk.content.pack_file import read_pack

    versions: dict[str, list[tuple[Any, str, Any]]] = {}
    notes = []
    for name in files:
        try:
            pack = read_pack(packs_dir / name)
        except PackRejected as e:
            notes.append(f"the pack file {name} is not usable ({e})")
            continue
        if pack.pack_id != name.split("/")[0]:
            notes.append(f"the pack file {name} holds pack {pack.pack_id!r}, not the pack its folder names")
            continue
        versions.setdefault(pack.pack_id, []).append((version_key(pack.manifest.content_version), name, pack))
    entries = {}
    for pack_id, found in sorted(versions.items()):
        found.sort(key=lambda v: v[0], reverse=True)
        (_, current, pack), previous = found[0], (found[1] if len(found) > 1 else None)
        fields = entry_fields(pack, current, previous[2] if previous else None, previous[1] if previous else None,
                              _file_time(packs_dir / current))
        entries[pack_id] = entry_type(**{k: v for k, v in fields.items() if k in entry_type._fields})
    return entries, notes


def entry_fields(pack: Any, current: str, previous: Any | None, previous_file: str | None, installed: str) -> dict:
    """What an index entry holds, derived from the pack file itself (and its signer's key, if it is signed)."""
    return {
        "pack_id": pack.pack_id,
        "content_version": pack.manifest.content_version,
        "sha256": pack.sha256,
        "current": current,
        "previous": previous_file,
        "previous_version": previous.manifest.content_version if previous is not None else None,
        "installed": installed,
        # For a publisher binding: the key that signed the file, where one did.
        "signer_key_id": pack.signer.key_id if getattr(pack, "signer", None) is not None else None,
    }


def _file_time(path: Path) -> str:
    import datetime as dt

    try:
        stamp = path.stat().st_mtime
    except OSError:
        stamp = 0.0
    return dt.datetime.fromtimestamp(stamp, dt.timezone.utc).replace(microsecond=0).isoformat()
