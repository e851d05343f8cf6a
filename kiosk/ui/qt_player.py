"""The audio player speech uses in the kiosk: QtMultimedia's QMediaPlayer on the default audio output."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtMultimedia import QAudio, QAudioOutput, QMediaDevices, QMediaPlayer

DEFAULT_VOLUME = 0.8  # until the window sets the school's level (EN 301 549 5.1.3.13: back to it every visit)


def audio_output_problem() -> str | None:
    """None when there is somewhere to play sound; otherwise why not."""
    return None if QMediaDevices.audioOutputs() else "no audio output device was found"


class QtPlayer(QObject):
    """Plays WAV files; what SpeechController needs and no more."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._output = QAudioOutput(self)
        self._output.setVolume(DEFAULT_VOLUME)
        self._player = QMediaPlayer(self)
        self._player.setAudioOutput(self._output)

    def set_volume(self, loudness: float) -> None:
        """Play at `loudness` (0 to 1 as ears hear it): the output takes a linear level, so equal steps of loudness
        sound equal rather than crowding at the top."""
        scale = QAudio.VolumeScale
        self._output.setVolume(QAudio.convertVolume(loudness, scale.LogarithmicVolumeScale, scale.LinearVolumeScale))

    def volume(self) -> float:
        """The output's linear level, as the player uses it."""
        return self._output.volume()

    def load(self, wav: Path) -> None:
        self._player.setSource(QUrl.fromLocalFile(str(wav)))

    def play(self) -> None:
        self._player.play()

    def pause(self) -> None:
        self._player.pause()

    def stop(self) -> None:
        self._player.stop()

    def seek(self, ms: int) -> None:
        self._player.setPosition(ms)

    def position(self) -> int:
        return self._player.position()

    def playing(self) -> bool:
        return self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
