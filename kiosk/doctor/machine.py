"""`kiosk doctor`'s checks of what this machine can do: speech, symbols and Qt."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Callable

from kiosk.access.speech_engine import speech_engine_problem
from kiosk.access.symbol_sets import read_sets
from kiosk.config import Settings
from kiosk.doctor.audio import AudioOutput, probe_outputs, sound_server
from kiosk.doctor.check import Check
from kiosk.staff.machine_words import NO_SPEAKER

QT_PROBE = """
import PySide6, sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
print(app.platformName(), PySide6.__version__)
"""
KNOWN_BAD_PYSIDE = {"6.12.0"}  # leaks references to None on Python < 3.12 (kiosk-operations.md §1.1)


def machine_checks(settings: Settings) -> list[Check]:
    """Speech, the symbol sets and their images, and whether Qt starts here."""
    return [_speech(), _symbols(settings), _symbol_images(settings), _qt()]


def _speech() -> Check:
    problem = speech_engine_problem()
    if problem:
        return Check("speech", "warning", f"speech is off, and its buttons hidden: {problem}")
    return speech_check(probe_outputs(), sound_server)


def speech_check(found: AudioOutput | str, server: Callable[[], str]) -> Check:
    """Which output speech uses and through which sound server; or, with none, why and what to do."""
    if isinstance(found, str):
        return Check("speech", "warning", f"speech is off, and its buttons hidden: {found}; sound server: {server()}. "
                     f"{NO_SPEAKER}")
    name = found.default or "the default audio output"
    return Check("speech", "ok", f"espeak-ng (through pyttsx3) speaks through {name} ({server()}); "
                 f"{found.count} audio output{'s' if found.count != 1 else ''} found")


def _symbols(settings: Settings) -> Check:
    sets = read_sets(settings.data_dir)[0]  # a set left out is named by kiosk.doctor.state
    if not sets:
        return Check("symbols", "warning", "no symbol sets are installed: the kiosk shows text only "
                     "(kiosk symbols install openmoji)")
    return Check("symbols", "ok", "in this order: " + ", ".join(f"{s.name} ({len(s.symbols):,})" for s in sets))


def _symbol_images(settings: Settings) -> Check:
    from kiosk.access.symbol_audit import costly_symbols

    found = costly_symbols(settings.data_dir)
    if found:
        return Check("symbol images", "fault", "an installed image would take gigabytes or minutes to draw; "
                     "import its set again to leave it out: " + "; ".join(found))
    return Check("symbol images", "ok", "every installed symbol image is safe to draw")


def _qt() -> Check:
    platform = os.environ.get("QT_QPA_PLATFORM", "(Qt's default)")
    try:
        probe = subprocess.run([sys.executable, "-c", QT_PROBE], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return Check("qt", "fault", f"starting Qt on platform {platform} did not finish in 60 s")
    if probe.returncode != 0:
        lines = probe.stderr.strip().splitlines() or ["no message"]
        # Qt's first complaint names the cause ("could not connect to display"); the last only lists plugins.
        cause = next((l for l in lines if "could not" in l.lower() or "needed" in l), lines[-1])
        return Check("qt", "fault", f"Qt cannot start on platform {platform}: {cause.strip()}")
    name, version = probe.stdout.split()
    if version in KNOWN_BAD_PYSIDE and sys.version_info < (3, 12):
        return Check("qt", "fault", f"PySide6 {version} on Python 3.11 crashes after hours (none_dealloc); install 6.11.3")
    return Check("qt", "ok", f"platform {name}, PySide6 {version}")
