"""A bad settings.toml or KIOSK_* variable never stops the kiosk: each bad value gives way to its default, and is
named for staff and `kiosk doctor`; any text at all loads (a property test)."""

from __future__ import annotations

import datetime as dt
import math
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st

from kiosk.config import FILE_KEYS, Settings, SettingsError, load_settings
from kiosk.settings_check import check_settings, settings_findings
from kiosk.staff.settings_file import OLD_FILE, save_settings


@pytest.mark.parametrize("text, name, problem", [
    ("speech_rate = 1000", "speech_rate", "speech_rate must be between 80 and 250, not 1000"),
    ("speech_rate = 12.5", "speech_rate", "speech_rate must be a whole number, not 12.5"),
    ("screen_inches = true", "screen_inches", "screen_inches must be a number, not true"),
    ("screen_inches = nan", "screen_inches", "screen_inches must be a number, not nan"),
    ('default_mode = "huge"', "default_mode", "default_mode must be one of standard, picture, large, not 'huge'"),
    ("region = 3", "region", "region must be text, not 3"),
    ("[printer]\nname = 'x'", "printer", "printer must be text, not {'name': 'x'}"),
    ("colour_borders = 2020-01-01", "colour_borders", "colour_borders must be true or false"),
    ('lmi_base_url = "ftp://mirror"', "lmi_base_url", "lmi_base_url must be an http(s) address, not 'ftp://mirror'"),
    ("speech_volume = 101", "speech_volume", "speech_volume must be between 0 and 100, not 101"),
    ("speech_volume = -1", "speech_volume", "speech_volume must be between 0 and 100, not -1"),
    ('speech_volume = "loud"', "speech_volume", "speech_volume must be a whole number, not 'loud'"),
    ('opening_hours = "Mon-Fri 8-4"', "opening_hours", "opening_hours part 'Mon-Fri 8-4' has the time '8'"),
    ('opening_hours = "Fri-Mon 08:00-16:00"', "opening_hours", "runs backwards from Fri to Mon"),
    ("idle_timeout_s = " + "9" * 40, "idle_timeout_s", "idle_timeout_s must be between 30 and 1200 seconds"),
])
def test_one_bad_value_gives_way_to_its_default_and_the_rest_are_kept(tmp_path: Path, text, name, problem) -> None:
    (tmp_path / "settings.toml").write_text(f'symbol_size = "XL"\n{text}\n')
    s = load_settings(tmp_path, environ={})
    assert s.symbol_size == "XL" and getattr(s, name) == getattr(Settings(tmp_path), name)
    [found] = s.settings_problems
    assert (found.name, found.source) == (name, "settings.toml") and problem in found.problem


@pytest.mark.parametrize("data", [b"\xff\xfe not text", b"region = \n", b"a = [" * 5000, b"x" * 300_000])
def test_a_file_that_cannot_be_read_whole_leaves_every_default(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "settings.toml").write_bytes(data)
    s = load_settings(tmp_path, environ={})
    assert s._replace(settings_problems=()) == Settings(tmp_path)
    [found] = s.settings_problems
    assert found.name == "settings.toml" and str(found).endswith("every setting is at its default")


def test_bad_environment_variables_give_way_too(tmp_path: Path) -> None:
    s = load_settings(tmp_path, environ={"KIOSK_IDLE_TIMEOUT_S": "soon", "KIOSK_SCAN_MODE": "sideways",
                                         "KIOSK_REGION": "Wales", "KIOSK_TOUCH_HOLD_S": "inf"})
    assert (s.idle_timeout_s, s.scan_mode, s.region, s.touch_hold_s) == (120, "off", "Wales", 0.0)
    assert [(p.name, p.source) for p in s.settings_problems] == [
        ("idle_timeout_s", "KIOSK_IDLE_TIMEOUT_S"), ("touch_hold_s", "KIOSK_TOUCH_HOLD_S"),
        ("scan_mode", "KIOSK_SCAN_MODE")]


def test_a_short_idle_time_gets_a_warning_that_fits(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text("idle_timeout_s = 30\n")
    s = load_settings(tmp_path, environ={})
    assert (s.idle_timeout_s, s.idle_warning_s, s.settings_problems) == (30, 20, ())


def test_doctor_names_each_bad_setting(tmp_path: Path, monkeypatch) -> None:
    from kiosk import doctor
    import kiosk.doctor.machine  # noqa: F401 (the probes patched below live there)

    for probe in ("_speech", "_qt"):  # the machine's own checks are not what this test is about
        monkeypatch.setattr(doctor.machine, probe, lambda: doctor.Check(probe, "ok", ""))
    assert settings_findings(load_settings(tmp_path, environ={}))[0][:2] == ("settings", "ok")
    (tmp_path / "settings.toml").write_text("speech_rate = 1000\nidle_timeout_s = 'soon'\n")
    checks = {c.name: c for c in doctor.run_checks(load_settings(tmp_path, environ={"KIOSK_SYMBOL_SIZE": "XXL"}))}
    assert checks["setting speech_rate"].status == "warning"
    assert checks["setting speech_rate"].detail == ("settings.toml: speech_rate must be between 80 and 250, not 1000;"
                                                    " the kiosk uses 130 instead")
    assert "idle_timeout_s must be a whole number, not 'soon'" in checks["setting idle_timeout_s"].detail
    assert checks["setting symbol_size"].detail.startswith("KIOSK_SYMBOL_SIZE: symbol_size must be one of")


def test_saving_from_the_staff_screen_leaves_out_what_could_not_be_used(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text('region = "London"\nspeech_rate = 1000\n')
    with pytest.raises(SettingsError, match="speech_rate must be between 80 and 250"):
        save_settings(tmp_path, {"idle_timeout_s": 300}, environ={})  # staff have not been shown the problem
    assert not (tmp_path / OLD_FILE).exists()
    saved = save_settings(tmp_path, {"idle_timeout_s": 300}, environ={}, replace_unusable=True)
    assert (saved.region, saved.speech_rate, saved.idle_timeout_s, saved.settings_problems) == ("London", 130, 300, ())
    assert "speech_rate = 1000" in (tmp_path / OLD_FILE).read_text()  # what was left out is kept
    (tmp_path / "settings.toml").write_text("region = \n")  # not TOML at all
    assert save_settings(tmp_path, {"speech_rate": 150}, environ={}, replace_unusable=True).speech_rate == 150


# -- any text at all ----------------------------------------------------------------------------------------------

toml_scalars = st.one_of(
    st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
    st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31)), st.dates(), st.times())
toml_values = st.recursive(toml_scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=10), inner, max_size=4), max_leaves=12)
keys = st.one_of(st.sampled_from(sorted(FILE_KEYS)), st.text(max_size=15))


def toml_text(table: dict) -> str:
    """A TOML document for `table` (the standard library reads TOML but writes none)."""
    def value(v) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, float):
            return "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf") if math.isinf(v) else repr(v)
        if isinstance(v, (int, dt.date, dt.time)):
            return v.isoformat() if not isinstance(v, int) else str(v)
        if isinstance(v, str):
            return '"' + "".join(c if c.isprintable() and c not in '"\\' else f"\\u{ord(c):04x}"
                                 if ord(c) < 0x10000 else f"\\U{ord(c):08x}" for c in v) + '"'
        if isinstance(v, list):
            return "[" + ", ".join(value(i) for i in v) + "]"
        return "{" + ", ".join(f"{value(str(k))} = {value(i)}" for k, i in v.items()) + "}"
    return "".join(f"{value(str(k))} = {value(v)}\n" for k, v in table.items())


def assert_usable(s: Settings) -> None:
    assert check_settings(s) is s  # every setting in force passes its rule
    for name, kind in FILE_KEYS.items():
        assert type(getattr(s, name)) is kind, name


@hypothesis_settings(deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(table=st.dictionaries(keys, toml_values, max_size=8), environ=st.dictionaries(
    st.sampled_from([f"KIOSK_{k.upper()}" for k in FILE_KEYS]), st.text(max_size=12), max_size=3))
def test_any_settings_table_loads(table: dict, environ: dict) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "settings.toml").write_text(toml_text(table), encoding="utf-8")
        s = load_settings(Path(folder), environ=environ)
    assert_usable(s)
    assert not any(p.name == "settings.toml" for p in s.settings_problems)  # the writer made valid TOML


@hypothesis_settings(deadline=None, max_examples=300)
@given(data=st.binary(max_size=400) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_bytes_load(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "settings.toml").write_bytes(data)
        assert_usable(load_settings(Path(folder), environ={}))
