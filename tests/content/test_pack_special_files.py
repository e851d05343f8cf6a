"""`pack verify`, `pack import` and a stick scan of a named pipe or a device refuse it at once, never blocking."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.helpers.packs import make_pack

REPO = Path(__file__).resolve().parents[2]
# Only a guard for the old behaviour, which blocked for ever: a refusal takes a fraction of a second.
HANG_GUARD_S = 60


def kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the kiosk command in a child process, so a read that blocks for ever cannot hang the test run."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "kiosk", *args], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=HANG_GUARD_S)


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pack.zip"
    os.mkfifo(path)
    return path


def test_verify_refuses_a_named_pipe(fifo: Path) -> None:
    done = kiosk("pack", "verify", str(fifo))
    assert (done.returncode, done.stderr) == (1, f"kiosk: {fifo} is not a pack file: it is a named pipe\n")


def test_verify_refuses_a_device() -> None:
    done = kiosk("pack", "verify", "/dev/zero")
    assert (done.returncode, done.stderr) == (1, "kiosk: /dev/zero is not a pack file: it is a device\n")


@pytest.mark.parametrize("kind", ["pipe", "device"])
def test_import_refuses_a_pipe_or_device_and_changes_nothing(kind: str, fifo: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = kiosk("pack", "list", "--data-dir", str(data))
    assert done.returncode == 0
    before = sorted(p.relative_to(data) for p in data.rglob("*") if p.name != ".lock")
    origin = str(fifo) if kind == "pipe" else "/dev/zero"
    done = kiosk("pack", "import", origin, "--data-dir", str(data))
    assert done.returncode == 1
    assert done.stderr == f"kiosk: {origin} is not a pack file: it is {'a named pipe' if kind == 'pipe' else 'a device'}\n"
    assert sorted(p.relative_to(data) for p in data.rglob("*") if p.name != ".lock") == before


def test_a_pipe_among_the_packs_on_a_stick_is_reported_not_waited_on(tmp_path: Path) -> None:
    from kiosk.content.usb_packs import examine

    pipe = tmp_path / "odd.zip"
    os.mkfifo(pipe)
    found = []
    looking = threading.Thread(target=lambda: found.append(examine(pipe)), daemon=True)  # what a scan does
    looking.start()
    looking.join(HANG_GUARD_S)
    hung = looking.is_alive()
    if hung:  # blocked opening the pipe: a writer coming and going lets it go, so the run can go on
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        looking.join(HANG_GUARD_S)
    assert not hung
    assert [f.problem for f in found] == [f"{pipe} is not a pack file: it is a named pipe"]
    make_pack(tmp_path / "good.zip")
    assert examine(tmp_path / "good.zip").ok
