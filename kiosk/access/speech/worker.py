"""One thread that owns espeak-ng: renders the latest speech request to a cached WAV and reports back."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Hashable, Protocol, Union

from kiosk.access.speech import espeak
from kiosk.access.speech.cache import DEFAULT_MAX_BYTES, SpeechCache, speech_key
from kiosk.access.speech.espeak import RenderCancelled, Rendering
from kiosk.access.speech.text import clean_for_speech
from kiosk.access.speech.timings import WordTiming

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rendered:
    """A request's speech, ready on disk: the WAV, word timings into the request's text, and its length."""

    request_id: Hashable
    wav_path: Path
    words: tuple[WordTiming, ...]
    duration_ms: int
    cached: bool = False


@dataclass(frozen=True)
class Superseded:
    """A request dropped because a newer, different one arrived before its speech was ready."""

    request_id: Hashable


@dataclass(frozen=True)
class SpeechFailed:
    """A request that could not be rendered, and why (also logged)."""

    request_id: Hashable
    reason: str


SpeechResult = Union[Rendered, Superseded, SpeechFailed]
OnDone = Callable[[Hashable, SpeechResult], None]


class Renderer(Protocol):
    """What the worker needs from an engine (espeak.Espeak; a fake in tests)."""

    version: str

    def render(
        self, text: str, voice: str, rate: int, pitch: int, cancelled: Callable[[], bool] | None = None
    ) -> Rendering: ...


@dataclass(frozen=True)
class _Request:
    request_id: Hashable
    text: str
    voice: str
    rate: int
    pitch: int
    on_done: OnDone

    def same_speech(self, other: _Request) -> bool:
        return (self.text, self.voice, self.rate, self.pitch) == (other.text, other.voice, other.rate, other.pitch)


class SpeechWorker:
    """Renders speech on one thread; only the latest waiting request is rendered; results go to on_done."""

    def __init__(
        self,
        cache_dir: Path,
        *,
        renderer_factory: Callable[[], Renderer] = espeak.open_espeak,
        max_cache_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        self._cache_dir = Path(cache_dir)
        self._max_cache_bytes = max_cache_bytes
        self._renderer_factory = renderer_factory
        self._cond = threading.Condition()
        self._pending: _Request | None = None
        self._dropped: list[_Request] = []
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._problem: str | None = None

    def start(self) -> None:
        """Start the thread; it opens espeak-ng (and the cache) there, so every espeak call stays on it."""
        with self._cond:
            if self._thread is not None or self._stopping:
                raise RuntimeError("a speech worker starts once")
            # A daemon, so that an engine stuck inside espeak cannot keep the kiosk from exiting.
            self._thread = threading.Thread(target=self._run, name="speech-worker", daemon=True)
        self._thread.start()

    def wait_until_ready(self, timeout: float) -> bool:
        """Wait until the thread has opened (or failed to open) the engine; False on timeout."""
        return self._ready.wait(timeout)

    def problem(self) -> str | None:
        """None when speech can work; otherwise why not (the engine's start-up error once the thread has run)."""
        if self._ready.is_set():
            return self._problem
        return espeak.problem()

    def available(self) -> bool:
        """Whether speech can work."""
        return self.problem() is None

    def request(self, request_id: Hashable, text: str, voice: str, rate: int, pitch: int, on_done: OnDone) -> None:
        """Ask for `text` to be rendered; on_done(request_id, result) is called later on the worker thread."""
        new = _Request(request_id, text, voice, rate, pitch, on_done)
        with self._cond:
            if self._stopping:
                raise RuntimeError("the speech worker has stopped")
            if self._pending is not None:  # a pupil tapping Speak twice wants the latest
                self._dropped.append(self._pending)
            self._pending = new
            self._cond.notify()

    def stop(self, timeout: float = 5.0) -> bool:
        """Stop the thread and wait up to `timeout` s for it; True if it ended. Waiting requests fail."""
        with self._cond:
            self._stopping = True
            self._cond.notify()
            thread = self._thread
        if thread is None:  # never started: nothing else will answer the waiting requests
            self._answer_waiting()
            return True
        thread.join(timeout)
        return not thread.is_alive()

    def _run(self) -> None:
        engine, cache = self._open()
        self._ready.set()
        while True:
            with self._cond:
                while self._pending is None and not self._dropped and not self._stopping:
                    self._cond.wait()
                if self._stopping:
                    break
                request, self._pending = self._pending, None
                dropped, self._dropped = self._dropped, []
            for old in dropped:
                self._deliver(old, Superseded(old.request_id))
            if request is not None:
                self._deliver(request, self._serve(request, engine, cache))
        self._answer_waiting()

    def _open(self) -> tuple[Renderer | None, SpeechCache | None]:
        try:
            return self._renderer_factory(), SpeechCache(self._cache_dir, self._max_cache_bytes)
        except Exception as exc:  # speech is optional: the kiosk keeps working and says why
            self._problem = str(exc) or type(exc).__name__
            log.error("speech is unavailable: %s", self._problem)
            return None, None

    def _serve(self, request: _Request, engine: Renderer | None, cache: SpeechCache | None) -> SpeechResult:
        if engine is None or cache is None:
            return SpeechFailed(request.request_id, self._problem or "speech is unavailable")
        try:
            key = speech_key(request.text, request.voice, request.rate, request.pitch, engine.version)
            hit = cache.get(key)
            if hit is not None:
                return Rendered(request.request_id, hit.wav_path, hit.words, hit.duration_ms, cached=True)
            clean = clean_for_speech(request.text)
            rendering = engine.render(
                clean.text, request.voice, request.rate, request.pitch, cancelled=lambda: self._outdated(request)
            )
            entry = cache.put(key, replace(rendering, words=clean.remap(rendering.words)))
            return Rendered(request.request_id, entry.wav_path, entry.words, entry.duration_ms)
        except RenderCancelled:
            if self._stopping:
                return SpeechFailed(request.request_id, "the speech worker stopped")
            return Superseded(request.request_id)
        except Exception as exc:  # one bad request must not end the worker
            log.exception("rendering speech for request %r failed", request.request_id)
            return SpeechFailed(request.request_id, f"{type(exc).__name__}: {exc}")

    def _outdated(self, request: _Request) -> bool:
        # Called from inside espeak's callback, so no lock: reading one attribute is atomic in CPython.
        pending = self._pending
        return self._stopping or (pending is not None and not pending.same_speech(request))

    def _answer_waiting(self) -> None:
        with self._cond:
            dropped, pending = self._dropped, self._pending
            self._pending, self._dropped = None, []
        for old in dropped:
            self._deliver(old, Superseded(old.request_id))
        if pending is not None:
            self._deliver(pending, SpeechFailed(pending.request_id, "the speech worker stopped"))

    @staticmethod
    def _deliver(request: _Request, result: SpeechResult) -> None:
        try:
            request.on_done(request.request_id, result)
        except Exception:  # a broken listener must not end the worker
            log.exception("the on_done for speech request %r failed", request.request_id)
