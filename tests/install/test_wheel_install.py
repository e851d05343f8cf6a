"""The kiosk installed from its wheel, outside the checkout, carries everything it reads at run time (issue 16)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.symbols import install_every_concept_symbol
from tests.install.conftest import run

pytestmark = pytest.mark.slow
OFFSCREEN = {"QT_QPA_PLATFORM": "offscreen"}


def test_the_installed_kiosk_reads_its_data_from_inside_the_package(installed_kiosk) -> None:
    done = run([installed_kiosk.python, "-c",
                "import kiosk.config as c; print(c.ASSETS_DIR); print(c.LEXICON_DIR)"], cwd=installed_kiosk.venv)
    assets, lexicon = (Path(line) for line in done.stdout.split())
    package = installed_kiosk.venv / "lib"
    assert package in assets.parents and assets.parts[-2:] == ("kiosk", "assets")
    assert package in lexicon.parents and lexicon.parts[-2:] == ("kiosk", "symbols")


def test_doctor_finds_the_vocabulary_and_pack_sources_inside_the_package(installed_kiosk, tmp_path: Path) -> None:
    done = run([installed_kiosk.kiosk, "--data-dir", tmp_path / "data", "doctor", "--json"], cwd=tmp_path,
               **OFFSCREEN, check=False)
    checks = {c["name"]: c for c in json.loads(done.stdout)}
    files = checks["kiosk files"]
    assert files["status"] == "ok", files["detail"]
    assert "from the package" in files["detail"] and str(installed_kiosk.venv) in files["detail"]
    assert checks["font"]["status"] in ("ok", "warning")  # reported either way; which depends on the machine


def test_the_installed_kiosk_starts_with_its_packs_and_symbols(installed_kiosk, tmp_path: Path) -> None:
    data = tmp_path / "data"
    install_every_concept_symbol(data, tmp_path)
    done = run([installed_kiosk.kiosk, "--data-dir", data, "run", "--quit-after-first-paint"], cwd=tmp_path,
               timeout=600, **OFFSCREEN)
    assert "first-paint" in done.stdout
    assert "symbols are off" not in done.stderr
    running = next(line for line in done.stderr.splitlines() if "kiosk running on Qt platform offscreen" in line)
    for pack in ("sample", "library", "official"):  # built on first run from the pack sources the wheel carries
        assert f" {pack} " in running, running


def test_the_installed_kiosks_tour_shows_symbols_in_picture_mode(installed_kiosk, tmp_path: Path) -> None:
    data, out = tmp_path / "data", tmp_path / "tour"
    install_every_concept_symbol(data, tmp_path)
    run([installed_kiosk.kiosk, "--data-dir", data, "tour", "--out", out, "--size", "1280x800", "--json"],
        cwd=tmp_path, timeout=1200, **OFFSCREEN)
    screens = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    home = next(s for s in screens if s["mode"] == "picture" and s["page"] and s["page"]["kind"] == "home")
    pictured = [t for t in home["tiles"] if t["symbol"]]
    assert len(pictured) >= len(home["tiles"]) // 2 > 0, home["tiles"]  # words and pictures: the tiles carry symbols
    words = next(s for s in screens if s["mode"] == "standard" and s["page"] and s["page"]["kind"] == "home")
    assert not any(t["symbol"] for t in words["tiles"])  # and words mode shows none, so the symbols are the mode's
