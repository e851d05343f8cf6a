"""`kiosk doctor`'s look at sound: which output speech plays through, and which sound server carries it.

On the appliance the kiosk user's session runs PipeWire with its PulseAudio server; Qt Multimedia (6.11) talks to
PipeWire where it can and to PulseAudio otherwise. Both looks run in child processes with time limits: a stuck
sound server must never hang doctor.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable, Mapping, NamedTuple

AUDIO_PROBE = """
import json
from PySide6.QtGui import QGuiApplication
from PySide6.QtMultimedia import QMediaDevices
app = QGuiApplication([])
outputs = QMediaDevices.audioOutputs()
print(json.dumps({"count": len(outputs), "default": QMediaDevices.defaultAudioOutput().description()}))
"""
PROBE_SECONDS = 60  # Qt's multimedia start-up can be slow on a cold machine
PACTL_SECONDS = 5


class AudioOutput(NamedTuple):
    """What the probe found: how many outputs, and the default one's name as the sound server gives it."""

    count: int
    default: str


Run = Callable[..., subprocess.CompletedProcess]


def probe_outputs(run: Run = subprocess.run, environ: Mapping[str, str] = os.environ) -> AudioOutput | str:
    """The audio outputs Qt sees here, or why they could not be found (in words)."""
    env = {**environ, "QT_QPA_PLATFORM": environ.get("QT_QPA_PLATFORM", "offscreen")}
    try:
        probe = run([sys.executable, "-c", AUDIO_PROBE], capture_output=True, text=True, timeout=PROBE_SECONDS,
                    env=env)
    except subprocess.TimeoutExpired:
        return f"looking for an audio output did not finish in {PROBE_SECONDS} s"
    return read_probe(probe.returncode, probe.stdout)


def read_probe(returncode: int, stdout: str) -> AudioOutput | str:
    """The probe's answer (its last line of JSON), or what went wrong."""
    lines = stdout.strip().splitlines()
    try:
        found = json.loads(lines[-1]) if returncode == 0 and lines else None
        output = AudioOutput(int(found["count"]), str(found["default"]).strip()) if found else None
    except (ValueError, KeyError, TypeError):
        output = None
    if output is None:
        return "Qt's multimedia support could not start"
    return output if output.count > 0 else "no audio output device was found (is a sound server running?)"


def sound_server(environ: Mapping[str, str] = os.environ, run: Run = subprocess.run,
                 pactl: str | None = None) -> str:
    """The sound server this session has, in words: "PipeWire, through its PulseAudio server", "PulseAudio"..."""
    runtime = Path(environ.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}")
    pulse = bool(environ.get("PULSE_SERVER")) or (runtime / "pulse" / "native").exists()
    pipewire = (runtime / "pipewire-0").exists()
    name = _pactl_server(run, pactl or shutil.which("pactl"), environ) if pulse else ""
    if "pipewire" in name.lower() or (pipewire and pulse):
        return "PipeWire, with its PulseAudio server"
    if pipewire:
        return "PipeWire"
    if name or pulse:
        return "PulseAudio" if "pulseaudio" in name.lower() or not name else name
    return "no sound server (PipeWire or PulseAudio) in this session"


def _pactl_server(run: Run, pactl: str | None, environ: Mapping[str, str]) -> str:
    """The server's name as `pactl info` gives it ("PulseAudio (on PipeWire 0.3.65)"); "" without an answer."""
    if pactl is None:
        return ""
    try:
        info = run([pactl, "info"], capture_output=True, text=True, timeout=PACTL_SECONDS, env=dict(environ))
    except (subprocess.TimeoutExpired, OSError):
        return ""
    for line in info.stdout.splitlines() if info.returncode == 0 else ():
        if line.startswith("Server Name:"):
            return line.partition(":")[2].strip()
    return ""
