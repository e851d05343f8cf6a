"""The kiosk built as a wheel and installed into a fresh virtual environment outside the checkout, once a session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]
# What a build reads; copied, so building never writes build/ or *.egg-info into the checkout.
BUILD_INPUTS = ("pyproject.toml", "README.md", "kiosk", "assets", "symbols")
DEBIAN_PYTHON = Path("/usr/bin/python3")  # what the appliance builds its releases with
PIP_TIMEOUT_S = 1800  # PySide6 is a few hundred megabytes from PyPI on a cold cache


@dataclass(frozen=True)
class InstalledKiosk:
    """A virtual environment holding the kiosk installed from its wheel, readable by every user."""

    venv: Path
    python: Path
    kiosk: Path  # the venv's `kiosk` command
    wheel: Path


def outside_env(**extra: str) -> dict[str, str]:
    """The environment for running the installed kiosk: nothing pointing back into the checkout."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    return {**env, **extra}


def run(args: list, cwd: Path, timeout: float = PIP_TIMEOUT_S, check: bool = True,
        **extra: str) -> subprocess.CompletedProcess:
    """Run a command outside the checkout; a failure (when checked) shows its output."""
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=outside_env(**extra), capture_output=True,
                          text=True, timeout=timeout)
    command = " ".join(map(str, args))
    assert not check or done.returncode == 0, f"{command} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return done


def build_wheel(scratch: Path) -> Path:
    """Build the kiosk's wheel from a copy of the checkout's build inputs."""
    source = scratch / "source"
    source.mkdir()
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in BUILD_INPUTS:
        if (CHECKOUT / name).is_dir():
            shutil.copytree(CHECKOUT / name, source / name, ignore=skip)
        else:
            shutil.copy2(CHECKOUT / name, source / name)
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", scratch / "dist", source], cwd=scratch)
    wheels = list((scratch / "dist").glob("careers_kiosk-*.whl"))
    assert len(wheels) == 1, f"expected one wheel, found {wheels}"
    shutil.rmtree(source)
    return wheels[0]


@pytest.fixture(scope="session")
def installed_kiosk() -> Iterator[InstalledKiosk]:
    """The wheel installed (with its dependencies from PyPI) into a venv in a world-readable temporary folder."""
    # Not under pytest's tmp_path (mode 700 under /tmp/pytest-of-root): the cage test runs this venv as an
    # unprivileged user. Built with Debian's python3 where there is one, as the appliance does.
    scratch = Path(tempfile.mkdtemp(prefix="kiosk-wheel-"))
    scratch.chmod(0o755)
    try:
        wheel = build_wheel(scratch)
        venv = scratch / "venv"
        base = DEBIAN_PYTHON if DEBIAN_PYTHON.is_file() else Path(sys.executable)
        run([base, "-m", "venv", venv], cwd=scratch)
        python = venv / "bin" / "python"
        run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel], cwd=scratch)
        for path in [scratch, *scratch.rglob("*")]:  # readable (and folders enterable) by the kiosk's own user
            if not path.is_symlink():
                path.chmod(path.stat().st_mode | (0o755 if path.is_dir() else 0o444))
        yield InstalledKiosk(venv=venv, python=python, kiosk=venv / "bin" / "kiosk", wheel=wheel)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
