"""Integration: real espeak-ng through the speech worker (skipped when libespeak-ng cannot be loaded)."""

from __future__ import annotations

import threading
import wave
from pathlib import Path

import pytest

from kiosk.access.speech import espeak
from kiosk.access.speech.worker import Rendered, SpeechResult, SpeechWorker

REASON = espeak.problem()


@pytest.mark.skipif(REASON is not None, reason=f"espeak-ng cannot be loaded: {REASON}")
def test_espeak_renders_mono_16_bit_speech_with_word_times_on_the_original_text(tmp_path: Path) -> None:
    text = "<b>Would</b> you like to be a chef?  A chef in a café earns £20,000 a year."
    done = threading.Event()
    results: list[SpeechResult] = []

    def on_done(request_id: object, result: SpeechResult) -> None:
        results.append(result)
        done.set()

    worker = SpeechWorker(tmp_path / "speech")
    worker.start()
    try:
        worker.request(1, text, espeak.DEFAULT_VOICE, espeak.DEFAULT_RATE, espeak.DEFAULT_PITCH, on_done)
        assert done.wait(30), "espeak-ng did not answer"
    finally:
        assert worker.stop(10)
    assert worker.available()
    (result,) = results
    assert isinstance(result, Rendered), result

    with wave.open(str(result.wav_path), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 22050)
        frames = wav.getnframes()
    assert frames > 22050 * 3  # about five seconds at 130 words a minute
    assert abs(result.duration_ms - frames * 1000 / 22050) <= 1

    starts = [w.start_ms for w in result.words]
    assert starts[0] == 0 and all(a < b for a, b in zip(starts, starts[1:])) and starts[-1] < result.duration_ms
    spoken = [text[w.char_start : w.char_start + w.char_len] for w in result.words]
    # espeak gives "be" after "to" no event; every other word is found where it is in the original.
    assert spoken == "Would you like to a chef A chef in a café earns £20,000 a year".split()
    assert text.index("café") == result.words[spoken.index("café")].char_start
    assert text.index("£20,000") == result.words[spoken.index("£20,000")].char_start
