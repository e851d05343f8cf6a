"""Saving settings.toml from the staff screen: checked as the kiosk reads it, written whole, old file kept on refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import SettingsError, load_settings
from kiosk.staff.settings_file import SETTINGS_FILE, save_settings


def test_saving_writes_a_file_the_kiosk_reads_back(tmp_path: Path) -> None:
    saved = save_settings(tmp_path, {"region": "London", "idle_timeout_s": 180, "default_mode": "large",
                                     "screen_inches": 21.5, "speech_voice": "gmw/en-GB-x-rp",
                                     "require_signed": True}, environ={})
    assert (saved.region, saved.idle_timeout_s, saved.default_mode) == ("London", 180, "large")
    again = load_settings(tmp_path, environ={})
    assert again == saved
    assert again.screen_inches == 21.5 and again.speech_voice == "gmw/en-GB-x-rp" and again.require_signed is True
    assert sorted(p.name for p in tmp_path.iterdir()) == [SETTINGS_FILE]  # no scratch or part files left


def test_later_saves_keep_what_earlier_ones_set(tmp_path: Path) -> None:
    save_settings(tmp_path, {"region": "London"}, environ={})
    saved = save_settings(tmp_path, {"speech_rate": 150}, environ={})
    assert (saved.region, saved.speech_rate) == ("London", 150)


def test_awkward_text_survives_the_round_trip(tmp_path: Path) -> None:
    text = 'Yorkshire and "The" Humber \\ é ✓\ttab'
    assert save_settings(tmp_path, {"region": text}, environ={}).region == text


@pytest.mark.parametrize("changes, named", [
    ({"idle_timeout_s": 5}, "idle_timeout_s"),
    ({"default_mode": "huge"}, "default_mode"),
    ({"colour": "blue"}, "unknown settings ['colour']"),
    ({"speech_rate": "fast"}, "speech_rate"),
    ({"region": "  "}, "region"),
    ({"screen_inches": float("nan")}, "screen_inches"),
])
def test_a_refused_change_names_the_setting_and_leaves_the_file_alone(tmp_path: Path, changes, named) -> None:
    save_settings(tmp_path, {"region": "London"}, environ={})
    before = (tmp_path / SETTINGS_FILE).read_bytes()
    with pytest.raises(SettingsError, match=named.replace("[", r"\[").replace("]", r"\]")):
        save_settings(tmp_path, changes, environ={})
    assert (tmp_path / SETTINGS_FILE).read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [SETTINGS_FILE]


def test_the_environment_still_overrides_what_is_returned(tmp_path: Path) -> None:
    saved = save_settings(tmp_path, {"region": "London"}, environ={"KIOSK_REGION": "Wales"})
    assert saved.region == "Wales"
    assert load_settings(tmp_path, environ={}).region == "London"
