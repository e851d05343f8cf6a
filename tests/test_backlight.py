"""The backlight goes off at night and comes back at the brightness it had, against a fake /sys/class/backlight."""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk.schedule.backlight import Backlight


def panel(root: Path, name: str, brightness: str, bl_power: bool = True) -> Path:
    device = root / name
    device.mkdir(parents=True)
    (device / "brightness").write_text(brightness + "\n")
    (device / "max_brightness").write_text("255\n")
    if bl_power:
        (device / "bl_power").write_text("0\n")
    return device


def test_off_keeps_the_brightness_and_on_puts_it_back(tmp_path: Path) -> None:
    first, second = panel(tmp_path, "intel_backlight", "180"), panel(tmp_path, "acpi_video0", "7", bl_power=False)
    light = Backlight(tmp_path)
    assert light.off()
    assert (first / "brightness").read_text() == "0" and (first / "bl_power").read_text() == "4"
    assert (second / "brightness").read_text() == "0" and not (second / "bl_power").exists()
    assert light.off()  # asleep twice (a touch in the night, then idle): the brightness kept is still 180
    light.on()
    assert (first / "brightness").read_text() == "180" and (first / "bl_power").read_text() == "0"
    assert (second / "brightness").read_text() == "7"


def test_no_backlight_is_no_problem(tmp_path: Path) -> None:
    assert not Backlight(tmp_path / "absent").off()
    Backlight(tmp_path / "absent").on()
    assert not Backlight(tmp_path).off()


def test_a_backlight_it_may_not_change_is_logged_once(tmp_path: Path, caplog) -> None:
    # A brightness that cannot be read or written (here a directory: tests run as root, who may write any file).
    (tmp_path / "intel_backlight" / "brightness").mkdir(parents=True)
    light = Backlight(tmp_path)
    with caplog.at_level(logging.WARNING, "kiosk.schedule.backlight"):
        for _ in range(3):
            assert not light.off()
            light.on()
    [said] = [r.getMessage() for r in caplog.records]
    assert "intel_backlight" in said and "cannot be changed" in said
