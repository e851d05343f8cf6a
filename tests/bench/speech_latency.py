"""Speech latency: tap (request) to the WAV on disk, uncached and cached, against espeak-ng's own synthesis time."""

from __future__ import annotations

import tempfile
import threading
import time
from pathlib import Path
from typing import Callable

from kiosk.access.speech import espeak
from kiosk.access.speech.espeak import DEFAULT_PITCH, DEFAULT_RATE, DEFAULT_VOICE, Espeak, Rendering
from kiosk.access.speech.worker import Rendered, SpeechResult, SpeechWorker
from tests.bench.stats import log, p50_p95, r2

PARAGRAPH = (
    "Nurses look after people who are ill or hurt. They work in hospitals, surgeries and people's homes. "
    "They check how patients are and give them their medicines."
)
# One different word appended per run, so that every uncached run really renders.
EXTRA_WORDS = (
    "today now here too again soon then still also next first last well yes so once more just even ever "
    "after daily often always together mostly nearby lately early later"
).split()
RUNS = (30, 8)  # (full, quick)
TARGET_P95_MS = 250
WAIT_S = 30.0


class _TimedEngine:
    """The real engine, noting espeak-ng's own synthesis time (Synth + Synchronize) of each render."""

    def __init__(self, engine: Espeak, synthesis_ms: list[float]) -> None:
        self._engine, self._synthesis_ms = engine, synthesis_ms
        self.version = engine.version

    def render(
        self, text: str, voice: str, rate: int, pitch: int, cancelled: Callable[[], bool] | None = None
    ) -> Rendering:
        rendering = self._engine.render(text, voice, rate, pitch, cancelled)
        self._synthesis_ms.append(self._engine.last_synthesis_ms)
        return rendering


def _tap(worker: SpeechWorker, request_id: int, text: str) -> float:
    """Milliseconds from request() to on_done with the WAV ready on disk."""
    done = threading.Event()
    finished: list[tuple[float, SpeechResult]] = []

    def on_done(_: object, result: SpeechResult) -> None:
        finished.append((time.perf_counter(), result))
        done.set()

    started = time.perf_counter()
    worker.request(request_id, text, DEFAULT_VOICE, DEFAULT_RATE, DEFAULT_PITCH, on_done)
    if not done.wait(WAIT_S):
        raise RuntimeError(f"no speech after {WAIT_S} s")
    at, result = finished[0]
    if not isinstance(result, Rendered) or not result.wav_path.is_file():
        raise RuntimeError(f"speech failed: {result}")
    return (at - started) * 1000.0


def run(quick: bool) -> dict[str, object]:
    """Measure and return the figures as a dict (see the module docstring)."""
    result: dict[str, object] = {"paragraph_words": len(PARAGRAPH.split()), "target_p95_ms": TARGET_P95_MS}
    reason = espeak.problem()
    if reason is not None:
        return {**result, "skipped": reason}
    runs = RUNS[1] if quick else RUNS[0]
    texts = [f"{PARAGRAPH} {word.capitalize()}." for word in EXTRA_WORDS[:runs]]
    synthesis_ms: list[float] = []
    with tempfile.TemporaryDirectory(prefix="kiosk-speech-bench-") as tmp:
        worker = SpeechWorker(Path(tmp), renderer_factory=lambda: _TimedEngine(espeak.open_espeak(), synthesis_ms))
        worker.start()
        try:
            _tap(worker, -1, "Warming up.")  # opens espeak-ng on the worker thread: not a tap a pupil waits for
            synthesis_ms.clear()
            log(f"speech_latency: {runs} uncached taps")
            uncached = [_tap(worker, i, text) for i, text in enumerate(texts)]
            log(f"speech_latency: {runs} cached taps")
            cached = [_tap(worker, runs + i, text) for i, text in enumerate(texts)]
        finally:
            worker.stop(WAIT_S)
    tap, synth = p50_p95(uncached), p50_p95(synthesis_ms)
    return {
        **result,
        "runs": runs,
        "tap_to_audio_ms": tap,
        "espeak_synthesis_ms": synth,
        "ratio_p95": r2(tap["p95"] / synth["p95"]) if synth["p95"] else None,
        "cached_ms": p50_p95(cached),
    }
