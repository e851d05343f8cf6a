"""The set-up script: as a user who is not root, missing Debian packages are named and it stops."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fake_command(folder: Path, name: str, script: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\n" + script + "\n")
    path.chmod(0o755)


def test_a_user_who_is_not_root_is_told_what_to_install(tmp_path: Path) -> None:
    fake_command(tmp_path, "id", 'echo 1000')
    fake_command(tmp_path, "dpkg-query", 'exit 1')  # nothing is installed
    fake_command(tmp_path, "apt-get", 'echo "apt-get must not run" >&2; exit 99')
    env = {**os.environ, "PATH": f"{tmp_path}:{os.environ['PATH']}"}
    done = subprocess.run(["sh", str(ROOT / ".ci" / "bootstrap"), "test"], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 1
    assert "these Debian packages are missing: python3 python3-venv" in done.stderr
    assert "libespeak-ng1" in done.stderr and "fonts-open-sans" in done.stderr
    assert "apt-get install --no-install-recommends" in done.stderr
    assert "apt-get must not run" not in done.stderr


def test_an_unknown_action_prints_usage(tmp_path: Path) -> None:
    done = subprocess.run(["sh", str(ROOT / ".ci" / "bootstrap"), "dance"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2 and done.stderr.startswith("usage: sh .ci/bootstrap run")
