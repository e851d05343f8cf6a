"""Speech on screen: renders through the access layer's worker, plays with QtMultimedia, and follows the words.

The GUI thread never waits: rendering happens on the worker's thread and comes back as a queued signal; a
40 ms timer reads the player's position and says which word is being heard.
"""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path
from typing import Hashable, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.access.speech import Rendered, SpeechResult, WordTiming

HIGHLIGHT_TICK_MS = 40
OUTPUT_LATENCY_MS = 0  # calibrated per device where the audio lags the player's position


class Player(Protocol):
    """What speech needs of an audio player (QtMultimedia in the kiosk, a fake in tests)."""

    def set_volume(self, loudness: float) -> None: ...
    def load(self, wav: Path) -> None: ...
    def play(self) -> None: ...
    def pause(self) -> None: ...
    def stop(self) -> None: ...
    def seek(self, ms: int) -> None: ...
    def position(self) -> int: ...
    def playing(self) -> bool: ...


class Renderer(Protocol):
    """The access layer's speech worker, as seen from here."""

    def request(self, request_id: Hashable, text: str, voice: str, rate: int, pitch: int, on_done) -> None: ...


class SpeechController(QObject):
    """Speaks text with word highlighting; implements the access layer's Speaker protocol with Qt signals."""

    started = Signal()
    word_started = Signal(int)  # an index into `words`, or -1 when nothing is highlighted
    finished = Signal(bool)  # True if the speech ran to its end
    _rendered = Signal(object, object)  # (request id, result), delivered on the GUI thread

    def __init__(self, worker: Renderer, player: Player, voice: str, rate: int, pitch: int,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._player = player
        self.voice, self.rate, self.pitch = voice, rate, pitch
        self._request = 0
        self._words: tuple[WordTiming, ...] = ()
        self._starts: list[int] = []
        self._duration = 0
        self._word = -1
        self._active = False
        self._repeated = False
        self._timer = QTimer(self)
        self._timer.setInterval(HIGHLIGHT_TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._rendered.connect(self._on_rendered)

    @property
    def words(self) -> tuple[WordTiming, ...]:
        return self._words

    @property
    def speaking(self) -> bool:
        return self._active

    def speak(self, text: str) -> None:
        self.stop()
        self._request += 1
        request = self._request
        # The worker calls back on its own thread; a signal carries the answer to this (GUI) thread.
        self._worker.request(request, text, self.voice, self.rate, self.pitch,
                             lambda rid, result: self._rendered.emit(rid, result))

    def set_volume(self, loudness: float) -> None:
        """How loud to speak, 0 to 1 as ears hear it (the window gives the school's level times the pupil's step)."""
        self._player.set_volume(loudness)

    def stop(self) -> None:
        self._request += 1  # whatever is still being rendered is no longer wanted
        self._player.stop()
        self._timer.stop()
        self._set_word(-1)
        if self._active:
            self._active = False
            self.finished.emit(False)

    def pause(self) -> None:
        if self._active and self._player.playing():
            self._player.pause()
            self._timer.stop()

    def resume(self) -> None:
        if self._active and not self._player.playing():
            self._player.play()
            self._timer.start()

    def repeat(self) -> None:
        if not self._words:
            return
        if not self._active:
            self._play_from(0)
            return
        # The current sentence again; straight after a repeat, the whole text from the top.
        start = 0 if self._repeated else self._sentence_start(max(self._word, 0))
        self._repeated = not self._repeated
        self._play_from(start)

    def _on_rendered(self, request_id: Hashable, result: SpeechResult) -> None:
        if request_id != self._request or not isinstance(result, Rendered):
            return  # superseded, failed (logged by the worker), or stopped meanwhile
        self._words = result.words
        self._starts = [w.start_ms for w in result.words]
        self._duration = result.duration_ms
        self._player.load(result.wav_path)
        self._repeated = False
        self._play_from(0)

    def _play_from(self, ms: int) -> None:
        self._player.seek(ms)
        self._player.play()
        if not self._active:
            self._active = True
            self.started.emit()
        self._timer.start()
        self._tick()

    def _tick(self) -> None:
        position = self._player.position() + OUTPUT_LATENCY_MS
        if not self._player.playing() and position >= self._duration - HIGHLIGHT_TICK_MS:
            self._timer.stop()
            self._set_word(-1)
            self._active = False
            self.finished.emit(True)
            return
        self._set_word(bisect_right(self._starts, position) - 1)

    def _set_word(self, index: int) -> None:
        if index != self._word:
            self._word = index
            self.word_started.emit(index)

    def _sentence_start(self, index: int) -> int:
        # Sentence boundaries are not in the timings; the previous long pause is a good stand-in.
        for i in range(index, 0, -1):
            if self._starts[i] - self._starts[i - 1] > 450:
                return self._starts[i]
        return 0
