"""`kiosk doctor` names an installed pack the kiosk would now refuse (text an older kiosk let in)."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

from kiosk.content.pack_store import PackStore
from kiosk.doctor.packs import _pack_files


def _as_an_older_kiosk_wrote_it(path: Path, old: str, new: str) -> None:
    """Change one table's text in an installed pack file, keeping its manifest's checksums right."""
    with zipfile.ZipFile(path) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    name = "tables/occupations.jsonl"
    members[name] = members[name].replace(old.encode(), json.dumps(new).encode())
    manifest = json.loads(members["manifest.json"])
    manifest["members"][name] = {"sha256": hashlib.sha256(members[name]).hexdigest(), "size": len(members[name])}
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(path, "w") as zf:
        for member, data in members.items():
            zf.writestr(member, data)


def test_doctor_names_an_installed_pack_with_text_the_checks_now_refuse(data_dir: Path) -> None:
    store = PackStore(data_dir)
    assert [(c.name, c.status) for c in _pack_files(store)] == [("pack files", "ok")]
    entry = store.entries()["national"]
    _as_an_older_kiosk_wrote_it(store.packs_dir / entry.current, '"Plumber"', "Plumber\u202e")
    [check] = _pack_files(store)
    assert (check.name, check.status) == ("pack file national", "fault")
    assert check.detail.startswith("version 1.0 does not pass this kiosk's checks (tables/occupations.jsonl line ")
    assert "column 'title' contains a bidirectional override character" in check.detail
