"""Rendered speech on disk (a WAV and a JSON of word timings per key), capped in size, least recently used first out."""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import time
import wave
from dataclasses import dataclass
from pathlib import Path

from kiosk.access.speech.espeak import Rendering
from kiosk.access.speech.timings import WordTiming

FORMAT = 1  # bump when cleaning or timing rules change, so old entries are never reused
DEFAULT_MAX_BYTES = 200 * 1024 * 1024  # about 75 minutes of speech at 22,050 Hz
_WAV_HEADER_BYTES = 44  # what the wave module writes for PCM

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CachedSpeech:
    """A cache entry: the WAV to play, its word timings and its length."""

    wav_path: Path
    words: tuple[WordTiming, ...]
    duration_ms: int


def speech_key(text: str, voice: str, rate: int, pitch: int, engine_version: str) -> str:
    """The cache key: SHA-256 of everything that changes the audio or its timings."""
    fields = [FORMAT, text, voice, rate, pitch, engine_version]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


class SpeechCache:
    """A folder of rendered speech; not thread-safe (the speech worker is its one user)."""

    def __init__(self, folder: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.folder = Path(folder)
        self.max_bytes = max_bytes
        self.folder.mkdir(parents=True, exist_ok=True)
        for leftover in self.folder.glob("*.tmp"):  # from a write cut short
            leftover.unlink(missing_ok=True)
        for wav_path in self.folder.glob("*.wav"):  # a WAV whose JSON was never written is not an entry
            if not wav_path.with_suffix(".json").exists():
                wav_path.unlink(missing_ok=True)
        self._last_stamp = 0
        self._size = sum(self._sizes(key) for key in self._keys())

    def get(self, key: str) -> CachedSpeech | None:
        """The entry for `key`, marked as just used; None if absent or corrupt (a corrupt one is removed)."""
        meta_path, wav_path = self._paths(key)
        if not meta_path.exists():
            return None
        try:
            entry = self._read(key)
        except (OSError, ValueError, KeyError, TypeError, EOFError, wave.Error) as exc:
            log.warning("dropping corrupt speech cache entry %s: %s", key, exc)
            self._remove(key)
            return None
        self._touch(meta_path)
        return entry

    def put(self, key: str, rendering: Rendering) -> CachedSpeech:
        """Store a rendering under `key` (WAV first, then the JSON that makes it visible) and evict as needed."""
        meta_path, wav_path = self._paths(key)
        self._size -= self._sizes(key)
        frames = len(rendering.pcm) // 2
        tmp = wav_path.with_suffix(".wav.tmp")
        with wave.open(str(tmp), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(rendering.sample_rate)
            out.writeframes(rendering.pcm)
        os.replace(tmp, wav_path)
        meta = {
            "format": FORMAT,
            "sample_rate": rendering.sample_rate,
            "frames": frames,
            "duration_ms": rendering.duration_ms,
            "words": [[w.char_start, w.char_len, w.start_ms] for w in rendering.words],
        }
        tmp = meta_path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(meta), encoding="utf-8")
        os.replace(tmp, meta_path)
        self._touch(meta_path)
        self._size += self._sizes(key)
        if self._size > self.max_bytes:
            self._evict(keep=key)
        return CachedSpeech(wav_path, rendering.words, rendering.duration_ms)

    def size_bytes(self) -> int:
        """The bytes the cache's entries take on disk."""
        return self._size

    def _read(self, key: str) -> CachedSpeech:
        meta_path, wav_path = self._paths(key)
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if meta["format"] != FORMAT:
            raise ValueError(f"format {meta['format']!r}")
        words = tuple(WordTiming(int(s), int(n), int(ms)) for s, n, ms in meta["words"])
        with wave.open(str(wav_path), "rb") as wav:
            shape = (wav.getnchannels(), wav.getsampwidth(), wav.getframerate(), wav.getnframes())
        if shape != (1, 2, meta["sample_rate"], meta["frames"]):
            raise ValueError(f"WAV is {shape}, expected mono 16-bit {meta['sample_rate']} Hz, {meta['frames']} frames")
        if wav_path.stat().st_size < _WAV_HEADER_BYTES + 2 * meta["frames"]:
            raise ValueError("WAV is truncated")
        return CachedSpeech(wav_path, words, int(meta["duration_ms"]))

    def _touch(self, path: Path) -> None:
        # Stamps are set, not left to the filesystem: its clock is coarse (a few ms), which would tie entries.
        self._last_stamp = max(time.time_ns(), self._last_stamp + 1)
        os.utime(path, ns=(self._last_stamp, self._last_stamp))

    def _evict(self, keep: str) -> None:
        used = []
        for key in self._keys():
            with contextlib.suppress(OSError):
                used.append((self._paths(key)[0].stat().st_mtime_ns, key))
        for _, key in sorted(used):
            if self._size <= self.max_bytes:
                break
            if key != keep:
                self._remove(key)

    def _remove(self, key: str) -> None:
        self._size -= self._sizes(key)
        for path in self._paths(key):
            path.unlink(missing_ok=True)

    def _keys(self) -> list[str]:
        return [p.stem for p in self.folder.glob("*.json")]

    def _sizes(self, key: str) -> int:
        total = 0
        for path in self._paths(key):
            with contextlib.suppress(OSError):
                total += path.stat().st_size
        return total

    def _paths(self, key: str) -> tuple[Path, Path]:
        return self.folder / f"{key}.json", self.folder / f"{key}.wav"
