"""The speech worker, with a fake engine: caching, superseding, failures and stopping (no espeak, no audio)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable, Hashable

import pytest

from kiosk.access.speech import espeak
from kiosk.access.speech.espeak import RenderCancelled, Rendering
from kiosk.access.speech.timings import word_timings
from kiosk.access.speech.worker import Rendered, SpeechFailed, SpeechResult, SpeechWorker, Superseded
from kiosk.access.speech_engine import speech_engine_problem

WAIT = 10.0  # seconds: generous, only reached when something is broken


class FakeEngine:
    """Renders 100 ms of silence per word; can hold a render until a test lets it go."""

    version = "fake-1"

    def __init__(self) -> None:
        self.rendered: list[str] = []
        self.threads: set[str] = set()
        self.gate: threading.Event | None = None
        self.holding = threading.Event()
        self.fail_on: str | None = None

    def render(
        self, text: str, voice: str, rate: int, pitch: int, cancelled: Callable[[], bool] | None = None
    ) -> Rendering:
        self.threads.add(threading.current_thread().name)
        self.rendered.append(text)
        if self.gate is not None:
            self.holding.set()
            assert self.gate.wait(WAIT)
        if cancelled is not None and cancelled():
            raise RenderCancelled()
        if text == self.fail_on:
            raise ValueError("no such word")
        starts = [i for i, ch in enumerate(text) if ch != " " and (i == 0 or text[i - 1] == " ")]
        words = word_timings(text, [(start + 1, 1, n * 100) for n, start in enumerate(starts)])
        return Rendering(b"\0\0" * 2205 * len(words), 22050, words, 100 * len(words))


class Results:
    """Collects on_done calls; a test waits for the ids it expects."""

    def __init__(self) -> None:
        self.by_id: dict[Hashable, SpeechResult] = {}
        self.threads: set[str] = set()
        self._cond = threading.Condition()

    def __call__(self, request_id: Hashable, result: SpeechResult) -> None:
        with self._cond:
            self.by_id[request_id] = result
            self.threads.add(threading.current_thread().name)
            self._cond.notify_all()

    def wait(self, *ids: Hashable) -> dict[Hashable, SpeechResult]:
        with self._cond:
            assert self._cond.wait_for(lambda: set(ids) <= set(self.by_id), WAIT), f"no result for {ids}: {self.by_id}"
            return dict(self.by_id)


@pytest.fixture
def engine() -> FakeEngine:
    return FakeEngine()


@pytest.fixture
def worker(tmp_path: Path, engine: FakeEngine):
    w = SpeechWorker(tmp_path / "speech", renderer_factory=lambda: engine)
    w.start()
    yield w
    assert w.stop(WAIT)


def test_renders_to_a_wav_then_answers_from_the_cache(worker: SpeechWorker, engine: FakeEngine) -> None:
    results = Results()
    text = "<b>Chefs</b> cook  food."
    worker.request(1, text, "gmw/en", 130, 50, results)
    first = results.wait(1)[1]
    assert isinstance(first, Rendered) and not first.cached and first.wav_path.is_file()
    assert [text[w.char_start : w.char_start + w.char_len] for w in first.words] == ["Chefs", "cook", "food"]
    worker.request(2, text, "gmw/en", 130, 50, results)
    second = results.wait(2)[2]
    assert isinstance(second, Rendered) and second.cached
    assert (second.wav_path, second.words, second.duration_ms) == (first.wav_path, first.words, first.duration_ms)
    worker.request(3, text, "gmw/en", 100, 50, results)  # another rate is another rendering
    assert not results.wait(3)[3].cached
    assert engine.rendered == ["Chefs cook food.", "Chefs cook food."]
    assert engine.threads == results.threads == {"speech-worker"}


def test_only_the_latest_waiting_request_is_rendered(worker: SpeechWorker, engine: FakeEngine) -> None:
    results = Results()
    engine.gate = threading.Event()
    worker.request(1, "one", "gmw/en", 130, 50, results)
    assert engine.holding.wait(WAIT)
    for n, text in ((2, "two"), (3, "three"), (4, "four")):
        worker.request(n, text, "gmw/en", 130, 50, results)
    engine.gate.set()
    got = results.wait(1, 2, 3, 4)
    assert [type(got[n]) for n in (1, 2, 3, 4)] == [Superseded, Superseded, Superseded, Rendered]
    assert engine.rendered == ["one", "four"]  # "one" was cut short once a different request was waiting


def test_asking_again_for_the_same_speech_does_not_cut_it_short(worker: SpeechWorker, engine: FakeEngine) -> None:
    results = Results()
    engine.gate = threading.Event()
    worker.request(1, "hello there", "gmw/en", 130, 50, results)
    assert engine.holding.wait(WAIT)
    worker.request(2, "hello there", "gmw/en", 130, 50, results)
    engine.gate.set()
    got = results.wait(1, 2)
    assert isinstance(got[1], Rendered) and not got[1].cached
    assert isinstance(got[2], Rendered) and got[2].cached


def test_a_failed_render_is_reported_and_the_worker_carries_on(worker: SpeechWorker, engine: FakeEngine) -> None:
    results = Results()
    engine.fail_on = "bad"
    worker.request("a", "bad", "gmw/en", 130, 50, results)
    failed = results.wait("a")["a"]
    assert isinstance(failed, SpeechFailed) and "no such word" in failed.reason
    worker.request("b", "good", "gmw/en", 130, 50, results)
    assert isinstance(results.wait("b")["b"], Rendered)


def test_a_listener_that_raises_does_not_end_the_worker(worker: SpeechWorker) -> None:
    results = Results()

    def broken(request_id: Hashable, result: SpeechResult) -> None:
        raise RuntimeError("listener bug")

    worker.request(1, "first", "gmw/en", 130, 50, broken)
    worker.request(2, "second", "gmw/en", 130, 50, results)
    assert isinstance(results.wait(2)[2], Rendered)


def test_an_engine_that_cannot_start_fails_every_request(tmp_path: Path) -> None:
    def no_engine():
        raise espeak.EspeakError("the espeak-ng library is missing")

    worker = SpeechWorker(tmp_path, renderer_factory=no_engine)
    results = Results()
    worker.start()
    assert worker.wait_until_ready(WAIT)
    assert not worker.available() and worker.problem() == "the espeak-ng library is missing"
    worker.request(1, "hello", "gmw/en", 130, 50, results)
    assert results.wait(1)[1] == SpeechFailed(1, "the espeak-ng library is missing")
    assert worker.stop(WAIT)


def test_stop_joins_the_thread_and_refuses_new_requests(tmp_path: Path, engine: FakeEngine) -> None:
    worker = SpeechWorker(tmp_path, renderer_factory=lambda: engine)
    results = Results()
    worker.request(1, "waiting", "gmw/en", 130, 50, results)  # before start(): stays queued
    worker.request(2, "latest", "gmw/en", 130, 50, results)
    assert worker.stop(WAIT)  # never started: the waiting requests are answered here
    assert results.wait(1, 2) == {1: Superseded(1), 2: SpeechFailed(2, "the speech worker stopped")}
    with pytest.raises(RuntimeError):
        worker.request(3, "late", "gmw/en", 130, 50, results)
    with pytest.raises(RuntimeError):
        worker.start()


def test_stop_cuts_a_render_short(tmp_path: Path, engine: FakeEngine) -> None:
    worker = SpeechWorker(tmp_path, renderer_factory=lambda: engine)
    results = Results()
    engine.gate = threading.Event()
    worker.start()
    worker.request(1, "a long page", "gmw/en", 130, 50, results)
    assert engine.holding.wait(WAIT)
    assert not worker.stop(0)  # the render is held, so the thread cannot have ended
    engine.gate.set()
    assert results.wait(1)[1] == SpeechFailed(1, "the speech worker stopped")
    assert worker.stop(WAIT)


def test_availability_agrees_with_the_engine_check() -> None:
    reason = espeak.problem()
    assert espeak.available() == (reason is None)
    if speech_engine_problem() is not None:
        assert reason == speech_engine_problem()
