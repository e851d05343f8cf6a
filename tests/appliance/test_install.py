"""`kiosk appliance install` and `remove` on a machine in a folder, every program they run faked."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kiosk.appliance import layout as L
from kiosk.appliance.errors import ApplianceError
from kiosk.appliance.install import install, remove
from kiosk.appliance.runner import Result
from kiosk.appliance.units import system_files
from tests.appliance.fakes import FakeRunner, machine, wheel


def files_under(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_first_install_writes_the_units_makes_the_user_and_a_release(tmp_path: Path) -> None:
    ctx = machine(tmp_path, system=FakeRunner(answers={"dpkg-query -W -f=${Status} cage": Result(1)}))
    install(ctx, wheel(tmp_path / "usb"))
    for where, (text, mode) in system_files().items():
        written = ctx.files.path(where)
        assert written.read_text() == text and written.stat().st_mode & 0o777 == mode
    system = ctx.system.lines()
    assert any(line.startswith("apt-get install -y -qq --no-install-recommends cage") for line in system)
    assert "useradd --system --user-group --home-dir /var/lib/careers-kiosk --no-create-home --shell " \
           "/usr/sbin/nologin --groups video,audio,input,render kiosk" in system
    assert {"systemctl enable careers-kiosk.service seatd.service", "systemctl set-default graphical.target",
            "systemctl --global enable pipewire.service pipewire-pulse.service wireplumber.service"} <= set(system)
    current = (ctx.files.path(L.CURRENT)).resolve()
    assert current.parent == ctx.files.path(L.RELEASES_DIR) and current.name.startswith("0.2.0-")
    assert ctx.data_dir().stat().st_mode & 0o777 == 0o750
    assert (tmp_path / "var/lib/systemd/linger/kiosk").is_file()  # the kiosk user's systemd runs from boot
    # The release is checked as the kiosk user against the data folder: a first start, then doctor.
    checks = [(line.split()[-2:], user) for line, user, env in ctx.runner.calls if "venv/bin/kiosk" in line]
    assert checks[:2] == [(["run", "--quit-after-first-paint"], "kiosk"), (["doctor", "--json"], "kiosk")]
    assert checks[2] == (["openmoji", "--if-missing"], "kiosk")
    assert any("pip install" in line and line.endswith("careers_kiosk-0.2.0-py3-none-any.whl")
               for line in ctx.runner.lines())


def test_with_root_nothing_outside_the_folder_is_touched_and_the_report_says_what_would_be_done(
        tmp_path: Path, capsys) -> None:
    from kiosk.appliance.context import Context
    from kiosk.appliance_command import run_appliance
    from kiosk.cli import _parser

    runner = FakeRunner()
    ctx = Context.for_root(tmp_path / "review", runner=runner)
    args = _parser().parse_args(["appliance", "install", "--root", str(tmp_path / "review"),
                                 "--from", str(wheel(tmp_path / "usb"))])
    assert run_appliance(args, ctx) == 0
    out = capsys.readouterr().out
    assert "would install Debian packages: python3 python3-venv ca-certificates cage xwayland" in out
    assert "pipewire-pulse wireplumber dbus-user-session" in out
    assert "would make user kiosk: useradd --system" in out
    assert "a real run would also do, as root:\n" in out and "  systemctl enable careers-kiosk.service seatd" in out
    data_dirs = {env["KIOSK_DATA_DIR"] for _, _, env in runner.calls if "KIOSK_DATA_DIR" in env}
    assert data_dirs == {str(tmp_path / "review" / "var/lib/careers-kiosk")}
    assert all(user is None for _, user, _ in runner.calls)  # no kiosk user to run as
    assert (tmp_path / "review" / "etc/systemd/system/careers-kiosk.service").is_file()


def _verify_root(root: Path) -> str:
    """systemd-analyze verify on the unit as written, with systemd's own units and the programs it names present."""
    shutil.copytree("/usr/lib/systemd/system", root / "usr/lib/systemd/system", symlinks=True)
    (root / "usr/bin").mkdir(parents=True, exist_ok=True)
    (root / "bin").symlink_to("usr/bin")  # Debian 12 is merged-/usr
    for name in ("sh", "cage"):  # verify only asks that each command is there and executable
        (root / "usr/bin" / name).write_text("#!/bin/true\n")
        (root / "usr/bin" / name).chmod(0o755)
    done = subprocess.run(["systemd-analyze", f"--root={root}", "verify",
                           str(root / "etc/systemd/system/careers-kiosk.service")],
                          capture_output=True, text=True, timeout=120)
    return f"exit {done.returncode}\n{done.stdout}{done.stderr}"


def test_systemd_analyze_verify_accepts_the_written_unit(tmp_path: Path) -> None:
    root = tmp_path / "machine"
    install(machine(root), wheel(tmp_path / "usb"))
    assert _verify_root(root) == "exit 0\n"


def test_verify_would_catch_a_mistake_in_the_unit(tmp_path: Path) -> None:
    root = tmp_path / "machine"
    install(machine(root), wheel(tmp_path / "usb"))
    unit = root / "etc/systemd/system/careers-kiosk.service"
    unit.write_text(unit.read_text().replace("RestartSec=3", "RestartSec=three"))
    assert "Failed to parse sec value" in _verify_root(root)


def test_a_second_install_changes_nothing_and_says_it_is_installed(tmp_path: Path) -> None:
    first = machine(tmp_path)
    install(first, wheel(tmp_path / "usb"))
    newer = wheel(tmp_path / "usb", "0.3.0")
    before = files_under(tmp_path)
    times = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()}
    again = machine(tmp_path, system=FakeRunner(answers={"id -u kiosk": Result(0, "999")}))
    install(again, newer)
    assert files_under(tmp_path) == before
    unit = first.files.path(L.UNIT_PATH)
    assert unit.stat().st_mtime_ns == times[unit]
    assert any(line.startswith("already installed: release 0.2.0-") for line in again.report)
    assert "system files: all unchanged" in again.report
    assert not any("pip" in line for line in again.runner.lines())
    assert not any(line.startswith("useradd") for line in again.system.lines())


def test_a_unit_edited_by_hand_is_named_and_kept_until_forced(tmp_path: Path) -> None:
    install(machine(tmp_path), wheel(tmp_path / "usb"))
    unit = tmp_path / "etc/systemd/system/careers-kiosk.service"
    edited = unit.read_text().replace("RestartSec=3", "RestartSec=10")
    unit.write_text(edited)
    before = files_under(tmp_path)
    ctx = machine(tmp_path)
    with pytest.raises(ApplianceError, match="edited by hand since the installer wrote it: .*careers-kiosk.service.*"
                                             "--force") as e:
        install(ctx, wheel(tmp_path / "usb"))
    assert "the running kiosk carries on" in str(e.value)
    assert files_under(tmp_path) == before and ctx.system.calls == []
    forced = machine(tmp_path)
    install(forced, wheel(tmp_path / "usb"), force=True)
    assert unit.read_text() == system_files()[L.UNIT_PATH][0]
    assert (unit.parent / "careers-kiosk.service.by-hand").read_text() == edited


def test_remove_keeps_the_data_and_hand_edited_files_and_says_so(tmp_path: Path) -> None:
    install(machine(tmp_path), wheel(tmp_path / "usb"))
    (tmp_path / "var/lib/careers-kiosk/settings.toml").write_text("region = 'london'\n")
    sysctl = tmp_path / "etc/sysctl.d/90-careers-kiosk.conf"
    sysctl.write_text("kernel.sysrq = 16\n")
    ctx = machine(tmp_path)
    remove(ctx)
    assert ctx.system.lines()[0] == "systemctl disable --now careers-kiosk.service"
    assert not (tmp_path / "etc/systemd/system/careers-kiosk.service").exists()
    assert not (tmp_path / "opt/careers-kiosk").exists()
    assert sysctl.read_text() == "kernel.sysrq = 16\n"
    assert (tmp_path / "var/lib/careers-kiosk/settings.toml").is_file()
    said = "\n".join(ctx.report)
    assert "kept, because they were edited by hand (add --force to remove them too): " in said
    assert "kept the data folder" in said and "Debian packages were left installed" in said


def test_remove_with_delete_data_removes_the_data_and_the_user(tmp_path: Path) -> None:
    install(machine(tmp_path), wheel(tmp_path / "usb"))
    ctx = machine(tmp_path)
    remove(ctx, delete_data=True)
    assert not (tmp_path / "var/lib/careers-kiosk").exists()
    assert "userdel kiosk" in ctx.system.lines()


def test_settings_that_cannot_be_applied_now_wait_for_the_restart(tmp_path: Path) -> None:
    system = FakeRunner(answers={"sysctl --load": Result(255, "", "sysctl: permission denied on key 'kernel.sysrq'")})
    ctx = machine(tmp_path, system=system)
    install(ctx, wheel(tmp_path / "usb"))
    assert "/etc/sysctl.d/90-careers-kiosk.conf takes effect at the next restart (`sysctl --load " \
           "/etc/sysctl.d/90-careers-kiosk.conf` did not work now)" in ctx.report
    assert (tmp_path / "etc/sysctl.d/90-careers-kiosk.conf").is_file()


def test_a_file_already_as_we_would_write_it_is_not_taken_for_an_edit(tmp_path: Path) -> None:
    # `loginctl enable-linger kiosk` run before the install makes the same empty file the install writes.
    linger = tmp_path / "var/lib/systemd/linger/kiosk"
    linger.parent.mkdir(parents=True)
    linger.touch()
    ctx = machine(tmp_path)
    install(ctx, wheel(tmp_path / "usb"))
    assert linger.is_file() and not (linger.parent / "kiosk.by-hand").exists()


def test_groups_a_machine_lacks_are_made_and_unmade_if_the_install_fails(tmp_path: Path) -> None:
    # A container without udev has no input or render group, and useradd --groups would refuse.
    missing = {"getent group input": Result(2), "getent group render": Result(2)}
    ctx = machine(tmp_path, system=FakeRunner(answers=missing))
    install(ctx, wheel(tmp_path / "usb"))
    lines = ctx.system.lines()
    assert lines.index("groupadd --system input") < lines.index(next(l for l in lines if l.startswith("useradd")))
    assert "made the missing group render" in ctx.report
    failing = machine(tmp_path / "other", system=FakeRunner(answers={**missing, "systemctl enable": Result(1)}))
    with pytest.raises(ApplianceError):
        install(failing, wheel(tmp_path / "usb"))
    assert failing.system.lines()[-3:] == ["userdel kiosk", "groupdel render", "groupdel input"]
