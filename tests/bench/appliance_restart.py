"""The installed kiosk under real systemd in a booted container: start, kill -9 and watchdog restarts to READY=1.

Run as root on the host, with the container booted (systemd-nspawn --boot) and `kiosk appliance install` done in it:
    python -m tests.bench.appliance_restart --container /var/lib/machines/kiosk12 [--runs 5] [--watchdog-runs 3]
It prints one JSON object on stdout (progress on stderr), as tests/bench/run.py does.

What is timed, all on CLOCK_MONOTONIC (a container shares the host's, and systemd's *TimestampMonotonic use it):
- start: `systemctl start`, from the unit leaving "inactive" to systemd accepting the kiosk's READY=1, which the kiosk
  sends just after its first paint (kiosk/recovery/watchdog.py); the "kiosk running" journal line follows it.
- kill -9: from SIGKILL of the kiosk's Python process to the next run's READY=1 (RestartSec=3 included).
- watchdog: from SIGSTOP of the kiosk's Python process to the next run's READY=1; the pings stop, systemd waits out
  WatchdogSec=30 from the last ping, aborts the unit and restarts it. The part after systemd's abort is given too.
- cold: `kiosk run --quit-after-first-paint` offscreen, as the kiosk user on the same data folder, service stopped:
  process spawn to the printed first paint (as tests/bench/cold_start.py). Every other figure is also a ratio to it.

Before each run the kiosk's start record is removed and systemd's start counter reset, so that five deliberate kills
in ten minutes measure the kiosk each time rather than its resting screen or the start limit.
The container has no tty1, DRM or input devices, so tests/bench/appliance/nspawn-headless.conf is installed as a
drop-in (cage's headless backend, no tty); everything else is the unit as installed. The JSON names the drop-in.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tests.bench.stats import log, median_p95, r2

UNIT = "careers-kiosk.service"
DROPIN_DIR = Path("etc/systemd/system") / f"{UNIT}.d"
DROPINS = {  # source in tests/bench/appliance -> name in the container
    "nspawn-headless.conf": "50-nspawn-headless.conf",
}
HERE = Path(__file__).resolve().parent / "appliance"
DATA_DIR = "/var/lib/careers-kiosk"
KIOSK = "/opt/careers-kiosk/current/venv/bin/kiosk"
PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
PROPS = ("ActiveState", "SubState", "NRestarts", "InactiveExitTimestampMonotonic", "ActiveEnterTimestampMonotonic",
         "ActiveExitTimestampMonotonic", "Result")
# Runs inside the container as the kiosk user: spawn to first paint, as tests/bench/cold_start.py times it.
COLD = """
import subprocess, sys, time
t0 = time.perf_counter()
out = subprocess.run([sys.argv[1], "run", "--quit-after-first-paint"], capture_output=True, text=True, timeout=300)
line = next((l for l in out.stdout.splitlines() if l.startswith("first-paint ")), None)
if out.returncode or line is None:
    sys.exit(f"kiosk exited {out.returncode} without a first paint: {out.stderr[-600:]}")
print(float(line.split()[1]) - t0)
"""
# Runs inside the container as root: the moment, then the signal, so the moment is the signal's own.
SIGNAL = "import os, sys, time; t = time.monotonic(); os.kill(int(sys.argv[1]), int(sys.argv[2])); print(t)"


class Container:
    """A booted systemd-nspawn container, reached through its init's namespaces with a clean environment."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.leader = self._find_leader()

    def _find_leader(self) -> int:
        here = os.stat(self.root)
        mine = (here.st_dev, here.st_ino)
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                comm = (entry / "comm").read_text().strip()
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                parent_comm = Path(f"/proc/{parent}/comm").read_text().strip()
                root = os.stat(entry / "root")  # its root as seen from here (readlink shows only "/")
            except (OSError, ValueError, IndexError):
                continue
            if comm == "systemd" and parent_comm == "systemd-nspawn" and (root.st_dev, root.st_ino) == mine:
                return int(entry.name)
        raise SystemExit(f"no booted container at {self.root}: start it with "
                         f"`systemd-nspawn -D {self.root} --boot --register=no --keep-unit` first")

    def run(self, *argv: str, check: bool = True, timeout: float = 900) -> str:
        cmd = ["nsenter", "-t", str(self.leader), "-a", "env", "-i", f"PATH={PATH}", "HOME=/root", "LANG=C.UTF-8",
               *argv]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        if check and done.returncode != 0:
            raise RuntimeError(f"in the container, {' '.join(argv)} exited {done.returncode}: {done.stderr.strip()}")
        return done.stdout

    def show(self) -> dict[str, str]:
        out = self.run("systemctl", "show", UNIT, *(f"--property={p}" for p in PROPS))
        return dict(line.split("=", 1) for line in out.splitlines() if "=" in line)


def prepare(box: Container) -> list[str]:
    """Install the drop-in and reload systemd."""
    folder = box.root / DROPIN_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for source, name in DROPINS.items():
        (folder / name).write_text((HERE / source).read_text())
    box.run("systemctl", "daemon-reload")
    box.run("systemd-analyze", "verify", UNIT)
    return sorted(DROPINS.values())


def fresh(box: Container) -> None:
    """Stopped, with no start record and systemd's start counter reset."""
    box.run("systemctl", "stop", UNIT)
    box.run("rm", "-f", f"{DATA_DIR}/start-record.json")
    box.run("systemctl", "reset-failed", UNIT, check=False)


def kiosk_pid(box: Container) -> int:
    """The kiosk's Python process among the unit's processes (cage's client's child)."""
    procs = box.run("cat", f"/sys/fs/cgroup/systemd/system.slice/{UNIT}/cgroup.procs").split()
    for pid in procs:
        cmdline = box.run("cat", f"/proc/{pid}/cmdline", check=False).split("\0")
        if "python" in Path(cmdline[0]).name and cmdline[1:3] == [KIOSK, "run"]:
            return int(pid)
    raise RuntimeError(f"no `kiosk run` process in {UNIT} (processes {procs})")


def wait_ready_after(box: Container, t0: float, timeout: float = 180) -> dict[str, str]:
    """Poll until the unit is active again with READY=1 after monotonic time t0 (seconds)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = box.show()
        if state["ActiveState"] == "active" and int(state["ActiveEnterTimestampMonotonic"]) > t0 * 1e6:
            return state
        if state["ActiveState"] == "failed":
            raise RuntimeError(f"{UNIT} failed ({state['Result']}) instead of restarting")
        time.sleep(0.05)
    raise RuntimeError(f"{UNIT} was not active again within {timeout} s: {box.show()}")


def signal_kiosk(box: Container, number: int) -> float:
    return float(box.run("/usr/bin/python3", "-c", SIGNAL, str(kiosk_pid(box)), str(number)))


def measure_start(box: Container) -> float:
    fresh(box)
    box.run("systemctl", "start", UNIT)  # Type=notify: returns once READY=1 arrived
    state = box.show()
    return (int(state["ActiveEnterTimestampMonotonic"]) - int(state["InactiveExitTimestampMonotonic"])) / 1e6


def measure_kill(box: Container) -> float:
    fresh(box)
    box.run("systemctl", "start", UNIT)
    t0 = signal_kiosk(box, 9)
    return int(wait_ready_after(box, t0)["ActiveEnterTimestampMonotonic"]) / 1e6 - t0


def measure_watchdog(box: Container) -> tuple[float, float]:
    """(SIGSTOP to READY=1 again, systemd's abort to READY=1 again)."""
    fresh(box)
    box.run("systemctl", "start", UNIT)
    t0 = signal_kiosk(box, 19)  # SIGSTOP: the GUI thread, and so the pings, stop
    state = wait_ready_after(box, t0, timeout=240)
    journal = box.run("journalctl", "-u", UNIT, "-o", "short-monotonic", "--no-pager", "-n", "200")
    if "Watchdog timeout" not in journal:
        raise RuntimeError("the unit restarted, but not through a watchdog timeout:\n" + journal[-1500:])
    ready = int(state["ActiveEnterTimestampMonotonic"]) / 1e6
    return ready - t0, ready - int(state["ActiveExitTimestampMonotonic"]) / 1e6


def measure_cold(box: Container) -> float:
    fresh(box)
    out = box.run("runuser", "-u", "kiosk", "--", "env", "-i", f"PATH={PATH}", f"HOME={DATA_DIR}",
                  f"KIOSK_DATA_DIR={DATA_DIR}", "QT_QPA_PLATFORM=offscreen", "/usr/bin/python3", "-c", COLD, KIOSK)
    return float(out.strip().splitlines()[-1])


def summary(seconds: list[float], cold_median: float | None = None) -> dict[str, object]:
    result: dict[str, object] = {**median_p95([s * 1000 for s in seconds]), "runs_ms": [r2(s * 1000) for s in seconds]}
    if cold_median:
        result["ratio_to_cold_median"] = r2(statistics.median(seconds) / cold_median)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.appliance_restart", description=__doc__.split("\n")[0])
    parser.add_argument("--container", type=Path, required=True, help="the booted container's root folder")
    parser.add_argument("--runs", type=int, default=5, help="runs of cold start, service start and kill -9")
    parser.add_argument("--watchdog-runs", type=int, default=3, help="runs of the watchdog restart (~45 s each)")
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        parser.error("run as root: it enters the container's namespaces")
    box = Container(args.container)
    log(f"container {box.root}, init pid {box.leader}")
    used = prepare(box)
    samples: dict[str, list[float]] = {"cold": [], "start": [], "kill": [], "watchdog": [], "watchdog_after_abort": []}
    measure_cold(box)  # untimed: warms the page cache and bytecode, as the other benchmarks' preparing runs do
    for i in range(args.runs):
        samples["cold"].append(measure_cold(box))
        samples["start"].append(measure_start(box))
        samples["kill"].append(measure_kill(box))
        log(f"run {i + 1}/{args.runs}: cold {samples['cold'][-1]:.2f} s, start {samples['start'][-1]:.2f} s, "
            f"kill -9 {samples['kill'][-1]:.2f} s")
    for i in range(args.watchdog_runs):
        whole, after = measure_watchdog(box)
        samples["watchdog"].append(whole)
        samples["watchdog_after_abort"].append(after)
        log(f"watchdog run {i + 1}/{args.watchdog_runs}: {whole:.2f} s from SIGSTOP, {after:.2f} s after the abort")
    fresh(box)
    box.run("systemctl", "start", UNIT)  # left running, as an installed kiosk would be
    cold = statistics.median(samples["cold"])
    result = {
        "container": str(box.root),
        "dropins": used,
        "kiosk_cold_start_offscreen_ms": summary(samples["cold"]),
        "service_start_to_ready_ms": summary(samples["start"], cold),
        "kill9_to_ready_ms": summary(samples["kill"], cold),
        "sigstop_to_ready_ms": summary(samples["watchdog"], cold),
        "watchdog_abort_to_ready_ms": summary(samples["watchdog_after_abort"], cold),
        "unit": {k: v for k, v in box.show().items() if k in ("ActiveState", "NRestarts")},
    }
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
