"""Writing settings.toml from the staff screen: checked exactly as the kiosk will read it, then put in place whole."""

from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path
from typing import Any, Mapping

from kiosk.config import FILE_KEYS, Settings, SettingsError, load_settings
from kiosk.staff.atomic import write_file_atomically

SETTINGS_FILE = "settings.toml"


def read_settings_file(data_dir: Path) -> dict[str, Any]:
    """The settings the file gives now (none when there is no file); SettingsError if it cannot be read."""
    path = Path(data_dir) / SETTINGS_FILE
    if not path.is_file():
        return {}
    import tomllib

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise SettingsError(f"{path}: not valid TOML: {e}") from None


def save_settings(data_dir: Path, changes: Mapping[str, Any], environ: Mapping[str, str] | None = None) -> Settings:
    """Merge `changes` into settings.toml and return the settings a restart would load.

    Unknown names and values the kiosk cannot use raise SettingsError (its message names the setting), and
    then the old file is left exactly as it was.
    """
    data_dir = Path(data_dir)
    unknown = sorted(set(changes) - set(FILE_KEYS))
    if unknown:
        raise SettingsError(f"unknown settings {unknown}; the settings are {', '.join(FILE_KEYS)}")
    merged = {**read_settings_file(data_dir), **changes}
    text = to_toml(merged)
    # Check the very text that will be written by loading it as the kiosk does, from a scratch folder.
    with tempfile.TemporaryDirectory(dir=data_dir, prefix=".settings-check-") as scratch:
        (Path(scratch) / SETTINGS_FILE).write_text(text, encoding="utf-8")
        load_settings(Path(scratch), environ={})
    write_file_atomically(data_dir / SETTINGS_FILE, text.encode("utf-8"))
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
