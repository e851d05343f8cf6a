"""Settings: defaults, settings.toml, KIOSK_* overrides, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import Settings, SettingsError, default_data_dir, load_settings


def test_defaults(tmp_path: Path) -> None:
    s = load_settings(tmp_path, environ={})
    assert (s.region, s.idle_timeout_s, s.idle_warning_s, s.windowed) == ("UK", 120, 30, False)


def test_file_then_environment_then_overrides(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text('region = "London"\nidle_timeout_s = 300\n')
    s = load_settings(tmp_path, environ={"KIOSK_IDLE_TIMEOUT_S": "200"}, windowed=True)
    assert (s.region, s.idle_timeout_s, s.windowed) == ("London", 200, True)


def test_data_dir_from_the_environment(tmp_path: Path) -> None:
    assert default_data_dir({"KIOSK_DATA_DIR": str(tmp_path)}) == tmp_path
    assert default_data_dir({}).name == "careers-kiosk"


@pytest.mark.parametrize(
    ("text", "name", "message"),
    [
        ("idle_warning_s = 10", "idle_warning_s", "idle_warning_s must be at least 20 seconds"),
        ("idle_timeout_s = 5", "idle_timeout_s", "idle_timeout_s must be between 30 and 1200"),
        ('idle_timeout_s = "soon"', "idle_timeout_s", "idle_timeout_s must be a whole number, not 'soon'"),
        ("colour = 'red'", "colour", "'colour' is not a setting the kiosk knows"),
        ("region = ", "settings.toml", "settings.toml is not valid TOML"),
    ],
)
def test_a_bad_setting_is_named_and_its_default_used(tmp_path: Path, caplog, text: str, name: str,
                                                     message: str) -> None:
    (tmp_path / "settings.toml").write_text(text + "\n")
    with caplog.at_level("WARNING", logger="kiosk.config"):
        s = load_settings(tmp_path, environ={})
    assert s._replace(settings_problems=()) == Settings(data_dir=tmp_path)  # every setting at its default
    [problem] = s.settings_problems
    assert problem.name == name and problem.source == "settings.toml" and message in problem.problem
    assert message in caplog.text  # logged for whoever reads the kiosk's log


def test_the_commands_own_overrides_are_still_refused(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="idle_timeout_s must be between 30 and 1200"):
        load_settings(tmp_path, environ={}, idle_timeout_s=5)
