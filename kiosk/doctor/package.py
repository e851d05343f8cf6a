"""`kiosk doctor`'s checks of the kiosk's own files: its vocabulary, its pack sources and its font."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kiosk.config import ASSETS_DIR, LEXICON_DIR
from kiosk.doctor.check import Check
from kiosk.package_files import where_from

PACK_SOURCES = ("sample", "library", "official")  # the folders of assets/ the kiosk builds packs from
FONT_PROBE = """
import sys
from PySide6.QtGui import QFontDatabase, QGuiApplication
from kiosk.ui.theme import FONT_FAMILIES
wanted = sys.argv[1:] or FONT_FAMILIES
app = QGuiApplication(sys.argv[:1])
have = set(QFontDatabase.families())
print("|".join(f for f in wanted if f in have))
print("|".join(wanted))
"""
FONT_PACKAGES = "fonts-open-sans fonts-dejavu-core"  # the Debian packages that hold the theme's fonts


def package_checks() -> list[Check]:
    """The vocabulary and the pack sources the kiosk was installed with, and the font its theme asks for."""
    return [_own_files(LEXICON_DIR, ASSETS_DIR, where_from()), _font()]


def _own_files(symbols: Path, assets: Path, where: str = "") -> Check:
    """Whether the vocabulary loads and every pack source and the OpenMoji pin are there; `where` says whence."""
    from kiosk.access.lexicon import Lexicon, LexiconError

    where = where or f"from {symbols} and {assets}"
    needed = [assets / name / "pack.toml" for name in PACK_SOURCES] + [symbols / "openmoji" / "package-lock.json"]
    missing = [str(path) for path in needed if not path.is_file()]
    try:
        concepts = len(Lexicon.load(symbols).concepts)
    except (OSError, LexiconError) as e:
        return Check("kiosk files", "fault", f"the vocabulary cannot be read, so picture modes show no symbols ({e}); "
                     f"reinstall the kiosk from its wheel or checkout. Read {where}")
    if missing:
        return Check("kiosk files", "fault", "the kiosk was installed without some of its files (reinstall it from "
                     f"its wheel or checkout): missing {', '.join(missing)}")
    return Check("kiosk files", "ok", f"{concepts:,} concepts in the vocabulary; read {where}")


def _font(families: tuple[str, ...] = ()) -> Check:
    """Whether the first of the theme's fonts (or of `families`) is installed, and what text uses if not."""
    # In a child process, as doctor's other Qt checks: Qt needs an application object to list its fonts.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}  # the fonts are the same on every platform
    try:
        probe = subprocess.run([sys.executable, "-c", FONT_PROBE, *families], capture_output=True, text=True,
                               timeout=60, env=env)
    except subprocess.TimeoutExpired:
        return Check("font", "warning", "listing the fonts did not finish in 60 s")
    lines = probe.stdout.splitlines()
    if probe.returncode != 0 or len(lines) != 2:
        return Check("font", "warning", "Qt could not list the fonts on this machine")
    found, wanted = lines[0].split("|") if lines[0] else [], lines[1].split("|")
    if found[:1] == wanted[:1]:
        return Check("font", "ok", f"text uses {wanted[0]}")
    fallback = f"text falls back to {found[0]}" if found else "none of the theme's fonts is here: Qt picks one"
    return Check("font", "warning", f"{wanted[0]} is missing, so {fallback} (install the Debian packages "
                 f"{FONT_PACKAGES})")
