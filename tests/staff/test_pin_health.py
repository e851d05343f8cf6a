"""`kiosk doctor` on staff sign-in: no PIN, a damaged PIN file, and a lockout the kiosk cannot save."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from kiosk.staff.pin import PIN_FILE, PinStore
from kiosk.staff.pin_health import pin_findings
from tests.staff.fake_services import QUICK_HASHER


def _set_pin(data_dir: Path) -> Path:
    store = PinStore(data_dir / PIN_FILE, hasher=QUICK_HASHER)  # the kiosk's own hasher is slow on purpose
    store.set_pin("2468")
    return store.path


def by_name(data_dir: Path) -> dict[str, tuple[str, str]]:
    return {name: (status, detail) for name, status, detail in pin_findings(data_dir)}


def test_a_sound_pin_with_room_to_count_tries_is_ok(tmp_path: Path) -> None:
    path = _set_pin(tmp_path)
    before = path.read_bytes()
    assert by_name(tmp_path) == {"staff pin": ("ok", f"set, kept as an argon2 hash in {path}")}
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_no_pin_set_is_a_warning(tmp_path: Path) -> None:
    status, detail = by_name(tmp_path)["staff pin"]
    assert status == "warning" and "no staff PIN is set" in detail and "kiosk staff set-pin" in detail


@pytest.mark.parametrize("text", [b"{not json", b'{"format": 1}', b"\xff"])
def test_a_damaged_pin_file_is_a_fault_naming_the_file(tmp_path: Path, text: bytes) -> None:
    path = _set_pin(tmp_path)
    path.write_bytes(text)
    status, detail = by_name(tmp_path)["staff pin"]
    assert status == "fault" and str(path) in detail and "damaged" in detail


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS])
def test_a_lockout_that_cannot_be_saved_is_a_fault(tmp_path: Path, monkeypatch, code: int) -> None:
    path = _set_pin(tmp_path)
    before = path.read_bytes()
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:  # as a full or read-only disk answers (root ignores chmod)
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", failing_fsync)
    found = by_name(tmp_path)
    monkeypatch.setattr(os, "fsync", real_fsync)
    status, detail = found["staff pin lockout"]
    assert status == "fault" and os.strerror(code) in detail and "refuses every PIN" in detail
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_doctor_reports_the_staff_pin(tmp_path: Path, monkeypatch) -> None:
    from kiosk import doctor
    import kiosk.doctor.machine  # noqa: F401 (the probes patched below live there)
    from kiosk.config import load_settings

    for probe in ("_speech", "_qt"):  # the machine's own checks are not what this test is about
        monkeypatch.setattr(doctor.machine, probe, lambda: doctor.Check(probe, "ok", ""))
    path = _set_pin(tmp_path)
    path.write_text("{not json")
    checks = {c.name: c for c in doctor.run_checks(load_settings(tmp_path, environ={}))}
    assert checks["staff pin"].status == "fault" and str(path) in checks["staff pin"].detail
