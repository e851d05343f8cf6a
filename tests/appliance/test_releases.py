"""`kiosk appliance update`, `rollback` and `status`: a release is switched to only after its doctor passes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.appliance import layout as L
from kiosk.appliance.errors import ApplianceError
from kiosk.appliance.install import install
from kiosk.appliance.manage import rollback, status, update
from kiosk.appliance.releases import pointed, source_version
from kiosk.appliance.runner import Result
from tests.appliance.fakes import FakeRunner, machine, wheel
from tests.appliance.test_install import files_under

FAILING_DOCTOR = Result(1, json.dumps([{"name": "database", "status": "fault", "detail": "kiosk.db is damaged"},
                                       {"name": "speech", "status": "warning", "detail": "no audio"}]))


@pytest.fixture
def installed(tmp_path: Path) -> Path:
    """A machine with release 0.1.0 current and some content in its data folder."""
    root = tmp_path / "machine"
    install(machine(root), wheel(tmp_path / "usb", "0.1.0"))
    (root / "var/lib/careers-kiosk/packs").mkdir()
    (root / "var/lib/careers-kiosk/packs/school.zip").write_bytes(b"the school's own pack")
    return root


def test_an_update_that_passes_its_check_becomes_current_and_the_old_one_previous(installed: Path,
                                                                                   tmp_path: Path) -> None:
    old = pointed(machine(installed), L.CURRENT)
    data_before = files_under(installed / "var/lib/careers-kiosk")
    ctx = machine(installed)
    update(ctx, wheel(tmp_path / "usb", "0.2.0"))
    assert pointed(ctx, L.CURRENT).startswith("0.2.0-") and pointed(ctx, L.PREVIOUS) == old
    assert "systemctl try-restart careers-kiosk.service" in ctx.system.lines()
    doctor = next((user, env) for line, user, env in ctx.runner.calls if line.endswith("doctor --json"))
    assert doctor[0] == "kiosk" and doctor[1]["KIOSK_DATA_DIR"] != str(installed / "var/lib/careers-kiosk")
    assert Path(doctor[1]["KIOSK_DATA_DIR"]).name.startswith("check-")  # a copy, removed afterwards
    assert not Path(doctor[1]["KIOSK_DATA_DIR"]).exists()
    assert files_under(installed / "var/lib/careers-kiosk") == data_before


def test_an_update_whose_doctor_fails_is_removed_and_says_which_check(installed: Path, tmp_path: Path) -> None:
    old = pointed(machine(installed), L.CURRENT)
    before = files_under(installed)
    ctx = machine(installed, runner=FakeRunner(answers={"doctor --json": FAILING_DOCTOR}))
    with pytest.raises(ApplianceError, match=r"failed its self-check \(kiosk doctor\): database: kiosk.db is damaged; "
                                             rf"the new release was removed and the kiosk carries on with {old}"):
        update(ctx, wheel(tmp_path / "usb", "0.2.0"))
    assert files_under(installed) == before and pointed(ctx, L.CURRENT) == old
    assert [p.name for p in (installed / "opt/careers-kiosk/releases").iterdir()] == [old]
    assert not any("restart" in line for line in ctx.system.lines())


def test_a_wheel_that_does_not_install_keeps_the_current_release(installed: Path, tmp_path: Path) -> None:
    old = pointed(machine(installed), L.CURRENT)
    before = files_under(installed)
    pip = Result(1, "", "ERROR: careers_kiosk-0.2.0-py3-none-any.whl is not a valid wheel filename.")
    ctx = machine(installed, runner=FakeRunner(answers={"pip install": pip}))
    with pytest.raises(ApplianceError, match=r"the project could not be installed from .*is not a valid wheel.*"
                                             "the running kiosk is untouched"):
        update(ctx, wheel(tmp_path / "usb", "0.2.0"))
    assert files_under(installed) == before and pointed(ctx, L.CURRENT) == old


def test_something_that_is_not_the_project_is_refused(installed: Path, tmp_path: Path) -> None:
    (tmp_path / "other").mkdir()
    (tmp_path / "other/pyproject.toml").write_text('[project]\nname = "other"\nversion = "1"\n')
    with pytest.raises(ApplianceError, match="holds the project 'other', not careers-kiosk"):
        source_version(tmp_path / "other")
    with pytest.raises(ApplianceError, match="neither a careers-kiosk wheel"):
        update(machine(installed), tmp_path / "usb")


def test_rollback_goes_back_and_forth(installed: Path, tmp_path: Path) -> None:
    first = pointed(machine(installed), L.CURRENT)
    update(machine(installed), wheel(tmp_path / "usb", "0.2.0"))
    ctx = machine(installed)
    second = pointed(ctx, L.CURRENT)
    rollback(ctx)
    assert (pointed(ctx, L.CURRENT), pointed(ctx, L.PREVIOUS)) == (first, second)
    assert "systemctl try-restart careers-kiosk.service" in ctx.system.lines()
    rollback(ctx)
    assert (pointed(ctx, L.CURRENT), pointed(ctx, L.PREVIOUS)) == (second, first)


def test_rollback_without_a_previous_release_changes_nothing(installed: Path) -> None:
    ctx = machine(installed)
    current = pointed(ctx, L.CURRENT)
    with pytest.raises(ApplianceError, match="no previous release to go back to"):
        rollback(ctx)
    assert pointed(ctx, L.CURRENT) == current


def test_at_most_three_releases_are_kept_with_current_and_previous(installed: Path, tmp_path: Path,
                                                                   monkeypatch) -> None:
    from kiosk.appliance import releases

    stamps = iter(["20300101T000000Z", "20300102T000000Z", "20300103T000000Z"])
    monkeypatch.setattr(releases, "_stamp", lambda: next(stamps))
    for version in ("0.2.0", "0.3.0", "0.4.0"):
        update(machine(installed), wheel(tmp_path / "usb", version))
    ctx = machine(installed)
    names = sorted(p.name for p in (installed / "opt/careers-kiosk/releases").iterdir())
    assert [n.split("-")[0] for n in names] == ["0.2.0", "0.3.0", "0.4.0"]
    assert pointed(ctx, L.CURRENT).startswith("0.4.0") and pointed(ctx, L.PREVIOUS).startswith("0.3.0")


def test_status_lists_the_releases_and_the_service_state(installed: Path, tmp_path: Path) -> None:
    update(machine(installed), wheel(tmp_path / "usb", "0.2.0"))
    ctx = machine(installed, system=FakeRunner(answers={"systemctl is-active": Result(0, "active\n")}))
    status(ctx)
    assert [line.split("-")[0] for line in ctx.report[:2]] == ["release 0.1.0", "release 0.2.0"]
    assert ctx.report[0].endswith("(previous)") and ctx.report[1].endswith("(current)")
    assert ctx.report[2] == "careers-kiosk.service: active"


def test_update_on_a_machine_without_the_kiosk_says_install_first(tmp_path: Path) -> None:
    with pytest.raises(ApplianceError, match="not installed here: run `kiosk appliance install` first"):
        update(machine(tmp_path), wheel(tmp_path / "usb"))


def test_the_default_source_is_the_project_or_wheel_the_command_runs_from(tmp_path: Path) -> None:
    from kiosk.appliance.releases import default_source

    checkout = tmp_path / "careers-kiosk"
    (checkout / "kiosk/appliance").mkdir(parents=True)
    (checkout / "pyproject.toml").write_text('[project]\nname = "careers-kiosk"\nversion = "0.1.0"\n')
    assert default_source(checkout / "kiosk/appliance/releases.py") == checkout
    whl = wheel(tmp_path / "usb", "0.1.0")
    assert default_source(whl / "kiosk/appliance/releases.py") == whl
    with pytest.raises(ApplianceError, match="say which release to install with --from"):
        default_source(tmp_path / "site-packages/kiosk/appliance/releases.py")
