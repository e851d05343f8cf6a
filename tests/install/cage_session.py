"""Run the installed kiosk under Debian's cage as an unprivileged user, screenshot it with grim and tap it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

# The tools the cage tests drive; .ci/bootstrap's `test` action installs their packages.
TOOLS = {"cage": "cage", "grim": "grim", "Xvfb": "xvfb", "xdotool": "xdotool", "setpriv": "util-linux"}
START_S = 120  # the first start under cage builds nothing (the data dir is prepared), but CI machines are slow
X11_SIZE = (1024, 768)  # wlroots 0.15's X11 backend always opens its output window at this size


def missing_tools() -> list[str]:
    """The Debian packages whose commands are not on PATH."""
    return sorted({package for tool, package in TOOLS.items() if shutil.which(tool) is None})


def as_user() -> list[str]:
    """The command prefix that drops root to `nobody` (cage refuses to run as root); nothing for anyone else."""
    if os.geteuid() != 0:
        return []
    return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]


def give_to_user(path: Path) -> None:
    """Make `path` (and all below it) belong to the user that as_user() runs as."""
    if os.geteuid() == 0:
        subprocess.run(["chown", "-R", "nobody:nogroup", str(path)], check=True)


def user_dir(prefix: str) -> Path:
    """A fresh folder owned by that user, under a world-enterable parent."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    path.chmod(0o755)
    give_to_user(path)
    return path


def quiet_env(**extra: str) -> dict[str, str]:
    """A small, clean environment: nothing from the test run (PYTHONPATH, a display, a data dir) leaks in."""
    base = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/nonexistent"}
    return {**base, **extra}


@dataclass
class CageSession:
    """cage with one client (a command), on the headless backend or on the X11 backend inside Xvfb."""

    client: list[str]
    data_dir: Path
    backend: str = "headless"  # or "x11", which has a pointer that xdotool can move and click
    cage_options: tuple[str, ...] = ()
    runtime: Path = field(init=False)
    log: Path = field(init=False)
    started: float = field(init=False)
    _procs: list[subprocess.Popen] = field(default_factory=list, init=False)
    _display: str = field(default="", init=False)

    def __enter__(self) -> "CageSession":
        self.runtime = user_dir("kiosk-cage-run-")
        self.runtime.chmod(0o700)  # XDG_RUNTIME_DIR must be private to its user
        self.log = Path(tempfile.mkdtemp(prefix="kiosk-cage-log-")) / "cage.log"
        env = quiet_env(XDG_RUNTIME_DIR=str(self.runtime), WLR_RENDERER="pixman", WLR_LIBINPUT_NO_DEVICES="1",
                        QT_QPA_PLATFORM="wayland", KIOSK_DATA_DIR=str(self.data_dir))
        if self.backend == "x11":
            self._display = self._start_xvfb()
            env.update(WLR_BACKENDS="x11", DISPLAY=self._display)
        else:
            env.update(WLR_BACKENDS="headless")
        self.started = time.perf_counter()
        with self.log.open("w") as out:
            self._procs.append(subprocess.Popen([*as_user(), "cage", "-d", *self.cage_options, "--", *self.client],
                                                env=env, stdout=out, stderr=subprocess.STDOUT,
                                                start_new_session=True))
        return self

    def _start_xvfb(self) -> str:
        read, write = os.pipe()
        width, height = X11_SIZE
        proc = subprocess.Popen([*as_user(), "Xvfb", "-displayfd", str(write), "-screen", "0",
                                 f"{width}x{height}x24", "-nolisten", "tcp"], pass_fds=(write,),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        self._procs.append(proc)
        os.close(write)
        with os.fdopen(read) as answer:  # Xvfb writes its display number here once it accepts clients
            number = answer.readline().strip()
        assert number, f"Xvfb did not start (exit {proc.poll()})"
        return f":{number}"

    def __exit__(self, *exc: object) -> None:
        for proc in reversed(self._procs):
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)  # its own session: cage and the kiosk under it
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        shutil.rmtree(self.runtime, ignore_errors=True)
        shutil.rmtree(self.log.parent, ignore_errors=True)

    def output(self) -> str:
        """What cage and the kiosk have written so far."""
        return self.log.read_text(errors="replace")

    def wait_for(self, text: str, timeout: float = START_S) -> float:
        """Seconds from cage's start until `text` appears in the log; fails with the log if cage stops first."""
        deadline = time.monotonic() + timeout
        while text not in self.output():
            assert self._procs[-1].poll() is None, f"cage stopped ({self._procs[-1].returncode}):\n{self.output()}"
            assert time.monotonic() < deadline, f"no {text!r} within {timeout} s:\n{self.output()}"
            time.sleep(0.05)  # polling the log file, with a deadline
        return time.perf_counter() - self.started

    def screenshot(self) -> bytes:
        """A PNG of cage's output, taken through wlr-screencopy as the compositor's own user."""
        done = subprocess.run([*as_user(), "grim", "-t", "png", "-"], capture_output=True, timeout=30,
                              env=quiet_env(XDG_RUNTIME_DIR=str(self.runtime), WAYLAND_DISPLAY="wayland-0"))
        assert done.returncode == 0, f"grim failed: {done.stderr.decode(errors='replace')}"
        return done.stdout

    def tap(self, x: int, y: int) -> None:
        """Press and release the pointer at (x, y): X11 hands it to cage, which sends it to the kiosk on Wayland."""
        assert self.backend == "x11", "cage 0.1.4's headless backend has no input device to tap with"
        done = subprocess.run([*as_user(), "xdotool", "mousemove", "--sync", str(x), str(y), "click", "1"],
                              capture_output=True, text=True, timeout=30, env=quiet_env(DISPLAY=self._display))
        assert done.returncode == 0, f"xdotool failed: {done.stderr}"
