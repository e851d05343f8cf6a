"""The content's own small state files: the lock file's name held by a folder or a link, an unreadable content.log,
and a damaged record of built-in packs never stop the content starting (issue 11, beyond the list: state files)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.content.pack_store import PackStore
from tests.content.test_builtin_packs import builtin


@pytest.mark.parametrize("damage", ["folder", "dangling link", "link to a file"])
def test_a_lock_file_name_held_by_something_else_is_replaced(data_dir: Path, tmp_path: Path, damage: str) -> None:
    lock, outside = data_dir / ".lock", tmp_path / "outside.txt"
    lock.unlink(missing_ok=True)
    if damage == "folder":
        (lock / "inside").mkdir(parents=True)
    elif damage == "dangling link":
        lock.symlink_to(tmp_path / "gone" / "lock")
    else:
        outside.write_bytes(b"not the kiosk's")
        lock.symlink_to(outside)
    store = PackStore(data_dir)
    store.start(None)
    assert lock.is_file() and not lock.is_symlink()
    assert not (tmp_path / "gone").exists()
    assert not outside.exists() or outside.read_bytes() == b"not the kiosk's"
    assert any(".lock" in line and "new lock file" in line for line in store.log_lines())


def test_a_content_log_that_is_not_text_still_shows_its_lines(data_dir: Path) -> None:
    (data_dir / "content.log").write_bytes(b"\xff\xfe garbage\n2026-01-05 installed sample 1.0\n")
    assert PackStore(data_dir).log_lines()[-1] == "2026-01-05 installed sample 1.0"


@pytest.mark.parametrize("record", [b"\xff", b"5", b'{"official": 1}', b'"official"', b"[1]"])
def test_a_damaged_record_of_built_in_packs_is_written_afresh_and_logged(tmp_path: Path, record: bytes) -> None:
    official = builtin(tmp_path / "official", "official", "2026.12.6")
    store = PackStore(tmp_path / "data")
    store.start(None, (official,))
    seen = store.packs_dir / "builtins.json"
    seen.write_bytes(record)
    notes = store.start(None, (official,))
    assert [n for n in notes if "builtins.json" in n and "written afresh" in n]
    assert json.loads(seen.read_text()) == ["official"]
    assert store.start(None, (official,)) == []  # sound again
