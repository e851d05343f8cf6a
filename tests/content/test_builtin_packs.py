"""Built-in packs (the sample, the official figures): installed on first run, added to an existing kiosk once,
updated when the assets are newer, and left out once staff removed them."""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.content.pack_store import PackStore
from tests.helpers.packs import make_pack


def builtin(folder: Path, pack_id: str, version: str, *, sample: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.toml").write_text(
        f'id = "{pack_id}"\ntitle = "{pack_id}"\npublisher = "Tests"\ncontent_version = "{version}"\n'
        f'layer = "national"\nsample = {"true" if sample else "false"}\n'
        '[[source]]\nid = "s"\nname = "Test"\nlicence = "CC0 1.0"\nretrieved = "2026-12-06"\n')
    (folder / "sectors.toml").write_text('[[sector]]\nid = "trades"\nname = "Trades"\n')
    return folder


def test_a_kiosk_installed_before_the_official_figures_gets_them_once(tmp_path: Path) -> None:
    make_pack(tmp_path / "national.zip")
    store = PackStore(tmp_path / "data")
    store.install(tmp_path / "national.zip")
    official = builtin(tmp_path / "official", "official", "2026.12.6")
    assert store.start(None, (official,)) == ["installed the built-in official pack 2026.12.6"]
    assert store.start(None, (official,)) == []  # nothing new the second time


def test_a_removed_builtin_pack_stays_removed_until_the_assets_bring_a_newer_one(tmp_path: Path) -> None:
    make_pack(tmp_path / "national.zip")
    store = PackStore(tmp_path / "data")
    store.install(tmp_path / "national.zip")
    official = builtin(tmp_path / "official", "official", "2026.12.6")
    store.start(None, (official,))
    store.remove("official")
    os.utime(official / "pack.toml")  # even when the assets look freshly changed
    assert store.start(None, (official,)) == []
    assert "official" not in store.entries()


def test_newer_figures_in_the_assets_replace_the_installed_ones(tmp_path: Path) -> None:
    store = PackStore(tmp_path / "data")
    official = builtin(tmp_path / "official", "official", "2026.12.6")
    store.start(None, (official,))
    builtin(official, "official", "2027.10.30")
    assert store.start(None, (official,)) == ["installed the built-in official pack 2027.10.30"]
    assert store.entries()["official"].previous_version == "2026.12.6"


def test_first_run_installs_the_sample_and_the_official_figures(tmp_path: Path) -> None:
    store = PackStore(tmp_path / "data")
    sample = builtin(tmp_path / "sample", "sample", "1.0", sample=True)
    official = builtin(tmp_path / "official", "official", "2026.12.6")
    notes = store.start(sample, (official,))
    assert notes == ["installed the sample content 1.0", "installed the built-in official pack 2026.12.6"]
    assert set(store.entries()) == {"sample", "official"}
    # content.log says each install once (the install's own line), not once more in start-up's words
    log = [line.split(" ", 1)[1] for line in store.log_lines()]
    assert log == ["installed sample 1.0", "installed official 2026.12.6"]


def test_figures_older_than_every_install_are_still_added_once(tmp_path: Path) -> None:
    official = builtin(tmp_path / "official", "official", "2026.12.6")
    os.utime(official / "pack.toml", (0, 0))  # the assets predate the kiosk's packs (a checkout made long ago)
    make_pack(tmp_path / "national.zip")
    store = PackStore(tmp_path / "data")
    store.install(tmp_path / "national.zip")
    assert store.start(None, (official,)) == ["installed the built-in official pack 2026.12.6"]
