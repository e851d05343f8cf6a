"""The synced profiles on disk: one file per profile, each written whole or not at all, with its LastUpdated."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote

from kiosk.content.file_replace import replace_bytes

PREFIX = "profile-"
STATE_FILE = "sync-state.json"  # not a profile file: every profile file starts with PREFIX
MAX_FILE_NAME = 200


class StoredProfile(NamedTuple):
    """One saved profile: its canonical name, the summary's title and LastUpdated when fetched, and the body."""

    name: str
    title: str
    last_updated: str
    profile: dict[str, Any]


def profile_file(folder: Path, name: str) -> Path:
    """Where a profile is kept: its name percent-encoded (so any name is a safe file name), or hashed if long."""
    encoded = quote(name, safe="-_'()")
    if len(encoded) > MAX_FILE_NAME or not encoded.strip("."):
        encoded = "sha256-" + hashlib.sha256(name.encode()).hexdigest()
    return folder / f"{PREFIX}{encoded}.json"


def save_profile(folder: Path, stored: StoredProfile) -> None:
    """Write one profile atomically: a power cut leaves the old copy or the whole new one, never half."""
    _write_json(profile_file(folder, stored.name), stored._asdict())


def remove_profile(folder: Path, name: str) -> None:
    """Delete one stored profile (nothing happens if it is not there)."""
    profile_file(folder, name).unlink(missing_ok=True)


def load_profiles(folder: Path) -> tuple[list[StoredProfile], list[str]]:
    """Every stored profile in name order, and a problem for each file that cannot be read back."""
    profiles: list[StoredProfile] = []
    problems: list[str] = []
    for path in sorted(folder.glob(f"{PREFIX}*.json")) if folder.is_dir() else []:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            stored = StoredProfile(**data)
        except (OSError, ValueError, TypeError) as exc:
            problems.append(f"National Careers Service: stored profile {path.name} cannot be read ({exc}); "
                            "it will be fetched again at the next sync")
            continue
        if not isinstance(stored.name, str) or not isinstance(stored.last_updated, str):
            problems.append(f"National Careers Service: stored profile {path.name} is damaged; it will be fetched "
                            "again at the next sync")
            continue
        profiles.append(stored)
    return sorted(profiles, key=lambda p: p.name), problems


def stored_versions(folder: Path) -> dict[str, str]:
    """Each stored profile's LastUpdated, by name (an unreadable file counts as not stored, so it is refetched)."""
    return {stored.name: stored.last_updated for stored in load_profiles(folder)[0]}


def note_removal(folder: Path, when: datetime) -> None:
    """Remember when profiles were last deleted, so the pack's version rises even when nothing else changed."""
    _write_json(folder / STATE_FILE, {"last_removal": when.isoformat()})


def last_removal(folder: Path) -> str | None:
    """When profiles were last deleted (ISO text), if ever."""
    try:
        value = json.loads((folder / STATE_FILE).read_text(encoding="utf-8")).get("last_removal")
    except (OSError, ValueError, AttributeError):
        return None
    return value if isinstance(value, str) else None


def _write_json(target: Path, data: object) -> None:
    replace_bytes(target, json.dumps(data, ensure_ascii=False).encode("utf-8"))
