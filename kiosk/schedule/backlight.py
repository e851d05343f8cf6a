"""Turning the screen's backlight off at night and back on, through /sys/class/backlight where the machine has one.

Many kiosk PCs have no backlight control (a monitor on HDMI), and a kiosk user may not be allowed to write it
(the appliance's udev rule lets the video group): either way the screen is only painted black, and the reason is
logged once rather than every night.
"""

from __future__ import annotations

import logging
from pathlib import Path

SYSFS = Path("/sys/class/backlight")
BL_POWER_OFF, BL_POWER_ON = "4", "0"  # FB_BLANK_POWERDOWN and FB_BLANK_UNBLANK


class Backlight:
    """Every backlight under `root`: off keeps each one's brightness, on puts it back."""

    def __init__(self, root: Path = SYSFS) -> None:
        self.root = root
        self._kept: dict[Path, str] = {}
        self._told = False

    def devices(self) -> list[Path]:
        try:
            return sorted(p for p in self.root.iterdir() if (p / "brightness").exists())
        except OSError:
            return []

    def off(self) -> bool:
        """Turn every backlight off; True if at least one was."""
        done = False
        for device in self.devices():
            try:
                brightness = (device / "brightness").read_text().strip()
                if device not in self._kept:  # a second "off" must not keep 0 as the brightness to return to
                    self._kept[device] = brightness
                (device / "brightness").write_text("0")
                if (device / "bl_power").exists():
                    (device / "bl_power").write_text(BL_POWER_OFF)
                done = True
            except OSError as e:
                self._tell(device, e)
        return done

    def on(self) -> None:
        """Put each backlight turned off back as it was."""
        for device, brightness in list(self._kept.items()):
            try:
                if (device / "bl_power").exists():
                    (device / "bl_power").write_text(BL_POWER_ON)
                (device / "brightness").write_text(brightness)
                del self._kept[device]
            except OSError as e:
                self._tell(device, e)

    def _tell(self, device: Path, error: OSError) -> None:
        if not self._told:
            self._told = True
            logging.getLogger(__name__).warning(
                "the screen's backlight %s cannot be changed (%s): the closed screen is black but lit; "
                "`kiosk appliance install` lets the kiosk user change it", device, error.strerror or error)
