"""Speech volume: each visit starts at the school's level, a pupil can go quieter and back up but never louder,
and the next visit starts at the school's level again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QAudio

from kiosk.content.pages.display import display_page
from kiosk.content.pages.page import Target
from kiosk.ui.qt_player import QtPlayer
from kiosk.ui.session_display import VOLUME_STEPS, Display, change_display, speech_loudness
from kiosk.ui.speech_controller import SpeechController
from kiosk.ui.widgets.kiosk_button import KioskButton

SCALE = QAudio.VolumeScale
# The real player's FFmpeg backend looks for hardware video decoders (VA-API) and a sound server as it starts;
# a test machine has neither, and the player's level is what is tested here, not its sound.
pytestmark = pytest.mark.qt_log_ignore(r"^Couldn't (load|resolve) (va|pipewire)", r"^PulseAudioService: ")


class AskedFor:
    """A speech worker that notes what it was asked to say and renders nothing, so the real player plays nothing."""

    def __init__(self) -> None:
        self.requests: list[str] = []

    def request(self, request_id, text, voice, rate, pitch, on_done) -> None:
        self.requests.append(text)


def linear(loudness: float) -> float:
    return QAudio.convertVolume(loudness, SCALE.LogarithmicVolumeScale, SCALE.LinearVolumeScale)


@pytest.fixture
def school_window(make_window, settings, reader):
    """A kiosk whose school level is 60, speaking through the real Qt player (nothing is played)."""
    window = make_window(settings._replace(speech_volume=60), reader)
    player = QtPlayer()
    window.set_speaker(SpeechController(AskedFor(), player, "gmw/en", 130, 50))
    return window, player


def tap(qtbot, window, label: str) -> None:
    [button] = [b for b in window.screen_widget.findChildren(KioskButton) if b.label == label]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_visit_starts_at_the_schools_level_and_louder_goes_no_higher(qtbot, school_window) -> None:
    window, player = school_window
    assert player.volume() == pytest.approx(linear(0.6))
    window.open(Target("display"))
    for _ in range(3):
        tap(qtbot, window, "Louder")
        assert player.volume() == pytest.approx(linear(0.6))
    louder = [c for c in window.screen_widget.page.choices if c.label == "Louder"][0]
    assert louder.detail == "It is as loud as it goes"
    heard = []
    for _ in range(5):  # down to the quietest, each step quieter than the last, then no further
        tap(qtbot, window, "Quieter")
        heard.append(player.volume())
        assert window.navigator.current == Target("display")  # it stays, to be tapped again
    assert heard[:3] == sorted(heard[:3], reverse=True) and heard[2:] == [heard[2]] * 3
    assert heard[-1] == pytest.approx(linear(0.6 * VOLUME_STEPS[0])) and heard[-1] > 0
    for _ in range(6):
        tap(qtbot, window, "Louder")
        assert player.volume() <= linear(0.6) + 1e-9
    assert window.speaker._worker.requests[-2:] == ["Louder", "Louder"]  # heard at each new level


def test_the_next_visit_starts_at_the_schools_level_again(qtbot, school_window) -> None:
    window, player = school_window
    window.open(Target("display"))
    tap(qtbot, window, "Quieter")
    tap(qtbot, window, "Quieter")
    assert player.volume() == pytest.approx(linear(0.6 * VOLUME_STEPS[-3]))
    window.idle.idle.emit()  # the pupil walked away
    assert window.display.volume_step == len(VOLUME_STEPS) - 1
    assert player.volume() == pytest.approx(linear(0.6))


def test_a_new_school_level_applies_at_once(qtbot, school_window) -> None:
    window, player = school_window
    window.apply_settings(window.settings._replace(speech_volume=30))
    assert player.volume() == pytest.approx(linear(0.3))
    window.apply_settings(window.settings._replace(speech_volume=0))
    assert player.volume() == 0


def test_without_speech_there_is_no_volume_to_choose(make_window, settings, reader) -> None:
    window = make_window(settings, reader)
    window.open(Target("display"))
    labels = [c.label for c in window.screen_widget.page.choices]
    assert "Louder" not in labels and "Quieter" not in labels and "Bigger text" in labels


def test_loudness_never_passes_the_schools_level() -> None:
    display = Display()
    for action in ["louder"] * 3 + ["quieter"] * 9 + ["louder"] * 9:
        display = change_display(display, Target("volume", action))
        assert 0 <= display.volume_step < len(VOLUME_STEPS)
        for school in (0, 1, 50, 80, 100):
            assert 0 <= speech_loudness(school, display) <= school / 100
    assert speech_loudness(80, Display()) == 0.8
    # Equal steps in loudness are far from equal in the output's linear level: the top step is the biggest.
    levels = [linear(0.8 * f) for f in VOLUME_STEPS]
    assert levels == sorted(levels) and levels[-1] - levels[-2] > levels[1] - levels[0]


def test_the_volume_choices_say_when_they_can_go_no_further() -> None:
    choices = {c.label: c for c in display_page("standard", False, (0, 3)).choices}
    assert choices["Quieter"].detail == "It is as quiet as it goes"
    assert choices["Louder"].detail == "Make the voice louder" and choices["Louder"].target == Target("volume", "louder")
    middle = {c.label: c.detail for c in display_page("standard", False, (2, 3)).choices}
    assert (middle["Quieter"], middle["Louder"]) == ("Make the voice quieter", "Make the voice louder")
