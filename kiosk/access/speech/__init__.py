"""Headless speech: text cleaned for espeak-ng, rendered on one worker thread to cached WAVs with word timings."""

from kiosk.access.speech.cache import CachedSpeech, SpeechCache, speech_key
from kiosk.access.speech.espeak import (
    DEFAULT_PITCH,
    DEFAULT_RATE,
    DEFAULT_VOICE,
    FASTER_RATE,
    SLOW_RATE,
    EspeakError,
    Rendering,
    available,
    problem,
)
from kiosk.access.speech.speaker import Callbacks, FakeSpeaker, Speaker
from kiosk.access.speech.text import CleanText, clean_for_speech
from kiosk.access.speech.timings import WordTiming
from kiosk.access.speech.worker import Rendered, SpeechFailed, SpeechResult, SpeechWorker, Superseded

__all__ = [
    "DEFAULT_PITCH", "DEFAULT_RATE", "DEFAULT_VOICE", "FASTER_RATE", "SLOW_RATE",
    "CachedSpeech", "Callbacks", "CleanText", "EspeakError", "FakeSpeaker", "Rendered", "Rendering", "SpeechCache",
    "SpeechFailed", "SpeechResult", "SpeechWorker", "Speaker", "Superseded", "WordTiming",
    "available", "clean_for_speech", "problem", "speech_key",
]
