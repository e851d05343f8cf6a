"""Whether a user other than root can run programs on this machine, for the tests that run the kiosk as one."""

from __future__ import annotations

import os

import pytest


def why_others_cannot_run() -> str | None:
    """The reason no user but root can run a program here, or None: Debian's own / is 755."""
    mode = os.stat("/").st_mode & 0o777
    if mode & 0o001:
        return None
    # A root folder made with `mktemp -d` (0700) and chrooted into: every program is behind it, so another user
    # cannot even load libc ("libc.so.6: cannot open shared object file: Permission denied").
    return f"/ is mode {mode:o} on this machine, so no user but root can run a program (Debian's own / is 755)"


needs_other_users = pytest.mark.skipif(why_others_cannot_run() is not None, reason=why_others_cannot_run() or "")
