"""The Speaker protocol views use to speak text, and a FakeSpeaker for tests that needs no audio and no espeak."""

from __future__ import annotations

import re
from typing import Callable, Protocol, runtime_checkable

from kiosk.access.speech.timings import WordTiming

_SENTENCE_END = re.compile(r"[.!?]")


class SignalLike(Protocol):
    """What views use of a signal: a Qt Signal instance fits, and so does Callbacks."""

    def connect(self, slot: Callable[..., object]) -> object: ...

    def emit(self, *args: object) -> None: ...


@runtime_checkable
class Speaker(Protocol):
    """Speaks text with word highlighting. The UI's SpeechController implements it over QtMultimedia.

    Signals: `started()` when the audio starts; `word_started(index)` when the word heard changes, where
    `index` is a position in `words`; `finished(completed)` when speech ends, `completed` False if it was
    stopped or replaced by another speak().
    """

    started: SignalLike
    word_started: SignalLike
    finished: SignalLike

    @property
    def words(self) -> tuple[WordTiming, ...]:
        """The current text's word timings (character spans into the text given to speak()), from `started` on."""
        ...

    def speak(self, text: str) -> None:
        """Stop whatever is being said, then say `text` (plain text; markup is stripped before speaking)."""

    def stop(self) -> None:
        """Stop at once and clear the highlight; emits finished(False) if something was being said."""

    def pause(self) -> None:
        """Hold the speech where it is (no effect when nothing is playing)."""

    def resume(self) -> None:
        """Carry on from where pause() held it."""

    def repeat(self) -> None:
        """Say the current sentence again from its start; straight after a repeat, go back to the top instead.

        After the speech has finished, say the whole text again.
        """


class Callbacks:
    """A plain-Python stand-in for a Qt signal: connect callables, emit to them in order."""

    def __init__(self) -> None:
        self._slots: list[Callable[..., object]] = []

    def connect(self, slot: Callable[..., object]) -> None:
        self._slots.append(slot)

    def disconnect(self, slot: Callable[..., object]) -> None:
        self._slots.remove(slot)

    def emit(self, *args: object) -> None:
        for slot in list(self._slots):
            slot(*args)


def even_timings(text: str, ms_per_word: int = 300) -> tuple[tuple[WordTiming, ...], int]:
    """Made-up timings for FakeSpeaker: each whitespace-separated word takes `ms_per_word`."""
    spans = [m.span() for m in re.finditer(r"\S+", text)]
    words = tuple(WordTiming(start, end - start, i * ms_per_word) for i, (start, end) in enumerate(spans))
    return words, len(words) * ms_per_word


class FakeSpeaker:
    """A Speaker for UI tests: records calls and emits word events as the test advances its clock; no audio."""

    def __init__(self, timings: Callable[[str], tuple[tuple[WordTiming, ...], int]] = even_timings) -> None:
        self.calls: list[tuple[object, ...]] = []
        self.started, self.word_started, self.finished = Callbacks(), Callbacks(), Callbacks()
        self._timings = timings
        self.text = ""
        self.words: tuple[WordTiming, ...] = ()
        self.duration_ms = 0
        self.position_ms = 0
        self.speaking = False
        self.paused = False
        self._index = -1
        self._just_repeated = False

    def speak(self, text: str) -> None:
        self.calls.append(("speak", text))
        self._end(completed=False)
        self.text = text
        self.words, self.duration_ms = self._timings(text)
        self._play_from(0)

    def stop(self) -> None:
        self.calls.append(("stop",))
        self._end(completed=False)

    def pause(self) -> None:
        self.calls.append(("pause",))
        self.paused = self.speaking

    def resume(self) -> None:
        self.calls.append(("resume",))
        self.paused = False

    def repeat(self) -> None:
        self.calls.append(("repeat",))
        if not self.speaking:
            if self.text:
                self._play_from(0)
            return
        start = 0 if self._just_repeated else self._sentence_start(max(self._index, 0))
        self.position_ms = self.words[start].start_ms if self.words else 0
        self._just_repeated = True
        self._catch_up()

    def advance(self, ms: int) -> None:
        """Move the fake clock on `ms` milliseconds: playing speech moves on, emitting its word events."""
        if not self.speaking or self.paused or ms <= 0:
            return
        self.position_ms = min(self.position_ms + ms, self.duration_ms)
        self._just_repeated = False
        self._catch_up()
        if self.position_ms >= self.duration_ms:
            self.speaking = False
            self.finished.emit(True)

    def _play_from(self, position_ms: int) -> None:
        self.position_ms, self._index = position_ms, -1
        self.speaking, self.paused, self._just_repeated = True, False, False
        self.started.emit()
        self._catch_up()

    def _catch_up(self) -> None:
        # Each word passed is emitted in order, so tests see every index (the real controller may skip some).
        due = sum(1 for w in self.words if w.start_ms <= self.position_ms) - 1
        if due < self._index:  # moved back (repeat): the word now heard
            self._index = due
            if due >= 0:
                self.word_started.emit(due)
        while self._index < due:
            self._index += 1
            self.word_started.emit(self._index)

    def _sentence_start(self, index: int) -> int:
        while index > 0:
            previous = self.words[index - 1]
            between = self.text[previous.char_start : self.words[index].char_start]
            if _SENTENCE_END.search(between):
                break
            index -= 1
        return index

    def _end(self, completed: bool) -> None:
        if self.speaking:
            self.speaking = self.paused = False
            self.finished.emit(completed)
