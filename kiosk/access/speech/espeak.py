"""A small wrapper over pyttsx3's ctypes binding to espeak-ng: text in, 16-bit mono PCM and real word timings out."""

from __future__ import annotations

import array
import ctypes
import sys
import threading
import time
from dataclasses import dataclass
from types import ModuleType
from typing import Callable

from kiosk.access.speech.timings import WordTiming, word_timings
from kiosk.access.speech_engine import speech_engine_problem

DEFAULT_VOICE = "gmw/en"  # espeak-ng 1.51's id for "English (Great Britain)"
DEFAULT_VOICE_NAME = "English (Great Britain)"  # looked up by name when a build uses another id
DEFAULT_RATE, SLOW_RATE, FASTER_RATE = 130, 100, 160  # words per minute
DEFAULT_PITCH = 50  # espeak's 0-100 scale; 50 is the voice's own pitch
RATE_RANGE = range(80, 451)  # what espeak-ng accepts
PITCH_RANGE = range(0, 101)
_EE_OK = 0
_NEEDED = (
    "Initialize", "SetSynthCallback", "Synth", "Synchronize", "SetVoiceByName", "SetParameter", "ListVoices",
    "Info", "AUDIO_OUTPUT_SYNCHRONOUS", "CHARS_UTF8", "EVENT_WORD", "EVENT_LIST_TERMINATED", "RATE", "PITCH",
)


class EspeakError(RuntimeError):
    """espeak-ng is missing, failed, or was asked for something it does not have (the message says which)."""


class RenderCancelled(Exception):
    """A render stopped early because its caller no longer wants it."""


@dataclass(frozen=True)
class Rendering:
    """Synthesised speech: 16-bit mono PCM (little-endian), its sample rate, word timings and length."""

    pcm: bytes
    sample_rate: int
    words: tuple[WordTiming, ...]
    duration_ms: int


@dataclass(frozen=True)
class Voice:
    """An installed espeak-ng voice: its id (what render() takes), its name and its language."""

    id: str
    name: str
    language: str


def binding() -> ModuleType:
    """pyttsx3's espeak binding (importing it loads libespeak-ng), or EspeakError saying why it cannot be used."""
    try:
        from pyttsx3.drivers import _espeak
    except Exception as exc:  # the module raises RuntimeError itself when no espeak library loads
        raise EspeakError(f"pyttsx3's espeak binding did not load: {exc}") from exc
    missing = [name for name in _NEEDED if not hasattr(_espeak, name)]
    if missing:
        raise EspeakError(f"pyttsx3's espeak binding lacks {', '.join(missing)} (the kiosk needs pyttsx3 2.99)")
    return _espeak


def problem() -> str | None:
    """None when espeak-ng can be loaded; otherwise why not, in words staff can act on."""
    reason = speech_engine_problem()
    if reason is None:
        try:
            binding()
        except EspeakError as exc:
            reason = str(exc)
    return reason


def available() -> bool:
    """Whether espeak-ng can be loaded here."""
    return problem() is None


# espeak-ng keeps its state per process and hangs if initialised again after espeak_Terminate, so a process
# has exactly one engine: the one deliberate module-level state in the speech package.
_engine: Espeak | None = None
_engine_lock = threading.Lock()


def open_espeak() -> Espeak:
    """The process's espeak-ng engine, initialised on first use (call it on the thread that will render)."""
    global _engine
    with _engine_lock:
        if _engine is None:
            reason = problem()
            if reason is not None:
                raise EspeakError(reason)
            _engine = Espeak(binding())
        return _engine


class Espeak:
    """espeak-ng in synchronous mode: render() synthesises on the calling thread; one render at a time."""

    def __init__(self, lib: ModuleType) -> None:
        self._lib = lib
        self._lock = threading.Lock()
        self._pcm: list[bytes] = []
        self._events: list[tuple[int, int, int]] = []
        self._cancelled: Callable[[], bool] | None = None
        self._aborted = False
        self._failure: BaseException | None = None
        self._applied: tuple[str, int, int] | None = None
        # SYNCHRONOUS rather than RETRIEVAL: RETRIEVAL runs the callback on espeak's own thread and Synchronize
        # polls every 20 ms, which adds up to 20 ms per render and breaks "all espeak calls on one thread".
        self.sample_rate = lib.Initialize(output=lib.AUDIO_OUTPUT_SYNCHRONOUS, bufflength=0, path=None, option=0)
        if self.sample_rate <= 0:
            raise EspeakError("espeak-ng did not initialise (is espeak-ng-data installed?)")
        lib.SetSynthCallback(self._on_synth)  # the binding keeps the ctypes callback alive
        self.version = (lib.Info() or b"").decode("ascii", "replace")
        self._voices = tuple(self._list_voices())
        self.last_synthesis_ms = 0.0  # Synth + Synchronize of the last render, for the benchmark
        self.positions_in_bytes = self._count_bytes()

    def voices(self) -> tuple[Voice, ...]:
        """The installed voices, as espeak-ng lists them."""
        return self._voices

    def resolve_voice(self, voice: str) -> str:
        """The id of `voice` (an id or a name, any case); EspeakError if espeak-ng has no such voice."""
        wanted = [voice.casefold()] + ([DEFAULT_VOICE_NAME.casefold()] if voice == DEFAULT_VOICE else [])
        for name in wanted:
            for v in self._voices:
                if name in (v.id.casefold(), v.name.casefold()):
                    return v.id
        raise EspeakError(f"espeak-ng has no voice {voice!r}")

    def render(
        self,
        text: str,
        voice: str = DEFAULT_VOICE,
        rate: int = DEFAULT_RATE,
        pitch: int = DEFAULT_PITCH,
        cancelled: Callable[[], bool] | None = None,
    ) -> Rendering:
        """Synthesise `text`; word timings point at its characters. `cancelled()` true stops it (RenderCancelled)."""
        if rate not in RATE_RANGE or pitch not in PITCH_RANGE:
            raise ValueError(f"rate {rate} (80-450 words a minute) or pitch {pitch} (0-100) is out of range")
        text = text.replace("\0", " ")  # a NUL would end the C string early
        with self._lock:
            self._apply(voice, rate, pitch)
            if not text.strip():
                return Rendering(b"", self.sample_rate, (), 0)
            self._cancelled = cancelled
            try:
                events, pcm = self._synth(text)
            finally:
                self._cancelled = None
        words = word_timings(text, events, self.positions_in_bytes)
        return Rendering(pcm, self.sample_rate, words, round(len(pcm) / 2 * 1000 / self.sample_rate))

    def _synth(self, text: str) -> tuple[list[tuple[int, int, int]], bytes]:
        self._pcm, self._events, self._aborted, self._failure = [], [], False, None
        started = time.perf_counter()
        status = self._lib.Synth(text, flags=self._lib.CHARS_UTF8)
        self._lib.Synchronize()
        self.last_synthesis_ms = (time.perf_counter() - started) * 1000.0
        if self._failure is not None:
            raise EspeakError(f"reading espeak-ng's output failed: {self._failure!r}") from self._failure
        if self._aborted:
            raise RenderCancelled()
        if status != _EE_OK:
            raise EspeakError(f"espeak-ng could not synthesise the text (status {status})")
        pcm = b"".join(self._pcm)
        if sys.byteorder == "big":  # espeak hands over native shorts; WAV is little-endian
            samples = array.array("h", pcm)
            samples.byteswap()
            pcm = samples.tobytes()
        return self._events, pcm

    def _on_synth(self, wav, count, events) -> int:  # noqa: ANN001 (ctypes pointers)
        # Runs inside espeak: an exception here would only be printed, so keep it and stop the synthesis.
        try:
            if self._cancelled is not None and self._cancelled():
                self._aborted = True
                return 1
            if wav and count > 0:
                self._pcm.append(ctypes.string_at(wav, count * 2))
            i = 0
            while events and events[i].type != self._lib.EVENT_LIST_TERMINATED:
                event = events[i]
                if event.type == self._lib.EVENT_WORD:
                    self._events.append((event.text_position, event.length, event.audio_position))
                i += 1
            return 0
        except BaseException as exc:  # noqa: BLE001
            self._failure = exc
            return 1

    def _apply(self, voice: str, rate: int, pitch: int) -> None:
        wanted = (self.resolve_voice(voice), rate, pitch)
        if wanted == self._applied:
            return
        self._applied = None
        if self._lib.SetVoiceByName(wanted[0].encode("utf-8")) != _EE_OK:
            raise EspeakError(f"espeak-ng could not load the voice {wanted[0]!r}")
        # Set after the voice and every time: 1.51 keeps them across voices, but that is not documented.
        self._lib.SetParameter(self._lib.RATE, rate, 0)
        self._lib.SetParameter(self._lib.PITCH, pitch, 0)
        self._applied = wanted

    def _list_voices(self) -> list[Voice]:
        voices = []
        for v in self._lib.ListVoices(None):
            # `languages` starts with a priority byte before the language code.
            language = (v.languages or b"")[1:].decode("utf-8", "replace")
            voice_id, name = ((raw or b"").decode("utf-8", "replace") for raw in (v.identifier, v.name))
            voices.append(Voice(voice_id, name, language))
        return voices

    def _count_bytes(self) -> bool:
        # espeak-ng 1.51 counts text positions in characters; older espeak builds counted UTF-8 bytes. In
        # "é tea", "tea" is character 3 but byte 4.
        self._apply(DEFAULT_VOICE, DEFAULT_RATE, DEFAULT_PITCH)
        events, _ = self._synth("é tea")
        return any(position == 4 for position, _, _ in events)
