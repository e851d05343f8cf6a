"""Settings that cannot work on this machine, in words for staff: what is missing and how to fix it."""

from __future__ import annotations

from typing import NamedTuple

NO_SPEAKER = "No speaker found: plug in speakers or headphones, then restart the kiosk."
NO_ENGINE = ("Speech is off: the speech program (espeak-ng) is not installed. Ask IT to install espeak-ng, "
             "then restart the kiosk.")
NO_VOICES = ("No voices to choose from yet: the kiosk is still starting its speech, or espeak-ng has no English "
             "voices. Restart the kiosk; if the list stays empty, ask IT to reinstall espeak-ng.")
NO_PRINTER = ("No printer found: careers sheets are saved as PDF files instead. To print them, plug in a printer, "
              "add it in the computer's printer settings, then restart the kiosk.")


class SpeechOff(NamedTuple):
    """Why speech did not start when the kiosk did: the speech program's problem, else the audio output's."""

    engine: str | None = None
    audio: str | None = None


def speech_fix(off: SpeechOff | None, voices: list[tuple[str, str]]) -> str | None:
    """What staff should know about speech here: why it cannot work and how to fix it; None when it works."""
    if off is not None and off.engine:
        return NO_ENGINE
    if off is not None and off.audio:
        return NO_SPEAKER
    return None if voices else NO_VOICES


def printer_fix(printers: list[str]) -> str | None:
    """What staff should know about printing here; None when a printer is there."""
    return None if printers else NO_PRINTER
