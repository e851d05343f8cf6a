"""`kiosk doctor` names the output speech plays through and its sound server, or says what to do without one."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from kiosk.doctor.audio import AudioOutput, probe_outputs, read_probe, sound_server
from kiosk.doctor.machine import speech_check
from kiosk.staff.machine_words import NO_SPEAKER

PIPEWIRE_PULSE = "Server String: /run/user/1001/pulse/native\nServer Name: PulseAudio (on PipeWire 0.3.65)\n"


def answers(stdout: str = "", returncode: int = 0, hang: bool = False):
    """A stand-in for subprocess.run that answers every command alike, and notes what was run."""
    ran = []

    def run(command, **kwargs):
        ran.append(command)
        if hang:
            raise subprocess.TimeoutExpired(command, kwargs.get("timeout"))
        return subprocess.CompletedProcess(command, returncode, stdout, "")

    run.ran = ran
    return run


def test_the_probes_answer_is_read() -> None:
    assert read_probe(0, 'qt noise\n{"count": 2, "default": "Built-in Audio Analog Stereo"}\n') == AudioOutput(
        2, "Built-in Audio Analog Stereo")
    assert read_probe(0, '{"count": 0, "default": ""}') == "no audio output device was found (is a sound server running?)"
    for broken in ((1, ""), (0, ""), (0, "not json"), (0, '{"count": "x"}'), (0, "[1]")):
        assert read_probe(*broken) == "Qt's multimedia support could not start"
    assert probe_outputs(answers(hang=True)) == "looking for an audio output did not finish in 60 s"


def test_doctor_names_the_device_and_the_server() -> None:
    check = speech_check(AudioOutput(1, "Built-in Audio Analog Stereo"), lambda: "PipeWire, with its PulseAudio server")
    assert check.status == "ok"
    assert check.detail == ("espeak-ng (through pyttsx3) speaks through Built-in Audio Analog Stereo (PipeWire, with "
                            "its PulseAudio server); 1 audio output found")


def test_without_a_device_doctor_says_what_to_do() -> None:
    check = speech_check("no audio output device was found (is a sound server running?)", lambda: "PulseAudio")
    assert check.status == "warning" and check.detail.endswith(NO_SPEAKER) and "sound server: PulseAudio" in check.detail


def session(tmp_path: Path, *sockets: str) -> dict[str, str]:
    for socket in sockets:
        (tmp_path / socket).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / socket).touch()
    return {"XDG_RUNTIME_DIR": str(tmp_path)}


def test_the_sound_server_is_found_from_its_sockets_and_pactl(tmp_path: Path) -> None:
    both = session(tmp_path / "a", "pulse/native", "pipewire-0")
    assert sound_server(both, answers(hang=True), pactl="/usr/bin/pactl") == "PipeWire, with its PulseAudio server"
    pulse = session(tmp_path / "b", "pulse/native")
    run = answers(PIPEWIRE_PULSE)
    assert sound_server(pulse, run, pactl="/usr/bin/pactl") == "PipeWire, with its PulseAudio server"
    assert run.ran == [["/usr/bin/pactl", "info"]]
    assert sound_server(pulse, answers("Server Name: pulseaudio\n"), pactl="pactl") == "PulseAudio"
    assert sound_server(pulse, answers(returncode=1), pactl="pactl") == "PulseAudio"  # no answer: the socket says
    assert sound_server({**session(tmp_path / "c"), "PULSE_SERVER": "tcp:hub"}, answers(""), pactl=None) == "PulseAudio"
    assert sound_server(session(tmp_path / "d", "pipewire-0"), answers(hang=True)) == "PipeWire"
    nothing = answers()
    assert sound_server(session(tmp_path / "e"), nothing, pactl="pactl") == (
        "no sound server (PipeWire or PulseAudio) in this session")
    assert nothing.ran == []  # without a socket, pactl is not even asked


def test_the_real_probe_answers_here() -> None:
    # Qt starts offscreen in a child process: it finds outputs, or says in words why not (no sound server here).
    found = probe_outputs(environ={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    if isinstance(found, AudioOutput):
        assert found.count > 0 and found.default
    else:
        assert found == "no audio output device was found (is a sound server running?)"
    assert sound_server()  # and the session's server is named, whatever it is
