"""The kiosk finds its own data (assets/, symbols/) in the checkout and inside an installed package (issue 16)."""

from __future__ import annotations

import argparse
import importlib.util
import shutil
from pathlib import Path

import pytest

import kiosk.library_command as library_command
import kiosk.official_command as official_command
from kiosk import package_files
from kiosk.config import ASSETS_DIR, LEXICON_DIR
from kiosk.doctor.package import _font, _own_files
from kiosk.sources.errors import SourceInputError

ROOT = Path(__file__).resolve().parent.parent


def load_copy(site: Path):
    """kiosk/package_files.py copied into `site` (as a wheel would lay it out) and imported from there."""
    (site / "kiosk").mkdir(parents=True, exist_ok=True)
    shutil.copy(package_files.__file__, site / "kiosk" / "package_files.py")
    spec = importlib.util.spec_from_file_location("copied_package_files", site / "kiosk" / "package_files.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_run_from_the_checkout_the_data_is_the_checkouts() -> None:
    assert package_files.CHECKOUT == ROOT
    assert (ASSETS_DIR, LEXICON_DIR) == (ROOT / "assets", ROOT / "symbols")
    assert package_files.where_from().startswith("from the project's checkout")


def test_installed_the_data_is_inside_the_package(tmp_path: Path) -> None:
    for name in package_files.FOLDERS:
        (tmp_path / "kiosk" / name).mkdir(parents=True)
    copy = load_copy(tmp_path)
    assert copy.CHECKOUT is None
    assert copy.data_folder("assets") == tmp_path / "kiosk" / "assets"
    assert copy.data_folder("symbols") == tmp_path / "kiosk" / "symbols"
    assert copy.where_from().startswith("from the package")


def test_an_install_that_lost_its_data_never_reads_a_stray_folder_beside_it(tmp_path: Path) -> None:
    (tmp_path / "symbols").mkdir()  # another package's folder in site-packages, not the kiosk's vocabulary
    copy = load_copy(tmp_path)
    assert copy.data_folder("symbols") == tmp_path / "kiosk" / "symbols"  # missing: doctor reports it
    with pytest.raises(ValueError, match="not one of the kiosk's data folders"):
        copy.data_folder("tests")


def test_doctor_is_content_with_the_kiosks_own_files() -> None:
    check = _own_files(LEXICON_DIR, ASSETS_DIR, package_files.where_from())
    assert check.status == "ok", check.detail
    assert str(LEXICON_DIR) in check.detail and str(ASSETS_DIR) in check.detail


def test_doctor_faults_a_missing_vocabulary(tmp_path: Path) -> None:
    check = _own_files(tmp_path / "symbols", ASSETS_DIR)
    assert check.status == "fault"
    assert "picture modes show no symbols" in check.detail and "concepts.csv" in check.detail


def test_doctor_faults_a_missing_pack_source_naming_it(tmp_path: Path) -> None:
    assets = tmp_path / "assets"
    shutil.copytree(ASSETS_DIR / "sample", assets / "sample")
    shutil.copytree(ASSETS_DIR / "library", assets / "library")
    check = _own_files(LEXICON_DIR, assets)
    assert check.status == "fault"
    assert str(assets / "official" / "pack.toml") in check.detail and "reinstall" in check.detail


def test_doctor_names_the_font_text_falls_back_to() -> None:
    check = _font(("No Such Font Anywhere", "DejaVu Sans"))
    assert check.status == "warning"
    assert "No Such Font Anywhere is missing, so text falls back to DejaVu Sans" in check.detail
    assert "fonts-open-sans" in check.detail


def test_doctor_is_content_with_a_font_that_is_here() -> None:
    assert _font(("DejaVu Sans",)).status == "ok"


def test_installed_the_library_check_asks_for_the_volume1_file(monkeypatch) -> None:
    monkeypatch.setattr(library_command, "VOLUME1", None)
    assert library_command._volume1(None) is None  # no checkout: nothing to find beside it, and no crash


def test_installed_regenerating_the_official_figures_asks_where_to_write(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(official_command, "CHECKOUT", None)
    args = argparse.Namespace(retrieved=None, out=None, from_dir=tmp_path)
    with pytest.raises(SourceInputError, match="give --out FOLDER"):
        official_command.run_official(args)


def test_pyproject_names_every_package_and_data_folder() -> None:
    """A package or data folder left out of pyproject.toml's list would be missing from the wheel."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    code = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "kiosk").rglob("__init__.py")}
    data = {f"kiosk.{name}." + ".".join(d.relative_to(ROOT / name).parts) if d != ROOT / name else f"kiosk.{name}"
            for name in package_files.FOLDERS for d in [ROOT / name, *(ROOT / name).rglob("*")] if d.is_dir()}
    assert set(config["packages"]) == code | data
    assert config["package-dir"] == {f"kiosk.{name}": name for name in package_files.FOLDERS}
