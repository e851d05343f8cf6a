"""Speech on screen: Speak reads the page and follows each word; Stop is instant; no engine, no buttons."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.access.speech import Rendered, Superseded, WordTiming
from kiosk.content.pages.page import Target
from kiosk.ui.session_display import Display
from kiosk.ui.speech_controller import SpeechController
from kiosk.ui.widgets.symbol_text import SymbolText


class FakeWorker:
    """Renders at once on the calling thread: a word every 300 ms."""

    def __init__(self) -> None:
        self.requests: list[str] = []

    def request(self, request_id, text, voice, rate, pitch, on_done) -> None:
        self.requests.append(text)
        words, ms = [], 0
        import re

        for m in re.finditer(r"\S+", text):
            words.append(WordTiming(m.start(), m.end() - m.start(), ms))
            ms += 300
        on_done(request_id, Rendered(request_id, Path("/nowhere.wav"), tuple(words), ms))


class FakePlayer:
    def __init__(self) -> None:
        self.at, self.is_playing, self.loaded, self.loudness = 0, False, None, None

    def set_volume(self, loudness: float) -> None:
        self.loudness = loudness

    def load(self, wav) -> None:
        self.loaded = wav

    def play(self) -> None:
        self.is_playing = True

    def pause(self) -> None:
        self.is_playing = False

    def stop(self) -> None:
        self.is_playing, self.at = False, 0

    def seek(self, ms: int) -> None:
        self.at = ms

    def position(self) -> int:
        return self.at

    def playing(self) -> bool:
        return self.is_playing


@pytest.fixture
def speech():
    worker, player = FakeWorker(), FakePlayer()
    controller = SpeechController(worker, player, "gmw/en", 130, 50)
    yield controller, worker, player
    try:
        controller.stop()
    except RuntimeError:
        pass  # deleted with its window


def heard(controller: SpeechController, player: FakePlayer, ms: int) -> None:
    player.at = ms
    controller._tick()  # what the 40 ms timer does


def test_speak_reads_the_page_and_follows_it_word_by_word(qtbot, make_window, settings, reader, speech) -> None:
    controller, worker, player = speech
    window = make_window(settings, reader)
    window.set_speaker(controller)
    window.open(Target("occupation", "veterinarian"))
    qtbot.mouseClick(window.top_bar.speak_button, Qt.MouseButton.LeftButton)
    assert worker.requests[-1].startswith("Veterinarian\n")
    # Everything shown can be heard, small print too: the page's one list of where its figures come from.
    assert "Test figures: figures for 2024 and 2024 to 2035 (UK)." in worker.requests[-1]
    assert controller.speaking and player.is_playing
    title, subtitle = window.screen_widget.findChildren(SymbolText)[:2]
    heard(controller, player, 0)
    assert title.highlighted == 0  # "Veterinarian", the word itself, in words mode too
    # The subtitle is "Health · Also called: Vet".
    heard(controller, player, 900)  # the fourth word heard: "Also", the third word of the subtitle
    assert title.highlighted == -1 and subtitle.highlighted == 2
    assert subtitle.tokens[2].text == "Also"
    with qtbot.waitSignal(controller.finished) as done:
        qtbot.mouseClick(window.top_bar.stop_button, Qt.MouseButton.LeftButton)
    assert done.args == [False] and not player.is_playing
    assert all(w.highlighted == -1 for w in window.screen_widget.findChildren(SymbolText))


def test_picture_mode_highlights_the_word_and_its_symbol(qtbot, make_window, settings, reader, speech) -> None:
    controller, worker, player = speech
    window = make_window(settings, reader)
    window.set_speaker(controller)
    window.set_display(Display(mode="picture"))
    assert controller.rate == 100  # slower in the symbol modes
    window.open(Target("occupation", "nurse"))
    window.speak_page()
    paragraphs = window.screen_widget.findChildren(SymbolText)
    heard(controller, player, 0)
    assert paragraphs[0].highlighted == 0
    # A paragraph further down: find the first word of "What the job is" and hear it.
    heading = next(p for p in paragraphs if p.text == "What the job is")
    start = worker.requests[-1].index("What the job is")
    word = next(i for i, w in enumerate(controller.words) if w.char_start == start)
    heard(controller, player, controller.words[word].start_ms)
    assert heading.highlighted == 0 and paragraphs[0].highlighted == -1


def test_tapping_a_word_speaks_it_alone(qtbot, make_window, settings, reader, speech) -> None:
    controller, worker, _ = speech
    window = make_window(settings, reader)
    window.set_speaker(controller)
    window.set_display(Display(mode="picture"))
    window.open(Target("occupation", "nurse"))
    title = window.screen_widget.findChildren(SymbolText)[0]
    cell = next(c for c in title._cells(title.width()))
    qtbot.mouseClick(title, Qt.MouseButton.LeftButton, pos=cell.word.center().toPoint())
    assert worker.requests[-1] == "Nurse"


def test_moving_on_stops_speech(qtbot, make_window, settings, reader, speech) -> None:
    controller, _, player = speech
    window = make_window(settings, reader)
    window.set_speaker(controller)
    window.speak_page()
    assert controller.speaking
    window.open(Target("sectors"))
    assert not controller.speaking and not player.is_playing


def test_without_speech_there_are_no_speech_buttons(qtbot, make_window, settings, reader) -> None:
    window = make_window(settings, reader)
    assert window.top_bar.speak_button is None and window.top_bar.stop_button is None


def test_speech_keeps_the_kiosk_awake(qtbot, make_window, settings, reader, speech, clock) -> None:
    controller, _, player = speech
    window = make_window(settings, reader)
    window.set_speaker(controller)
    window.speak_page()
    clock.advance(settings.idle_timeout_s - 5)
    heard(controller, player, 300)
    window.idle.check()
    assert not window.overlay.isVisible()


def test_repeat_goes_back_a_sentence_then_to_the_top(qtbot, speech) -> None:
    controller, worker, player = speech
    controller.speak("One two three. Four five six.")
    heard(controller, player, 1200)  # "Four": after a pause longer than a word the sentence starts
    controller._starts = [0, 300, 600, 1200, 1500, 1800]
    controller.repeat()
    assert player.at == 1200
    controller.repeat()
    assert player.at == 0


def test_an_answer_for_an_old_request_is_ignored(qtbot, speech) -> None:
    controller, _, player = speech
    controller._rendered.emit(-5, Rendered(-5, Path("/old.wav"), (), 100))
    controller._rendered.emit(-6, Superseded(-6))
    assert player.loaded is None and not controller.speaking


def test_tap_to_hear_then_tap_again_to_choose(qtbot, make_window, data_dir, reader, speech) -> None:
    from kiosk.config import load_settings

    controller, worker, _ = speech
    settings = load_settings(data_dir, environ={}, tap_to_hear=True)
    window = make_window(settings, reader)
    window.set_speaker(controller)
    window.set_display(Display(mode="large"))
    tile = next(t for t in window.screen_widget.cells if t.label == "Things I like doing")  # big pictures: cells
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert worker.requests[-1] == "Things I like doing" and tile.marked
    assert window.navigator.current == Target("home")
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert window.navigator.current == Target("interests")


def test_speak_repeat_and_stop_keep_their_place_on_every_page(qtbot, make_window, settings, reader, speech) -> None:
    controller, _, _ = speech
    window = make_window(settings, reader)
    window.set_speaker(controller)
    places = set()
    for display in (Display(), Display(mode="picture"), Display(mode="large")):
        window.set_display(display)
        for target in (Target("home"), Target("sectors"), Target("occupation", "nurse"), Target("display")):
            window.open(target)
            bar = window.top_bar
            places.add(tuple((b.mapTo(window, b.rect().topLeft()).toTuple(), b.size().toTuple())
                             for b in (bar.back_button, bar.home_button, bar.speak_button, bar.repeat_button,
                                       bar.stop_button)))
    assert len(places) == 1
