"""Every state file the kiosk keeps in its data directory, damaged every way we could think of (garbage bytes, empty,
the wrong shape, huge, a folder, a link to nothing): start-up carries on with a safe fallback, says so in the log,
and `kiosk doctor` names the file and the problem (issue 11, beyond the list)."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.state_files import (
    GARBAGE, GOOD, HARMLESS, READ_AT_START, doctor_report, make_good_data_dir, plant, quiet_doctor, start_up,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def good_dir(sample_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_good_data_dir(sample_data_dir, tmp_path_factory.mktemp("state-files") / "data")


@pytest.fixture
def data(good_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    quiet_doctor(monkeypatch)
    shutil.copytree(good_dir, tmp_path / "data", symlinks=True)
    return tmp_path / "data"


def test_the_good_state_files_give_doctor_nothing_to_say(data: Path) -> None:
    start_up(data)
    assert [c for c in doctor_report(data) if c.status != "ok" and c.name != "staff pin"] == []


@pytest.mark.parametrize("kind", GARBAGE)
@pytest.mark.parametrize("name", GOOD)
def test_a_damaged_state_file_never_stops_the_kiosk_and_doctor_names_it(data: Path, name: str, kind: str,
                                                                        caplog: pytest.LogCaptureFixture) -> None:
    path = plant(data, name, GARBAGE[kind])
    named = [c for c in doctor_report(data) if c.status != "ok" and str(path) in c.detail]
    harmless = kind in HARMLESS.get(name, ())
    assert bool(named) != harmless, [tuple(c) for c in doctor_report(data) if c.status != "ok"]
    with caplog.at_level(logging.INFO):
        start_up(data)
    if name in READ_AT_START and not harmless:
        assert any(str(path) in r.getMessage() for r in caplog.records), [r.getMessage() for r in caplog.records]
    doctor_report(data)  # and doctor still answers on what start-up left


def test_with_every_state_file_damaged_at_once_the_kiosk_paints_and_doctor_names_each(good_dir: Path,
                                                                                      tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(good_dir, data, symlinks=True)
    kinds = list(GARBAGE)
    damaged = []
    for n, name in enumerate(GOOD):  # a different kind of damage for each file, none harmless to it
        kind = next(k for k in kinds[n % len(kinds):] + kinds if k not in HARMLESS.get(name, ()))
        damaged.append(plant(data, name, GARBAGE[kind]))
    report = kiosk(data, "doctor")
    assert "Traceback" not in report.stderr, report.stderr
    for path in damaged:
        assert str(path) in report.stdout, (path, report.stdout)
    run = kiosk(data, "--windowed", "--quit-after-first-paint")
    assert run.returncode == 0 and "first-paint" in run.stdout, run.stderr
    assert "kiosk running on Qt platform offscreen" in run.stderr
    for name in READ_AT_START - {"usage.db"}:  # usage is counted only once a pupil taps
        assert str(data / name) in run.stderr, (name, run.stderr)


def kiosk(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("KIOSK_NCS_API_KEY", None)
    return subprocess.run([sys.executable, "-m", "kiosk", *args, "--data-dir", str(data)], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=300)
