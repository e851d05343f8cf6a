"""The speech cache: keys, WAV and timings round trip, corrupt entries, and the size cap."""

from __future__ import annotations

import wave
from pathlib import Path

from kiosk.access.speech.cache import SpeechCache, speech_key
from kiosk.access.speech.espeak import Rendering
from kiosk.access.speech.timings import WordTiming

WORDS = (WordTiming(0, 6, 0), WordTiming(7, 4, 506))


def rendering(frames: int = 2205, rate: int = 22050) -> Rendering:
    pcm = (bytes(range(256)) * (frames * 2 // 256 + 1))[: frames * 2]
    return Rendering(pcm, rate, WORDS, frames * 1000 // rate)


def test_the_key_covers_everything_that_changes_the_speech() -> None:
    base = ("Nurses look", "gmw/en", 130, 50, "1.51")
    key = speech_key(*base)
    assert key == speech_key(*base) and len(key) == 64
    variants = [("Nurses look.", *base[1:]), (base[0], "gmw/en-GB-x-rp", *base[2:]), (*base[:2], 100, *base[3:]),
                (*base[:3], 60, base[4]), (*base[:4], "1.52")]  # fmt: skip
    assert len({speech_key(*v) for v in variants} | {key}) == 6


def test_an_entry_round_trips_as_a_mono_16_bit_wav(tmp_path: Path) -> None:
    cache = SpeechCache(tmp_path)
    assert cache.get("k1") is None
    put = cache.put("k1", rendering())
    got = SpeechCache(tmp_path).get("k1")  # a new instance reads it from disk
    assert got == put and got.words == WORDS and got.duration_ms == 100
    with wave.open(str(got.wav_path), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate(), wav.getnframes()) == (1, 2, 22050, 2205)
        assert wav.readframes(2205) == rendering().pcm


def test_silence_is_a_valid_entry(tmp_path: Path) -> None:
    cache = SpeechCache(tmp_path)
    cache.put("empty", Rendering(b"", 22050, (), 0))
    assert cache.get("empty").duration_ms == 0


def test_corrupt_entries_are_dropped(tmp_path: Path) -> None:
    cache = SpeechCache(tmp_path)
    for key, spoil in {
        "bad-json": lambda json, wav: json.write_text("{not json"),
        "no-wav": lambda json, wav: wav.unlink(),
        "short-wav": lambda json, wav: wav.write_bytes(wav.read_bytes()[:1000]),
        "not-a-wav": lambda json, wav: wav.write_bytes(b"hello" * 2000),
        "bad-words": lambda json, wav: json.write_text(json.read_text().replace('"words": [[', '"words": [["x", ')),
    }.items():
        cache.put(key, rendering())
        spoil(tmp_path / f"{key}.json", tmp_path / f"{key}.wav")
        assert cache.get(key) is None, key
        assert not (tmp_path / f"{key}.json").exists() and not (tmp_path / f"{key}.wav").exists(), key
        assert cache.put(key, rendering()) == cache.get(key), "a dropped entry can be written again"


def test_the_least_recently_used_entries_go_first(tmp_path: Path) -> None:
    SpeechCache(tmp_path / "probe").put("x", rendering())
    one = sum(p.stat().st_size for p in (tmp_path / "probe").iterdir())  # the bytes one entry takes
    cache = SpeechCache(tmp_path / "c", max_bytes=3 * one)
    for key in ("a", "b", "c"):
        cache.put(key, rendering())
    assert cache.get("a") is not None  # "a" is now the most recently used
    cache.put("d", rendering())
    assert {p.stem for p in (tmp_path / "c").glob("*.json")} == {"a", "c", "d"}
    assert cache.size_bytes() == 3 * one <= cache.max_bytes


def test_an_entry_bigger_than_the_cap_is_kept_until_the_next(tmp_path: Path) -> None:
    cache = SpeechCache(tmp_path, max_bytes=100)
    cache.put("a", rendering())
    assert cache.get("a") is not None
    cache.put("b", rendering())
    assert cache.get("a") is None and cache.get("b") is not None


def test_leftovers_of_interrupted_writes_are_cleared(tmp_path: Path) -> None:
    cache = SpeechCache(tmp_path)
    cache.put("whole", rendering())
    (tmp_path / "half.wav.tmp").write_bytes(b"RIFF")
    (tmp_path / "orphan.wav").write_bytes(b"RIFF")
    reopened = SpeechCache(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["whole.json", "whole.wav"]
    assert reopened.size_bytes() == cache.size_bytes()
