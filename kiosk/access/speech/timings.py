"""espeak-ng's word events turned into word timings: 0-based character spans of the spoken text, in time order."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Callable, Iterable

_TOKEN = re.compile(r"\S+")
_JOINERS = "-'’,.·"  # inside a word or number: "well-known", "people's", "20,000", "U.K", "3.5"


@dataclass(frozen=True)
class WordTiming:
    """One spoken word: where it is in the text (0-based characters) and when its audio starts."""

    char_start: int
    char_len: int
    start_ms: int


@dataclass
class _Group:
    start: int
    end: int
    ms: int
    token: int


def char_index(text: str, positions_in_bytes: bool) -> Callable[[int], int]:
    """Turn a 0-based espeak offset (characters, or UTF-8 bytes on builds that count bytes) into a character index."""
    if not positions_in_bytes:
        return lambda offset: max(0, min(offset, len(text)))
    at_byte: list[int] = []
    for index, ch in enumerate(text):
        at_byte += [index] * len(ch.encode("utf-8"))
    at_byte.append(len(text))
    return lambda offset: at_byte[max(0, min(offset, len(at_byte) - 1))]


def _extend_word(text: str, end: int, limit: int) -> int:
    # espeak's span can stop short of the word written: "well" of "well-known", "people" of "people's", "£20,0"
    # of "£20,000". Reach the end of the letters and digits, across joining marks between them.
    while end < limit and (
        text[end].isalnum() or (text[end] in _JOINERS and end + 1 < limit and text[end + 1].isalnum())
    ):
        end += 1
    return end


def word_timings(
    text: str, events: Iterable[tuple[int, int, int]], positions_in_bytes: bool = False
) -> tuple[WordTiming, ...]:
    """Word timings from espeak WORD events (1-based text_position, length, audio_position in ms) for `text`.

    Zero-length events and events that start on a space are dropped; the pieces espeak says for one number
    ("£20,000", "1,234", "10-15") become one word; a span reaches the end of its written word ("well-known",
    "people's"); start times come out strictly increasing.
    """
    to_char = char_index(text, positions_in_bytes)
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    token_starts = [start for start, _ in tokens]
    groups: list[_Group] = []
    for position, length, ms in events:
        if position < 1 or length < 1:  # espeak marks clause ends with zero-length "words"
            continue
        start, end = to_char(position - 1), to_char(position - 1 + length)
        token = bisect_right(token_starts, start) - 1
        if token < 0 or start >= tokens[token][1]:  # on a space: e.g. the second word espeak says for one emoji
            continue
        end = min(end, tokens[token][1])  # espeak's spans inside numbers run on into the next space
        if end <= start:
            continue
        last = groups[-1] if groups else None
        if last is not None and last.token == token and start <= last.end:
            last.end = max(last.end, end)
            continue
        groups.append(_Group(start, end, ms, token))
    words: list[WordTiming] = []
    for i, group in enumerate(groups):
        following = groups[i + 1] if i + 1 < len(groups) else None
        limit = following.start if following is not None and following.token == group.token else tokens[group.token][1]
        end = _extend_word(text, group.end, limit)
        if words and group.ms <= words[-1].start_ms:
            if group.ms < words[-1].start_ms:  # out of time order: keep what was already heard
                continue
            words.pop()  # the same instant: the earlier word would be highlighted for 0 ms
        words.append(WordTiming(group.start, end - group.start, group.ms))
    return tuple(words)
