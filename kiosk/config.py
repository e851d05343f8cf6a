"""Settings: defaults in code, settings.toml in the data directory, then KIOSK_* environment overrides."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Mapping, NamedTuple

APP_NAME = "careers-kiosk"
MIN_IDLE_WARNING_S = 20  # WCAG 2.2.1: at least 20 seconds to extend with a simple action
ASSETS_DIR = Path(__file__).resolve().parent.parent / "assets"
LEXICON_DIR = ASSETS_DIR.parent / "symbols"  # the project's careers vocabulary and the OpenMoji pin


class SettingsError(ValueError):
    """A setting with a value the kiosk cannot use; the message names the setting."""


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
    speech_voice: str = ""  # an espeak-ng voice name, such as "en-gb" or "en-gb-x-rp"; "" is the default English voice
    printer: str = ""  # the printer for careers sheets, by name; "" saves them as PDF files instead
    require_signed: bool = False  # accept only packs signed with a trusted publisher's key (see `kiosk pack trust`)
    lmi_base_url: str = ""  # where to sync LMI for All from; "" is the public API (a mirror, or a test double)
    ncs_base_url: str = ""  # where to sync National Careers Service profiles from; "" is the public API
    # Where `kiosk sync official` downloads the releases from: each publisher's own site (or a hub's mirror that
    # keeps the same paths). DfE publishes the Skills Imperative 2035 workbooks in its own public repository.
    official_ons_base_url: str = "https://www.ons.gov.uk"
    official_dfe_base_url: str = "https://raw.githubusercontent.com/dfe-analytical-services/lsip_dashboard/main"
    figures_old_after_years: int = 3  # figures older than this many years are marked "may be out of date"
    windowed: bool = False

    @property
    def sample_dir(self) -> Path:
        return ASSETS_DIR / "sample"

    @property
    def official_dir(self) -> Path:
        """The official figures (ONS, DfE) the project derived from the published releases, as a pack source."""
        return ASSETS_DIR / "official"


def check_settings(s: Settings) -> Settings:
    """Return the settings, or raise SettingsError naming the first one the kiosk cannot use."""
    if not 30 <= s.idle_timeout_s <= 20 * 60:
        raise SettingsError(f"idle_timeout_s must be between 30 and 1200 seconds, not {s.idle_timeout_s}")
    if not MIN_IDLE_WARNING_S <= s.idle_warning_s < s.idle_timeout_s:
        raise SettingsError(
            f"idle_warning_s must be at least {MIN_IDLE_WARNING_S} seconds and shorter than "
            f"idle_timeout_s, not {s.idle_warning_s}"
        )
    if not 7 <= s.screen_inches <= 100:
        raise SettingsError(f"screen_inches must be between 7 and 100, not {s.screen_inches}")
    if not s.region.strip():
        raise SettingsError("region must not be empty")
    for name, low, high in (("touch_hold_s", 0, 2), ("touch_debounce_s", 0, 3), ("speech_rate", 80, 250),
                            ("symbol_speech_rate", 80, 250)):
        if not low <= getattr(s, name) <= high:
            raise SettingsError(f"{name} must be between {low} and {high}, not {getattr(s, name)}")
    if not 1 <= s.figures_old_after_years <= 20:
        raise SettingsError(f"figures_old_after_years must be between 1 and 20, not {s.figures_old_after_years}")
    if not 0.5 <= s.scan_interval_s <= 10:
        raise SettingsError(f"scan_interval_s must be between 0.5 and 10 seconds, not {s.scan_interval_s}")
    for name in ("lmi_base_url", "ncs_base_url", "official_ons_base_url", "official_dfe_base_url"):
        value = getattr(s, name)
        # The LMI and NCS addresses may be empty (the public API); the publishers' addresses are always given.
        if (value or name.startswith("official_")) and not value.lower().startswith(("http://", "https://")):
            raise SettingsError(f"{name} must be an http(s) address, not {value!r}")
    for name, allowed in (("default_mode", ("standard", "picture", "large")), ("symbol_size", ("S", "M", "L", "XL")),
                          ("word_position", ("below", "above")), ("scan_mode", ("off", "auto", "step"))):
        if getattr(s, name) not in allowed:
            raise SettingsError(f"{name} must be one of {', '.join(allowed)}, not {getattr(s, name)!r}")
    return s


# The settings a settings.toml or a KIOSK_* variable may give, with their types.
FILE_KEYS: dict[str, type] = {
    "region": str, "idle_timeout_s": int, "idle_warning_s": int, "default_mode": str, "symbol_size": str,
    "word_position": str, "colour_borders": bool, "screen_inches": float, "scan_mode": str, "tap_to_hear": bool,
    "touch_hold_s": float, "touch_debounce_s": float, "speech_rate": int, "symbol_speech_rate": int,
    "scan_interval_s": float, "speech_voice": str, "printer": str, "require_signed": bool,
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
    """Settings from settings.toml in the data directory, then KIOSK_* variables, then `overrides`."""
    environ = os.environ if environ is None else environ
    data_dir = Path(data_dir) if data_dir else default_data_dir(environ)
    values: dict[str, Any] = {}
    path = data_dir / "settings.toml"
    if path.is_file():
        import tomllib  # only when there is a settings file: most starts have none to read

        try:
            loaded = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise SettingsError(f"{path}: not valid TOML: {e}") from None
        unknown = sorted(set(loaded) - set(FILE_KEYS))
        if unknown:
            raise SettingsError(f"{path}: unknown settings {unknown}")
        values.update(loaded)
    for name in FILE_KEYS:
        env = environ.get(f"KIOSK_{name.upper()}")
        if env is not None:
            values[name] = env
    values.update({k: v for k, v in overrides.items() if v is not None})
    for name, kind in FILE_KEYS.items():
        if name in values:
            values[name] = _coerce(name, values[name], kind)
    return check_settings(Settings(data_dir=data_dir, **values))


def _coerce(name: str, value: Any, kind: type) -> Any:
    if kind is bool:
        if isinstance(value, bool):
            return value
        if str(value).lower() in ("1", "true", "yes", "on"):
            return True
        if str(value).lower() in ("0", "false", "no", "off"):
            return False
        raise SettingsError(f"{name} must be true or false, not {value!r}")
    if kind is float:
        try:
            return float(value)
        except (TypeError, ValueError):
            raise SettingsError(f"{name} must be a number, not {value!r}") from None
    if kind is int:
        try:
            return int(value)
        except (TypeError, ValueError):
            raise SettingsError(f"{name} must be a whole number, not {value!r}") from None
    if not isinstance(value, str):
        raise SettingsError(f"{name} must be text, not {value!r}")
    return value
