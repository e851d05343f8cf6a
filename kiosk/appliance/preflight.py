"""Before anything is changed: root, Debian 12, and room on the disk, each refused with what to do."""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.appliance.errors import ApplianceError

RELEASE_MB = 1600  # Qt (Essentials and Addons) alone unpacks to about 400 MB; pip's cache and the rest, the others


def check_root(euid: int | None = None) -> None:
    if (os.geteuid() if euid is None else euid) != 0:
        raise ApplianceError("this must run as root: try `sudo kiosk appliance ...` (or add --root DIR to write "
                             "everything under DIR for review)")


def check_debian_12(os_release: Path = Path("/etc/os-release")) -> None:
    try:
        fields = dict(line.split("=", 1) for line in os_release.read_text().splitlines() if "=" in line)
    except OSError as e:
        raise ApplianceError(f"{os_release} cannot be read ({e.strerror}): the appliance is made for Debian 12") from e
    distro, version = fields.get("ID", "").strip('"'), fields.get("VERSION_ID", "").strip('"')
    if (distro, version) != ("debian", "12"):
        raise ApplianceError(f"this is {fields.get('PRETTY_NAME', distro or 'an unknown system').strip(chr(34))}; "
                             "the appliance is made and tested for Debian 12 (bookworm) only")


def check_space(folder: Path, needed_mb: int = RELEASE_MB) -> None:
    """Enough free room for a new release where releases live (the nearest folder that exists)."""
    where = folder
    while not where.exists():
        where = where.parent
    stat = os.statvfs(where)
    free_mb = stat.f_bavail * stat.f_frsize // 2**20
    if free_mb < needed_mb:
        raise ApplianceError(f"the disk is full: {needed_mb} MB needed for a release in {folder}, {free_mb} MB free; "
                             "free some space (or remove old releases) and run this again")
