"""`pack export` onto a stick with links planted at every name it uses writes only inside the chosen folder."""

from __future__ import annotations

import itertools
import os
import stat
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.cli import main
from kiosk.config import load_settings
from kiosk.content.errors import PackRejected
from kiosk.content.pack_export import README, export_file_name, export_packs
from kiosk.content.pack_store import PackStore
from kiosk.content.usb_packs import find_packs
from tests.helpers.packs import make_pack
from tests.content.test_pack_store import school_tables
from tests.helpers.trees import tree_state


def names_used(store: PackStore) -> list[str]:
    """Every name an export writes in its folder: each pack file, the README, and each one's hidden part."""
    finals = [export_file_name(e) for e in store.entries().values()] + [README]
    return finals + [f".{name}.part" for name in finals]


@pytest.fixture
def kiosk(data_dir: Path) -> Path:
    """A data directory as a running kiosk has it: settings saved, the content started by a first command."""
    (data_dir / "settings.toml").write_text('region = "North East"\n')
    assert main(["pack", "list", "--data-dir", str(data_dir)]) == 0
    return data_dir


def assert_kiosk_still_reads_its_packs(data_dir: Path, before: dict) -> None:
    assert PackStore(data_dir).entries() == before
    assert main(["pack", "list", "--data-dir", str(data_dir)]) == 0
    assert load_settings(data_dir, environ={}).region == "North East"


def assert_exported_whole(store: PackStore, stick: Path) -> None:
    """Real files (not links) at the final names, each a copy another kiosk accepts."""
    for entry in store.entries().values():
        path = stick / export_file_name(entry)
        assert stat.S_ISREG(os.lstat(path).st_mode) and os.lstat(path).st_nlink == 1
    assert stat.S_ISREG(os.lstat(stick / README).st_mode)
    assert sorted(f.pack_id for f in find_packs([stick]) if f.ok) == sorted(store.entries())


def test_links_planted_at_every_name_export_uses_change_nothing_outside_the_stick(
        kiosk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = PackStore(kiosk)
    entries = store.entries()
    assert len(entries) >= 2  # the test pack and the built-in official figures
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "notes.txt").write_text("a teacher's notes")
    stick = tmp_path / "stick"
    stick.mkdir()
    targets = itertools.cycle([
        kiosk / "packs" / "installed.json", kiosk / "settings.toml", kiosk / "kiosk.db",
        store.packs_dir / next(iter(entries.values())).current,  # an installed pack file
        kiosk / "packs",  # a folder
        outside / "folder", outside / "notes.txt",
        outside / "not-there-yet",  # dangling: a write through it would make a file outside
        kiosk / "packs" / "new.zip",
    ])
    for name, target in zip(names_used(store), targets):
        (stick / name).symlink_to(target)
    before = tree_state(tmp_path, leave_out=(stick,))

    code = main(["pack", "export", str(stick), "--data-dir", str(kiosk)])

    assert tree_state(tmp_path, leave_out=(stick,)) == before
    assert code == 0 and len(capsys.readouterr().out.splitlines()) == len(entries)
    assert_exported_whole(store, stick)
    assert not [p.name for p in stick.iterdir() if p.name.endswith(".part") and not p.is_symlink()]
    assert_kiosk_still_reads_its_packs(kiosk, entries)


def test_hard_links_at_the_names_export_uses_are_not_written_through(kiosk: Path, tmp_path: Path) -> None:
    store = PackStore(kiosk)
    entries = store.entries()
    stick = tmp_path / "stick"
    stick.mkdir()
    targets = itertools.cycle([kiosk / "packs" / "installed.json", kiosk / "settings.toml"])
    for name, target in zip(names_used(store), targets):
        os.link(target, stick / name)  # a hard link: the same file under a stick name (one file system here)
    before = tree_state(tmp_path, leave_out=(stick,))

    code = main(["pack", "export", str(stick), "--data-dir", str(kiosk)])

    assert tree_state(tmp_path, leave_out=(stick,)) == before
    assert code == 0
    assert_exported_whole(store, stick)
    assert_kiosk_still_reads_its_packs(kiosk, entries)


def test_a_folder_named_through_a_link_is_written_to_where_it_leads(data_dir: Path, tmp_path: Path) -> None:
    # /media/USER may itself be a link: the folder staff name is followed once, to where it is.
    (tmp_path / "real-stick").mkdir()
    (tmp_path / "media").symlink_to(tmp_path / "real-stick")
    [path] = export_packs(PackStore(data_dir), tmp_path / "media" / "packs")
    assert path == tmp_path / "media" / "packs" / "national-1.0.zip"
    assert (tmp_path / "real-stick" / "packs" / "national-1.0.zip").is_file()


# Each name the export uses gets one of these; whatever the layout, nothing outside the stick changes.
LAYOUTS = st.sampled_from(["nothing", "link-to-file", "link-to-folder", "dangling-link", "hard-link", "file",
                           "folder"])


@pytest.fixture
def two_packs(data_dir: Path, tmp_path: Path) -> PackStore:
    store = PackStore(data_dir)
    make_pack(tmp_path / "school.zip", school_tables(), pack_id="our-school", layer="school", version="2026.3")
    store.install(tmp_path / "school.zip")
    (data_dir / "settings.toml").write_text('region = "North East"\n')
    return store


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(layout=st.lists(LAYOUTS, min_size=6, max_size=6))
def test_any_layout_of_planted_names_changes_nothing_outside(two_packs: PackStore, tmp_path: Path,
                                                             layout: list[str]) -> None:
    store = two_packs
    names = names_used(store)
    assert len(names) == len(layout)
    outside = [store.packs_dir / "installed.json", store.data_dir / "settings.toml"]
    with tempfile.TemporaryDirectory(dir=tmp_path) as scratch:
        stick = Path(scratch) / "stick"
        stick.mkdir()
        for n, (name, kind) in enumerate(zip(names, layout)):
            plant(stick / name, kind, outside[n % 2], Path(scratch) / f"dangling-{n}")
        before = tree_state(tmp_path, leave_out=(stick,))
        finals_blocked = any(kind == "folder" and not name.startswith(".") for name, kind in zip(names, layout))
        try:
            export_packs(store, stick)
        except PackRejected as e:
            assert finals_blocked and "Is a directory" in str(e)
        else:
            assert not finals_blocked
            assert_exported_whole(store, stick)
        assert tree_state(tmp_path, leave_out=(stick,)) == before


def plant(path: Path, kind: str, target: Path, missing: Path) -> None:
    if kind == "link-to-file":
        path.symlink_to(target)
    elif kind == "link-to-folder":
        path.symlink_to(target.parent)
    elif kind == "dangling-link":
        path.symlink_to(missing)
    elif kind == "hard-link":
        os.link(target, path)
    elif kind == "file":
        path.write_bytes(b"something left on the stick")
    elif kind == "folder":
        path.mkdir()
