"""The state files a kiosk keeps in its data directory, good and damaged: planting them, and starting on them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from kiosk import app, doctor
from kiosk.doctor import machine as doctor_machine, package as doctor_package, packs as doctor_packs
from kiosk.config import load_settings

# Each state file (relative to the data directory) with content the kiosk would itself have written there.
GOOD: dict[str, bytes | None] = {  # None: a folder
    "usage.db": b"",  # SQLite takes an empty file as an empty database
    "symbols/order.json": b'["good"]',
    "symbols/good/set.json": json.dumps({
        "format": 1, "id": "good", "kind": "folder", "name": "Good", "licence": "CC0", "attribution": "Us",
        "symbols": {"nurse": [{"file": "nurse.svg", "words": ["nurse"]}]}}).encode(),
    "packs/builtins.json": b'["official", "sample"]',
    "ncs-api-key": b"0123456789abcdef0123456789abcdef\n",
    "content.log": b"2026-01-05T09:00:00+00:00 installed sample 1.0\n",
    ".lock": b"",
    "speech-cache": None,
    "sync/lmiforall/state.json": b'{"complete": true, "finished": "2026-01-05T09:00:00", "socs": [2231]}',
    "sync/ncs/sync-state.json": b'{"last_removal": "2026-01-05T09:00:00"}',
    "sync/ncs/installed.json": b'{"sha256": "ab"}',
    "sync/official/downloads.json": b'{"files": {}, "partial": {}, "built_from": null, "installed": null}',
    "trusted-keys/school.pub": b"",  # damaged only: a real key is made by `kiosk pack keygen`
    "start-record.json": json.dumps({"format": 1, "runs": [
        {"started": 1796600000.0, "how": "clean", "detail": "", "resting": False, "steady": True,
         "ended": 1796610000.0}]}).encode(),
}
WRONG_SHAPE = b'{"not": ["the shape", 1]}'  # valid JSON that none of these files holds (a key has no spaces)
GARBAGE: dict[str, bytes | str | None] = {
    "bytes": b"\xff\xfe\x00garbage\x80" * 40,  # not text, not SQLite (SQLite needs 100 bytes to see a header)
    "empty": b"",
    "wrong shape": WRONG_SHAPE,
    "huge": b"\xff" + b"\x00" * (3 << 20),
    "folder": None,
    "dangling link": "link",
}
# The garbage that is no bad state for a file (an empty usage.db is a new database; a log holds any bytes; only a
# lock file's name matters), so doctor says nothing of it.
HARMLESS = {
    "usage.db": {"empty"},
    "content.log": {"bytes", "empty", "wrong shape", "huge"},
    ".lock": {"bytes", "empty", "wrong shape", "huge"},
    "speech-cache": {"folder"},
    "trusted-keys/school.pub": set(),
}
# The files start-up itself reads (the rest are read by a sync, an import or speech): their damage is logged then.
READ_AT_START = {"usage.db", "symbols/order.json", "symbols/good/set.json", "packs/builtins.json", ".lock"}


def plant(data_dir: Path, name: str, content: bytes | str | None) -> Path:
    """Put `content` at `name`: bytes, a folder (None), or "link" for a link to nothing."""
    path = data_dir / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
    if content is None:
        path.mkdir()
    elif content == "link":
        path.symlink_to(data_dir / "gone" / path.name)
    else:
        path.write_bytes(content)
    return path


def make_good_data_dir(sample_data_dir: Path, target: Path) -> Path:
    """A copy of a first run's data directory with every state file in it, as the kiosk would have written them."""
    shutil.copytree(sample_data_dir, target)
    for name, content in GOOD.items():
        if name != "trusted-keys/school.pub":
            plant(target, name, content)
    return target


def start_up(data_dir: Path) -> list[str]:
    """What the kiosk does at start-up on `data_dir`, in process (the first paint aside): returns the notes."""
    settings = load_settings(data_dir, environ={})
    store, notes = app.prepare_content(settings)
    reader = app.open_content(settings)
    reader.close()
    assert app.load_symbols(settings) is not None
    staff = app.make_staff(settings, store)
    staff.usage.page_viewed("home", "standard")
    staff.usage.end_visit()
    app.flush_usage(staff.usage)
    staff.usage.weeks()
    staff.ncs_key_source()
    return notes


def quiet_doctor(monkeypatch) -> None:
    """Leave out doctor's slow checks that read no state file: the Qt, audio and font probes (child processes), and
    the re-reading of every pack file (a second for the official figures; tests/content/test_doctor_pack_files.py)."""
    monkeypatch.setattr(doctor_machine, "_qt", lambda: doctor.Check("qt", "ok", "not probed in this test"))
    monkeypatch.setattr(doctor_packs, "_pack_files", lambda store: [])
    monkeypatch.setattr(doctor_machine, "_speech", lambda: doctor.Check("speech", "ok", "not probed in this test"))
    monkeypatch.setattr(doctor_package, "_font", lambda: doctor.Check("font", "ok", "not probed in this test"))


def doctor_report(data_dir: Path) -> list[doctor.Check]:
    """`kiosk doctor`'s checks on `data_dir` (with its probes quietened by `quiet_doctor`)."""
    return doctor.run_checks(load_settings(data_dir, environ={}))
