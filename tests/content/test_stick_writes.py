"""Staff's other writes onto a stick (a built pack, a signed pack, the school's template) follow no planted link."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content.pack_file import read_pack
from kiosk.sources.school.template import write_template
from tests.content.signed_packs import make_key
from tests.helpers.packs import make_pack
from tests.helpers.trees import tree_state


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """Files of the kiosk's that a stick must never reach."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "settings.toml").write_text('region = "North East"\n')
    (folder / "installed.json").write_text("{}")
    return folder


def plant(stick: Path, name: str, outside: Path) -> None:
    """Links at `name`'s temporary names (the kiosk's, then and now) and a hard link at `name` itself."""
    for temporary in (f".{name}.part", f"{name}.tmp"):
        (stick / temporary).symlink_to(outside / "settings.toml")
    os.link(outside / "installed.json", stick / name)


def test_a_pack_built_onto_a_stick(tmp_path: Path, outside: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    plant(stick, "school.zip", outside)
    before = tree_state(tmp_path, leave_out=(stick,))
    make_pack(stick / "school.zip")  # write_pack, as `kiosk pack build -o` runs it
    assert tree_state(tmp_path, leave_out=(stick,)) == before
    assert read_pack(stick / "school.zip").manifest.pack_id == "national"


def test_a_pack_signed_on_a_stick(tmp_path: Path, outside: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    make_pack(stick / "school.zip")
    for temporary in (".school.zip.part", "school.zip.tmp"):
        (stick / temporary).symlink_to(outside / "settings.toml")
    make_key(tmp_path / "keys")
    before = tree_state(tmp_path, leave_out=(stick,))
    assert main(["pack", "sign", str(stick / "school.zip"), "--key", str(tmp_path / "keys" / "hub.key")]) == 0
    assert tree_state(tmp_path, leave_out=(stick,)) == before
    assert read_pack(stick / "school.zip").signer is not None


def test_the_school_template_written_onto_a_stick(tmp_path: Path, outside: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    for temporary in (".school.xlsx.part", "school.xlsx.tmp"):
        (stick / temporary).symlink_to(outside / "settings.toml")
    (stick / "school.xlsx").symlink_to(outside / "not-there-yet.xlsx")  # dangling: would make a file outside
    before = tree_state(tmp_path, leave_out=(stick,))
    assert write_template(stick / "school.xlsx", None) == stick / "school.xlsx"
    assert tree_state(tmp_path, leave_out=(stick,)) == before
    assert not (stick / "school.xlsx").is_symlink() and (stick / "school.xlsx").stat().st_size > 0
