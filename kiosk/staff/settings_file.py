"""Writing settings.toml from the staff screen: checked exactly as the kiosk will read it, then put in place whole."""

from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path
from typing import Any, Mapping

from kiosk.config import FILE_KEYS, Settings, SettingsError, load_settings
from kiosk.settings_check import SETTINGS_FILE, read_settings
from kiosk.staff.atomic import write_file_atomically

OLD_FILE = "settings.toml.old"  # the file as it was, kept when a save leaves out values the kiosk could not use


def read_settings_file(data_dir: Path) -> dict[str, Any]:
    """The usable settings the file gives now: none when there is no file or it cannot be read; a value the
    kiosk could not use is left out (the kiosk is using its default)."""
    data_dir = Path(data_dir)
    in_force = read_settings(data_dir, {}, {})
    if any(p.name == SETTINGS_FILE for p in in_force.settings_problems):
        return {}
    import tomllib

    loaded = tomllib.loads((data_dir / SETTINGS_FILE).read_text(encoding="utf-8")) if (
        data_dir / SETTINGS_FILE).is_file() else {}
    unusable = {p.name for p in in_force.settings_problems}
    return {name: value for name, value in loaded.items() if name in FILE_KEYS and name not in unusable}


def save_settings(data_dir: Path, changes: Mapping[str, Any], environ: Mapping[str, str] | None = None,
                  replace_unusable: bool = False) -> Settings:
    """Merge `changes` into settings.toml and return the settings a restart would load.

    Unknown names and values the kiosk cannot use raise SettingsError (its message names the setting), and
    then the old file is left exactly as it was. A file already holding values the kiosk cannot use (or not
    readable at all) is refused too, unless `replace_unusable` (staff have been shown those problems): then
    they are left out of the new file, and the old one is kept as settings.toml.old.
    """
    data_dir = Path(data_dir)
    unknown = sorted(set(changes) - set(FILE_KEYS))
    if unknown:
        raise SettingsError(f"unknown settings {unknown}; the settings are {', '.join(FILE_KEYS)}")
    unusable = read_settings(data_dir, {}, {}).settings_problems
    if unusable and not replace_unusable:
        # Perhaps edited by hand since the kiosk started: staff have not seen what is wrong, so nothing is lost.
        raise SettingsError(f"{unusable[0].problem}; put settings.toml right, or restart the kiosk to see why")
    kept = read_settings_file(data_dir)
    merged = {**kept, **changes}
    text = to_toml(merged)
    # Check the very text that will be written by reading it as the kiosk does, from a scratch folder.
    with tempfile.TemporaryDirectory(dir=data_dir, prefix=".settings-check-") as scratch:
        (Path(scratch) / SETTINGS_FILE).write_text(text, encoding="utf-8")
        problems = read_settings(Path(scratch), {}, {}).settings_problems
    if problems:
        raise SettingsError(problems[0].problem)
    path = data_dir / SETTINGS_FILE
    if path.is_file() and unusable:
        # What the save leaves out (values the kiosk could not use, or a file it could not read) is kept.
        write_file_atomically(data_dir / OLD_FILE, path.read_bytes())
    write_file_atomically(path, text.encode("utf-8"))
    return load_settings(data_dir, environ=environ)


def to_toml(values: Mapping[str, Any]) -> str:
    """Top-level TOML for the setting types (text, whole numbers, numbers, true/false), in FILE_KEYS order."""
    order = list(FILE_KEYS)
    lines = ["# Careers kiosk settings, written by the staff screen (see the README's settings table).\n"]
    for name in sorted(values, key=lambda n: order.index(n) if n in order else len(order)):
        lines.append(f"{name} = {_value(name, values[name])}\n")
    return "".join(lines)


def _value(name: str, value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise SettingsError(f"{name} must be a number, not {value!r}")
        return repr(value)
    if isinstance(value, str):
        # A JSON string with every non-ASCII character escaped is also a valid TOML basic string.
        return json.dumps(value, ensure_ascii=True)
    raise SettingsError(f"{name} must be text, a number or true/false, not {value!r}")
