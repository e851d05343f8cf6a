"""The Debian packages the appliance needs, installed with apt-get, with plain messages when that fails."""

from __future__ import annotations

import re

from kiosk.appliance.errors import ApplianceError
from kiosk.appliance.runner import Runner

# Qt's run-time libraries as in .ci/bootstrap's `run` list (kiosk-operations.md §1.2), then what the appliance adds:
# cage and Xwayland with Qt's Wayland libraries, PipeWire with its PulseAudio server (Qt Multimedia's output),
# and a D-Bus user session for WirePlumber. Python's venv module makes the releases.
QT_RUNTIME = ("libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfreetype6 libfontconfig1 fonts-dejavu-core "
              "fonts-open-sans libdbus-1-3 libpulse0 libespeak-ng1 espeak-ng-data libxrandr2").split()
APPLIANCE = ("python3 python3-venv ca-certificates cage xwayland libwayland-cursor0 libwayland-egl1 "
             "pipewire pipewire-pulse wireplumber dbus-user-session").split()
PACKAGES = (*APPLIANCE, *QT_RUNTIME)

_NO_NETWORK = re.compile(r"Temporary failure resolving|Could not resolve|Failed to fetch|Network is unreachable|"
                         r"Connection failed|Unable to connect")
_UNKNOWN = re.compile(r"Unable to locate package (\S+)|Package '?(\S+?)'? has no installation candidate")


def missing(runner: Runner) -> list[str]:
    """The packages not yet installed (dpkg-query says so for each)."""
    absent = []
    for name in PACKAGES:
        done = runner.run(["dpkg-query", "-W", "-f=${Status}", name])
        if done.returncode != 0 or "install ok installed" not in done.stdout:
            absent.append(name)
    return absent


def install(runner: Runner, names: list[str]) -> None:
    """apt-get install the packages, all or none: apt changes nothing when it cannot fetch or find one."""
    if not names:
        return
    env = {"DEBIAN_FRONTEND": "noninteractive"}
    update = runner.run(["apt-get", "update", "-qq"], env=env)
    done = runner.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *names], env=env)
    if done.returncode == 0:
        return
    said = update.stderr + done.stderr + done.stdout
    unknown = [a or b for a, b in _UNKNOWN.findall(said)]
    if unknown:
        raise ApplianceError(f"these Debian packages do not exist in this machine's package sources: "
                             f"{', '.join(unknown)}; is this Debian 12 with its main archive in /etc/apt/sources.list? "
                             "Nothing was installed or changed")
    if _NO_NETWORK.search(said):
        raise ApplianceError(f"the Debian packages could not be downloaded (no network?): {' '.join(names)}; "
                             "connect this PC to the internet, or install them from a local mirror with "
                             f"`apt-get install {' '.join(names)}`, then run this again. Nothing was changed")
    last = (said.strip().splitlines() or ["no message"])[-1]
    raise ApplianceError(f"apt-get could not install {' '.join(names)} ({last}); nothing was changed")
