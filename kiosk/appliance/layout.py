"""The appliance's install layout: the names every part of issue 16 shares (user, folders, unit, exit code)."""

from __future__ import annotations

from pathlib import PurePosixPath

USER = "kiosk"
GROUP = "kiosk"
GROUPS = ("video", "audio", "input", "render")  # the screen, speech, touch and the GPU
DATA_DIR = PurePosixPath("/var/lib/careers-kiosk")
OPT_DIR = PurePosixPath("/opt/careers-kiosk")
RELEASES_DIR = OPT_DIR / "releases"
CURRENT = OPT_DIR / "current"
PREVIOUS = OPT_DIR / "previous"
KIOSK_COMMAND = CURRENT / "venv" / "bin" / "kiosk"
SYSTEM_PYTHON = PurePosixPath("/usr/bin/python3")  # Debian's, never a Python under /root
SERVICE = "careers-kiosk.service"
UNIT_PATH = PurePosixPath("/etc/systemd/system") / SERVICE
LOGIND_DROPIN = PurePosixPath("/etc/systemd/logind.conf.d/careers-kiosk.conf")
SYSCTL_FILE = PurePosixPath("/etc/sysctl.d/90-careers-kiosk.conf")
UDEV_RULE = PurePosixPath("/etc/udev/rules.d/90-careers-kiosk-backlight.rules")
# What we wrote, with a sha256 each, so a file edited by hand is never overwritten or removed silently.
STATE_DIR = PurePosixPath("/var/lib/careers-kiosk-appliance")
WRITTEN_FILE = STATE_DIR / "written.json"
KEEP_RELEASES = 3

try:  # the watchdog helper's module; the same number until it lands
    from kiosk.recovery.exit_codes import STAFF_LEFT
except ImportError:  # pragma: no cover - depends on which branch is merged
    STAFF_LEFT = 75
# cage 0.1.4 exits 0 whatever its client's exit status (checked on Debian 12), so this script, the unit's main
# process, hands the kiosk's own status on through a file in the unit's runtime folder (see units.py).
SESSION_SCRIPT = OPT_DIR / "session"
RUNTIME_DIR_NAME = "careers-kiosk"
EXIT_STATUS_FILE = PurePosixPath("/run") / RUNTIME_DIR_NAME / "kiosk-exit"
