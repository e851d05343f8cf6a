"""The unit and its session script: the directives issue 16 names, and cage's exit status handed on for real."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path, PurePosixPath

import pytest

from kiosk.appliance import layout as L
from kiosk.appliance.units import logind_dropin, service_unit, session_script, sysctl_conf, udev_rule
from tests.appliance.unit_file import parse_unit


def test_the_parser_keeps_every_value_of_a_repeated_key() -> None:
    unit = parse_unit("[Unit]\nAfter=a.service\n# note\nAfter=b.service\n[Service]\nExecStart=/bin/x --y=z\n")
    assert unit["Unit"]["After"] == ["a.service", "b.service"]
    assert unit["Service"]["ExecStart"] == ["/bin/x --y=z"]


def test_the_service_runs_cage_on_tty1_as_the_kiosk_user_and_restarts_it() -> None:
    unit = parse_unit(service_unit())
    service, section = unit["Service"], unit["Unit"]
    one = {key: values[-1] for key, values in service.items()}
    assert {k: one[k] for k in ("Type", "NotifyAccess", "WatchdogSec", "Restart", "RestartSec", "TimeoutStartSec",
                                "User", "PAMName", "TTYPath", "UtmpIdentifier", "StandardInput",
                                "StandardOutput")} == {
        "Type": "notify", "NotifyAccess": "all", "WatchdogSec": "30", "Restart": "always", "RestartSec": "3",
        "TimeoutStartSec": "600", "User": "kiosk", "PAMName": "login", "TTYPath": "/dev/tty1",
        "UtmpIdentifier": "tty1", "StandardInput": "tty-fail", "StandardOutput": "journal"}
    assert all(one[k] == "yes" for k in ("TTYReset", "TTYVHangup", "TTYVTDisallocate", "NoNewPrivileges",
                                         "ProtectHome", "PrivateTmp"))
    assert one["ProtectSystem"] == "strict"
    assert "/var/lib/careers-kiosk" in service["ReadWritePaths"]
    assert service["Environment"] == ["QT_QPA_PLATFORM=wayland", "KIOSK_DATA_DIR=/var/lib/careers-kiosk"]
    assert one["RestartPreventExitStatus"] == "75" and one["SuccessExitStatus"] == "75"
    assert one["ExecStart"] == "/opt/careers-kiosk/session"
    assert one["ExecStopPost"].startswith("+") and "getty@tty1.service" in one["ExecStopPost"]
    assert {k: section[k][-1] for k in ("StartLimitIntervalSec", "StartLimitBurst")} == {
        "StartLimitIntervalSec": "600", "StartLimitBurst": "10"}
    after = " ".join(section["After"]).split()
    assert {"systemd-user-sessions.service", "plymouth-quit-wait.service", "dbus.socket"} <= set(after)
    assert section["Conflicts"] == ["getty@tty1.service"] and section["Wants"] == ["dbus.socket"]
    assert unit["Install"]["WantedBy"] == ["graphical.target"]


def test_the_session_runs_cage_without_vt_switching() -> None:
    script = session_script()
    cage_line = next(line for line in script.splitlines() if line.startswith("/usr/bin/cage"))
    assert cage_line.startswith("/usr/bin/cage -d -- ") and " -s" not in cage_line
    assert str(L.KIOSK_COMMAND) in cage_line


def test_no_text_console_and_no_sysrq_and_the_backlight_for_video() -> None:
    assert parse_unit(logind_dropin())["Login"] == {"NAutoVTs": ["0"], "ReserveVT": ["0"]}
    assert "kernel.sysrq = 0" in sysctl_conf().splitlines()
    rule = udev_rule()
    assert 'SUBSYSTEM=="backlight"' in rule and "chgrp video" in rule and "bl_power" in rule and "brightness" in rule


@pytest.fixture
def open_dir():
    """A folder another user can reach (pytest's own tmp folders are root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="kiosk-session-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _run_session(tmp_path: Path, kiosk_exit: str) -> subprocess.CompletedProcess:
    """The session script with the real cage (headless) and a stand-in kiosk, as an unprivileged user."""
    kiosk = tmp_path / "kiosk"
    kiosk.write_text(f"#!/bin/sh\n[ \"$1\" = run ] || exit 9\n{kiosk_exit}\n")
    kiosk.chmod(0o755)
    status = tmp_path / "run"
    status.mkdir()
    runtime = tmp_path / "xdg"
    runtime.mkdir(mode=0o700)
    shutil.chown(status, "nobody", "nogroup")
    shutil.chown(runtime, "nobody", "nogroup")
    script = tmp_path / "session"
    script.write_text(session_script(PurePosixPath(kiosk), PurePosixPath(status / "kiosk-exit"),
                                     shutil.which("cage") or "cage"))
    script.chmod(0o755)
    env = {"PATH": os.environ["PATH"], "XDG_RUNTIME_DIR": str(runtime), "WLR_BACKENDS": "headless",
           "WLR_RENDERER": "pixman", "WLR_LIBINPUT_NO_DEVICES": "1"}
    return subprocess.run(["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", str(script)],
                          env=env, capture_output=True, text=True, timeout=60)


@pytest.mark.skipif(os.geteuid() != 0, reason="running cage as another user needs root (CI runs as root)")
@pytest.mark.parametrize("kiosk_exit, expected", [("exit 75", 75), ("exit 0", 0), ("exit 3", 3),
                                                  ("kill -9 $$", 137)])
def test_the_session_hands_on_the_kiosks_exit_status_through_cage(open_dir: Path, kiosk_exit: str,
                                                                  expected: int) -> None:
    # Debian 12's cage 0.1.4 itself exits 0 whatever its client did; the script is what lets Restart= see 75.
    done = _run_session(open_dir, kiosk_exit)
    assert done.returncode == expected, done.stderr[-2000:]


def test_a_session_whose_cage_fails_counts_as_a_crash(tmp_path: Path) -> None:
    script = tmp_path / "session"
    script.write_text(session_script(PurePosixPath("/bin/true"), PurePosixPath(tmp_path / "kiosk-exit"),
                                     "/bin/false"))
    script.chmod(0o755)
    done = subprocess.run([str(script)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
