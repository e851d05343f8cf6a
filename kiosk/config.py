"""Settings: defaults in code, settings.toml in the data directory, then KIOSK_* environment overrides."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any, Mapping, NamedTuple

from kiosk.package_files import data_folder

APP_NAME = "careers-kiosk"
MIN_IDLE_WARNING_S = 20  # WCAG 2.2.1: at least 20 seconds to extend with a simple action
ASSETS_DIR = data_folder("assets")  # the sample, the job library and the official figures, as pack sources
LEXICON_DIR = data_folder("symbols")  # the project's careers vocabulary and the OpenMoji pin


class SettingsError(ValueError):
    """A setting with a value the kiosk cannot use; the message names the setting."""


class SettingProblem(NamedTuple):
    """A setting given a value the kiosk cannot use: where it was given, what is wrong, and what is used instead."""

    name: str  # the setting (or "settings.toml" when the whole file cannot be read)
    source: str  # settings.toml, or the KIOSK_* variable that gave it
    problem: str  # in words naming the setting and the value, e.g. "idle_timeout_s must be between 30 and 1200 ..."
    used: Any = None  # the value the kiosk uses instead (None for the whole file, or a name it does not know)

    def __str__(self) -> str:
        where = "" if self.problem.startswith(self.source) else f"{self.source}: "
        instead = "" if self.used is None else f"; the kiosk uses {self.used!r} instead"
        return f"{where}{self.problem}{instead}"


class Settings(NamedTuple):
    """Everything the kiosk can be told, checked (by `load_settings`) and frozen."""

    data_dir: Path
    region: str = "UK"
    idle_timeout_s: int = 120
    idle_warning_s: int = 30
    default_mode: str = "standard"  # how each visit starts: "standard", "picture" (words and pictures) or "large"
    symbol_size: str = "M"  # S, M, L or XL (over 40 mm on a 24-inch screen)
    word_position: str = "below"  # the word "below" or "above" its symbol
    colour_borders: bool = False  # part-of-speech colours around symbols (never the only cue)
    screen_inches: float = 24.0  # the touchscreen's diagonal, so targets can be sized in millimetres
    tap_to_hear: bool = False  # large-symbol mode: the first tap says a choice, the second chooses it
    touch_hold_s: float = 0.0  # a touch counts only after being held this long (0 to 2 s; 0.25-0.5 suits tremor)
    touch_debounce_s: float = 0.0  # a button ignores being used again this soon (0 to 3 s)
    speech_rate: int = 130  # words a minute
    symbol_speech_rate: int = 100  # words a minute in picture and large-symbol modes
    scan_mode: str = "off"  # switch access: "off", "auto" (one switch) or "step" (two switches: Space, Enter)
    scan_interval_s: float = 2.0  # how long automatic scanning rests on each row or button
    speech_volume: int = 80  # the school's speech level, 0 to 100: each visit starts here, and pupils can only go quieter
    opening_hours: str = ""  # such as "Mon-Fri 08:00-16:30": outside them the screen sleeps; "" is always open
    speech_voice: str = ""  # an espeak-ng voice name, such as "en-gb" or "en-gb-x-rp"; "" is the default English voice
    printer: str = ""  # the printer for careers sheets, by name; "" saves them as PDF files instead
    careers_contact: str = ""  # who pupils ask about their sheet, printed on it; "" prints "Ask at the careers desk."
    next_steps: str = ""  # what the school suggests doing next, printed on every sheet; "" prints the kiosk's words
    require_signed: bool = False  # accept only packs signed with a trusted publisher's key (see `kiosk pack trust`)
    lmi_base_url: str = ""  # where to sync LMI for All from; "" is the public API (a mirror, or a test double)
    ncs_base_url: str = ""  # where to sync National Careers Service profiles from; "" is the public API
    # Where `kiosk sync official` downloads the releases from: each publisher's own site (or a hub's mirror that
    # keeps the same paths). DfE publishes the Skills Imperative 2035 workbooks in its own public repository.
    official_ons_base_url: str = "https://www.ons.gov.uk"
    official_dfe_base_url: str = "https://raw.githubusercontent.com/dfe-analytical-services/lsip_dashboard/main"
    figures_old_after_years: int = 3  # figures older than this many years are marked "may be out of date"
    windowed: bool = False
    settings_problems: tuple[SettingProblem, ...] = ()  # values given that the kiosk could not use (see load_settings)

    @property
    def sample_dir(self) -> Path:
        return ASSETS_DIR / "sample"

    @property
    def official_dir(self) -> Path:
        """The official figures (ONS, DfE) the project derived from the published releases, as a pack source."""
        return ASSETS_DIR / "official"

    @property
    def library_dir(self) -> Path:
        """The job library (every SOC 2020 unit group in the project's own words), as a pack source."""
        return ASSETS_DIR / "library"

    @property
    def builtin_dirs(self) -> tuple[Path, ...]:
        """The pack sources the kiosk installs itself and keeps current: the job library and the official figures."""
        return (self.library_dir, self.official_dir)


# The settings a settings.toml or a KIOSK_* variable may give, with their types.
FILE_KEYS: dict[str, type] = {
    "region": str, "idle_timeout_s": int, "idle_warning_s": int, "default_mode": str, "symbol_size": str,
    "word_position": str, "colour_borders": bool, "screen_inches": float, "scan_mode": str, "tap_to_hear": bool,
    "touch_hold_s": float, "touch_debounce_s": float, "speech_rate": int, "symbol_speech_rate": int,
    "scan_interval_s": float, "speech_voice": str, "printer": str, "careers_contact": str, "next_steps": str,
    "require_signed": bool, "speech_volume": int, "opening_hours": str,
    "lmi_base_url": str, "ncs_base_url": str, "official_ons_base_url": str, "official_dfe_base_url": str,
    "figures_old_after_years": int,
}


def default_data_dir(environ: Mapping[str, str]) -> Path:
    """--data-dir wins (handled by the caller), then KIOSK_DATA_DIR, then the platform's data folder."""
    if environ.get("KIOSK_DATA_DIR"):
        return Path(environ["KIOSK_DATA_DIR"]).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def load_settings(
    data_dir: Path | None = None, environ: Mapping[str, str] | None = None, **overrides: Any
) -> Settings:
    """Settings from settings.toml in the data directory, then KIOSK_* variables, then `overrides`.

    A file or environment value the kiosk cannot use never stops it: that setting keeps its default, and the
    problem is logged and kept in `settings_problems` (the staff screen and `kiosk doctor` show them). A bad
    override (the caller's own value) raises SettingsError.
    """
    from kiosk.settings_check import read_settings  # it builds on this module's Settings

    environ = os.environ if environ is None else environ
    data_dir = Path(data_dir) if data_dir else default_data_dir(environ)
    settings = read_settings(data_dir, environ, {k: v for k, v in overrides.items() if v is not None})
    for problem in settings.settings_problems:
        logging.getLogger(__name__).warning("%s", problem)
    return settings
