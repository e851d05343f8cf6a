"""Whether the speech engine (pyttsx3 driving espeak-ng) is available on this machine."""

from __future__ import annotations

import ctypes
import importlib.util

ESPEAK_LIBRARIES = ("libespeak-ng.so.1", "libespeak.so.1")  # the libraries pyttsx3's espeak driver loads


def speech_engine_problem() -> str | None:
    """None when speech can work; otherwise why not, in words staff can act on."""
    if importlib.util.find_spec("pyttsx3") is None:
        return "the pyttsx3 package is not installed"
    for name in ESPEAK_LIBRARIES:
        try:
            ctypes.CDLL(name)
            return None
        except OSError:
            continue
    return "the espeak-ng library is missing (install the Debian package libespeak-ng1)"
