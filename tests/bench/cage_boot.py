"""Boot under cage: cage's start to the kiosk's home page on its (headless) screen, against the kiosk's own cold start.

The installed kiosk (its wheel in a fresh venv) runs as an unprivileged user, as on the appliance. "On screen" is
the first grim screenshot that matches an offscreen render of home, so each figure is late by at most one
screenshot's time (reported). Beside it, the kiosk's own first paint under cage (it prints the moment and
quits), which leaves out cage composing and showing that frame. The cold start is `kiosk run --windowed
--quit-after-first-paint` under Qt's offscreen platform, by the same user on the same data dir: process spawn to
its first painted home screen.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from tests.bench.stats import log, median_p95, ms, r2
from tests.install import frames
from tests.install.cage_session import CageSession, as_user, missing_tools, quiet_env, user_dir
from tests.install.conftest import DEBIAN_PYTHON, build_wheel, run as run_outside

HOME_SIZE = (1280, 720)  # wlroots' headless output
COMPOSITE = ("-r", "-r")  # see tests/install/test_under_cage.py: without it grim sees cage's scanned-out black
SAME = 1.0  # as in test_under_cage: the frames match the offscreen render exactly
BOOT_TIMEOUT_S = 120.0
REFERENCE = Path(__file__).resolve().parents[1] / "install" / "home_reference.py"


def install(scratch: Path) -> Path:
    """The kiosk's wheel installed into a world-readable venv made with Debian's python3; its bin folder."""
    wheel = build_wheel(scratch)
    venv = scratch / "venv"
    run_outside([DEBIAN_PYTHON, "-m", "venv", venv], cwd=scratch)
    run_outside([venv / "bin" / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel],
                cwd=scratch)
    subprocess.run(["chmod", "-R", "a+rX", str(scratch)], check=True)
    return venv / "bin"


def cold_start(bin_dir: Path, data: Path) -> float:
    """Seconds from spawn to the offscreen kiosk's printed `first-paint <perf_counter>`."""
    t0 = time.perf_counter()
    done = subprocess.run([*as_user(), bin_dir / "kiosk", "run", "--windowed", "--quit-after-first-paint",
                           "--data-dir", data], capture_output=True, text=True, timeout=600,
                          env=quiet_env(QT_QPA_PLATFORM="offscreen"))
    if done.returncode != 0:
        raise RuntimeError(f"the offscreen kiosk exited {done.returncode}: {done.stderr[-800:]}")
    stamps = [line.split()[1] for line in done.stdout.splitlines() if line.startswith("first-paint ")]
    if not stamps:
        raise RuntimeError(f"the offscreen kiosk printed no first-paint line: {done.stdout!r}")
    return float(stamps[0]) - t0


def boot(bin_dir: Path, data: Path, home) -> tuple[float, float]:
    """Seconds from cage's spawn to home on screen, and one screenshot's time (how late that may be)."""
    with CageSession([str(bin_dir / "kiosk"), "run"], data, cage_options=COMPOSITE) as cage:
        deadline = time.monotonic() + BOOT_TIMEOUT_S
        while True:
            t0 = time.perf_counter()
            try:
                shot = frames.load(cage.screenshot())
            except AssertionError:  # cage is not listening yet
                shot = None
            grim_s = time.perf_counter() - t0
            if shot is not None and frames.difference(shot, home) < SAME:
                on_screen = time.perf_counter() - cage.started
                break
            if time.monotonic() > deadline:
                raise RuntimeError(f"home was not on screen within {BOOT_TIMEOUT_S} s:\n{cage.output()[-2000:]}")
    return on_screen, grim_s


def painted_under_cage(bin_dir: Path, data: Path) -> float:
    """Seconds from cage's spawn to the kiosk's own first paint under it (it prints the moment, then quits)."""
    with CageSession([str(bin_dir / "kiosk"), "run", "--quit-after-first-paint"], data,
                     cage_options=COMPOSITE) as cage:
        cage.wait_for("first-paint ", timeout=BOOT_TIMEOUT_S)
        line = next(x for x in cage.output().splitlines() if x.startswith("first-paint "))
        # perf_counter is CLOCK_MONOTONIC on Linux: one clock for this process and the kiosk
        return float(line.split()[1]) - cage.started


def run(runs: int) -> dict[str, object]:
    """Alternate cage boots and offscreen cold starts on one prepared data dir."""
    gaps = missing_tools()
    if gaps:
        raise RuntimeError(f"install {' '.join(gaps)} first (sh .ci/bootstrap test does)")
    scratch = Path(tempfile.mkdtemp(prefix="kiosk-bench-cage-"))
    scratch.chmod(0o755)
    data = user_dir("kiosk-bench-cage-data-")
    try:
        bin_dir = install(scratch)
        first = cold_start(bin_dir, data)  # untimed: builds and installs the sample content
        log(f"cage_boot: first start (builds the content, not timed) {first:.1f} s")
        out = user_dir("kiosk-bench-cage-ref-")
        subprocess.run([*as_user(), bin_dir / "python", "-c", REFERENCE.read_text(), data, *map(str, HOME_SIZE), out,
                        "Kinds of work"], check=True, capture_output=True, timeout=300,
                       env=quiet_env(QT_QPA_PLATFORM="offscreen"))
        home = frames.load(str(out / "home.png"))
        shutil.rmtree(out)
        cold_start(bin_dir, data)  # untimed, like cold_start's: the first run after install compiles bytecode
        screen, grim, cold, painted = [], [], [], []
        for i in range(runs):
            s, g = boot(bin_dir, data, home)
            screen.append(s), grim.append(g)
            cold.append(cold_start(bin_dir, data))
            painted.append(painted_under_cage(bin_dir, data))
            log(f"cage_boot run {i + 1}/{runs}: home on screen {s * 1000:.0f} ms (its own "
                f"first paint {painted[-1] * 1000:.0f} ms), offscreen cold start {cold[-1] * 1000:.0f} ms")
        return {
            "home_on_screen_ms": median_p95(ms(screen)),
            "first_paint_under_cage_ms": median_p95(ms(painted)),
            "screenshot_ms": median_p95(ms(grim)),
            "offscreen_cold_start_ms": median_p95(ms(cold)),
            "ratio_median": r2(statistics.median(screen) / statistics.median(cold)),
            "first_paint_ratio_median": r2(statistics.median(painted) / statistics.median(cold)),
            "size": "%dx%d" % HOME_SIZE,
            "runs": runs,
        }
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        shutil.rmtree(data, ignore_errors=True)
