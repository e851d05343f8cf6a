"""FakeSpeaker: the Speaker the UI tests use, driven by a fake clock."""

from __future__ import annotations

import pytest

from kiosk.access.speech.speaker import Callbacks, FakeSpeaker, Speaker
from kiosk.access.speech.timings import WordTiming


@pytest.fixture
def speaker() -> tuple[FakeSpeaker, list[tuple[object, ...]]]:
    s = FakeSpeaker()
    heard: list[tuple[object, ...]] = []
    s.started.connect(lambda: heard.append(("started",)))
    s.word_started.connect(lambda i: heard.append(("word", i)))
    s.finished.connect(lambda completed: heard.append(("finished", completed)))
    return s, heard


def test_it_is_a_speaker() -> None:
    assert isinstance(FakeSpeaker(), Speaker)


def test_words_follow_the_fake_clock_to_the_end(speaker) -> None:
    s, heard = speaker
    s.speak("Chefs cook food.")
    assert heard == [("started",), ("word", 0)]
    assert [(w.char_start, w.char_len) for w in s.words] == [(0, 5), (6, 4), (11, 5)]
    s.advance(299)
    assert heard[-1] == ("word", 0)
    s.advance(1)
    assert heard[-1] == ("word", 1)
    s.advance(1000)
    assert heard[2:] == [("word", 1), ("word", 2), ("finished", True)]
    assert not s.speaking
    assert s.calls == [("speak", "Chefs cook food.")]


def test_pause_holds_and_resume_carries_on(speaker) -> None:
    s, heard = speaker
    s.speak("one two three")
    s.pause()
    s.advance(1000)
    assert heard == [("started",), ("word", 0)] and s.position_ms == 0
    s.resume()
    s.advance(300)
    assert heard[-1] == ("word", 1)
    assert s.calls == [("speak", "one two three"), ("pause",), ("resume",)]


def test_stop_and_a_new_speak_finish_incomplete(speaker) -> None:
    s, heard = speaker
    s.speak("one two")
    s.speak("three four")
    assert heard == [("started",), ("word", 0), ("finished", False), ("started",), ("word", 0)]
    s.stop()
    s.stop()  # stopping twice says finished once
    assert heard[-1] == ("finished", False) and heard.count(("finished", False)) == 2
    s.advance(1000)
    assert heard[-1] == ("finished", False)


def test_repeat_goes_to_the_sentence_then_to_the_top(speaker) -> None:
    s, heard = speaker
    s.speak("Nurses help. They care for people.")
    s.advance(4 * 300)  # into "for", in the second sentence
    assert heard[-1] == ("word", 4)
    s.repeat()
    assert heard[-1] == ("word", 2) and s.position_ms == 600
    s.repeat()
    assert heard[-1] == ("word", 0) and s.position_ms == 0
    s.advance(10_000)
    assert heard[-1] == ("finished", True)
    s.repeat()  # after the end: the whole text again
    assert heard[-2:] == [("started",), ("word", 0)]


def test_timings_can_be_given(speaker) -> None:
    s = FakeSpeaker(timings=lambda text: ((WordTiming(0, 5, 120), WordTiming(6, 3, 400)), 900))
    heard: list[int] = []
    s.word_started.connect(heard.append)
    s.speak("Would you")
    assert heard == []  # the first word starts at 120 ms
    s.advance(120)
    assert heard == [0]


def test_callbacks_connect_disconnect_and_emit_in_order() -> None:
    signal, seen = Callbacks(), []
    first, second = (lambda x: seen.append(("first", x))), (lambda x: seen.append(("second", x)))
    signal.connect(first)
    signal.connect(second)
    signal.emit(1)
    signal.disconnect(first)
    signal.emit(2)
    assert seen == [("first", 1), ("second", 1), ("second", 2)]
