"""The real runner (as another user, with its environment), and the `kiosk appliance` command's report and errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.appliance.context import Context
from kiosk.appliance.install import install
from kiosk.appliance.runner import Recorder, Result, Runner
from kiosk.appliance_command import run_appliance
from kiosk.cli import _parser
from tests.appliance.fakes import FakeRunner, machine, wheel
from tests.helpers.other_users import needs_other_users


@pytest.mark.skipif(os.geteuid() != 0, reason="runuser needs root (CI runs as root)")
@needs_other_users
def test_the_runner_runs_a_command_as_another_user_with_its_environment() -> None:
    done = Runner().run(["sh", "-c", 'echo "$(id -un) $KIOSK_DATA_DIR"'], as_user="nobody",
                        env={"KIOSK_DATA_DIR": "/var/lib/careers-kiosk"})
    assert done == Result(0, "nobody /var/lib/careers-kiosk\n", "")


def test_the_runner_reports_a_missing_program_plainly() -> None:
    assert Runner().run(["no-such-program-here"]).returncode == 127


def test_the_recorder_runs_nothing_and_notes_each_command() -> None:
    recorder = Recorder()
    assert recorder.run(["useradd", "kiosk"]) == Result(0) and recorder.run(["id"], as_user="kiosk") == Result(0)
    assert recorder.commands == ["useradd kiosk", "(as kiosk) id"]


def test_no_network_for_the_symbols_leaves_a_kiosk_with_words(tmp_path: Path) -> None:
    offline = Result(1, "", "kiosk: the npm registry cannot be reached")
    runner = FakeRunner(answers={"symbols install openmoji": offline})
    ctx = machine(tmp_path, runner=runner)
    install(ctx, wheel(tmp_path / "usb"))
    assert any(line.startswith("symbols: OpenMoji could not be downloaded now (no network?); the kiosk shows words "
                               "only until") for line in ctx.report)
    assert (tmp_path / "opt/careers-kiosk/current").is_symlink()


def test_the_command_prints_the_reason_and_exits_1(tmp_path: Path, capsys) -> None:
    ctx = machine(tmp_path)
    ctx.euid = 1000
    args = _parser().parse_args(["appliance", "install", "--from", str(wheel(tmp_path / "usb"))])
    assert run_appliance(args, ctx) == 1
    assert capsys.readouterr().err.startswith("kiosk: this must run as root: try `sudo kiosk appliance ...`")


def test_status_under_root_of_an_empty_folder_says_not_installed(tmp_path: Path, capsys) -> None:
    args = _parser().parse_args(["appliance", "status", "--root", str(tmp_path)])
    assert run_appliance(args, Context.for_root(tmp_path)) == 0
    assert capsys.readouterr().out.startswith("not installed: no releases in ")


def test_the_installers_python_path_does_not_reach_a_release(monkeypatch) -> None:
    # Run from a wheel or a checkout through PYTHONPATH, the installer must check the release's code, not its own.
    monkeypatch.setenv("PYTHONPATH", "/media/usb/careers_kiosk-0.1.0-py3-none-any.whl")
    monkeypatch.setenv("VIRTUAL_ENV", "/root/kiosk-installer")
    done = Runner().run(["sh", "-c", 'echo "[$PYTHONPATH][$VIRTUAL_ENV][$KIOSK_DATA_DIR]"'],
                        env={"KIOSK_DATA_DIR": "/var/lib/careers-kiosk"})
    assert done.stdout == "[][][/var/lib/careers-kiosk]\n"


BLOCK_THIRD_PARTY = """
import sys
class Refuse:
    # Only the standard library and the kiosk itself: what a fresh Debian 12 has before the install.
    def find_spec(self, name, path=None, target=None):
        top = name.split(".")[0]
        if top not in sys.stdlib_module_names and top != "kiosk":
            raise ImportError(f"{name} is not installed on a fresh Debian 12")
sys.meta_path.insert(0, Refuse())
from kiosk.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_the_appliance_command_needs_only_debians_python(tmp_path: Path) -> None:
    # The README installs with `PYTHONPATH=the.whl python3 -m kiosk appliance install`, before any package is there.
    project = Path(__file__).resolve().parents[2]
    env = {"PYTHONPATH": str(project), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", BLOCK_THIRD_PARTY, "appliance", "status", "--root", str(tmp_path)],
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("not installed: no releases in ")
    refused = subprocess.run([sys.executable, "-c", BLOCK_THIRD_PARTY, "doctor"], capture_output=True, text=True,
                             timeout=60, env=env)
    assert "is not installed on a fresh Debian 12" in refused.stderr  # the blocker does block
