"""Reading settings forgivingly: a value the kiosk cannot use gives way to its default, and the problem is kept.

A bad settings.toml or KIOSK_* variable must never stop the kiosk (it stands in a room all day); staff see the
problems on the staff screen's Settings section and `kiosk doctor` names each one.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Mapping

from kiosk.config import FILE_KEYS, MIN_IDLE_WARNING_S, SettingProblem, Settings, SettingsError
from kiosk.schedule.opening_hours import HoursError, parse_hours

SETTINGS_FILE = "settings.toml"
MAX_FILE_BYTES = 256 * 1024  # a settings file is a few hundred bytes: anything this big is not one
ENUMS = {"default_mode": ("standard", "picture", "large"), "symbol_size": ("S", "M", "L", "XL"),
         "word_position": ("below", "above"), "scan_mode": ("off", "auto", "step")}
RANGES = {"idle_timeout_s": (30, 20 * 60, " seconds"), "screen_inches": (7, 100, ""), "touch_hold_s": (0, 2, ""),
          "touch_debounce_s": (0, 3, ""), "speech_rate": (80, 250, ""), "speech_volume": (0, 100, ""), "symbol_speech_rate": (80, 250, ""),
          "figures_old_after_years": (1, 20, ""), "scan_interval_s": (0.5, 10, " seconds")}
# Words staff write for the printed careers sheet: one line of plain text, short enough to print whole.
SHEET_WORDS = {"careers_contact": 120, "next_steps": 300}
ADDRESSES = ("lmi_base_url", "ncs_base_url", "official_ons_base_url", "official_dfe_base_url")


def rule_problems(s: Settings) -> list[tuple[str, str]]:
    """Each setting the kiosk cannot use, with what is wrong in words naming it (empty when all are usable)."""
    problems = []
    for name, (low, high, unit) in RANGES.items():
        if not low <= getattr(s, name) <= high:
            problems.append((name, f"{name} must be between {low} and {high}{unit}, not {_shown(getattr(s, name))}"))
    if not MIN_IDLE_WARNING_S <= s.idle_warning_s < s.idle_timeout_s:
        problems.append(("idle_warning_s", f"idle_warning_s must be at least {MIN_IDLE_WARNING_S} seconds and "
                                           f"shorter than idle_timeout_s, not {_shown(s.idle_warning_s)}"))
    if not s.region.strip():
        problems.append(("region", "region must not be empty"))
    for name in ADDRESSES:
        value = getattr(s, name)
        # The LMI and NCS addresses may be empty (the public API); the publishers' addresses are always given.
        if (value or name.startswith("official_")) and not value.lower().startswith(("http://", "https://")):
            problems.append((name, f"{name} must be an http(s) address, not {_shown(value)}"))
    for name, most in SHEET_WORDS.items():
        value = getattr(s, name)
        if len(value) > most:
            problems.append((name, f"{name} must be at most {most} characters, not {len(value)}"))
        elif any(ord(c) < 32 or 127 <= ord(c) < 160 for c in value):
            problems.append((name, f"{name} must be one line of plain text, without tabs or line breaks"))
    try:
        parse_hours(s.opening_hours)
    except HoursError as e:
        problems.append(("opening_hours", str(e)))
    for name, allowed in ENUMS.items():
        if getattr(s, name) not in allowed:
            problems.append((name, f"{name} must be one of {', '.join(allowed)}, not {_shown(getattr(s, name))}"))
    return problems


def check_settings(s: Settings) -> Settings:
    """Return the settings, or raise SettingsError naming the first one the kiosk cannot use."""
    problems = rule_problems(s)
    if problems:
        raise SettingsError(problems[0][1])
    return s


def read_settings(data_dir: Path, environ: Mapping[str, str], overrides: Mapping[str, Any]) -> Settings:
    """Settings from settings.toml, then KIOSK_* variables, then `overrides`; each file or environment value the
    kiosk cannot use is replaced by its default and listed in `settings_problems`. The overrides are the
    caller's own (the command line, tests): a bad one raises SettingsError."""
    problems: list[tuple[str, str, str]] = []  # name, where it was given, what is wrong
    given: dict[str, tuple[Any, str]] = {}
    for name, value in _file_values(data_dir / SETTINGS_FILE, problems).items():
        given[name] = (value, SETTINGS_FILE)
    for name in FILE_KEYS:
        variable = f"KIOSK_{name.upper()}"
        if environ.get(variable) is not None:
            given[name] = (environ[variable], variable)
    values: dict[str, Any] = {}
    for name, (value, source) in given.items():
        try:
            values[name] = coerce(name, value, FILE_KEYS[name])
        except SettingsError as e:
            problems.append((name, source, str(e)))
    for name, value in overrides.items():
        values[name] = coerce(name, value, FILE_KEYS[name]) if name in FILE_KEYS else value
    for name, problem in rule_problems(Settings(data_dir=data_dir, **values)):
        if name in overrides:
            raise SettingsError(problem)
        if name in values:
            del values[name]
            problems.append((name, given[name][1], problem))
    if rule_problems(Settings(data_dir=data_dir, **values)):
        # Only the idle warning's default can clash with a short (but allowed) idle time: the least warning fits.
        values["idle_warning_s"] = MIN_IDLE_WARNING_S
    settings = check_settings(Settings(data_dir=data_dir, **values))
    return settings._replace(settings_problems=tuple(
        SettingProblem(name, source, problem, getattr(settings, name) if name in FILE_KEYS else None)
        for name, source, problem in problems))


def _file_values(path: Path, problems: list[tuple[str, str, str]]) -> dict[str, Any]:
    """The settings a settings.toml gives; none (every setting at its default) when it cannot be read whole."""
    try:
        if not path.is_file():
            return {}
        with path.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        problems.append((SETTINGS_FILE, SETTINGS_FILE, f"settings.toml cannot be read ({e.strerror or e}): every setting is at its default"))
        return {}
    if len(data) > MAX_FILE_BYTES:
        problems.append((SETTINGS_FILE, SETTINGS_FILE, f"settings.toml is over {MAX_FILE_BYTES // 1024} KB, too "
                                                       "big to be a settings file: every setting is at its default"))
        return {}
    import tomllib  # only when there is a settings file: most starts have none to read

    try:
        loaded = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as e:
        problems.append((SETTINGS_FILE, SETTINGS_FILE, f"settings.toml is not UTF-8 text (byte {e.start + 1}): every "
                                                       "setting is at its default"))
        return {}
    except (ValueError, RecursionError) as e:  # TOMLDecodeError is a ValueError; so is a 5,000-digit number
        problems.append((SETTINGS_FILE, SETTINGS_FILE, f"settings.toml is not valid TOML ({e}): every setting is at "
                                                       "its default"))
        return {}
    for name in sorted(set(loaded) - set(FILE_KEYS)):
        problems.append((name, SETTINGS_FILE, f"{name!r} is not a setting the kiosk knows, so it is ignored"))
    return {name: value for name, value in loaded.items() if name in FILE_KEYS}


def coerce(name: str, value: Any, kind: type) -> Any:
    """`value` as the setting's type (TOML gives typed values, environment variables give text), or SettingsError."""
    if kind is bool:
        if isinstance(value, bool):
            return value
        if str(value).lower() in ("1", "true", "yes", "on"):
            return True
        if str(value).lower() in ("0", "false", "no", "off"):
            return False
        raise SettingsError(f"{name} must be true or false, not {_shown(value)}")
    if kind is int and isinstance(value, int) and not isinstance(value, bool):
        return value  # however big: its range is checked with the setting's rule
    if kind in (int, float) and not isinstance(value, bool):
        try:
            number = float(value) if isinstance(value, (int, float, str)) else None
        except (ValueError, OverflowError):
            number = None
        if number is not None and math.isfinite(number):
            if kind is float:
                return number
            if number.is_integer():
                return int(number)
    if kind is float:
        raise SettingsError(f"{name} must be a number, not {_shown(value)}")
    if kind is int:
        raise SettingsError(f"{name} must be a whole number, not {_shown(value)}")
    if not isinstance(value, str):
        raise SettingsError(f"{name} must be text, not {_shown(value)}")
    return value


def _shown(value: Any) -> str:
    """A value in a message, cut short: a problem line must stay readable whatever the file held."""
    text = ("true" if value else "false") if isinstance(value, bool) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def settings_findings(settings: Settings) -> list[tuple[str, str, str]]:
    """`kiosk doctor`'s lines on settings: one warning for each value the kiosk could not use, or one ok line."""
    if not settings.settings_problems:
        return [("settings", "ok", "every setting given in settings.toml or KIOSK_* variables is usable")]
    return [(f"setting {p.name}", "warning", str(p)) for p in settings.settings_problems]
