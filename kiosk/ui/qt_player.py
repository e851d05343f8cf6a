"""The audio player speech uses in the kiosk: QtMultimedia's QMediaPlayer on the default audio output."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer

DEFAULT_VOLUME = 0.8  # returned to at every idle reset (EN 301 549 5.1.3.13)


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
