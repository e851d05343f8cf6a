"""Every bad input issue 16 names: each says what is wrong, and what was installed is left working."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from kiosk.appliance import layout as L
from kiosk.appliance import preflight
from kiosk.appliance.errors import ApplianceError
from kiosk.appliance.install import install
from kiosk.appliance.runner import Result
from tests.appliance.fakes import FakeRunner, machine, wheel
from tests.appliance.test_install import files_under
from tests.helpers.disk_faults import mounted_tmpfs, refuse_writes


def test_not_root_is_refused_with_what_to_type(tmp_path: Path) -> None:
    ctx = machine(tmp_path)
    ctx.euid = 1000
    with pytest.raises(ApplianceError, match=r"must run as root: try `sudo kiosk appliance"):
        install(ctx, wheel(tmp_path / "usb"))
    assert ctx.system.calls == [] and not (tmp_path / "etc").exists()


def test_another_system_is_named(tmp_path: Path) -> None:
    ctx = machine(tmp_path)
    ctx.os_release.write_text('PRETTY_NAME="Ubuntu 24.04 LTS"\nID=ubuntu\nVERSION_ID="24.04"\n')
    with pytest.raises(ApplianceError, match="this is Ubuntu 24.04 LTS; the appliance is made and tested for "
                                             "Debian 12"):
        install(ctx, wheel(tmp_path / "usb"))
    assert ctx.system.calls == []


def test_too_little_room_for_a_release_says_how_much_is_needed_and_free(tmp_path: Path) -> None:
    with pytest.raises(ApplianceError, match=r"the disk is full: 99999999 MB needed for a release in .*, \d+ MB free"):
        preflight.check_space(tmp_path / "opt/careers-kiosk/releases", needed_mb=99_999_999)


@pytest.mark.parametrize("apt_says, message", [
    ("Err:1 http://deb.debian.org/debian bookworm InRelease\n  Temporary failure resolving 'deb.debian.org'\n"
     "E: Failed to fetch http://deb.debian.org/debian/pool/main/c/cage/cage_0.1.4-4_amd64.deb",
     "could not be downloaded \\(no network\\?\\): cage xwayland"),
    ("E: Unable to locate package xwayland", "do not exist in this machine's package sources: xwayland"),
])
def test_apt_failing_names_the_packages_and_writes_nothing(tmp_path: Path, apt_says: str, message: str) -> None:
    system = FakeRunner(answers={"dpkg-query -W -f=${Status} cage": Result(1), "dpkg-query -W -f=${Status} xwayland":
                                 Result(1), "apt-get install": Result(100, "", apt_says)})
    ctx = machine(tmp_path, system=system)
    with pytest.raises(ApplianceError, match=message):
        install(ctx, wheel(tmp_path / "usb"))
    assert not (tmp_path / "etc").exists() and not (tmp_path / "opt").exists()
    assert not any(line.startswith(("useradd", "systemctl")) for line in system.lines())


def test_a_failure_part_way_undoes_what_this_run_did(tmp_path: Path) -> None:
    system = FakeRunner(answers={"systemctl enable": Result(1, "", "Failed to enable unit: Access denied")})
    ctx = machine(tmp_path, system=system)
    with pytest.raises(ApplianceError, match="`systemctl enable careers-kiosk.service seatd.service` failed "
                                             ".*Access denied.*undone"):
        install(ctx, wheel(tmp_path / "usb"))
    assert not (tmp_path / "etc/systemd/system/careers-kiosk.service").exists()
    assert not (tmp_path / "opt/careers-kiosk/current").exists()
    assert list((tmp_path / "opt/careers-kiosk/releases").iterdir()) == []
    assert not (tmp_path / "var/lib/careers-kiosk").exists()
    assert system.lines()[-1] == "userdel kiosk"


def test_a_failed_reinstall_keeps_the_schools_data(tmp_path: Path) -> None:
    install(machine(tmp_path), wheel(tmp_path / "usb"))
    (tmp_path / "opt/careers-kiosk/current").unlink()  # as after a remove that kept the data
    (tmp_path / "var/lib/careers-kiosk/settings.toml").write_text("region = 'london'\n")
    failing = FakeRunner(answers={"pip install": Result(1, "", "ERROR: No matching distribution found for httpx")})
    with pytest.raises(ApplianceError, match="could not be installed"):
        install(machine(tmp_path, runner=failing), wheel(tmp_path / "usb"))
    assert (tmp_path / "var/lib/careers-kiosk/settings.toml").read_text() == "region = 'london'\n"


def test_a_release_failing_its_first_check_leaves_nothing_installed(tmp_path: Path) -> None:
    runner = FakeRunner(answers={"doctor --json": Result(1, '[{"name": "qt", "status": "fault", '
                                                              '"detail": "Qt cannot start"}]')})
    ctx = machine(tmp_path, runner=runner)
    with pytest.raises(ApplianceError, match=r"failed its self-check \(kiosk doctor\): qt: Qt cannot start; what this "
                                             "install had done is undone"):
        install(ctx, wheel(tmp_path / "usb"))
    assert not (tmp_path / "etc/systemd/system/careers-kiosk.service").exists()
    assert list((tmp_path / "opt/careers-kiosk/releases").iterdir()) == []


def test_a_full_disk_says_so_and_leaves_the_installed_files_alone(tmp_path: Path, monkeypatch) -> None:
    with mounted_tmpfs(tmp_path / "disk", size="512k") as disk:
        root = disk or tmp_path / "machine"
        first = machine(root)
        first.release_mb = 0  # the faked pip installs nothing
        install(first, wheel(tmp_path / "usb"))
        # An older installer's unit, recorded as ours: the next install wants to write the new one.
        old = machine(root)
        old.files.write(L.UNIT_PATH, "[Unit]\nDescription=an older kiosk unit\n")
        old.files.record([L.UNIT_PATH])
        before = files_under(root)
        if disk:
            with open(disk / "filler", "wb", buffering=0) as filler:  # fill this small real disk to the last block
                try:
                    while True:
                        filler.write(b"\0" * 4096)
                except OSError as e:
                    assert e.errno == errno.ENOSPC
            before["filler"] = (disk / "filler").read_bytes()
        else:  # this machine cannot mount a tmpfs: every write under the root fails as a full disk does
            refuse_writes(monkeypatch, root, errno.ENOSPC)
        ctx = machine(root, system=FakeRunner(answers={"id -u kiosk": Result(0, "999")}))
        with pytest.raises(ApplianceError, match=r"the disk is full: 1 MB needed to write .*careers-kiosk.service; "
                                                 "free some space"):
            install(ctx, wheel(tmp_path / "usb"))
        monkeypatch.undo()
        assert files_under(root) == before
